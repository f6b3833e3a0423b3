//! # jpnotice
//!
//! Reads Japanese incident and data-breach notices
//! (「個人情報漏えいのおそれに関するお詫びとお知らせ」「不正アクセスに関するご報告」,
//! prefectural advisories) and turns each into a structured [`Notice`]:
//! who issued it and when, what happened, when each event happened, how
//! many people or records were affected, which personal data items were
//! (or were not) affected, and whom to call.
//!
//! ```
//! let notice = jpnotice::parse("令和６年５月\n\n個人情報流出のおそれに関するご報告とお詫び\n");
//! assert!(notice.warnings.is_empty());
//! ```
//!
//! The pipeline: [`decode`] bytes → [`normalize`] (NFKC plus repairs, with
//! an offset map back to the input) → [`tokenize`] (lindera with IPADIC and
//! a domain user dictionary) → the [`extract`] modules → [`Notice`], which
//! serializes to the JSON of `SCHEMA.md`. Every span in the output is a
//! byte range of the decoded input.

#![warn(missing_docs)]

mod cues;
pub mod decode;
pub mod document;
pub mod error;
pub mod eval;
pub mod extract;
#[cfg(feature = "files")]
pub mod files;
pub mod normalize;
pub mod notice;
pub mod numbers;
pub mod pdf;
pub mod structure;
#[cfg(test)]
mod test_support;
pub mod tokenize;
pub mod view;

use std::sync::Arc;

pub use document::{Document, Span};
pub use error::Error;
pub use jiff::civil::Date;
pub use notice::Notice;

use extract::data_items::Vocabulary;

/// The default limit on input size: 50 MB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 50 * 1024 * 1024;

/// Parses notices with a set of options.
///
/// ```
/// use jpnotice::{Date, Parser};
/// use jpnotice::extract::incident::IncidentType;
///
/// // 「2月9日」 has no year of its own: the reference date gives it.
/// let parser = Parser::new().reference_date(Date::constant(2024, 5, 31));
/// let notice = parser.parse("2月9日(金)、不正アクセスを確認しました。");
/// assert_eq!(notice.dates[0].value, "2024-02-09");
/// assert_eq!(notice.incident_types, [IncidentType::UnauthorizedAccess]);
/// ```
#[derive(Debug, Clone)]
pub struct Parser {
    reference_date: Option<Date>,
    year_policy: extract::dates::YearPolicy,
    /// The data-item vocabulary; `None` for the embedded one, fetched when
    /// first needed (building its index is part of the start-up cost).
    vocabulary: Option<Arc<Vocabulary>>,
    max_input_bytes: usize,
    /// How PDFs are read: engines, threads and time limit.
    pdf: pdf::Options,
}

impl Default for Parser {
    fn default() -> Self {
        Parser::new()
    }
}

/// The embedded vocabulary, read once per process and shared by every
/// parser (building its synonym index costs more than parsing a notice).
fn embedded_vocabulary() -> &'static Vocabulary {
    static EMBEDDED: std::sync::OnceLock<Vocabulary> = std::sync::OnceLock::new();
    EMBEDDED.get_or_init(Vocabulary::embedded)
}

impl Parser {
    /// A parser with default options: no reference date, the embedded
    /// data-item vocabulary, a 50 MB input limit.
    pub fn new() -> Self {
        Parser {
            reference_date: None,
            year_policy: extract::dates::YearPolicy::Preceding,
            vocabulary: None,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            pdf: pdf::Options::default(),
        }
    }

    /// The date used to resolve years (「2月9日」) when the notice has no
    /// date of its own. The notice's own publication date always wins.
    pub fn reference_date(mut self, date: Date) -> Self {
        self.reference_date = Some(date);
        self
    }

