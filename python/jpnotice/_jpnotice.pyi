"""Type stubs of the native module (re-exported by ``jpnotice``)."""

import datetime
import os
from typing import Iterable, Iterator, Literal, Optional, Union

from .schema import ErrorResult, Notice

__version__: str

_Date = Union[str, datetime.date]
_YearPolicy = Literal["preceding", "nearest", "forward"]
_Path = Union[str, "os.PathLike[str]"]

class Error(ValueError):
    """A notice could not be read (unreadable PDF, over the size limit, not a regular file, internal error)."""

def parse(
    text: str,
    *,
    reference_date: Optional[_Date] = None,
    year_policy: _YearPolicy = "preceding",
    source: Optional[str] = None,
) -> Notice:
    """Parses decoded text; returns the notice (the ``jpnotice extract`` JSON object).

    >>> jpnotice.parse("不正アクセスに関するお知らせ")["incident_types"]
    ['unauthorized_access']
    """

def parse_bytes(
    data: Union[bytes, bytearray],
    *,
    reference_date: Optional[_Date] = None,
    year_policy: _YearPolicy = "preceding",
    max_bytes: Optional[int] = None,
    source: Optional[str] = None,
) -> Notice:
    """Parses a file's bytes: text in any supported encoding (Shift_JIS, EUC-JP, …) or a PDF.

    Raises ``jpnotice.Error`` for an unreadable PDF or an input over ``max_bytes``.
    """

def parse_file(
    path: _Path,
    *,
    reference_date: Optional[_Date] = None,
    year_policy: _YearPolicy = "preceding",
    max_bytes: Optional[int] = None,
) -> Notice:
    """Reads and parses one file; ``"source"`` is the path as given.

    Raises ``OSError`` when the file cannot be read, ``jpnotice.Error`` otherwise.
    """

class Extraction(Iterator[Union[Notice, ErrorResult]]):
    """What ``extract`` returns: one result per input, in input order."""

    def __iter__(self) -> "Extraction": ...
    def __next__(self) -> Union[Notice, ErrorResult]: ...
    def __len__(self) -> int:
        """The number of inputs, directories expanded."""
    def close(self) -> None:
        """Stops the workers; results not yet taken are dropped."""

def extract(
    paths: Union[_Path, Iterable[_Path]],
    jobs: Optional[int] = None,
    *,
    errors: Literal["yield", "raise"] = "yield",
    reference_date: Optional[_Date] = None,
    year_policy: _YearPolicy = "preceding",
    max_bytes: Optional[int] = None,
) -> Extraction:
    """Parses files and directories in parallel (``jobs`` threads, no GIL), yielding results in input order.

    A file that cannot be read gives ``{"source": path, "error": reason}`` in its
    place (``errors="yield"``), or makes ``next()`` raise ``jpnotice.Error``
    (``errors="raise"``; the iterator can be resumed). The batch goes on either way.
    """
