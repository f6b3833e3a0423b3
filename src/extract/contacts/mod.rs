//! Contacts: phone numbers with their kind, hours and organization, and the
//! document's URLs.
//!
//! The rules, in order:
//! 1. URLs, e-mail addresses and file names are found first ([`urls`]);
//!    their spans are masked so that their digits never read as phones.
//! 2. Phone and FAX numbers are found in running text ([`phone`]).
//! 3. Each number is placed in its block of lines ([`blocks`]): the short
//!    lines above it (up to the heading, numbered section or running text
//!    that starts the block) give the organization, department, postal code,
//!    address and e-mail; the text before it on its line gives its label
//!    (「TEL」「専用電話番号」「フリーダイヤル」) and a bracket after it the
//!    label, extension (内線) or hours.
//! 4. Hours ([`hours`]) come from the number's own line (「電話 ０４８－…
//!    （平日８：３０～１７：１５）」), else from the first hours line below it
//!    in the block (「受付時間（平日）：８：３０～１７：００」).
//! 5. A number labelled FAX goes to `fax` of the contact before it in the
//!    same block; when there is none, it makes a contact with no phone.

pub mod blocks;
pub mod hours;
pub mod phone;
pub use crate::structure::mask as urls;

use crate::Span;
use serde::{Deserialize, Serialize};

use self::blocks::{Line, Part};
pub use self::hours::Hours;
use self::phone::{PhoneKind, PhoneMatch};
use crate::Document;

/// One way to reach the issuer.
///
/// ```
/// let notice = jpnotice::parse("【お問合せ窓口】\n青葉健診株式会社 総務課\nTEL：０３－１２３４－５６７８\n受付時間（平日）：９：００～１７：００");
/// let c = &notice.contacts[0];
/// assert_eq!(c.phone.as_deref(), Some("03-1234-5678"));
/// assert_eq!(c.organization.as_deref(), Some("青葉健診株式会社"));
/// assert_eq!(c.hours.as_deref(), Some("平日 9:00~17:00"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Contact {
    /// The organization of the contact block.
    pub organization: Option<String>,
    /// The department or desk.
    pub department: Option<String>,
    /// The label written with the number (「TEL」「専用電話番号」「フリーダイヤル」).
    pub label: Option<String>,
    /// The phone number in national format with hyphens (「0493-81-6089」);
    /// null for a FAX-only contact.
    pub phone: Option<String>,
    /// `toll_free`, `navi_dial`, `mobile`, `ip` or `landline`.
    pub phone_kind: Option<PhoneKind>,
    /// The extension (内線) as written (「3417」「214・215」).
    pub extension: Option<String>,
    /// The FAX number of the same contact, national format.
    pub fax: Option<String>,
    /// An e-mail address given in the block.
    pub email: Option<String>,
    /// The postal code given in the block (「500-8385」).
    pub postal_code: Option<String>,
    /// The address after the postal code.
    pub address: Option<String>,
    /// The number as written in the input.
    #[serde(flatten)]
    pub span: Span,
    /// Reception hours as written, tidied (「平日 8:30~17:00」).
    pub hours: Option<String>,
    /// The hours in a structured form.
    pub hours_structured: Option<Hours>,
    /// Where the hours are written in the input (「平日８：３０～１７：００」),
    /// for highlighting them; not serialized, so the JSON keeps the fields
    /// of `SCHEMA.md`.
    #[serde(skip)]
    pub hours_span: Option<Span>,
}

