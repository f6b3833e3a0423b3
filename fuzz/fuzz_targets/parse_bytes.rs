//! Arbitrary bytes through every decoding path and every extractor: no
//! panic, and every span points at its text in the decoded input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if jpnotice::pdf::is_pdf(data) {
        return; // the pdf target covers PDF input
    }
    let Ok(notice) = jpnotice::parse_bytes(data) else {
        return;
    };
    let input = jpnotice::decode::decode(data).text;
    let json = serde_json::to_value(&notice).expect("a notice always serializes");
    check_spans(&input, &json);
});

fn check_spans(input: &str, json: &serde_json::Value) {
    match json {
        serde_json::Value::Object(map) => {
            if let (Some(serde_json::Value::String(text)), Some(s), Some(e)) = (
                map.get("text"),
                map.get("start").and_then(|v| v.as_u64()),
                map.get("end").and_then(|v| v.as_u64()),
            ) {
                assert_eq!(input.get(s as usize..e as usize), Some(text.as_str()));
            }
            map.values().for_each(|v| check_spans(input, v));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| check_spans(input, v)),
        _ => {}
    }
}
