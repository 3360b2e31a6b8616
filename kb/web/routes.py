"""The pages and the JSON API: each route reads its parameters, asks kb's application layer, and renders.

Parameters have the names and defaults of the command line's options (q is the query), and the
API answers with exactly the JSON of `--format json`, rendered by kb.output, so a script can
move between `kb … --format json` and `/api/…` without a change.
"""
import json
from typing import Optional, Tuple
from urllib.parse import quote

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, url_for

from ..errors import QueryError
from ..models import UNITS
from ..output import render
from .answers import Answers, Stopped
from .text import marked_draft, one_line, pieces

pages = Blueprint("web", __name__)
PAGE = 10  # results a page shows unless ?limit= says otherwise
SOURCES_PAGE = 50
DEEPEST = 1000  # the last result a page may reach: a page past result N costs as much as the N before it
VERDICTS = ["verbatim", "near-verbatim", "supported", "paraphrase", "misattributed", "contradicted", "not-found"]
EXPORTS = {"md": ("text/markdown", "kb-check.md"), "json": ("application/json", "kb-check.json")}


def answers() -> Answers:
    return current_app.extensions["kb"]


def arg(name: str, form: bool = False) -> Optional[str]:
    """A parameter as typed, or None when absent or blank."""
    value = (request.form if form else request.args).get(name, "")
    return value.strip() or None


def whole(name: str, default: int) -> int:
    """A parameter that must be a whole number of 0 or more; 400 otherwise."""
    value = request.args.get(name, "").strip()
    if not value:
        return default
    if not (value.isascii() and value.isdigit()):
        raise QueryError(f"{name} takes a whole number of 0 or more, not {value!r}")
    return int(value)


def paging(default: int) -> Tuple[int, int]:
    """(limit, offset) of a page of results."""
    limit, offset = whole("limit", default) or default, whole("offset", 0)
    if limit + offset > DEEPEST:
        raise QueryError(f"pages go as far as result {DEEPEST}: narrow the search, or use the JSON API")
    return limit, offset


# -- links the templates make ----------------------------------------------------------------
@pages.app_template_global()
def release_url(doc_id: str, paragraph: Optional[int] = None, start: Optional[int] = None,
                end: Optional[int] = None) -> str:
    """The release page, at a paragraph, with a cited span marked."""
    spans = {"start": start, "end": end} if start is not None and end is not None else {}
    url = url_for("web.release", item_id=doc_id, **spans)
    return url + (f"#p{paragraph}" if paragraph else "")


@pages.app_template_global()
def cited_url(citation: dict) -> str:
    return release_url(citation["doc_id"], citation["paragraph"], citation["start"], citation["end"])


@pages.app_template_global()
def passage_url(passage_id: str) -> str:
    doc_id, _, number = passage_id.rpartition("#p")
    return release_url(doc_id, int(number)) if number.isdigit() else release_url(passage_id)


@pages.app_template_global()
def page_url(**changes) -> str:
    """This page's URL with some parameters changed (None removes one)."""
    params = {k: v for k, v in request.args.items() if v != ""}
    params.update(changes)
    return url_for(request.endpoint, **{k: v for k, v in params.items() if v is not None}, **request.view_args)


# -- pages ------------------------------------------------------------------------------------
@pages.get("/")
def search():
    q = arg("q")
    filters = {"since": arg("since"), "until": arg("until"), "publisher": arg("publisher")}
    limit, offset = paging(PAGE)
    payload = answers().run("search", text=q, **filters, limit=offset + limit).payload if q else None
    return render_template("search.html", q=q, filters=filters, payload=payload, limit=limit, offset=offset)


@pages.get("/release/<path:item_id>")
def release(item_id: str):
    if "#" in item_id:  # a passage id (%23 in a URL): the release, at that paragraph
        doc_id, _, paragraph = item_id.rpartition("#p")
        return redirect(url_for("web.release", item_id=doc_id) + f"#p{quote(paragraph)}")
    start, end = whole("start", -1), whole("end", -1)
    doc = answers().run("show", item_id=item_id).payload
    passages = [{**p, "pieces": pieces(p["text"], [(start - p["start"], end - p["start"])])}
                for p in doc["passages"]]
    figures = answers().run("facts", doc=item_id, limit=0).payload["results"]
    quoted = answers().run("quotes", doc=item_id, limit=0).payload["results"]
    return render_template("release.html", doc=doc, passages=passages, figures=figures, quotes=quoted,
                           cited=end > start >= 0)


@pages.route("/check", methods=["GET", "POST"])
def check():
    if request.method == "GET":
        return render_template("check.html", draft="", payload=None)
    draft = draft_text()
    seconds = current_app.config["KB_DRAFT_SECONDS"]
    try:
        payload = answers().check_draft(draft, seconds).payload
    except Stopped:  # the draft stays in the box, to be cut and checked again
        return render_template("check.html", draft=draft, payload=None, stopped=seconds), 503
    return render_template("check.html", draft=draft, payload=payload, marked=marked_draft(draft, payload["claims"]),
                           summary=[(v, payload["summary"][v]) for v in VERDICTS if v in payload["summary"]])


