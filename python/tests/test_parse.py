"""parse, parse_bytes, parse_file: the same JSON as the command line, and errors."""

from __future__ import annotations

import datetime
import doctest
import json

import pytest

import jpnotice
from conftest import NOTICES, PDFS, ROOT, snapshot

NOTICE_NAMES = sorted(p.name for p in NOTICES.iterdir() if p.suffix in {".txt", ".md"})


@pytest.mark.parametrize("name", NOTICE_NAMES)
def test_parse_file_gives_the_snapshot_json(name: str, at_root) -> None:
    # The snapshots are the library's `extract` JSON of each corpus notice.
    notice = jpnotice.parse_file(f"corpus/notices/{name}")
    assert notice == snapshot(name)


def test_record_counts_of_a_corpus_notice() -> None:
    notice = jpnotice.parse_file(NOTICES / "music-school-sql-injection.txt")
    counts = [(c["value"], c["unit"], c["subject"]) for c in notice["record_counts"]]
    assert counts == [
        (74238, "件", "会員の皆様の個人情報"),  # 7万4238件
        (58910, "名", "会員様ご本人"),
        (15328, "名", "保護者様としてご登録の方"),
    ]
    assert notice["incident_types"] == ["unauthorized_access", "system_failure"]
    assert notice["leak_status"] == "confirmed"
    assert notice["source"] == str(NOTICES / "music-school-sql-injection.txt")


def test_every_field_is_present_and_json_typed() -> None:
    notice = jpnotice.parse("不正アクセスに関するお知らせ")
    assert list(notice) == list(jpnotice.Notice.__annotations__)
    assert json.loads(json.dumps(notice)) == notice
    assert notice["source"] is None and notice["encoding"] is None


def test_parse_text_with_reference_date_and_year_policy() -> None:
    text = "1月6日から受付を開始します。"
    ref = "2024-12-20"
    assert jpnotice.parse(text, reference_date=ref)["dates"][0]["value"] == "2024-01-06"
    forward = jpnotice.parse(text, reference_date=datetime.date(2024, 12, 20), year_policy="forward")
    assert forward["dates"][0]["value"] == "2025-01-06"
    assert forward["dates"][0]["inferred_year"] is True
    assert jpnotice.parse(text, source="memo")["source"] == "memo"


def test_parse_bytes_shift_jis_file_equals_parse_file() -> None:
    path = NOTICES / "city-welfare-fax-misdelivery-2nd.sjis.txt"
    data = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    from_bytes = jpnotice.parse_bytes(data)
    assert from_bytes["encoding"] == "Shift_JIS"
    from_file = jpnotice.parse_file(path)
    assert from_bytes == {**from_file, "source": None}
    assert [c["value"] for c in from_bytes["record_counts"]][-2:] == [8, 10]  # 計 ８枚 / １０名


def test_parse_bytes_encodings() -> None:
    text = "令和６年５月３１日\n個人情報漏えいのおそれに関するお詫びとお知らせ\n約1,200名分の氏名が流出しました。"
    expected = jpnotice.parse(text)
    for codec, name in [("cp932", "Shift_JIS"), ("euc_jp", "EUC-JP"), ("utf-8", "UTF-8")]:
        notice = jpnotice.parse_bytes(text.encode(codec))
        assert notice["encoding"] == name
        assert notice["record_counts"][0]["value"] == 1200
        assert notice["published"]["value"] == expected["published"]["value"] == "2024-05-31"
    assert jpnotice.parse_bytes(bytearray(text.encode("cp932")))["encoding"] == "Shift_JIS"


def test_parse_pdf_in_process_gives_the_snapshot_json(at_root) -> None:
    name = "sql-injection.ttf.pdf"
    notice = jpnotice.parse_file(f"corpus/pdf/{name}")
    assert notice == snapshot(name, prefix="pdf_snapshots")
    assert notice["encoding"].startswith("PDF (")


def test_char_span_maps_byte_offsets_to_str_indices() -> None:
    text = "お問い合わせ：０１２０－０００－０００（平日9時～17時）"
    contact = jpnotice.parse(text)["contacts"][0]
    i, j = jpnotice.char_span(text, contact["start"], contact["end"])
    assert text[i:j] == contact["text"] == "０１２０－０００－０００"


def test_errors() -> None:
    assert issubclass(jpnotice.Error, ValueError)
    with pytest.raises(FileNotFoundError) as missing:
        jpnotice.parse_file(ROOT / "no-such-notice.txt")
    assert missing.value.filename == str(ROOT / "no-such-notice.txt")
    with pytest.raises(jpnotice.Error, match="cannot read PDF"):
        jpnotice.parse_bytes(b"%PDF-1.4\n%broken")
    with pytest.raises(jpnotice.Error, match="not a regular file"):
        jpnotice.parse_file(NOTICES)
    with pytest.raises(jpnotice.Error, match="over the limit of 10 bytes"):
        jpnotice.parse_file(NOTICES / "school-lost-usb-memory.txt", max_bytes=10)
    with pytest.raises(jpnotice.Error, match="over the limit"):
        jpnotice.parse_bytes("令和６年".encode(), max_bytes=4)
    with pytest.raises(ValueError, match="reference_date"):
        jpnotice.parse("お知らせ", reference_date="2024-02-30")
    with pytest.raises(ValueError, match="preceding"):
        jpnotice.parse("お知らせ", year_policy="backward")
    with pytest.raises(TypeError):
        jpnotice.parse(b"bytes are for parse_bytes")  # type: ignore[arg-type]


def test_warnings_not_exceptions_for_odd_text() -> None:
    assert jpnotice.parse(" \n")["warnings"] == ["no text: the input is empty or only whitespace"]
    garbage = jpnotice.parse_bytes(bytes(range(256)) * 4)
    assert garbage["warnings"]


def test_docstring_examples(at_root) -> None:
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    tests = []
    # The module's own examples (char_span's among them) and the native functions'.
    for obj in [jpnotice, jpnotice.parse, jpnotice.parse_bytes, jpnotice.parse_file, jpnotice.extract]:
        tests += finder.find(obj, name=obj.__name__, globs={"jpnotice": jpnotice})
    examples = 0
    for test in tests:
        examples += len(test.examples)
        runner.run(test)
    assert examples >= 8
    assert runner.failures == 0, "a docstring example failed (see the output above)"
