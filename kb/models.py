"""Frozen dataclasses that flow through the pipeline: Document, Passage, Figure, Quote, Citation."""
from dataclasses import asdict, dataclass
from typing import Optional, Tuple


@dataclass(frozen=True)
class Document:
    """One press release: metadata and its normalised text, as read from a source."""

    id: str
    text: str
    title: str = ""
    published: Optional[str] = None  # ISO date
    publisher: Optional[str] = None
    place: Optional[str] = None
    url: Optional[str] = None
    language: str = "en"
    source: str = ""  # path relative to the corpus folder
    sha256: str = ""  # of the source file, or of the JSONL line
    extra: Tuple[Tuple[str, str], ...] = ()  # other metadata, as (key, JSON value) pairs
    # (start, end, kind) blocks found by the reader; passages.py cuts them further.
    blocks: Tuple[Tuple[int, int, str], ...] = ()


@dataclass(frozen=True)
class Passage:
    """A paragraph or bullet of a document, numbered in reading order (¶1, ¶2 …)."""

    id: str  # DOC#pN
    doc_id: str
    number: int
    kind: str  # body, heading, bullet, about, contact
    start: int
    end: int
    text: str
    sentences: Tuple[Tuple[int, int], ...] = ()  # offsets into the document text


UNITS = ("percent", "count", "money", "duration", "other")  # what a figure measures in; dates are not figures


@dataclass(frozen=True)
class Figure:
    """A number in a passage with what it counts or measures."""

    id: str
    doc_id: str
    passage_id: str
    surface: str
    value: float
    unit: str  # one of UNITS
    qualifier: Optional[str]
    measure: str
    sentence: str
    start: int
    end: int
    counted: Optional[str] = None
    currency: Optional[str] = None
    period: Optional[str] = None
    range: Optional[str] = None  # both ends of a range carry the whole range as written: "between $2,000 and $6,000"


@dataclass(frozen=True)
class Quote:
    """The words inside one pair of quotation marks, with who said them."""

    id: str
    doc_id: str
    passage_id: str
    text: str
    speaker: Optional[str]
    role: Optional[str]
    cue: Optional[str]
    utterance: str
    start: int
    end: int


@dataclass(frozen=True)
class Citation:
    """Where a result stands: enough to find and check it, and a line to paste."""

    doc_id: str
    passage_id: str
    paragraph: int
    title: str
    publisher: Optional[str]
    published: Optional[str]
    place: Optional[str]
    url: Optional[str]
    source: str
    sha256: str
    start: int
    end: int
    cite: str


def plain(obj):
    """A dataclass as a dict (for JSON), leaving other values as they are."""
    return asdict(obj) if hasattr(obj, "__dataclass_fields__") else obj


__all__ = ["Document", "Passage", "Figure", "Quote", "Citation", "UNITS", "plain"]
