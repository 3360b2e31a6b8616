"""Reader for .jsonl corpora: one release a line (id, title, date, publisher, url, body or html, extras)."""
import json
import re

from ..dates import parse_date, valid_iso
from ..errors import SourceError
from ..models import Document
from . import line_sha256
from .decode import clean_text
from .language import detect_language, language_code
from .layout import body_blocks, classify, dateline

KNOWN_FIELDS = {"id", "title", "date", "published", "publisher", "url", "body", "html", "place", "language"}
# Ids are names, never paths: letters, digits and a few separators, no "..", no leading "/".
ID_RE = re.compile(r"^(?!.*\.\.)[\w][\w.:@+=/-]{0,199}$")


def valid_id(doc_id: str) -> bool:
    return bool(ID_RE.match(doc_id)) and "//" not in doc_id


def text_field(record: dict, key: str):
    value = record.get(key)
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def record_document(line: bytes, source: str, lineno: int, default_prefix: str) -> Document:
    """The Document of one JSONL line; SourceError says why a line cannot be one."""
    where = f"{source}:{lineno}"
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise SourceError(f"{where}: not a JSON line ({str(exc).splitlines()[0][:80]})") from None
    if not isinstance(record, dict):
        raise SourceError(f"{where}: a JSON {type(record).__name__}, not an object")
    raw_id = record.get("id")
    doc_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id).strip() else f"{default_prefix}/{lineno}"
    if not valid_id(doc_id):
        raise SourceError(f"{where}: id {doc_id[:60]!r} is not a plain name")
    sha = line_sha256(line)
    extra = {k: json.dumps(v, ensure_ascii=False) for k, v in record.items() if k not in KNOWN_FIELDS}
    date_text = text_field(record, "date") or text_field(record, "published") or ""
    meta = {
        "title": text_field(record, "title"),
        "date": date_text,
        "publisher": text_field(record, "publisher"),
        "url": text_field(record, "url"),
        "place": text_field(record, "place"),
        "language": language_code(text_field(record, "language")) if text_field(record, "language") else None,
        "extra": extra,
    }
    body = record.get("body")
    if isinstance(body, str) and body.strip():
        text = clean_text(body, where)
        blocks = classify(text, body_blocks(text))
        place, dated = dateline([text[s:e] for s, e, k in blocks if k == "body"])
        return Document(
            id=doc_id, text=text, title=meta["title"] or "", published=valid_iso(date_text) or parse_date(date_text) or dated,
            publisher=meta["publisher"], place=meta["place"] or place, url=meta["url"],
            language=language_code(text_field(record, "language") or detect_language(text)), source=source, sha256=sha,
            extra=tuple(sorted(extra.items())), blocks=tuple(blocks),
        )
    html = record.get("html")
    if isinstance(html, str) and html.strip():
        from .html import read_html

        return read_html(html, doc_id, source, sha, defaults=meta)
    raise SourceError(f"{where}: record {doc_id!r} has no body or html")