/// Finds contacts and URLs.
///
/// ```
/// use jpnotice::extract::contacts::phone::PhoneKind;
///
/// let doc = jpnotice::Document::new("電話 ０１２０－１４２－９６６\nhttps://a.example/x.pdf");
/// let mut warnings = Vec::new();
/// let (contacts, urls) = jpnotice::extract::contacts::extract(&doc, &mut warnings);
/// assert_eq!(contacts[0].phone_kind, Some(PhoneKind::TollFree));
/// assert_eq!(urls, ["https://a.example/x.pdf"]);
/// ```
pub fn extract(doc: &Document, warnings: &mut Vec<String>) -> (Vec<Contact>, Vec<String>) {
    let _ = warnings;
    let text = doc.text();
    let url_list = urls::url_list(text);
    let emails = urls::find_emails(text);
    let mut masked = urls::find_urls(text);
    masked.extend(emails.iter().copied());
    masked.extend(urls::find_file_names(text));
    let found = phone::find_phones(text, &masked);
    let page = Page::new(text, &found, &emails);
    let mut contacts: Vec<Placed> = Vec::new();
    for (k, m) in found.iter().enumerate() {
        page.place(doc, k, m, &mut contacts);
    }
    (contacts.into_iter().map(|p| p.contact).collect(), url_list)
}

/// A contact with the block and line of its number.
struct Placed {
    block: usize,
    line: usize,
    contact: Contact,
}

/// The text read as lines, with the numbers and addresses on each.
struct Page<'t> {
    text: &'t str,
    lines: Vec<Line>,
    /// Block number of each line.
    block: Vec<usize>,
    /// Whether each line starts a block (a heading, numbered section or
    /// running text without a number).
    boundary: Vec<bool>,
    /// Line index of each phone match.
    line_of: Vec<usize>,
    found: &'t [PhoneMatch],
    emails: &'t [(usize, usize)],
}

/// What the lines above a number say.
#[derive(Default)]
struct Context {
    organization: Option<String>,
    departments: Vec<String>,
    email: Option<String>,
    postal_code: Option<String>,
    address: Option<String>,
}

impl<'t> Page<'t> {
    fn new(text: &'t str, found: &'t [PhoneMatch], emails: &'t [(usize, usize)]) -> Self {
        let lines = blocks::lines(text);
        let line_of: Vec<usize> = found
            .iter()
            .map(|m| {
                lines
                    .iter()
                    .position(|l| l.start <= m.start && m.start < l.end)
                    .unwrap_or(0)
            })
            .collect();
        let mut block = Vec::with_capacity(lines.len());
        let mut boundary = Vec::with_capacity(lines.len());
        let mut current = 0usize;
        for (i, line) in lines.iter().enumerate() {
            let has_phone = line_of.contains(&i);
            let starts =
                !has_phone && blocks::is_boundary(text.get(line.start..line.end).unwrap_or(""));
            if starts {
                current = current.saturating_add(1);
            }
            block.push(current);
            boundary.push(starts);
        }
        Page {
            text,
            lines,
            block,
            boundary,
            line_of,
            found,
            emails,
        }
    }

