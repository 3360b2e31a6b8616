"""Document → Passages: paragraphs and bullets numbered ¶1… in order, with stable ids, offsets and sentences."""
import re
from typing import List, Tuple

from .models import Document, Passage

SKIPPED_KINDS = {"title", "byline", "end"}
# A place where a sentence might end: only paragraphs that have one go through pysbd.
MAYBE_BOUNDARY_RE = re.compile(r"[.!?…][\"'”’)\]]*\s+\S")
_segmenter = None


def segmenter():
    global _segmenter
    if _segmenter is None:
        import pysbd

        _segmenter = pysbd.Segmenter(language="en", clean=False)
    return _segmenter


def sentence_spans(text: str, offset: int = 0) -> Tuple[Tuple[int, int], ...]:
    """(start, end) of each sentence of text, shifted by offset, found by pysbd and re-anchored in text."""
    if not MAYBE_BOUNDARY_RE.search(text):
        return ((offset, offset + len(text)),)
    spans = []
    pos = 0
    for sentence in segmenter().segment(text):
        stripped = sentence.strip()
        if not stripped:
            continue
        start = text.find(stripped, pos)
        if start < 0:  # pysbd changed the text: fall back to one span for the rest
            spans.append((pos, len(text)))
            pos = len(text)
            break
        spans.append((start, start + len(stripped)))
        pos = start + len(stripped)
    if pos < len(text) and text[pos:].strip():
        rest = len(text) - len(text[pos:].lstrip())
        spans.append((rest, len(text)))
    return tuple((offset + s, offset + e) for s, e in spans) or ((offset, offset + len(text)),)


def passages_of(document: Document) -> List[Passage]:
    """The citable passages of a document, numbered from 1 in reading order."""
    passages = []
    for start, end, kind in document.blocks:
        if kind in SKIPPED_KINDS:
            continue
        number = len(passages) + 1
        text = document.text[start:end]
        passages.append(
            Passage(
                id=f"{document.id}#p{number}", doc_id=document.id, number=number, kind=kind,
                start=start, end=end, text=text, sentences=sentence_spans(text, start),
            )
        )
    return passages
