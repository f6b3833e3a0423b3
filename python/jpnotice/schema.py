"""The shape of a parsed notice, as ``TypedDict`` classes (see SCHEMA.md).

These are for type checkers and readers: at run time every result is a
plain ``dict``. Every field of ``Notice`` is always present; a value the
parser could not determine is ``None`` or ``[]``.
"""

from __future__ import annotations

from typing import List, Optional, TypedDict


class Published(TypedDict):
    """The notice's own date (「令和６年５月」 → ``"2024-05"``)."""

    value: str
    text: str
    start: int
    end: int


class _DateMentionOptional(TypedDict, total=False):
    weekday: str
    modifier: str
    range: str


class DateMention(_DateMentionOptional):
    """A date, month, year, fiscal year (``FY2017``), datetime or time.

    ``weekday`` (「月」), ``modifier`` and ``range`` (``"start"``/``"end"``)
    are present only when the text has them.
    """

    kind: str
    value: str
    text: str
    start: int
    end: int
    inferred_year: bool


class RecordCount(TypedDict):
    """A count of affected people or records (「約13万人」 → 130000, 人)."""

    value: int
    unit: str
    approx: bool
    qualifiers: List[str]
    text: str
    subject: Optional[str]
    total: bool
    start: int
    end: int


class DataItem(TypedDict):
    """A personal data item (``"name"``, ``"address"``, …), affected or explicitly not."""

    key: str
    label: str
    text: str
    affected: bool
    start: int
    end: int


# "except" is a keyword, hence the functional form.
Hours = TypedDict(
    "Hours",
    {"days": Optional[str], "open": Optional[str], "close": Optional[str], "except": Optional[str]},
)
"""Office hours of a contact, read into parts."""


class Contact(TypedDict):
    """Whom to call: organization, phone (normalized), hours, …"""

    organization: Optional[str]
    department: Optional[str]
    label: Optional[str]
    phone: Optional[str]
    phone_kind: Optional[str]
    extension: Optional[str]
    fax: Optional[str]
    email: Optional[str]
    postal_code: Optional[str]
    address: Optional[str]
    text: str
    hours: Optional[str]
    hours_structured: Optional[Hours]
    start: int
    end: int


class Notice(TypedDict):
    """Everything extracted from one notice."""

    source: Optional[str]
    title: Optional[str]
    issuers: List[str]
    published: Optional[Published]
    report_number: Optional[int]
    notice_kind: Optional[str]
    incident_types: List[str]
    leak_status: Optional[str]
    dates: List[DateMention]
    record_counts: List[RecordCount]
    data_items: List[DataItem]
    contacts: List[Contact]
    urls: List[str]
    warnings: List[str]
    encoding: Optional[str]


class ErrorResult(TypedDict):
    """What ``extract`` yields in place of a file it could not read."""

    source: str
    error: str
