//! One test per block kind, each on a small Japanese example.

use super::*;

fn kinds(text: &str) -> Vec<&'static str> {
    Structure::new(text)
        .blocks()
        .iter()
        .map(|b| b.kind.name())
        .collect()
}

#[test]
fn headings_have_levels_by_first_use() {
    let text = "## 経緯\n1. 概要\n本文です。\n(1) 詳細\n本文です。\n2. 原因\n本文です。";
    let s = Structure::new(text);
    let levels: Vec<(u8, &str)> = s
        .blocks()
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading { level, title, .. } => Some((*level, &text[title.clone()])),
            _ => None,
        })
        .collect();
    assert_eq!(
        levels,
        [(2, "経緯"), (7, "1. 概要"), (8, "(1) 詳細"), (7, "2. 原因")]
    );
    let last = s.blocks().last().expect("blocks");
    assert_eq!(s.section_titles(text, last), ["経緯", "2. 原因"]);
}

#[test]
fn runs_of_marked_lines_are_list_items() {
    let text = "漏えいした情報は以下のとおりです。\n①氏名\n②住所\n③電話番号";
    assert_eq!(
        kinds(text),
        ["paragraph", "list_item", "list_item", "list_item"]
    );
}

#[test]
fn list_items_have_depth_labels_and_continuations() {
    let text = "・対象となる情報\n  氏名、住所、電話番号\n・件数:約1,200件\n  ・うち会員 800件";
    let s = Structure::new(text);
    let b = s.blocks();
    assert_eq!(b.len(), 3, "{}", s.render(text));
    assert_eq!(b[0].lines.len(), 2);
    match &b[1].kind {
        BlockKind::ListItem {
            label, body, depth, ..
        } => {
            assert_eq!(label.clone().map(|r| &text[r]), Some("件数"));
            assert_eq!(&text[body.clone()], "約1,200件");
            assert_eq!(*depth, 0);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(b[2].kind, BlockKind::ListItem { depth: 1, .. }));
}

#[test]
fn label_value_lines() {
    let text = "項目:氏名、住所\n件数 約1,200件";
    assert_eq!(kinds(text), ["label_value", "label_value"]);
}

#[test]
fn tables_with_header_and_total() {
    let text = "|区分|件数|\n|---|---|\n|会員|100|\n|合計|100|\n\n以上";
    let s = Structure::new(text);
    match &s.blocks()[0].kind {
        BlockKind::Table(t) => {
            assert_eq!(t.rows.len(), 3);
            assert_eq!(t.header_rows, 1);
            assert_eq!(t.total_row, Some(2));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn paragraphs_split_into_sentences() {
    let text = "当社サーバーが不正アクセスを受け\nました。調査中です。";
    let s = Structure::new(text);
    match &s.blocks()[0].kind {
        BlockKind::Paragraph { sentences } => assert_eq!(sentences.len(), 2),
        other => panic!("{other:?}"),
    }
}

#[test]
fn archive_header_fields() {
    let text = "# 公表概要\n- ランサムウェア被害のお知らせ\n- 2025年1月1日\n- 架空商事株式会社\n- https://a.example/\n\n# 事案ID\n- 2025-01-01-架空商事\n\n# 本文\n本文です。";
    let s = Structure::new(text);
    assert!(s.has_archive_header());
    assert_eq!(
        s.header_field(HeaderField::Title).map(|r| &text[r]),
        Some("ランサムウェア被害のお知らせ")
    );
    assert_eq!(
        s.header_field(HeaderField::Url).map(|r| &text[r]),
        Some("https://a.example/")
    );
    assert_eq!(&text[s.body_start()..], "本文です。");
    let other = s
        .blocks()
        .iter()
        .filter(|b| {
            matches!(
                b.kind,
                BlockKind::HeaderField {
                    field: HeaderField::Other,
                    ..
                }
            )
        })
        .count();
    assert_eq!(other, 1);
}

#[test]
fn letterhead_and_signature() {
    let text = "令和6年5月1日\nお客様各位\n架空商事株式会社\n不正アクセスに関するお知らせ\n当社は不正アクセスを受けました。\n以上\n架空商事株式会社";
    assert_eq!(
        kinds(text),
        [
            "letterhead",
            "letterhead",
            "letterhead",
            "paragraph",
            "signature",
            "signature"
        ]
    );
}

#[test]
fn masks_cover_urls_mails_and_files() {
    let text = "https://a.example/x 2024年 a@b.example news_2024.pdf";
    let s = Structure::new(text);
    assert_eq!(s.masks().urls.len(), 1);
    assert_eq!(s.masks().emails.len(), 1);
    assert_eq!(s.masks().file_names.len(), 1);
}
