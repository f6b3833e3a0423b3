//! Errors that stop a document from being parsed at all. Anything less is a
//! warning on the [`crate::Notice`].

use std::fmt;

/// Why a document could not be parsed.
///
/// ```
/// let parser = jpnotice::Parser::new().max_input_bytes(4);
/// let err = parser.parse_bytes("令和６年".as_bytes()).unwrap_err();
/// assert!(err.to_string().contains("larger than"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than the configured limit
    /// ([`crate::Parser::max_input_bytes`]).
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A PDF could not be read by any engine.
    Pdf(PdfError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooLarge { size, limit } => write!(
                f,
                "input of {size} bytes is larger than the limit of {limit} bytes; \
                 raise the limit if the file is genuine"
            ),
            Error::Pdf(pdf) => write!(f, "cannot read PDF: {pdf}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<PdfError> for Error {
    fn from(err: PdfError) -> Self {
        Error::Pdf(err)
    }
}

/// Why no text could be read from a PDF: a [`PdfErrorKind`] to act on and
/// the engines' own words.
///
/// ```
/// use jpnotice::error::PdfErrorKind;
///
/// let err = jpnotice::pdf::extract_text("お知らせ".as_bytes()).unwrap_err();
/// let jpnotice::Error::Pdf(pdf) = err else { unreachable!() };
/// assert_eq!(pdf.kind, PdfErrorKind::NotPdf);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfError {
    /// What went wrong, as a category.
    pub kind: PdfErrorKind,
    /// The details: which engine failed and how.
    pub detail: String,
}

impl PdfError {
    /// An error of `kind` with its details.
    pub fn new(kind: PdfErrorKind, detail: impl Into<String>) -> Self {
        PdfError {
            kind,
            detail: detail.into(),
        }
    }
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail)
    }
}

/// The kinds of [`PdfError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PdfErrorKind {
    /// The bytes do not start like a PDF (no `%PDF-` header).
    NotPdf,
    /// Encrypted with a user password (only an empty one can be read):
    /// decrypt it first, e.g. with `qpdf --decrypt`.
    Encrypted,
    /// Every engine read the file but found no text: a scanned image
    /// (OCR is not supported).
    NoTextLayer,
    /// Every engine that ran stopped at the time limit.
    Timeout,
    /// The engines failed (a broken file, an unsupported feature, a panic
    /// caught).
    EngineFailure,
    /// No engine was available (none enabled, or none installed).
    NoEngine,
}
