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
    /// The input is larger than the configured limit.
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A PDF could not be read by any engine.
    Pdf(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooLarge { size, limit } => write!(
                f,
                "input of {size} bytes is larger than the limit of {limit} bytes; \
                 raise it with --max-bytes if the file is genuine"
            ),
            Error::Pdf(msg) => write!(f, "cannot read PDF: {msg}"),
        }
    }
}

impl std::error::Error for Error {}
