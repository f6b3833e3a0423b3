//! URLs, e-mail addresses and file names in normalized text.
//!
//! A URL runs from `http://` or `https://` over the characters RFC 3986
//! allows; trailing punctuation and unbalanced closing brackets are cut
//! (「https://a.example/news.html）。」 → `https://a.example/news.html`).
//! Their spans also mask digits that must not be read as phone numbers.

use std::sync::LazyLock;

use regex::Regex;

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
        .expect("static regex")
});

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+").expect("static regex")
});

static FILE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)[A-Za-z0-9_\-.]+\.(?:pdf|html?|xlsx?|docx?|csv|zip|txt|jpe?g|png|pptx?)(?-u:\b)",
    )
    .expect("static regex")
});

/// Byte ranges of the URLs in `text` (from 「http://」「https://」 or a
/// bare 「www.」), trailing punctuation cut.
///
/// ```
/// use jpnotice::structure::mask::find_urls;
/// let text = "詳細（https://a.example/n.html）。";
/// let (s, e) = find_urls(text)[0];
/// assert_eq!(&text[s..e], "https://a.example/n.html");
/// ```
pub fn find_urls(text: &str) -> Vec<(usize, usize)> {
    URL.find_iter(text)
        .map(|m| (m.start(), m.start() + trimmed_len(m.as_str())))
        .filter(|&(s, e)| {
            let url = text.get(s..e).unwrap_or("");
            let host = url.find("://").map_or(4, |i| i + 3);
            url.len() > host + 2
        })
        .collect()
}

/// Length of a URL once trailing punctuation and unbalanced closing
/// brackets are removed.
fn trimmed_len(url: &str) -> usize {
    let mut end = url.len();
    loop {
        let Some(last) = url.get(..end).and_then(|u| u.chars().last()) else {
            return end;
        };
        let body = url.get(..end).unwrap_or("");
        let unbalanced = |open: char, close: char| {
            last == close && body.matches(open).count() < body.matches(close).count()
        };
        let cut = matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '(' | '['
        ) || unbalanced('(', ')')
            || unbalanced('[', ']');
        if !cut {
            return end;
        }
        end -= last.len_utf8();
    }
}

/// Byte ranges of the e-mail addresses in `text`.
///
/// ```
/// use jpnotice::structure::mask::find_emails;
/// let text = "メール:desk@a.example まで";
/// let (s, e) = find_emails(text)[0];
/// assert_eq!(&text[s..e], "desk@a.example");
/// ```
pub fn find_emails(text: &str) -> Vec<(usize, usize)> {
    EMAIL
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// Byte ranges of file names (「news_20240131.pdf」).
pub fn find_file_names(text: &str) -> Vec<(usize, usize)> {
    FILE_NAME
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// The URLs of `text` as strings, deduplicated, in order of appearance.
///
/// ```
/// use jpnotice::structure::mask::url_list;
/// let text = "- https://a.example/x.pdf\n第1報:https://a.example/x.pdf";
/// assert_eq!(url_list(text), ["https://a.example/x.pdf"]);
/// ```
pub fn url_list(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (s, e) in find_urls(text) {
        if let Some(url) = text.get(s..e)
            && !out.iter().any(|u| u == url)
        {
            out.push(url.to_owned());
        }
    }
    out
}

/// The spans no number, date or item is read from: URLs, e-mail addresses
/// and file names (normalized byte ranges, each list in text order).
///
/// ```
/// let text = "詳細: https://a.example/2024/01/29.html 窓口 desk@a.example";
/// let m = jpnotice::structure::mask::Masks::new(text);
/// assert!(m.contains(text.find("2024").unwrap()));
/// assert!(!m.contains(text.find("詳細").unwrap()));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Masks {
    /// URLs (see [`find_urls`]).
    pub urls: Vec<(usize, usize)>,
    /// E-mail addresses.
    pub emails: Vec<(usize, usize)>,
    /// File names (「news_20240131.pdf」).
    pub file_names: Vec<(usize, usize)>,
}

impl Masks {
    /// Finds the masked spans of normalized text.
    pub fn new(text: &str) -> Masks {
        Masks {
            urls: find_urls(text),
            emails: find_emails(text),
            file_names: find_file_names(text),
        }
    }

    /// Every masked span, URLs first.
    pub fn all(&self) -> Vec<(usize, usize)> {
        let mut out = self.urls.clone();
        out.extend(self.emails.iter().copied());
        out.extend(self.file_names.iter().copied());
        out
    }

    /// True when byte `offset` lies in a masked span.
    pub fn contains(&self, offset: usize) -> bool {
        [&self.urls, &self.emails, &self.file_names]
            .into_iter()
            .flatten()
            .any(|&(s, e)| s <= offset && offset < e)
    }

    /// True when `range` overlaps a masked span.
    pub fn overlaps(&self, range: std::ops::Range<usize>) -> bool {
        [&self.urls, &self.emails, &self.file_names]
            .into_iter()
            .flatten()
            .any(|&(s, e)| s < range.end && range.start < e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_cut_trailing_punctuation_and_brackets() {
        assert_eq!(url_list("(https://a.example/b)."), ["https://a.example/b"]);
        assert_eq!(
            url_list("https://a.example/wiki/X_(y) と"),
            ["https://a.example/wiki/X_(y)"]
        );
        assert_eq!(url_list("「http://a.example/」"), ["http://a.example/"]);
        assert_eq!(
            url_list("(https://a.example/)(参照)"),
            ["https://a.example/"]
        );
        assert_eq!(
            url_list("[資料](https://a.example/x.pdf)"),
            ["https://a.example/x.pdf"]
        );
    }

    #[test]
    fn urls_keep_percent_encoding_and_stop_at_japanese() {
        assert_eq!(
            url_list("第4報:https://a.example/2026/%E6%97%A5.md をご覧"),
            ["https://a.example/2026/%E6%97%A5.md"]
        );
        assert_eq!(
            url_list("https://a.example/n.html参照"),
            ["https://a.example/n.html"]
        );
    }

    #[test]
    fn emails_and_file_names() {
        assert_eq!(find_emails("E-mail:info@a-b.example。").len(), 1);
        assert_eq!(find_file_names("news_20240131.pdf を参照"), [(0, 17)]);
    }
}
