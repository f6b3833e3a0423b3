//! Unit tests with invented sentences: list forms, negation, token
//! boundaries, advice exclusion.

use super::*;

fn items(text: &str) -> Vec<DataItem> {
    extract(
        &Document::new(text),
        &Vocabulary::embedded(),
        &mut Vec::new(),
    )
}

fn keys(text: &str, affected: bool) -> Vec<String> {
    let mut keys: Vec<String> = items(text)
        .into_iter()
        .filter(|i| i.affected == affected)
        .map(|i| i.key)
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

#[test]
fn label_list_with_other() {
    let text = "項目：会員番号、氏名、性別、車両番号\n";
    assert_eq!(keys(text, true), ["account_id", "gender", "name", "other"]);
    let other = items(text).into_iter().find(|i| i.key == "other").unwrap();
    assert_eq!(other.span.text, "車両番号");
    assert_eq!(&text[other.span.start..other.span.end], "車両番号");
}

#[test]
fn bullet_list_under_heading() {
    let text = "## 2. 漏えいしたおそれのある情報\n- 氏名、住所\n- ログインID、パスワード\n## 3. お客様へのお願い\n- パスワードの再設定をお願いします\n";
    assert_eq!(
        keys(text, true),
        ["account_id", "address", "name", "password"]
    );
}

#[test]
fn parenthesized_items_in_sentence() {
    let text = "健診システムの画像データ（カナ氏名及びＸ線画像）が流出したおそれがあります。";
    assert_eq!(keys(text, true), ["health_info", "name_kana"]);
}

#[test]
fn table_cells_with_breaks() {
    let text =
        "|対象|情報項目|\n|---|---|\n|取引先|・会社名、電話番号<br/>・請求担当者氏名、請求書|\n";
    assert_eq!(keys(text, true), ["name", "other", "phone", "workplace"]);
}

#[test]
fn negation_marks_items_not_affected() {
    let text = "氏名、電話番号が漏えいした可能性があります。なお、クレジットカード情報及びマイナンバーは当社サーバーには保存されておらず、漏えいの対象には含まれておりません。";
    assert_eq!(keys(text, true), ["name", "phone"]);
    assert_eq!(keys(text, false), ["credit_card_number", "my_number"]);
}

#[test]
fn negated_detection_phrase() {
    let text = "患者カルテ情報、クレジットカード情報の漏洩は、現時点で確認されておりません。";
    assert_eq!(keys(text, false), ["credit_card_number", "health_info"]);
    assert!(keys(text, true).is_empty());
}

#[test]
fn token_boundaries_do_not_double_count() {
    let text = "保護者氏名欄とメールアドレスが閲覧可能な状態でした。";
    let found = items(text);
    let keys: Vec<&str> = found.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, ["name", "email"]);
    assert_eq!(found[0].span.text, "保護者氏名");
}

#[test]
fn modifier_is_not_an_item() {
    // 「勤務先メールアドレス」 is one e-mail address; 「メール本文」 is no address.
    let text = "項目：勤務先メールアドレス、メール本文\n";
    let found = items(text);
    let keys: Vec<&str> = found.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, ["email", "other"]);
    assert_eq!(found[1].span.text, "メール本文");
}

#[test]
fn advice_is_not_an_item() {
    let text = "当社からお電話でクレジットカード番号や各種パスワードをお聞きすることは一切ございません。\n他のサービスと同じパスワードをご利用の場合は変更をお願いいたします。";
    assert!(items(text).is_empty());
}

#[test]
fn contact_lines_are_not_items() {
    let text = "■お問い合わせ窓口\n電話番号：0120-000-000\nメールアドレス：info@example.jp\n";
    assert!(items(text).is_empty());
}

#[test]
fn generic_wholes_give_nothing() {
    let text = "項目：個人情報、申請情報\n";
    assert!(items(text).is_empty());
}

#[test]
fn offsets_point_into_input() {
    let text = "項目：カナ氏名、電話・携帯電話番号\n";
    for item in items(text) {
        assert_eq!(&text[item.span.start..item.span.end], item.span.text);
    }
    let phone = items(text).into_iter().find(|i| i.key == "phone").unwrap();
    assert_eq!(phone.span.text, "電話・携帯電話番号");
}

