//! The corpus PDFs (`corpus/pdf/manifest.tsv`) and PDFs built byte by
//! byte, shared by the library's PDF tests and the command line's.

use std::path::PathBuf;

pub fn corpus_dir() -> PathBuf {
    super::repo_root().join("corpus")
}

/// One row of corpus/pdf/manifest.tsv.
pub struct Entry {
    pub pdf: String,
    pub kind: String,
    pub source: String,
    pub first: usize,
    pub last: usize,
}

pub fn manifest() -> Vec<Entry> {
    let text = std::fs::read_to_string(corpus_dir().join("pdf/manifest.tsv")).expect("manifest");
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some(Entry {
                pdf: f.first()?.to_string(),
                kind: f.get(1)?.to_string(),
                source: f.get(2)?.to_string(),
                first: f.get(3)?.parse().ok()?,
                last: f.get(4)?.parse().ok()?,
            })
        })
        .collect()
}

/// A corpus PDF; the deliberately unreadable ones live in
/// `tests/data/invalid-pdf/` so that `jpnotice extract corpus/` converts every
/// file it meets.
pub fn read_pdf(name: &str) -> Vec<u8> {
    let invalid = corpus_dir().join("../tests/data/invalid-pdf").join(name);
    std::fs::read(corpus_dir().join("pdf").join(name))
        .or_else(|_| std::fs::read(invalid))
        .expect("corpus PDF")
}

/// The engine the default chain should end on for a kind: the native
/// engine reads every kind (it joins Chromium's vertical glyphs, each placed
/// on its own, into columns).
pub fn expected_engine(_kind: &str) -> &'static str {
    "native"
}

pub fn readable_entries() -> Vec<Entry> {
    manifest()
        .into_iter()
        .filter(|e| !matches!(e.kind.as_str(), "trunc" | "locked"))
        .collect()
}

/// Builds a PDF from object bodies (object n is `objects[n - 1]`) with a
/// correct cross-reference table.
pub fn build_pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

pub fn page_pdf(page: &str, extra: &[u8]) -> Vec<u8> {
    let content = b"BT /F1 12 Tf 72 720 Td (Notice) Tj ET";
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(content);
    stream.extend_from_slice(b"\nendstream");
    build_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        page.as_bytes().to_vec(),
        stream,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        extra.to_vec(),
    ])
}
