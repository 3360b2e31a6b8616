"""Reader for .txt and .md press releases: optional Key: Value header, else metadata inferred from the layout."""
import json
import re
from typing import Dict, List, Optional

from ..dates import DATE_RE, parse_date, valid_iso
from ..models import Document
from .language import detect_language, language_code
from .layout import Block, body_blocks, classify, dateline, squash

HEADER_LINE_RE = re.compile(r"^([A-Za-z][A-Za-z _-]{0,30}):[ \t]*(.*)$")
KNOWN_KEYS = {"title", "date", "published", "publisher", "place", "url", "language", "source", "author"}
MARKDOWN_HEADING_RE = re.compile(r"^#{1,6}\s+")
BYLINE_MAX = 100


def header_block(text: str):
    """({key: value}, offset of the body) when text opens with a Key: Value block, else ({}, 0)."""
    head, sep, _ = text.partition("\n\n")
    lines = head.strip("\n").split("\n")
    if not sep or not lines:
        return {}, 0
    fields = {}
    for line in lines:
        match = HEADER_LINE_RE.match(line.strip())
        if not match:
            return {}, 0
        fields[match.group(1).strip().lower()] = match.group(2).strip()
    if not KNOWN_KEYS & set(fields):
        return {}, 0
    return fields, len(head) + len(sep)


def leading_lines(text: str, blocks: List[Block], title: str):
    """Split the opening blocks into title repeats and a byline; return (blocks, byline text)."""
    out: List[Block] = []
    byline = None
    in_header = True
    for start, end, kind in blocks:
        if not in_header:
            out.append((start, end, kind))
            continue
        pos = start
        rest = []
        for line in text[start:end].split("\n"):
            s, e = pos, pos + len(line)
            pos = e + 1
            stripped = line.strip()
            if not stripped:
                continue
            s += len(line) - len(line.lstrip())
            e = s + len(stripped)
            if squash(MARKDOWN_HEADING_RE.sub("", stripped)) == squash(title):
                out.append((s, e, "title"))
            elif byline is None and len(stripped) <= BYLINE_MAX and DATE_RE.search(stripped) and not rest:
                out.append((s, e, "byline"))
                byline = stripped
            else:
                rest.append((s, e))
        if rest:
            in_header = False
            out.append((rest[0][0], rest[-1][1], kind))
    return out, byline


def publisher_from_byline(byline: str) -> Optional[str]:
    """"5 December, 2019 NetClean" → "NetClean"; "NetClean, 5 December 2019" → "NetClean"."""
    rest = DATE_RE.sub(" ", byline)
    rest = re.sub(r"^\W+|[\W_]+$", "", re.sub(r"\s+", " ", rest)).strip()
    rest = re.sub(r"^(?:by|from|published by)\s+", "", rest, flags=re.I)
    return rest if rest and len(rest.split()) <= 6 else None


def read_text(text: str, doc_id: str, source: str, sha256: str) -> Document:
    """A Document from the decoded text of a .txt or .md file."""
    fields, offset = header_block(text)
    body = text[offset:]
    blocks = body_blocks(body)
    first_line = body.strip().split("\n", 1)[0].strip() if body.strip() else ""
    title = fields.get("title") or MARKDOWN_HEADING_RE.sub("", first_line).strip()
    blocks, byline = leading_lines(body, blocks, title)
    blocks = classify(body, blocks)
    place, dated = dateline([body[s:e] for s, e, k in blocks if k == "body"])
    published = valid_iso(fields.get("date") or fields.get("published") or "") or parse_date(
        fields.get("date") or fields.get("published") or ""
    )
    published = published or (parse_date(byline) if byline else None) or dated
    publisher = fields.get("publisher") or (publisher_from_byline(byline) if byline else None)
    extra: Dict[str, str] = {
        k: json.dumps(v) for k, v in fields.items() if k not in {"title", "date", "published", "publisher", "place", "url", "language"}
    }
    return Document(
        id=doc_id,
        text=body,
        title=title,
        published=published,
        publisher=publisher,
        place=fields.get("place") or place,
        url=fields.get("url") or None,
        language=language_code(fields.get("language") or detect_language(body)),
        source=source,
        sha256=sha256,
        extra=tuple(sorted(extra.items())),
        blocks=tuple(blocks),
    )
