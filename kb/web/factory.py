"""The Flask application: its limits, security headers, error pages and the helpers its templates use."""
import os
import sys

from flask import Flask, abort, render_template, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from ..app import Settings
from ..errors import CorpusError, IndexBusy, IndexDamaged, IndexMissing, KBError, NotFound, QueryError
from . import text
from .answers import Answers, Stopped
from .routes import api_error, pages

BODY_LIMIT = 1024 * 1024  # a request body, so a draft, of at most 1 MB
DRAFT_SECONDS = 30.0  # a draft check stops after this long
LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"]  # Host headers accepted when kb serves this machine only
# Scripts and styles only from kb's own static folder: no inline script, nothing from elsewhere.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
# What each kind of KBError means for the one asking (other kinds: 400, something in the request is wrong).
STATUS = [(NotFound, 404), (QueryError, 400), (IndexBusy, 503), (IndexMissing, 503), (IndexDamaged, 503),
          (CorpusError, 503)]
TOO_LARGE = ("The draft is larger than 1 MB, the most this page takes: check it in parts, "
             "or run kb verify --draft FILE.")


def create_app(settings: Settings, draft_seconds: float = DRAFT_SECONDS, trusted_hosts=tuple(LOOPBACK_NAMES),
               answers: Answers = None) -> Flask:
    """The web page over one corpus and index. trusted_hosts: the Host names it answers (None: any), which
    keeps another web site from reading it through a name that resolves to 127.0.0.1 (DNS rebinding)."""
    web = Flask(__name__)
    web.config.update(MAX_CONTENT_LENGTH=BODY_LIMIT, MAX_FORM_MEMORY_SIZE=BODY_LIMIT,
                      KB_DRAFT_SECONDS=draft_seconds, SEND_FILE_MAX_AGE_DEFAULT=3600)
    web.extensions["kb"] = answers or Answers(settings)
    web.jinja_env.filters.update(clean=text.clean, one_line=text.one_line)
    web.jinja_env.globals.update(pieces=text.pieces, highlighted=text.highlighted, diff_pieces=text.diff_pieces, web_link=text.web_link)
    web.register_blueprint(pages)

    @web.before_request
    def this_machine_only():
        # Werkzeug's TRUSTED_HOSTS cannot name an IPv6 address such as [::1]
        if trusted_hosts and host_name(request.host) not in trusted_hosts:
            abort(400, f"this page answers only as {', '.join(trusted_hosts)}")

    @web.after_request
    def secure(response):
        response.headers.update(SECURITY_HEADERS)
        return response

    @web.errorhandler(KBError)
    def kb_error(exc):
        return error_page(str(exc), next((code for kind, code in STATUS if isinstance(exc, kind)), 400))

    @web.errorhandler(Stopped)
    def stopped(exc):
        return error_page(f"The check stopped after {draft_seconds:g} s, its time limit, before every claim was "
                          "checked: check the draft in parts, or run kb verify --draft FILE.", 503)

    @web.errorhandler(RequestEntityTooLarge)
    def too_large(exc):
        return error_page(TOO_LARGE, 413)

    @web.errorhandler(HTTPException)
    def http_error(exc):
        return error_page(f"{exc.name}: {exc.description}", exc.code)

    @web.errorhandler(Exception)
    def internal_error(exc):
        if os.environ.get("KB_DEBUG"):
            web.logger.exception("internal error")
        else:
            print(f"kb serve: internal error: {type(exc).__name__}: {exc} (run with KB_DEBUG=1 for details)",
                  file=sys.stderr)
        return error_page(f"Internal error: {type(exc).__name__}: {exc}", 500)

    return web


def host_name(host: str) -> str:
    """The name of a Host header without its port: "127.0.0.1:8080" → "127.0.0.1", "[::1]:8080" → "[::1]"."""
    host = host.lower()
    return host[:host.index("]") + 1] if host.startswith("[") and "]" in host else host.partition(":")[0]


def error_page(message: str, status: int):
    """One line: a JSON {"error"} for the API, else a page."""
    message = text.one_line(message)
    if request.path.startswith("/api/"):
        return api_error(message, status)
    return render_template("error.html", message=message, status=status), status
