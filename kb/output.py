"""Results → text, json, jsonl, csv or md; every function yields strings and never prints.

Corpus text is data, and none of it may act on the reader: control characters (ESC sequences
that retitle a window, clear a screen or plant a link; C1 codes; DEL) are shown as "\ufffd" in
every format but JSON, where they are escaped; a CSV cell that would start a formula is
prefixed with an apostrophe (OWASP's advice against CSV injection); Markdown escapes HTML and
link syntax.
"""
import csv
import io
import json
import re
from typing import Callable, Dict, Iterator, List

# C0 but tab and line feed, DEL, C1: one for one, so that highlight offsets still hold
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
C1_RE = re.compile("[\x7f-\x9f]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MARKDOWN_SPECIAL_RE = re.compile(r"([\\`*_\[\]()<>&#|!])")


def defanged(value):
    """A payload with every string's control characters made harmless (same length: offsets hold)."""
    if isinstance(value, str):
        return CONTROL_RE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {k: defanged(v) for k, v in value.items()}
    if isinstance(value, list):
        return [defanged(v) for v in value]
    return value


def md_escape(text: str) -> str:
    """Text for Markdown: HTML, links, emphasis and code marks shown as written, not acted on."""
    return MARKDOWN_SPECIAL_RE.sub(lambda m: {"<": "&lt;", ">": "&gt;", "&": "&amp;"}.get(m.group(1), "\\" + m.group(1)),
                                   text)


def emphasise(text: str, spans: List[dict], color: bool, escape: Callable[[str], str] = lambda t: t) -> str:
    """text with the highlighted spans in bold (terminal), between asterisks (plain text) or ** (Markdown)."""
    mark = ("\x1b[1;33m", "\x1b[0m") if color else ("**", "**") if escape is md_escape else ("*", "*")
    out, pos = [], 0
    for span in sorted(spans, key=lambda s: s["start"]):
        if span["start"] < pos:
            continue
        out.append(escape(text[pos:span["start"]]))
        out.append(mark[0] + escape(text[span["start"]:span["end"]]) + mark[1])
        pos = span["end"]
    out.append(escape(text[pos:]))
    return "".join(out)


def one_line(text: str) -> str:
    return " ".join((text or "").split())


def flatten(obj, prefix: str = "") -> Dict[str, object]:
    """A nested result as flat columns: citation.cite, highlights (terms joined by "; ") …"""
    flat: Dict[str, object] = {}
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        elif isinstance(value, list):
            flat[name] = "; ".join(
                v.get("term") or v.get("text") or json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else str(v)
                for v in value
            )
        else:
            flat[name] = value
    return flat


def results_of(payload: dict) -> List[dict]:
    if "results" in payload:
        return payload["results"]
    if "claims" in payload:
        return payload["claims"]
    return [payload]


# -- text renderers, one a command ------------------------------------------------------------
def text_search(payload, color):
    if not payload["results"]:
        yield f"No results for {payload['query']!r}."
        if payload.get("suggestion"):
            yield f"Did you mean: {payload['suggestion']}"
        return
    yield search_header(payload)
    for r in payload["results"]:
        c = r["citation"]
        yield ""
        yield f"{r['rank']}. {one_line(c['title'])} ({c['published'] or 'undated'}) [{r['id']}]"
        text = one_line(emphasise(r["text"], r["highlights"], color))
        yield "   " + ("… " if r.get("cut_before") else "") + text + (" …" if r.get("cut_after") else "")
        if r.get("missing"):
            yield f"   missing: {', '.join(r['missing'])}"
        yield f"   — {c['cite']}"
        if r.get("copies"):
            yield f"   same text also in: {', '.join(r['copies'])}"


def search_header(payload) -> str:
    """How many releases match, and how the query was read when not every word matched."""
    line = f"{payload['total']} release(s) match {payload['query']!r}; showing {len(payload['results'])}"
    reading = payload.get("reading") or {}
    words = reading.get("words") or []
    first = payload["results"][0] if payload["results"] else {}
    if words and first.get("missing"):
        held = len(words) - len(first["missing"])
        line += f", the first with {held} of its {len(words)} words"
    elif words and reading.get("words_needed", len(words)) < len(words):
        line += f" (releases with at least {reading['words_needed']} of its {len(words)} words)"
    return line + "."


def text_sources(payload, color):
    for r in payload["results"]:
        yield (f"{r['id']}  {r['published'] or '----------'}  {r['publisher'] or '-'}  {one_line(r['title'])[:90]}"
               f"  ({r['passages']} passages, {r['figures']} figures, {r['quotes']} quotes)")


def text_show(payload, color):
    if payload["kind"] == "passage":
        c = payload["citation"]
        for p in payload["context"]:
            mark = ">" if p["id"] == payload["id"] else " "
            yield f"{mark} ¶{p['paragraph']} {one_line(p['text'])}"
        yield f"— {c['cite']}"
        yield f"  {c['source']} sha256 {c['sha256']} chars {c['start']}-{c['end']}"
        return
    yield one_line(payload["title"])
    yield f"{payload['publisher'] or '-'} · {payload['published'] or 'undated'} · {payload['place'] or '-'}"
    yield f"{payload['source']} · sha256 {payload['sha256']}"
    if payload.get("language") not in ("en", "und", None):
        yield (f"Language: {payload['language']}: indexed without English stemming; "
               "no figures or quotes extracted (kb's rules read English)")
    if payload.get("copies"):
        yield f"Same text as: {', '.join(payload['copies'])}"
    if payload.get("url"):
        yield payload["url"]
    for p in payload["passages"]:
        yield ""
        yield f"¶{p['paragraph']} [{p['kind']}] {p['text']}"


def text_status(payload, color):
    for key, value in payload.items():
        yield f"{key}: {value}"


def fact_line(r: dict) -> str:
    """A figure in one line: its words, value, unit, qualifier (with the range it ends) and measure."""
    value = f"{r['value']:g}" if isinstance(r["value"], float) else str(r["value"])
    within = f", of the range “{r['range']}”" if r.get("range") else ""
    return f"{r['surface']}  = {value} {r['unit']}{' (' + r['qualifier'] + within + ')' if r['qualifier'] else ''}  — {one_line(r['measure'])}"


def text_facts(payload, color):
    for r in payload["results"]:
        yield fact_line(r)
        yield f"   {r['citation']['cite']}"


def text_quotes(payload, color):
    for r in payload["results"]:
        role = f", {r['role']}" if r["role"] else ""
        yield f"“{one_line(r['text'])}” — {r['speaker'] or 'unknown speaker'}{role}"
        yield f"   {r['citation']['cite']}"


def text_speakers(payload, color):
    for r in payload["results"]:
        role = f", {r['role']}" if r["role"] else ""
        yield f"{r['name']}{role}: {r['quotes']} quote(s) in {r['documents']} release(s)"


def text_verify(payload, color):
    label = payload["verdict"].upper()
    yield f"{label}: {one_line(payload['claim'])}"
    yield f"   {payload['explanation']}"
    for e in payload["evidence"][:1]:
        who = f" — {e['speaker']}" if e.get("speaker") else ""
        yield f"   source: “{one_line(e['text'])}”{who}"
        if e.get("diff"):
            yield f"   diff: {e['diff']}"
        yield f"   {e['citation']['cite']}"


def text_draft(payload, color):
    for claim in payload["claims"]:
        yield from text_verify(claim, color)
        yield ""
    if payload.get("read_against"):
        yield "Read against: " + ", ".join(payload["read_against"])
    yield "Summary: " + ", ".join(f"{v} {n}" for v, n in sorted(payload["summary"].items())) if payload["claims"] \
        else "No quotations or figures found in the draft."
    if payload.get("stopped"):
        yield f"Stopped: {payload['stopped']}."


TEXT: Dict[str, Callable] = {"search": text_search, "sources": text_sources, "show": text_show, "status": text_status,
                             "facts": text_facts, "quotes": text_quotes, "speakers": text_speakers,
                             "verify": text_verify, "draft": text_draft}


def render_md(kind: str, payload: dict) -> Iterator[str]:
    payload = defanged(payload)
    rows = results_of(payload)
    if kind == "search":
        yield f"## Search: {md_escape(payload['query'])}"
        yield ""
    for i, r in enumerate(rows, start=1):
        if "verdict" in r:
            yield f"{i}. **{r['verdict']}**: {md_escape(one_line(r['claim']))} ({md_escape(r['explanation'])})"
            cite = (r["evidence"][0]["citation"]["cite"]) if r["evidence"] else None
            if cite:
                yield f"   — {md_escape(cite)}"
            continue
        if "surface" in r:  # a figure has no text of its own: its line, as in text
            yield f"{i}. {md_escape(fact_line(r))}"
        else:
            text = r.get("text") or r.get("title") or r.get("name") or ""
            yield f"{i}. {one_line(emphasise(text, r.get('highlights', []), False, md_escape))}"
        cite = (r.get("citation") or {}).get("cite")
        if cite:
            yield f"   — {md_escape(cite)}"
    if not rows:
        yield "No results."
    if "summary" in payload:
        yield ""
        if payload.get("read_against"):
            yield "Read against: " + ", ".join(md_escape(d) for d in payload["read_against"])
        yield "Summary: " + ", ".join(f"{v} {n}" for v, n in sorted(payload["summary"].items()))


def render_text(kind: str, payload: dict, color: bool) -> Iterator[str]:
    yield from TEXT[kind](defanged(payload), color)


def json_text(value, indent=None) -> str:
    # JSON escapes C0 itself; DEL and C1 are escaped here, so that the text stays exact but inert
    return C1_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False, indent=indent))


def render_json(kind: str, payload: dict, color: bool) -> Iterator[str]:
    yield json_text(payload, indent=2)


def render_jsonl(kind: str, payload: dict, color: bool) -> Iterator[str]:
    for r in results_of(payload):
        yield json_text(r)


def cell(value):
    """A CSV cell that no spreadsheet runs: "=HYPERLINK(…)" is written '=HYPERLINK(…)."""
    if isinstance(value, str):
        value = CONTROL_RE.sub("\ufffd", value)
        if value.startswith(FORMULA_START):
            value = "'" + value
    return value


def render_csv(kind: str, payload: dict, color: bool) -> Iterator[str]:
    rows = [{k: cell(v) for k, v in flatten(r).items()} for r in results_of(payload)]
    columns: List[str] = []
    for row in rows:
        columns += [c for c in row if c not in columns]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    yield buffer.getvalue().rstrip("\n")


RENDERERS: Dict[str, Callable[[str, dict, bool], Iterator[str]]] = {
    "text": render_text, "json": render_json, "jsonl": render_jsonl, "csv": render_csv,
    "md": lambda kind, payload, color: render_md(kind, payload),
}
FORMATS = list(RENDERERS)


def render(kind: str, payload: dict, fmt: str, color: bool = False) -> Iterator[str]:
    """The lines of a command's payload in a format."""
    return RENDERERS[fmt](kind, payload, color)
