"""Shared layout rules of press releases: paragraphs and bullets, headings, About and contact blocks, datelines."""
import re
from typing import List, Optional, Sequence, Tuple

from ..dates import DATE_RE, parse_date

BULLET_RE = re.compile(r"^[ \t]*(?:[•●▪◦‣∙·\-*]|\d{1,2}[.)])[ \t]+\S")
PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t\f]*\n")
END_MARK_RE = re.compile(r"^\s*(?:#\s*#\s*#|-\s*30\s*-|–\s*30\s*–|\*\s*\*\s*\*)\s*$")
ABOUT_RE = re.compile(r"^About\s+\S.{0,80}$|^About\s+\S[^\n.]{0,60}[:\n]", re.I)
CONTACT_RE = re.compile(
    r"^(?:for (?:more|further) information|media (?:contacts?|inquiries|enquiries)|press (?:contacts?|inquiries)"
    r"|contacts?\s*:|for media inquiries|media relations)",
    re.I,
)
# "Gothenburg, Sweden 5.12.2019 Live-streamed …", "NEW YORK, Dec. 5, 2019 /PRNewswire/ --"
PLACE_DATE_RE = re.compile(
    r"^(?P<place>[A-Z][^\d\n:;]{1,60}?)[\s,–—-]+(?P<date>" + DATE_RE.pattern + r")(?:\s*/[^/\n]{1,40}/)?\s*[–—-]*\s*",
    re.I,
)
# "WASHINGTON – …", "WASHINGTON AND PENSACOLA, Fla.  Seven …" (dashes lost in scraping)
PLACE_CAPS_RE = re.compile(
    r"^(?P<place>[A-Z][A-Z'.-]{2,}(?:[ ,]+(?:AND\s+)?[A-Z][A-Z'.-]+)*(?:,\s+[A-Z][a-z]{1,5}\.?)?)"
    r"(?:\s*[–—-]{1,2}\s*|\s+(?=[A-Z]))"
)

Block = Tuple[int, int, str]


def squash(text: str) -> str:
    """Text for comparing lines: no white space, case folded."""
    return re.sub(r"\s+", "", text).casefold()


# a blank line inside a sentence, left where a page's link or superscript was: "This marks the 40" ¶ "th exoneration by
# our CRU", "… many resources on line at" ¶ "SanDiegoTPC.org , and the San Diego …"
FUNCTION_WORD_END_RE = re.compile(r"\b(?:at|the|of|to|a|an|and|or|like|for|in|on|with|by|from)$")


def paragraph_spans(text: str, offset: int = 0) -> List[Tuple[int, int]]:
    """(start, end) of each blank-line separated paragraph, trimmed of surrounding white space; a blank line inside a
    sentence does not end its paragraph."""
    spans: List[Tuple[int, int]] = []
    pos = 0
    for match in list(PARAGRAPH_BREAK_RE.finditer(text)) + [None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            start = offset + pos + lead
            previous = text[spans[-1][0] - offset:spans[-1][1] - offset] if spans else ""
            if previous and (re.match(r"[a-z]", stripped) and re.search(r"[\w,]$", previous) or
                             FUNCTION_WORD_END_RE.search(previous) and len(previous) > 60):
                spans[-1] = (spans[-1][0], start + len(stripped))
            else:
                spans.append((start, start + len(stripped)))
        pos = match.end() if match else len(text)
    return spans


def split_bullets(text: str, start: int, end: int) -> List[Block]:
    """A paragraph as blocks: each bullet line its own, runs of other lines together."""
    blocks: List[Block] = []
    run_start = None
    pos = start
    for line in text[start:end].split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        stripped = line.strip()
        if not stripped:
            continue
        s = line_start + (len(line) - len(line.lstrip()))
        e = s + len(stripped)
        if BULLET_RE.match(line):
            if run_start is not None:
                blocks.append((run_start[0], run_start[1], "body"))
                run_start = None
            blocks.append((s, e, "bullet"))
        elif run_start is None:
            run_start = [s, e]
        else:
            run_start[1] = e
    if run_start is not None:
        blocks.append((run_start[0], run_start[1], "body"))
    return blocks


def is_heading(text: str) -> bool:
    """A short line with no sentence end: a section heading ("Encryption … are the biggest challenges")."""
    text = text.strip()
    return "\n" not in text and len(text) <= 120 and not re.search(r"[.!?\"”’)]$", text) and len(text.split()) <= 16


def classify(text: str, blocks: Sequence[Block]) -> List[Block]:
    """Mark headings, the About section, the contact block and what follows an end mark."""
    out: List[Block] = []
    section = "body"
    for start, end, kind in blocks:
        chunk = text[start:end]
        if kind in ("title", "byline"):
            out.append((start, end, kind))
            continue
        if END_MARK_RE.match(chunk):
            section = "end"
            out.append((start, end, "end"))
            continue
        if CONTACT_RE.match(chunk):
            section = "contact"
        elif section != "contact" and ABOUT_RE.match(chunk) and len(chunk.split("\n")[0]) <= 90:
            section = "about"
        if section in ("about", "contact"):
            out.append((start, end, section))
        elif section == "end":
            out.append((start, end, "contact" if "@" in chunk or re.search(r"\+?\d[\d\s().-]{7,}\d", chunk) else "end"))
        elif kind == "body" and is_heading(chunk):
            out.append((start, end, "heading"))
        else:
            out.append((start, end, kind))
    return out


def body_blocks(text: str, offset: int = 0) -> List[Block]:
    """Paragraphs and bullets of text (offsets shifted by offset), classified."""
    blocks: List[Block] = []
    for start, end in paragraph_spans(text):
        blocks.extend((s + offset, e + offset, k) for s, e, k in split_bullets(text, start, end))
    return blocks


def dateline(paragraphs: Sequence[str]) -> Tuple[Optional[str], Optional[str]]:
    """(place, ISO date) from the dateline that opens one of a release's first body paragraphs."""
    for paragraph in paragraphs[:3]:
        match = PLACE_DATE_RE.match(paragraph)
        if match:
            place = match.group("place").strip(" ,–—-")
            if 1 <= len(place.split()) <= 6:
                return place, parse_date(match.group("date"))
    match = PLACE_CAPS_RE.match(paragraphs[0]) if paragraphs else None
    if match and len(re.sub(r"[^A-Za-z]", "", match.group("place"))) >= 4:
        return match.group("place").strip(" ,"), None
    return None, None