#[test]
fn custom_vocabulary_extends_keys() {
    let vocabulary = Vocabulary::parse("vehicle\t車両番号\t車両番号\n").unwrap();
    let doc = Document::new("項目：車両番号、氏名\n");
    let found = extract(&doc, &vocabulary, &mut Vec::new());
    let keys: Vec<&str> = found.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, ["vehicle", "other"]);
}

#[test]
fn negation_inside_brackets_stays_inside() {
    let text =
        "*1 予約関連情報：予約日、子供年齢、支払方法（クレジットカード情報は含まれません）\n";
    assert_eq!(keys(text, true), ["age", "purchase_history"]);
    assert_eq!(keys(text, false), ["credit_card_number"]);
}

#[test]
fn negated_list_in_prose_keeps_unknown_items() {
    let text = "事故の内容、銀行口座情報やクレジットカード情報などは含まれておりません。";
    assert_eq!(
        keys(text, false),
        ["bank_account", "credit_card_number", "other"]
    );
}

#[test]
fn key_affected_elsewhere_is_not_also_negated() {
    let text = "項目：氏名、健診予約内容\n健康診断結果はPCに保存されておらず、漏えいの可能性はございません。";
    assert_eq!(keys(text, true), ["health_info", "name"]);
    assert!(keys(text, false).is_empty());
}

#[test]
fn relative_clause_in_list_line_is_not_an_item() {
    let text =
        "## 2 システム内に保存されていた個人情報\n胸部Ｘ線画像と画像に付帯する情報（カナ氏名）\n";
    assert_eq!(keys(text, true), ["health_info", "name_kana"]);
}

#[test]
fn statutory_item_heading_opens_block() {
    let text = "## 2. 漏えい等が発生し、又は発生したおそれがある個人データの項目\n氏名、会員番号、趣味の分野等\n## 3. 原因\n設定の誤りです。\n";
    assert_eq!(keys(text, true), ["account_id", "name", "other"]);
}

#[test]
fn bracketed_line_after_leak_sentence() {
    let text = "当該端末には、利用者の情報が保存されていました。\n\n（患者番号、氏名、性別、受診日の全部又は一部）\n";
    assert_eq!(
        keys(text, true),
        ["account_id", "gender", "health_info", "name"]
    );
    // Without the sentence before it, a bracketed line is no list.
    assert!(keys("（氏名、性別）\n", true).is_empty());
}

#[test]
fn enumerating_line_with_closing_sentence() {
    let text = "### (2) 項目\n入会経路、施設名、氏名、性別、生年月日、年齢、住所、電話番号 など お申込時にお預かりした情報。\n";
    let found = keys(text, true);
    assert_eq!(
        found,
        [
            "address",
            "age",
            "birth_date",
            "gender",
            "name",
            "other",
            "phone"
        ]
    );
    let others: Vec<String> = items(text)
        .into_iter()
        .filter(|i| i.key == "other")
        .map(|i| i.span.text)
        .collect();
    assert_eq!(others, ["入会経路", "施設名"]);
}

#[test]
fn enumerating_prose_keeps_advice_apart() {
    let text = "氏名、年齢、居住地域、メールアドレス、電話番号、閲覧用パスワードなどの情報が漏洩した可能性があります。（詳細はよくあるご質問をご参照ください。）\n";
    assert_eq!(
        keys(text, true),
        ["age", "email", "name", "password", "phone"]
    );
}

#[test]
fn note_mark_scopes_negation() {
    let text = "- 住所、氏名、注文商品情報 ※クレジット情報は含まない\n";
    assert_eq!(keys(text, true), ["address", "name", "purchase_history"]);
    assert_eq!(keys(text, false), ["credit_card_number"]);
}

#[test]
fn relative_fukumanai_is_no_negation() {
    let text = "|会員|氏名、口座情報|※内、口座情報を含むものが120件、含まないものが80件|\n";
    assert_eq!(keys(text, false), Vec::<String>::new());
    assert!(keys(text, true).contains(&"bank_account".to_owned()));
}

