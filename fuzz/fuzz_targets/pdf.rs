//! PDF input: arbitrary bytes behind a PDF header never panic out of the
//! extraction (engines run behind catch_unwind) and give text or an error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.extend_from_slice(data);
    let _ = jpnotice::pdf::extract_text(&bytes);
});