    /// Which year a month-day takes (「1月15日」) when only the reference
    /// date can give it: [`YearPolicy::Preceding`] (the default: the last
    /// such day on or before it, as notices report the past),
    /// [`YearPolicy::Nearest`] or [`YearPolicy::Forward`].
    ///
    /// [`YearPolicy::Preceding`]: extract::dates::YearPolicy::Preceding
    /// [`YearPolicy::Nearest`]: extract::dates::YearPolicy::Nearest
    /// [`YearPolicy::Forward`]: extract::dates::YearPolicy::Forward
    ///
    /// ```
    /// use jpnotice::{Date, Parser};
    /// use jpnotice::extract::dates::YearPolicy;
    ///
    /// let parser = Parser::new()
    ///     .reference_date(Date::constant(2024, 12, 20))
    ///     .year_policy(YearPolicy::Forward);
    /// assert_eq!(parser.parse("1月6日(月)から受付").dates[0].value, "2025-01-06");
    /// ```
    pub fn year_policy(mut self, policy: extract::dates::YearPolicy) -> Self {
        self.year_policy = policy;
        self
    }

    /// Replaces the data-item vocabulary (see
    /// [`extract::data_items::Vocabulary`]).
    pub fn vocabulary(mut self, vocabulary: Vocabulary) -> Self {
        self.vocabulary = Some(Arc::new(vocabulary));
        self
    }

    /// Inputs larger than this many bytes are refused with
    /// [`Error::TooLarge`].
    pub fn max_input_bytes(mut self, limit: usize) -> Self {
        self.max_input_bytes = limit;
        self
    }

    /// How [`Parser::parse_bytes`] reads PDFs: by default the in-process
    /// engines on the calling thread, no `pdftotext`, no time limit (see
    /// [`pdf::Options`] for more isolation).
    ///
    /// ```
    /// use std::time::Duration;
    /// use jpnotice::pdf::{Engine, Options};
    ///
    /// let parser = jpnotice::Parser::new().pdf_options(
    ///     Options::default().engines(vec![Engine::Native]).time_limit(Duration::from_secs(20)),
    /// );
    /// assert!(parser.parse_bytes(b"%PDF-1.4\n%broken").is_err());
    /// ```
    pub fn pdf_options(mut self, options: pdf::Options) -> Self {
        self.pdf = options;
        self
    }

    /// Parses bytes of any supported encoding, or a PDF (read as
    /// [`Parser::pdf_options`] says).
    ///
    /// ```
    /// let bytes = b"\x95\x73\x90\xb3\x83\x41\x83\x4e\x83\x5a\x83\x58"; // 不正アクセス, Shift_JIS
    /// let notice = jpnotice::Parser::new().parse_bytes(bytes).unwrap();
    /// assert_eq!(notice.encoding.as_deref(), Some("Shift_JIS"));
    /// ```
    pub fn parse_bytes(&self, bytes: &[u8]) -> Result<Notice, Error> {
        if bytes.len() > self.max_input_bytes {
            return Err(Error::TooLarge {
                size: bytes.len(),
                limit: self.max_input_bytes,
            });
        }
        if pdf::is_pdf(bytes) {
            let extracted = pdf::extract_with(bytes, &self.pdf)?;
            let encoding = format!("PDF ({})", extracted.engine);
            return Ok(self.parse_read(&extracted.text, extracted.warnings, encoding));
        }
        let decoded = decode::decode(bytes);
        Ok(self.parse_read(&decoded.text, decoded.warnings, decoded.encoding.to_owned()))
    }

    /// Parses text the caller read from a file itself (a PDF extracted in
    /// another process, say): the reading's warnings come first in the
    /// notice's warnings, and `encoding` says where the text came from, as
    /// [`Parser::parse_bytes`] would have said.
    ///
    /// ```
    /// let warnings = vec!["PDF engine pdf-extract: panicked".to_owned()];
    /// let notice = jpnotice::Parser::new().parse_read(" ", warnings, "PDF (native)".into());
    /// assert_eq!(notice.encoding.as_deref(), Some("PDF (native)"));
    /// assert_eq!(notice.warnings[0], "PDF engine pdf-extract: panicked");
    /// assert!(notice.warnings[1].starts_with("no text"));
    /// ```
    pub fn parse_read(&self, text: &str, warnings: Vec<String>, encoding: String) -> Notice {
        let mut notice = self.parse_with(text, warnings);
        notice.encoding = Some(encoding);
        notice
    }