#[test]
fn people_are_not_items() {
    let text = "## 漏えいしたおそれのある個人データの項目\n当社、協力会社及びお客様の下記情報\n- 氏名\n- 会社名\n";
    assert_eq!(keys(text, true), ["name", "workplace"]);
}

#[test]
fn list_in_brackets_after_descriptive_clause() {
    let text = "## 対象となった個人情報\n2020年から2022年の間に、東西又は南北店舗に在籍していた従業員情報（氏名、担当業務、メールアドレス）\n";
    assert_eq!(keys(text, true), ["email", "name", "other"]);
    let others: Vec<String> = items(text)
        .into_iter()
        .filter(|i| i.key == "other")
        .map(|i| i.span.text)
        .collect();
    assert_eq!(others, ["担当業務"]);
}

#[test]
fn own_mailbox_is_no_lost_data() {
    let text = "当会のメールアドレスが第三者により不正利用され、迷惑メールが送信されました。当該メールアドレスを停止し、個人情報の流出がないことを確認しました。";
    assert!(items(text).is_empty());
    // A customer's address stays an item.
    let text = "お客様のメールアドレスが流出した可能性があります。";
    assert_eq!(keys(text, true), ["email"]);
}

#[test]
fn own_mailbox_said_not_leaked_is_not_affected() {
    let text = "現時点で弊社のメールアドレスやメール本文の漏えいはないことを確認しております。";
    // Mail bodies named as not leaked are `other` (ANNOTATION.md).
    assert_eq!(keys(text, false), ["email", "other"]);
    assert!(keys(text, true).is_empty());
}

#[test]
fn card_member_number_is_a_card_number() {
    let text =
        "漏洩した可能性のある情報は以下のとおりです。\n- クレジットカード会員番号\n- 有効期限\n";
    assert_eq!(keys(text, true), ["card_expiry", "credit_card_number"]);
}

#[test]
fn bracket_of_a_plain_item_is_no_list() {
    let text = "## 漏えいしたおそれのある個人データの項目\n・当社が発行したユーザーID ・氏名（漢字、カナ）\n";
    assert_eq!(keys(text, true), ["account_id", "name", "name_kana"]);
}

#[test]
fn lead_in_list_goes_on_under_group_headings() {
    let text = "## 2. 状況\n### (2)漏えいの可能性があるお客様\n調査の結果、お客様の情報が影響を受けた可能性がございます。漏えいした可能性のある情報は以下のとおりです。\n### 【3月に決済されたお客様12名】\n- クレジットカード番号\n- 有効期限\n\n対象のお客様には個別にご連絡いたします。\n### 【会員登録をされたお客様】\n氏名/ご住所/電話番号\n## 3. お客様へのお願い\n- 氏名を騙る電話にご注意ください\n";
    assert_eq!(
        keys(text, true),
        [
            "address",
            "card_expiry",
            "credit_card_number",
            "name",
            "phone"
        ]
    );
}

#[test]
fn lead_in_group_heading_with_count() {
    let text = "## 2. 漏えいの可能性のある情報と対応\n二次被害の報告は受けておりませんが、漏えいの可能性がある情報は以下のとおりです。\n## (1)通販サイトの会員の個人情報 1,234 件\n氏名、会社名、住所、生年月日\n## (2)今後の対応\n- 氏名の確認\n";
    assert_eq!(
        keys(text, true),
        ["address", "birth_date", "name", "workplace"]
    );
}

#[test]
fn topic_heading_after_lead_in_ends_the_list() {
    let text = "流出した可能性のある情報は以下のとおりです。\n【概要】\n・現在、お客様情報等の不正利用は確認されておりません。\n・担当者の氏名と電話番号で照会を受けました。\n";
    assert!(items(text).is_empty(), "{:?}", items(text));
}

#[test]
fn abbreviation_is_no_lead_in() {
    let text = "業務システム（以下、「当該システム」）より情報漏えいのおそれがあることが分かりました。\n【概要】\n・現在、お客様情報等の不正利用は確認されておりません。\n";
    assert!(items(text).is_empty(), "{:?}", items(text));
}

