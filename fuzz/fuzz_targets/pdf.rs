//! PDF input: arbitrary bytes behind a PDF header never panic out of the
//! extraction (engines run behind catch_unwind) and give text or an error.
//!
//! libfuzzer-sys installs a panic hook that aborts on every panic, even one
//! caught later; the engines' own panics are caught by `jpnotice::pdf` by
//! design (pdf-extract panics on every predefined CMap), so this target
//! puts back a hook that only reports. A panic that escapes the extraction
//! still aborts: libfuzzer-sys's wrapper catches it and aborts.
#![no_main]

use std::sync::Once;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.extend_from_slice(data);
    let _ = jpnotice::pdf::extract_text(&bytes);
});
