//! The `oxidize-pdf` engine: pure Rust, reads predefined CMaps
//! (「UniJIS-UCS2-H」), CID fonts without ToUnicode and vertical text.

use std::io::Cursor;

use oxidize_pdf::parser::{ParseError, PdfDocument, PdfReader};

use super::{Failure, Pages};

/// Text of each page, or why the document could not be read.
pub(super) fn extract(bytes: &[u8]) -> Result<Pages, Failure> {
    let reader = PdfReader::new(Cursor::new(bytes)).map_err(failure)?;
    if reader.is_encrypted() && !reader.is_unlocked() {
        return Err(Failure::Password);
    }
    let document = PdfDocument::new(reader);
    let count = document.page_count().map_err(failure)?;
    let mut pages = Pages::default();
    for index in 0..count {
        match document.extract_text_from_page(index) {
            Ok(page) => pages.texts.push(page.text),
            Err(e) => {
                pages
                    .warnings
                    .push(format!("page {}: {e}", index.saturating_add(1)));
                pages.texts.push(String::new());
            }
        }
    }
    Ok(pages)
}

fn failure(e: ParseError) -> Failure {
    match e {
        ParseError::WrongPassword | ParseError::PdfLocked => Failure::Password,
        other => Failure::Other(other.to_string()),
    }
}
