"""Corpus text made safe to show on a page: control characters and terminal escapes out, marks placed by offsets.

Titles and bodies come from scraped pages and JSON lines, so they may hold HTML (escaped by
Jinja's autoescape, and by `markupsafe.escape` here), C0/C1 control characters and terminal
escape sequences (removed here, so that nothing a source holds can spoof what the page shows).
Marks are placed by the payload's offsets into the raw text first and each piece is cleaned
after, so removing characters never shifts a mark.
"""
import re
from typing import List, Optional, Sequence, Tuple

from markupsafe import Markup, escape

# ESC sequences: CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), their one-byte C1 forms, and
# the two-byte ones (ESC and one character); what is left of a broken one goes with CONTROLS.
ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"
                     r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[@-Z\\^_]")
# C0 but tab and line ends, DEL, C1, and the bidirectional overrides that make text read otherwise than it is
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
DIFF_PART = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.S)


def clean(text: Optional[str]) -> str:
    """Text without escape sequences and control characters (tabs and line ends kept)."""
    return CONTROLS.sub("", ESCAPES.sub("", text or ""))


def one_line(text: Optional[str]) -> str:
    """Clean text on one line, for titles and table cells."""
    return " ".join(clean(text).split())


def pieces(text: str, spans: Sequence[Tuple[int, int]]) -> List[Tuple[str, bool]]:
    """text cut at the spans: [(clean piece, marked)], overlapping spans joined, spans outside the text dropped."""
    out: List[Tuple[str, bool]] = []
    pos = 0
    for start, end in sorted((max(s, 0), min(e, len(text))) for s, e in spans):
        if end <= start:
            continue
        start = max(start, pos)
        if end <= start:
            continue
        out.append((text[pos:start], False))
        out.append((text[start:end], True))
        pos = end
    out.append((text[pos:], False))
    return [(clean(piece), marked) for piece, marked in out if piece]


def diff_pieces(diff: str) -> List[Tuple[str, str]]:
    """A verify word diff ("kept [-source words-] {+claim words+} kept") as [(kind, clean text)], kind being
    "same", "source" (words of the source the claim lacks) or "claim" (words the claim puts instead)."""
    out, pos = [], 0
    for m in DIFF_PART.finditer(diff or ""):
        out.append(("same", diff[pos:m.start()]))
        out.append(("source", m.group(1)) if m.group(1) is not None else ("claim", m.group(2)))
        pos = m.end()
    out.append(("same", (diff or "")[pos:]))
    return [(kind, clean(text)) for kind, text in out if text]


def web_link(url: Optional[str]) -> Optional[str]:
    """A release's url when it may be a link (http or https); any other scheme is shown as text only."""
    url = one_line(url)
    return url if re.match(r"https?://", url, re.I) else None


def claim_spans(text: str, claims: Sequence[dict]) -> List[Optional[Tuple[int, int]]]:
    """Where each checked claim stands in the draft: verify gives the quoted words or the sentence as written,
    in text order; a claim may start inside the one before it (a quote within a figure sentence)."""
    spans: List[Optional[Tuple[int, int]]] = []
    pos = 0
    for claim in claims:
        words = claim["claim"]
        at = text.find(words, pos)
        if at < 0:
            at = text.find(words)
        if not words or at < 0:
            spans.append(None)
            continue
        spans.append((at, at + len(words)))
        pos = at
    return spans


def marked_draft(text: str, claims: Sequence[dict]) -> Markup:
    """The draft as HTML, each claim in a <mark> of its verdict's colour that ends with the verdict word,
    a link to the claim's evidence (#claim-N). A quote within a figure sentence is a mark within a mark;
    a claim that would cross another's edge is left unmarked here (it is still listed with the evidence)."""
    spans = [(span[0], span[1], i) for i, span in enumerate(claim_spans(text, claims)) if span]
    # (position, 0 close / 1 open, tie-break, html): at one position closes come first, the inner one
    # first; then opens, the outer one first
    events = []
    open_at: List[Tuple[int, int]] = []
    for start, end, i in sorted(spans, key=lambda s: (s[0], -s[1])):
        while open_at and open_at[-1][0] <= start:
            open_at.pop()
        if open_at and end > open_at[-1][0]:
            continue  # crosses the edge of the mark it starts in
        open_at.append((end, i))
        verdict = claims[i]["verdict"]
        events.append((start, 1, -end, Markup('<mark class="claim v-{0}" id="mark-{1}">').format(verdict, i + 1)))
        events.append((end, 0, -start, Markup('<a class="verdict" href="#claim-{0}" data-claim="{0}">{1}</a></mark>')
                       .format(i + 1, verdict)))
    out, pos = [], 0
    for at, _, _, html in sorted(events, key=lambda e: e[:3]):
        out.append(escape(clean(text[pos:at])))
        out.append(html)
        pos = at
    out.append(escape(clean(text[pos:])))
    return Markup("").join(out)


def highlighted(text: str, highlights: Sequence[dict]) -> List[Tuple[str, bool]]:
    """A search snippet cut at its highlights ({"start", "end", "term"} spans of the text)."""
    return pieces(text, [(h["start"], h["end"]) for h in highlights])