    fn line_text(&self, i: usize) -> &'t str {
        self.lines
            .get(i)
            .and_then(|l| self.text.get(l.start..l.end))
            .unwrap_or("")
    }

    /// Adds match `k` to `contacts`: a new contact, or the FAX of the
    /// contact before it in the same block.
    fn place(&self, doc: &Document, k: usize, m: &PhoneMatch, contacts: &mut Vec<Placed>) {
        let line_index = self.line_of.get(k).copied().unwrap_or(0);
        let line = self
            .lines
            .get(line_index)
            .copied()
            .unwrap_or(Line { start: 0, end: 0 });
        let seg_start = match k.checked_sub(1).and_then(|p| self.found.get(p)) {
            Some(prev) if prev.end > line.start && prev.end <= m.start => prev.end,
            _ => line.start,
        };
        let seg_end = match self.found.get(k + 1) {
            Some(next) if next.start < line.end && next.start >= m.end => next.start,
            _ => line.end,
        };
        let pre = self.text.get(seg_start..m.start).unwrap_or("");
        let post = self.text.get(m.end..seg_end).unwrap_or("");
        let (names, label_before) = blocks::split_label(pre);
        let label_after = blocks::label_after(post);
        let label = label_before.clone().or_else(|| label_after.clone());
        let (fax_before, phone_too) = label_before
            .as_deref()
            .map_or((false, false), blocks::fax_label);
        let fax_after = label_after
            .as_deref()
            .is_some_and(|l| blocks::fax_label(l).0);
        let is_fax = fax_before || fax_after;
        let block = self.block.get(line_index).copied().unwrap_or(0);
        if is_fax && !phone_too {
            let owner = contacts
                .iter_mut()
                .rev()
                .find(|p| p.block == block && p.contact.fax.is_none() && p.contact.phone.is_some());
            if let Some(owner) = owner {
                owner.contact.fax = Some(m.national.clone());
                return;
            }
        }
        let context = self.context(line_index, names, seg_start == line.start);
        let hours = self.hours(line_index, post, m.end);
        let span = doc.span(m.start, m.end);
        let fax_only = is_fax && !phone_too;
        let contact = Contact {
            organization: context.organization,
            department: (!context.departments.is_empty()).then(|| context.departments.join(" ")),
            label,
            phone: (!fax_only).then(|| m.national.clone()),
            phone_kind: (!fax_only).then_some(m.kind),
            extension: blocks::extension(post),
            fax: is_fax.then(|| m.national.clone()),
            email: context.email,
            postal_code: context.postal_code,
            address: context.address,
            span,
            hours: hours.as_ref().map(|(h, _, _)| h.clone()),
            hours_span: hours.as_ref().map(|(_, _, (s, e))| doc.span(*s, *e)),
            hours_structured: hours.map(|(_, s, _)| s),
        };
        // 「FAX … / TEL …」: a FAX-only contact just before, in the same
        // block, takes this phone.
        if !fax_only
            && let Some(last) = contacts.last_mut()
            && last.block == block
            && last.contact.phone.is_none()
            && line_index.saturating_sub(last.line) <= 1
        {
            let fax = last.contact.fax.take();
            last.contact = Contact { fax, ..contact };
            last.line = line_index;
            return;
        }
        contacts.push(Placed {
            block,
            line: line_index,
            contact,
        });
    }

    /// Organization, department, e-mail and postal address from the lines
    /// of the block around line `i`, and the names before the number on
    /// its own line.
    fn context(&self, i: usize, names: &str, first_on_line: bool) -> Context {
        let block = self.block.get(i).copied();
        let mut parts: Vec<(String, Part)> = Vec::new();
        let mut ctx = Context::default();
        let mut above = Vec::new();
        for j in (0..i).rev().take(8) {
            if self.block.get(j).copied() != block || self.boundary.get(j) == Some(&true) {
                break;
            }
            // Once a name line is seen, a number or hours line above it
            // ends the previous contact: stop there.
            let named = !above.is_empty() && above.iter().any(|&a| !self.is_trailer(a));
            if named && self.is_trailer(j) {
                break;
            }
            above.push(j);
        }
        for &j in above.iter().rev() {
            self.read_line(j, &mut ctx, &mut parts);
        }
        if first_on_line || !names.trim().is_empty() {
            let own = names.trim();
            let sentence = own.contains('、')
                || own.contains('。')
                || own.chars().count() > 30
                || blocks::reads_as_sentence(own);
            if sentence {
                if let Some(name) = blocks::trailing_name(own) {
                    let kind = blocks::classify(&name);
                    parts.push((name, kind));
                }
            } else {
                for p in blocks::pieces(own) {
                    let kind = blocks::classify(&p);
                    parts.push((p, kind));
                }
            }
        }
        for j in (i + 1)..self.lines.len().min(i + 6) {
            if self.block.get(j).copied() != block {
                break;
            }
            let line = self.line_text(j);
            self.read_extras(j, line, &mut ctx);
        }
        self.read_extras(i, self.line_text(i), &mut ctx);
        let strong = parts
            .iter()
            .find(|(_, k)| *k == Part::StrongOrg)
            .map(|(p, _)| p.clone());
        let weak = parts
            .iter()
            .find(|(_, k)| *k == Part::WeakOrg)
            .map(|(p, _)| p.clone());
        ctx.organization = strong.clone().or(weak);
        if ctx.organization.is_none()
            && let Some(index) = parts.iter().position(|(_, k)| *k == Part::Department)
            && let Some((place, rest)) = parts
                .get(index)
                .and_then(|(p, _)| blocks::split_local_government(p))
        {
            ctx.organization = Some(place);
            if let Some(slot) = parts.get_mut(index) {
                slot.0 = rest;
            }
        }
        for (p, k) in &parts {
            let is_dept = *k == Part::Department || (*k == Part::WeakOrg && strong.is_some());
            if is_dept && Some(p) != ctx.organization.as_ref() && !ctx.departments.contains(p) {
                ctx.departments.push(p.clone());
            }
        }
        ctx
    }

    /// A line that closes a contact: a number, hours or an e-mail address.
    fn is_trailer(&self, j: usize) -> bool {
        let line = self.line_text(j);
        self.line_of.contains(&j) || line.contains('@') || hours::parse(line).is_some()
    }

    /// Reads one line above the number: names, unless it is a line of
    /// another number, hours, a URL or an address.
    fn read_line(&self, j: usize, ctx: &mut Context, parts: &mut Vec<(String, Part)>) {
        let line = self.line_text(j);
        self.read_extras(j, line, ctx);
        let has_phone = self.line_of.contains(&j);
        let noise = has_phone
            || line.contains("://")
            || line.contains('@')
            || line.contains('〒')
            || hours::parse(line).is_some();
        if noise {
            return;
        }
        for p in blocks::pieces(line) {
            let kind = blocks::classify(&p);
            parts.push((p, kind));
        }
    }

    /// E-mail and postal address on line `j`, when not yet known.
    fn read_extras(&self, j: usize, line: &str, ctx: &mut Context) {
        let Some(l) = self.lines.get(j) else { return };
        if ctx.email.is_none() {
            ctx.email = self
                .emails
                .iter()
                .find(|&&(s, _)| l.start <= s && s < l.end)
                .and_then(|&(s, e)| self.text.get(s..e))
                .map(str::to_owned);
        }
        if ctx.postal_code.is_none()
            && let Some((code, address)) = blocks::postal(line)
        {
            ctx.postal_code = Some(code);
            ctx.address = address;
        }
    }

    /// Hours from the text after the number on its line (which starts at
    /// `post_start`), else from the first hours line below it in the
    /// block: the tidied text, the structured form and the normalized byte
    /// range of the text.
    fn hours(
        &self,
        i: usize,
        post: &str,
        post_start: usize,
    ) -> Option<(String, Hours, (usize, usize))> {
        let own = post.split('。').next().unwrap_or("");
        if let Some((tidy, structured, (s, e))) = hours_in(own) {
            return Some((tidy, structured, (post_start + s, post_start + e)));
        }
        let block = self.block.get(i).copied();
        for j in (i + 1)..self.lines.len().min(i + 6) {
            if self.block.get(j).copied() != block {
                break;
            }
            if self.line_of.contains(&j) {
                continue;
            }
            if let Some((tidy, structured, (s, e))) = hours_in(self.line_text(j)) {
                let at = self.lines.get(j).map_or(0, |l| l.start);
                return Some((tidy, structured, (at + s, at + e)));
            }
        }
        None
    }
}

/// Hours in one segment: the tidied text, the structured form and the
/// byte range of the text in the segment.
fn hours_in(segment: &str) -> Option<(String, Hours, (usize, usize))> {
    let ((start, end), structured) = hours::parse(segment)?;
    let before = segment.get(..start)?;
    let begin = ["受付時間", "営業時間", "受付", "平日", "毎日"]
        .iter()
        .filter_map(|w| before.find(w))
        .chain(structured.days.as_deref().and_then(|d| before.rfind(d)))
        .min()
        .unwrap_or(start);
    let after = segment.get(end..)?;
    let tail = after
        .trim_start()
        .strip_prefix('(')
        .and_then(|inner| inner.find(')').map(|c| c + 1))
        .filter(|_| after.contains('除'))
        .map_or(0, |c| c + 1 + (after.len() - after.trim_start().len()));
    let stop = end.saturating_add(tail).min(segment.len());
    let written = segment.get(begin..stop)?;
    Some((hours::tidy(written), structured, (begin, stop)))
}

#[cfg(test)]
mod tests;