    /// Parses text that is already decoded.
    ///
    /// ```
    /// let notice = jpnotice::Parser::new().parse("お知らせ");
    /// assert!(notice.dates.is_empty());
    /// let empty = jpnotice::Parser::new().parse(" \n");
    /// assert_eq!(empty.warnings, ["no text: the input is empty or only whitespace"]);
    /// ```
    pub fn parse(&self, text: &str) -> Notice {
        self.parse_with(text, Vec::new())
    }

    fn parse_with(&self, text: &str, mut warnings: Vec<String>) -> Notice {
        if text.trim().is_empty() {
            warnings.push("no text: the input is empty or only whitespace".to_owned());
        }
        let doc = Document::new(text);
        let meta = extract::metadata::extract(&doc);
        let publication = extract::dates::publication::locate(&doc, &mut warnings);
        let published = publication
            .as_ref()
            .map(|p| extract::published::from_publication(&doc, p));
        let reference = publication
            .as_ref()
            .map(|p| p.on.reference())
            .or(self.reference_date);
        let dates = extract::dates::extract_with(
            &doc,
            reference,
            publication.as_ref(),
            self.year_policy,
            &mut warnings,
        );
        let record_counts = extract::counts::extract(&doc, &mut warnings);
        let vocabulary: &Vocabulary = match &self.vocabulary {
            Some(own) => own,
            None => embedded_vocabulary(),
        };
        let data_items = extract::data_items::extract(&doc, vocabulary, &mut warnings);
        let (notice_kind, incident_types) =
            extract::kind::classify_titled(&doc, meta.title.as_deref().unwrap_or_default());
        let leak_status = extract::leak::extract(&doc);
        let (contacts, urls) = extract::contacts::extract(&doc, &mut warnings);
        Notice {
            source: None,
            title: meta.title,
            issuers: meta.issuers,
            published,
            report_number: meta.report_number,
            notice_kind,
            incident_types,
            leak_status,
            dates,
            record_counts,
            data_items,
            contacts,
            urls,
            warnings,
            encoding: None,
        }
    }
}

/// Loads the dictionary and compiles the extractors' patterns now, in the
/// reverse order of a parse. Everything it prepares is prepared once per
/// process, so a thread running this beside the first parse shares that
/// work with it on a second core: the command line does so to print its
/// first notice sooner. Calling it is never needed for correct results.
///
/// ```
/// let helper = std::thread::spawn(jpnotice::warm_up);
/// let notice = jpnotice::parse("令和６年５月１日\n不正アクセスに関するお知らせ");
/// helper.join().unwrap();
/// assert_eq!(notice.published.unwrap().value, "2024-05-01");
/// ```
pub fn warm_up() {
    const SAMPLE: &str = "令和6年5月1日\n株式会社見本\n\
        不正アクセスによる個人情報漏えいのおそれに関するお知らせ\n\
        1. 概要\n4月9日(火)、氏名、住所など約1,200件が流出したおそれがあります。\n\
        お問い合わせ 0120-000-000(平日9:00~17:00)\n";
    // The parse being helped starts with the first extractors; this side
    // starts with what the later ones need.
    let _ = embedded_vocabulary();
    let _ = crate::tokenize::tokenize("氏名");
    let doc = Document::new(SAMPLE);
    let mut warnings = Vec::new();
    let _ = extract::contacts::extract(&doc, &mut warnings);
    let _ = extract::kind::classify(&doc);
    let _ = extract::leak::extract(&doc);
    let _ = extract::data_items::extract(&doc, embedded_vocabulary(), &mut warnings);
    let _ = extract::counts::extract(&doc, &mut warnings);
    let _ = extract::dates::extract(&doc, None, &mut warnings);
    let _ = extract::published::extract(&doc, &mut warnings);
    let _ = extract::metadata::extract(&doc);
}

/// Parses decoded text with default options.
///
/// ```
/// let notice = jpnotice::parse("不正アクセスに関するお知らせ");
/// assert!(notice.urls.is_empty());
/// ```
pub fn parse(text: &str) -> Notice {
    Parser::new().parse(text)
}

/// Parses bytes (any supported encoding, or a PDF) with default options.
///
/// ```
/// let notice = jpnotice::parse_bytes("お知らせ".as_bytes()).unwrap();
/// assert_eq!(notice.encoding.as_deref(), Some("UTF-8"));
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Notice, Error> {
    Parser::new().parse_bytes(bytes)
}
