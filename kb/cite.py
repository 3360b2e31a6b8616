"""Citations: where a result stands in its release, and the line a journalist pastes into an article."""
from datetime import date
from typing import Optional

from .models import Citation, plain


def long_date(iso: Optional[str]) -> Optional[str]:
    """2019-12-05 → 5 December 2019."""
    try:
        d = date.fromisoformat(iso or "")
    except ValueError:
        return iso or None
    return f"{d.day} {d.strftime('%B')} {d.year}"


def citation(doc: dict, passage_id: str, paragraph: int, start: int, end: int) -> dict:
    """The citation of a span of a document (offsets into its normalised text), with a line to paste."""
    data = doc["data"]
    parts = [doc.get("publisher") or None, f"“{doc['title']}”" if doc.get("title") else None,
             long_date(doc.get("published")), f"¶{paragraph}" if paragraph else None]
    return plain(Citation(
        doc_id=doc["doc_id"], passage_id=passage_id, paragraph=paragraph, title=doc.get("title") or "",
        publisher=doc.get("publisher") or None, published=doc.get("published") or None,
        place=data.get("place"), url=data.get("url"), source="corpus/" + doc["source"],
        sha256=data.get("sha256"), start=start, end=end, cite=", ".join(p for p in parts if p),
    ))


def passage_citation(index, passage: dict, start: Optional[int] = None, end: Optional[int] = None) -> dict:
    """The citation of a passage, or of a span of it."""
    return citation(index.document(passage["doc_id"]), passage["passage_id"], passage["number"],
                    passage["start"] if start is None else start, passage["end"] if end is None else end)


def record_citation(index, row: dict) -> dict:
    """The citation of a fact or quote: its passage, narrowed to the record's own span."""
    return passage_citation(index, index.passage(row["passage_id"]), row["start"], row["end"])
