"""Document → Passages: paragraphs and bullets numbered ¶1… in order, with stable ids, offsets and sentences.

A paragraph over LONG_PASSAGE characters (scraped releases often lost their paragraph breaks,
so one "paragraph" holds a whole page) is cut at sentence ends into passages of about
CHUNK_TARGET characters, never inside a quotation, so that a citation points at a few
sentences and not at a page.
"""
import re
from functools import lru_cache
from typing import List, Tuple

from .models import Document, Passage

SKIPPED_KINDS = {"title", "byline", "end"}
LONG_PASSAGE = 1200
CHUNK_TARGET = 700
CHUNK_MIN = 200
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


def inside_quotation(text: str) -> bool:
    """True when text leaves a quotation open (more opening marks than closing, or an odd count of ")."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def chunks(text: str, start: int, sentences: Tuple[Tuple[int, int], ...]) -> List[Tuple[int, int, tuple]]:
    """(start, end, sentences) of the passages of one block: the block itself, or pieces of a long one."""
    end = start + len(text)
    if len(text) <= LONG_PASSAGE or len(sentences) < 2:
        return [(start, end, sentences)]
    pieces: List[List[Tuple[int, int]]] = [[]]
    for sentence in sentences:
        current = pieces[-1]
        length = sentence[1] - current[0][0] if current else 0
        # a stray quotation mark (scraping drops some) must not keep a whole page in one passage
        if length > CHUNK_TARGET and (length > 2 * LONG_PASSAGE or
                                      not inside_quotation(text[current[0][0] - start:current[-1][1] - start])):
            pieces.append([])
        pieces[-1].append(sentence)
    if len(pieces) > 1 and pieces[-1][-1][1] - pieces[-1][0][0] < CHUNK_MIN:
        pieces[-2].extend(pieces.pop())
    return [(piece[0][0], piece[-1][1], tuple(piece)) for piece in pieces]


def passages_of(document: Document) -> List[Passage]:
    """The citable passages of a document, numbered from 1 in reading order."""
    passages = []
    for start, end, kind in document.blocks:
        if kind in SKIPPED_KINDS:
            continue
        text = document.text[start:end]
        for s, e, sentences in chunks(text, start, sentence_spans(text, start)):
            number = len(passages) + 1
            passages.append(
                Passage(
                    id=f"{document.id}#p{number}", doc_id=document.id, number=number, kind=kind,
                    start=s, end=e, text=document.text[s:e], sentences=sentences,
                )
            )
    return passages
