//! The `pdf-extract` engine (on `lopdf`): good on PDFs whose fonts carry a
//! ToUnicode map (LibreOffice, Word, Chrome output); it panics on Type0
//! fonts with a predefined CMap such as 「UniJIS-UCS2-H」 and loses the
//! Japanese of CID fonts without ToUnicode, which the quality check catches.
//! Pages set in vertical columns are rebuilt from the glyph positions
//! ([`super::layout`]).

use pdf_extract::{Document, PlainTextOutput, encryption::DecryptionError};

use super::layout::{self, Collector};
use super::{Failure, Pages};

/// Text of each page, or why the document could not be read.
pub(super) fn extract(bytes: &[u8]) -> Result<Pages, Failure> {
    let mut document = Document::load_mem(bytes).map_err(|e| Failure::Other(e.to_string()))?;
    if document.is_encrypted() {
        match document.decrypt("") {
            Ok(()) => {}
            Err(pdf_extract::Error::Decryption(DecryptionError::IncorrectPassword)) => {
                return Err(Failure::Password);
            }
            Err(e) => return Err(Failure::Other(e.to_string())),
        }
    }
    let mut pages = Pages::default();
    for number in document.get_pages().into_keys() {
        let mut collector = Collector::default();
        let drawn = pdf_extract::output_doc_page(&document, &mut collector, number);
        if drawn.is_ok() && layout::is_vertical(&collector.glyphs) {
            pages.texts.push(layout::vertical_text(&collector.glyphs));
            continue;
        }
        let mut text = String::new();
        let result = {
            let mut output = PlainTextOutput::new(&mut text);
            pdf_extract::output_doc_page(&document, &mut output, number)
        };
        if let Err(e) = result {
            pages.warnings.push(format!("page {number}: {e}"));
        }
        pages.texts.push(text);
    }
    Ok(pages)
}
