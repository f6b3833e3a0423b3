//! Text from PDF bytes. Not implemented yet (issue 7).

use crate::Error;

/// Text extracted from a PDF, with the engine that produced it.
#[derive(Debug, Clone)]
pub struct PdfText {
    /// The extracted text.
    pub text: String,
    /// Which engine produced it.
    pub engine: &'static str,
    /// Problems met on the way.
    pub warnings: Vec<String>,
}

/// True when `bytes` start like a PDF file.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.len() >= 5
        && bytes[..1024.min(bytes.len())]
            .windows(5)
            .any(|w| w == b"%PDF-")
}

/// Extracts text from PDF bytes.
pub fn extract_text(bytes: &[u8]) -> Result<PdfText, Error> {
    let _ = bytes;
    Err(Error::Pdf("PDF input is not supported yet".into()))
}