#[test]
fn lead_in_negation_is_its_own_sentence() {
    let text = "## 2. 漏えいした可能性がある個人情報\n対象者は以下のとおりです。\n・役員：12名\nまた、漏えいした可能性がある個人情報の項目は以下のとおりです。なお、口座情報は含まれておりません。\n・氏名\n・ログインID\n";
    assert_eq!(keys(text, true), ["account_id", "name"]);
    assert_eq!(keys(text, false), ["bank_account"]);
}

#[test]
fn inquiry_form_is_the_data_source() {
    let text = "お問い合わせフォームから送信された内容（会社名、氏名、メールアドレス）が閲覧された可能性がございます。\nご不明な点は下記窓口までお問い合わせください。\n";
    assert_eq!(keys(text, true), ["email", "name", "workplace"]);
}

#[test]
fn kind_label_and_counted_items() {
    assert_eq!(
        keys("情報種類：予約者氏名、電話番号、e-mail、年齢\n", true),
        ["age", "email", "name", "phone"]
    );
    let text = "漏えいが確認された個人情報は、以下のとおりです。\n【個人情報の種別】\n- 氏名・棟名・電話番号：１２３件\n- 氏名・生年月日：４５件\n";
    assert_eq!(keys(text, true), ["birth_date", "name", "other", "phone"]);
}

#[test]
fn contrast_after_a_negation_ends_its_clause() {
    let text = "個人情報（氏名及び写真）を第三者が閲覧した可能性は否定できませんが、情報漏洩は確認されておりません。\n";
    assert_eq!(keys(text, true), ["image", "name"]);
}

#[test]
fn leak_words_and_sites_are_no_items() {
    let text = "【内容】\n「お問合せフォーム」、「会員サイト」における情報\n- 企業名\n※カード情報につきましては決済会社に委託しておりますので、漏洩、流出の可能性はないものと判断しております。\n";
    let found = items(text);
    assert!(found.iter().all(|i| i.key != "other"), "{found:?}");
}

#[test]
fn heading_on_people_named_by_contact_data_lists_items() {
    let text = "## １ 漏えいしたおそれがある個人情報\n### 【連絡先を確認できる方】\n- 会議の出席者名簿（氏名及びメールアドレス） 21 人\n- 免許の写し（氏名、住所、生年月日）４人\n## ２ 問合せ先\n- 電話番号 000-0000-0000\n";
    assert_eq!(keys(text, true), ["address", "birth_date", "email", "name"]);
}

#[test]
fn accessed_data_heading_opens_items() {
    let text = "## ２、不正アクセスされた情報\n現時点で把握している内容は、以下の通りです。\n- （１）ポイントカード会員様の顧客情報（氏名・住所・性別）\n";
    assert_eq!(keys(text, true), ["address", "gender", "name"]);
}

#[test]
fn reception_service_is_no_advice_and_school_years_are_school_info() {
    let text = "## １ 閲覧された可能性のある個人情報\n「利用者コード、氏名、性別、受付サービスの内容（一般・体験）、入居日、契約日・解約日、卒業年度、配送先情報」\n";
    assert_eq!(
        keys(text, true),
        ["address", "gender", "name", "other", "school_info"]
    );
    // A clause with 「へ」 is no item name.
    let clause = "【流出した情報】\n会員のお名前、当サイトへログイン\n";
    assert!(items(clause).iter().all(|i| i.key != "other"));
}

#[test]
fn organizations_and_places_are_no_items() {
    // 「写真館」 is a studio, 「担当部署において」 a place.
    let text = "アルバムを受注した青空写真館の委託先で、担当部署において個人情報を格納するサーバーへの不正アクセスが確認されました。\n";
    assert!(items(text).is_empty(), "{:?}", items(text));
}

#[test]
fn credentials_from_another_service_are_the_vector() {
    let text = "メールアカウントのID・パスワードは、他社が提供するサービスから漏洩し、この情報の悪用を起因とした不正アクセスがあったと考えられます。\n";
    assert!(keys(text, true).is_empty(), "{:?}", items(text));
}
