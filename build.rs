//! Builds the IPADIC system dictionary from the xz-compressed UTF-8 sources in
//! `dictionaries/` so that `cargo build` works offline: no download, no
//! manual step. The compiled dictionary lands in `OUT_DIR/ipadic` and is
//! embedded by `src/tokenize.rs` through `LINDERA_WORKDIR`.

use std::fs;
use std::path::{Path, PathBuf};

use lindera_dictionary::builder::DictionaryBuilder;
use lindera_dictionary::dictionary::metadata::Metadata;

const SOURCE: &str = "dictionaries/mecab-ipadic-2.7.0-20070801-utf8.tar.xz";
const METADATA: &str = "dictionaries/ipadic-metadata.json";

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed={METADATA}");
    println!("cargo:rerun-if-changed=build.rs");

    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let src_dir = out.join("ipadic-src");
    let dict_dir = out.join("ipadic");
    let stamp = dict_dir.join(".complete");
    println!("cargo:rustc-env=LINDERA_WORKDIR={}", out.display());
    if stamp.exists() {
        return;
    }
    unpack(Path::new(SOURCE), &src_dir);
    let metadata_bytes = fs::read(METADATA).expect("dictionaries/ipadic-metadata.json is missing");
    let metadata = Metadata::load(&metadata_bytes).expect("ipadic-metadata.json is not valid");
    let _ = fs::remove_dir_all(&dict_dir);
    fs::create_dir_all(&dict_dir).expect("cannot create the dictionary output directory");
    DictionaryBuilder::new(metadata)
        .build_dictionary(&src_dir, &dict_dir)
        .expect("building the IPADIC dictionary failed");
    fs::write(&stamp, b"ok").expect("cannot write the dictionary stamp");
    let _ = fs::remove_dir_all(&src_dir);
}

/// Unpacks the tarball's files flat into `dest` (the archive holds one folder).
fn unpack(archive: &Path, dest: &Path) {
    let _ = fs::remove_dir_all(dest);
    fs::create_dir_all(dest).expect("cannot create the dictionary source directory");
    let file = fs::File::open(archive)
        .unwrap_or_else(|e| panic!("cannot open {}: {e}", archive.display()));
    // xz keeps the crate under crates.io's 10 MB limit (6.9 MB against
    // 12.8 MB as .tar.gz); lzma-rs unpacks it in about 1.6 s.
    let mut tarball = Vec::new();
    lzma_rs::xz_decompress(&mut std::io::BufReader::new(file), &mut tarball)
        .unwrap_or_else(|e| panic!("cannot decompress {}: {e:?}", archive.display()));
    let mut tar = tar::Archive::new(tarball.as_slice());
    for entry in tar.entries().expect("dictionary tarball is unreadable") {
        let mut entry = entry.expect("dictionary tarball entry is unreadable");
        let path = entry.path().expect("bad path in tarball").into_owned();
        if let Some(name) = path.file_name()
            && entry.header().entry_type().is_file()
        {
            entry
                .unpack(dest.join(name))
                .expect("cannot unpack a dictionary file");
        }
    }
}
