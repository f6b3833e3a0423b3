//! Block-level tests on invented notices.

use super::*;

fn contacts(text: &str) -> Vec<Contact> {
    let doc = Document::new(text);
    extract(&doc, &mut Vec::new()).0
}

#[test]
fn window_block_with_hours_line() {
    let text = "【お問合せ窓口】\n\n公益財団法人青葉健診協会\n\n健康管理部健康管理課\n\nTEL：０４６６－２２－７１３０ \n\n受付時間（平日）：８：３０～１７：００\n";
    let c = contacts(text);
    assert_eq!(c.len(), 1);
    assert_eq!(
        c[0].organization.as_deref(),
        Some("公益財団法人青葉健診協会")
    );
    assert_eq!(c[0].department.as_deref(), Some("健康管理部健康管理課"));
    assert_eq!(c[0].label.as_deref(), Some("TEL"));
    assert_eq!(c[0].phone.as_deref(), Some("0466-22-7130"));
    assert_eq!(c[0].phone_kind, Some(PhoneKind::Landline));
    assert_eq!(c[0].span.text, "０４６６－２２－７１３０");
    assert_eq!(
        &text[c[0].span.start..c[0].span.end],
        "０４６６－２２－７１３０"
    );
    assert_eq!(c[0].hours.as_deref(), Some("平日 8:30~17:00"));
    let h = c[0].hours_structured.clone().unwrap_or_default();
    assert_eq!(
        (h.open.as_deref(), h.close.as_deref()),
        (Some("08:30"), Some("17:00"))
    );
}

#[test]
fn numbered_sections_split_blocks() {
    let text = "3 お問い合わせ先\n(1)システムに関すること\n  株式会社青葉システム\n  管理部\n  電話:0493-00-1111(平日8:30~17:00)\n(2)健診に関すること\n  健康推進課\n  電話 048-000-2222(平日8:30~17:15)\n";
    let c = contacts(text);
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].organization.as_deref(), Some("株式会社青葉システム"));
    assert_eq!(c[0].hours.as_deref(), Some("平日8:30~17:00"));
    assert_eq!(c[1].organization, None);
    assert_eq!(c[1].department.as_deref(), Some("健康推進課"));
    let h = c[1].hours_structured.clone().unwrap_or_default();
    assert_eq!(h.close.as_deref(), Some("17:15"));
}

#[test]
fn two_numbers_share_the_hours_below() {
    let text = "本件に関するお問い合わせは、下記窓口へご連絡下さい。\n一般財団法人 青葉文化振興会\n専用電話番号:0120-000-611(フリーダイヤル)\n03-0000-1117\n受付時間:9:30~17:00(土日・祝日を除きます)\n";
    let c = contacts(text);
    assert_eq!(c.len(), 2);
    assert_eq!(
        c[0].organization.as_deref(),
        Some("一般財団法人 青葉文化振興会")
    );
    assert_eq!(
        c[1].organization.as_deref(),
        Some("一般財団法人 青葉文化振興会")
    );
    assert_eq!(c[0].label.as_deref(), Some("専用電話番号"));
    assert_eq!(c[0].phone_kind, Some(PhoneKind::TollFree));
    assert_eq!(
        c[1].hours.as_deref(),
        Some("9:30~17:00(土日・祝日を除きます)")
    );
    let h = c[1].hours_structured.clone().unwrap_or_default();
    assert_eq!(h.except.as_deref(), Some("土日・祝日"));
}

