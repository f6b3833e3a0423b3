"""jpnotice: reads Japanese incident and data-breach notices into structured data.

Notices such as 「個人情報漏えいのおそれに関するお詫びとお知らせ」 or
「不正アクセスに関するご報告」 become one ``dict`` each, the same JSON object as
the ``jpnotice extract`` command line prints: who issued it and when, what
happened (``incident_types``), when each event happened (``dates``), how many
people or records were affected (``record_counts``), which personal data
items were affected (``data_items``) and whom to call (``contacts``).

>>> import jpnotice
>>> n = jpnotice.parse("令和6年5月31日\\n株式会社見本\\n"
...                    "不正アクセスによる個人情報漏えいのおそれに関するお知らせ\\n"
...                    "お客様の氏名、住所など約1,200件が流出したおそれがあります。")
>>> n["published"]["value"], n["record_counts"][0]["value"]
('2024-05-31', 1200)

The parser is written in Rust; it runs without the GIL, so threads (and
``extract``) parse in parallel. Every ``start``/``end`` is a byte offset into
the UTF-8 encoding of the decoded text; ``char_span`` turns it into ``str``
indices.
"""

from __future__ import annotations

from ._jpnotice import Error, Extraction, __version__, extract, parse, parse_bytes, parse_file
from .schema import (
    Contact,
    DataItem,
    DateMention,
    ErrorResult,
    Hours,
    Notice,
    Published,
    RecordCount,
)

__all__ = [
    "Contact",
    "DataItem",
    "DateMention",
    "Error",
    "ErrorResult",
    "Extraction",
    "Hours",
    "Notice",
    "Published",
    "RecordCount",
    "__version__",
    "char_span",
    "extract",
    "parse",
    "parse_bytes",
    "parse_file",
]


def char_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Turns a byte range of the result (``start``, ``end``) into ``str`` indices of ``text``.

    ``text`` is the text that was parsed (for ``parse``, the argument).

    >>> text = "お問い合わせ：０１２０－０００－０００"
    >>> c = jpnotice.parse(text)["contacts"][0]
    >>> i, j = jpnotice.char_span(text, c["start"], c["end"])
    >>> text[i:j]
    '０１２０－０００－０００'
    """
    data = text.encode("utf-8")
    return len(data[:start].decode("utf-8")), len(data[:end].decode("utf-8"))
