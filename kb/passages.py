"""Document → Passages: paragraphs and bullets numbered ¶1… in order, with stable ids, offsets and sentences."""
import re
from functools import lru_cache
from typing import List, Tuple

from .models import Document, Passage

SKIPPED_KINDS = {"title", "byline", "end"}
# A sure sentence end: a lower-case word of three letters or more, its stop (and a closing quote),
# then a capital or an opening quote. pysbd decides everything less sure ("U.S. Attorney", "F. Kirwin").
SURE_END_RE = re.compile(r"(?<=[a-z]{3}[.!?])[\"'”’)]*(?=\s+[“\"‘A-Z])")
MAYBE_BOUNDARY_RE = re.compile(r"[.!?…][\"'”’)\]]*\s+\S")
_segmenter = None


def segmenter():
    global _segmenter
    if _segmenter is None:
        import pysbd

        _segmenter = pysbd.Segmenter(language="en", clean=False)
    return _segmenter


@lru_cache(maxsize=8192)
def pysbd_spans(text: str) -> Tuple[Tuple[int, int], ...]:
    """Sentences of text by pysbd, re-anchored in text (cached: releases repeat boilerplate paragraphs)."""
    spans = []
    pos = 0
    # Segmenter.processor(...).process() gives the sentences without segment()'s own char-span
    # search, which compiles one regex a sentence; the spans are re-anchored below instead.
    for sentence in segmenter().processor(text).process():
        stripped = sentence.strip()
        start = text.find(stripped, pos) if stripped else -1
        if start < 0:
            continue
        spans.append((start, start + len(stripped)))
        pos = start + len(stripped)
    if text[pos:].strip():
        rest = len(text) - len(text[pos:].lstrip())
        spans.append((rest, len(text.rstrip())))
    return tuple(spans) or ((0, len(text)),)


def sentence_spans(text: str, offset: int = 0) -> Tuple[Tuple[int, int], ...]:
    """(start, end) of each sentence of text, shifted by offset: sure ends by rule, the rest by pysbd."""
    spans = []
    pos = 0
    cuts = [m.end() for m in SURE_END_RE.finditer(text)] + [len(text)]
    for cut in cuts:
        chunk = text[pos:cut]
        lead = len(chunk) - len(chunk.lstrip())
        chunk = chunk.strip()
        if chunk:
            start = pos + lead
            inner = pysbd_spans(chunk) if MAYBE_BOUNDARY_RE.search(chunk) else ((0, len(chunk)),)
            spans.extend((offset + start + s, offset + start + e) for s, e in inner)
        pos = cut
    return tuple(spans) or ((offset, offset + len(text)),)


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