#[test]
fn fax_goes_to_the_contact_and_fax_alone_makes_one() {
    let text = "〒350-0000 川端市みどり野一丁目2番3号\nTEL 049-200-3360\nFAX 049-200-3361\nメール info@midori.example\n";
    let c = contacts(text);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].phone.as_deref(), Some("049-200-3360"));
    assert_eq!(c[0].fax.as_deref(), Some("049-200-3361"));
    assert_eq!(c[0].postal_code.as_deref(), Some("350-0000"));
    assert_eq!(c[0].address.as_deref(), Some("川端市みどり野一丁目2番3号"));
    assert_eq!(c[0].email.as_deref(), Some("info@midori.example"));
    let alone = contacts("ＦＡＸ ０２２－２００－２７９９\n");
    assert_eq!(alone.len(), 1);
    assert_eq!(alone[0].phone, None);
    assert_eq!(alone[0].fax.as_deref(), Some("022-200-2799"));
}

#[test]
fn extension_and_running_text() {
    let c = contacts("電話 022-200-2745(内線 3417)\n");
    assert_eq!(c[0].extension.as_deref(), Some("3417"));
    let c = contacts("お気づきの点がございましたら総務企画課(075-000-6291)までご連絡ください。\n");
    assert_eq!(c[0].department.as_deref(), Some("総務企画課"));
    assert_eq!(c[0].phone.as_deref(), Some("075-000-6291"));
}

#[test]
fn urls_and_their_digits() {
    let text = "- https://www.a.example/pdf/news_20240131.pdf\n第1報:https://www.a.example/pdf/news_20240131.pdf。\n";
    let doc = Document::new(text);
    let (c, u) = extract(&doc, &mut Vec::new());
    assert!(c.is_empty());
    assert_eq!(u, ["https://www.a.example/pdf/news_20240131.pdf"]);
}

#[test]
fn seeds_when_present() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: {} not found", dir.display());
        return;
    };
    let mut total = 0;
    for entry in entries.flatten() {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        for c in contacts(&text) {
            assert_eq!(&text[c.span.start..c.span.end], c.span.text);
            total += 1;
        }
    }
    assert!(total >= 8, "{total} contacts in the seeds");
}

#[test]
fn groups_in_one_block_keep_their_own_names() {
    let text = "6 本件に関するお問い合わせ先\n青葉台市立青葉中学校 教頭 山田\n電話 022(200)2374\n受付時間 平日 午前9時~午後5時\n\n青葉台市教育委員会 学校教育課\n電話 0312345678(直通)\nFAX 0312345679\n";
    let c = contacts(text);
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].organization.as_deref(), Some("青葉台市立青葉中学校"));
    assert_eq!(c[0].phone.as_deref(), Some("022-200-2374"));
    assert_eq!(c[1].organization.as_deref(), Some("青葉台市教育委員会"));
    assert_eq!(c[1].department.as_deref(), Some("学校教育課"));
    assert_eq!(c[1].phone.as_deref(), Some("03-1234-5678"));
    assert_eq!(c[1].label.as_deref(), Some("電話"));
    assert_eq!(c[1].fax.as_deref(), Some("03-1234-5679"));
}

#[test]
fn bracketed_section_titles_split_blocks() {
    let text = "【本件に関する問合せ先】\n(通知について)\n青葉県産業振興課\n電話 022-200-2745\n(被害の相談について)\n青葉県警察本部サイバー犯罪対策課\n電話 022-200-7171(代表)\n";
    let c = contacts(text);
    assert_eq!(c.len(), 2);
    assert_eq!(c[1].organization.as_deref(), Some("青葉県"));
    assert_eq!(
        c[1].department.as_deref(),
        Some("警察本部サイバー犯罪対策課")
    );
    assert_eq!(c[1].label.as_deref(), Some("電話"));
}

#[test]
fn fax_written_before_the_phone() {
    let c = contacts("青葉商事株式会社\nFAX 03-0000-1112 TEL 03-0000-1111\n");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].phone.as_deref(), Some("03-0000-1111"));
    assert_eq!(c[0].fax.as_deref(), Some("03-0000-1112"));
    assert_eq!(c[0].span.text, "03-0000-1111");
    assert_eq!(c[0].label.as_deref(), Some("TEL"));
    assert_eq!(c[0].organization.as_deref(), Some("青葉商事株式会社"));
}
