//! A new cross-reference table for a PDF whose table is missing or
//! broken (hand-made files, truncated uploads): every `N G obj` in the
//! file is indexed where it starts, the last definition of a number winning
//! as in an incremental update, and the catalog is the trailer's `/Root`
//! or else the object that says `/Type /Catalog`. A stream whose direct
//! `/Length` does not reach its `endstream` gets the length it has.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::bytes::Regex;

static OBJ: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\r\n\t \x0c])(\d{1,10})[\r\n\t \x0c]+(\d{1,5})[\r\n\t \x0c]+obj\b")
        .expect("valid regex")
});
static ROOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/Root\s*(\d+)\s+(\d+)\s+R").expect("valid regex"));
static STREAM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"/Length[\r\n\t \x0c]+(\d+)([\r\n\t \x0c]*(?:/[^>]*)?)>>[\r\n\t \x0c]*stream(\r\n|\r|\n)",
    )
    .expect("valid regex")
});
static CATALOG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/Type\s*/Catalog\b").expect("valid regex"));

/// The file with a rebuilt cross-reference table and trailer appended,
/// or `None` when no object or no catalog is found.
///
/// ```
/// let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
/// let fixed = jpnotice::pdf::native::xref::rebuild(pdf).unwrap();
/// assert!(String::from_utf8_lossy(&fixed).contains("xref\n0 2\n"));
/// ```
pub fn rebuild(bytes: &[u8]) -> Option<Vec<u8>> {
    let fixed = fix_stream_lengths(bytes);
    let bytes = fixed.as_slice();
    let mut objects: BTreeMap<u32, (u16, usize)> = BTreeMap::new();
    for caps in OBJ.captures_iter(bytes) {
        let (Some(num), Some(generation)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        let parse = |m: regex::bytes::Match<'_>| {
            std::str::from_utf8(m.as_bytes()).ok()?.parse::<u64>().ok()
        };
        let (Some(n), Some(g)) = (parse(num), parse(generation)) else {
            continue;
        };
        let (Ok(n), Ok(g)) = (u32::try_from(n), u16::try_from(g)) else {
            continue;
        };
        objects.insert(n, (g, num.start()));
    }
    let last = *objects.keys().next_back()?;
    let root = ROOT
        .captures_iter(bytes)
        .last()
        .and_then(|c| Some((c.get(1)?.as_bytes().to_vec(), c.get(2)?.as_bytes().to_vec())))
        .or_else(|| {
            objects.iter().find_map(|(n, (g, start))| {
                let end = bytes[*start..]
                    .windows(6)
                    .position(|w| w == b"endobj")
                    .map_or(bytes.len(), |p| start + p);
                CATALOG
                    .is_match(&bytes[*start..end])
                    .then(|| (n.to_string().into_bytes(), g.to_string().into_bytes()))
            })
        })?;
    let mut out = bytes.to_vec();
    out.push(b'\n');
    let xref_at = out.len();
    let size = u64::from(last) + 1;
    out.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
    for n in 1..=last {
        let line = match objects.get(&n) {
            Some((g, offset)) => format!("{offset:010} {g:05} n \n"),
            None => "0000000000 65535 f \n".to_string(),
        };
        out.extend_from_slice(line.as_bytes());
    }
    out.extend_from_slice(b"trailer\n<< /Size ");
    out.extend_from_slice(size.to_string().as_bytes());
    out.extend_from_slice(b" /Root ");
    out.extend_from_slice(&root.0);
    out.push(b' ');
    out.extend_from_slice(&root.1);
    out.extend_from_slice(format!(" R >>\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    Some(out)
}

/// The bytes with each direct stream `/Length` set to where the stream's
/// `endstream` is.
fn fix_stream_lengths(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut copied = 0;
    for caps in STREAM.captures_iter(bytes) {
        let (Some(length), Some(all)) = (caps.get(1), caps.get(0)) else {
            continue;
        };
        if length.start() < copied {
            continue;
        }
        let data = all.end();
        let declared = std::str::from_utf8(length.as_bytes())
            .ok()
            .and_then(|l| l.parse::<usize>().ok())
            .unwrap_or(usize::MAX);
        if let Some(after) = data.checked_add(declared).and_then(|at| bytes.get(at..)) {
            let after = after.strip_prefix(b"\r").unwrap_or(after);
            let after = after.strip_prefix(b"\n").unwrap_or(after);
            if after.starts_with(b"endstream") {
                continue;
            }
        }
        let Some(end) = bytes[data..].windows(9).position(|w| w == b"endstream") else {
            continue;
        };
        let mut actual = end;
        while actual > 0 && matches!(bytes[data + actual - 1], b'\r' | b'\n') {
            actual -= 1;
        }
        out.extend_from_slice(&bytes[copied..length.start()]);
        out.extend_from_slice(actual.to_string().as_bytes());
        copied = length.end();
    }
    out.extend_from_slice(&bytes[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_stream_length_is_set_to_the_stream_and_a_right_one_kept() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n2 0 obj\n<< /Length 3 >>\nstream\nBT (Hello) Tj ET\nendstream\nendobj\n3 0 obj\n<< /Length 2 >>\nstream\nq\n\nendstream\nendobj\n";
        let fixed = String::from_utf8(rebuild(pdf).unwrap()).unwrap();
        assert!(fixed.contains("<< /Length 16 >>"), "{fixed}");
        assert!(fixed.contains("<< /Length 2 >>"), "{fixed}");
        assert!(fixed.contains("/Root 1 0 R"), "{fixed}");
    }
}