@pages.post("/check/export")
def check_export():
    fmt = arg("format", form=True)
    if fmt not in EXPORTS:
        raise QueryError("format is md or json")
    result = answers().check_draft(draft_text(), current_app.config["KB_DRAFT_SECONDS"])
    mimetype, filename = EXPORTS[fmt]
    return Response("\n".join(render(result.kind, result.payload, fmt)) + "\n", mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def draft_text() -> str:
    """The draft of a check: an uploaded .txt or .md file, else the pasted text; line ends as a file read by
    `kb verify --draft` has them, so that the verdicts are the command line's."""
    upload = request.files.get("file")
    if upload and upload.filename:
        if not upload.filename.lower().endswith((".txt", ".md")):
            raise QueryError(f"{one_line(upload.filename)!r} is not a .txt or .md file")
        try:
            draft = upload.read().decode("utf-8")
        except UnicodeDecodeError:
            raise QueryError(f"{one_line(upload.filename)!r} is not UTF-8 text") from None
    else:
        draft = request.form.get("text", "")
    return checkable(draft)


def checkable(draft: str) -> str:
    """A draft with the command line's line ends, or QueryError when it is empty; 413 when too long."""
    if len(draft.encode("utf-8")) > current_app.config["MAX_CONTENT_LENGTH"]:
        abort(413)
    if not draft.strip():
        raise QueryError("paste a draft, or choose a .txt or .md file")
    return draft.replace("\r\n", "\n").replace("\r", "\n")


def listing(name: str, template: str, per_page: int = PAGE, **options):
    """A page of a listing command's results: its options as typed, its rows, and whether more may follow."""
    limit, offset = paging(per_page)
    rows = answers().run(name, **options, limit=offset + limit).payload["results"]
    return render_template(template, options=options, rows=rows[offset:], units=UNITS, limit=limit, offset=offset,
                           more=len(rows) == offset + limit)


@pages.get("/facts")
def facts():
    options = {"query": arg("q"), "doc": arg("doc"), "unit": unit()}
    if not request.args:  # listing every figure in text order reads them all: seconds on a large corpus
        return render_template("facts.html", options=options, rows=None, units=UNITS)
    return listing("facts", "facts.html", **options)


def unit() -> Optional[str]:
    value = arg("unit")
    if value and value not in UNITS:
        raise QueryError(f"unit is one of {', '.join(UNITS)}, not {value!r}")
    return value


@pages.get("/quotes")
def quotes():
    return listing("quotes", "quotes.html", query=arg("q"), doc=arg("doc"), speaker=arg("speaker"))


@pages.get("/speakers")
def speakers():
    return listing("speakers", "speakers.html", query=arg("q"))


@pages.get("/sources")
def sources():
    return listing("sources", "sources.html", per_page=SOURCES_PAGE)


@pages.get("/status")
def status():
    return render_template("status.html", status=answers().status().payload)


# -- the JSON API: the command line's --format json ----------------------------------------------
def api_answer(result) -> Response:
    return Response("\n".join(render(result.kind, result.payload, "json")) + "\n", mimetype="application/json")


def api_error(message: str, status: int) -> Tuple[Response, int]:
    return Response(json.dumps({"error": message}, ensure_ascii=False) + "\n", mimetype="application/json"), status


def required(name: str) -> str:
    value = request.args.get(name, "")
    if not value.strip():
        raise QueryError(f"{name} is required")
    return value


@pages.get("/api/search")
def api_search():
    return api_listing("search", text=required("q"), since=arg("since"), until=arg("until"), publisher=arg("publisher"))


@pages.get("/api/release/<path:item_id>")
def api_release(item_id: str):
    return api_answer(answers().run("show", item_id=item_id))


@pages.post("/api/verify")
def api_verify():
    """{"claim", "speaker"} or {"draft"}, as JSON or as form fields."""
    data = request.get_json(silent=True) if request.is_json else request.form
    if not isinstance(data, dict):
        raise QueryError("send JSON {\"claim\", \"speaker\"} or {\"draft\"}, or the same as form fields")
    if data.get("draft") is not None:
        return api_answer(answers().check_draft(checkable(str(data["draft"])), current_app.config["KB_DRAFT_SECONDS"]))
    if not str(data.get("claim") or "").strip():
        raise QueryError("give a claim (with a speaker, for a quote) or a draft")
    return api_answer(answers().run("verify", claim=str(data["claim"]), speaker=data.get("speaker") or None))


def api_listing(name: str, default_limit: str = "10", **options) -> Response:
    return api_answer(answers().run(name, **options, limit=request.args.get("limit", default_limit)))


@pages.get("/api/facts")
def api_facts():
    return api_listing("facts", query=arg("q"), doc=arg("doc"), unit=unit())


@pages.get("/api/quotes")
def api_quotes():
    return api_listing("quotes", query=arg("q"), doc=arg("doc"), speaker=arg("speaker"))


@pages.get("/api/speakers")
def api_speakers():
    return api_listing("speakers", query=arg("q"))


@pages.get("/api/sources")
def api_sources():
    return api_listing("sources", default_limit="0")


@pages.get("/api/status")
def api_status():
    return api_answer(answers().status())
