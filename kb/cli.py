"""The kb command line: click commands, each a few lines — parse, call one library function, render."""
import functools
import os
import sys
import time
from pathlib import Path

import click

from . import __version__
from .errors import IndexMissing, KBError

FORMATS = ["text", "json", "jsonl", "csv", "md"]


class UserError(click.ClickException):
    """One line `Error: …` on stderr and exit 2, for anything kb can explain."""

    exit_code = 2


class KBGroup(click.Group):
    """Turns KBError (and any other failure) into one line and exit 2, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KBError as exc:
            raise UserError(str(exc)) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # the reader went away (kb search … | head): stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except Exception as exc:
            if os.environ.get("KB_DEBUG"):
                raise
            raise UserError(f"internal error: {type(exc).__name__}: {exc} (run with KB_DEBUG=1 for details)") from None


class Settings:
    def __init__(self, corpus: Path, index: Path):
        self.corpus = corpus
        self.index = index


def output_options(default_limit: int = 10):
    """--format and --limit for a listing command; the command returns (kind, payload, found)."""

    def decorator(func):
        @click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
                      help="Output format.")
        @click.option("--limit", type=click.IntRange(min=0), default=default_limit, show_default=True,
                      help="At most this many results (0 = no limit).")
        @functools.wraps(func)
        def wrapper(*args, fmt, limit, **kwargs):
            kind, payload, found = func(*args, limit=limit, **kwargs)
            emit(kind, payload, fmt)
            sys.exit(0 if found else 1)

        return wrapper

    return decorator


def emit(kind, payload, fmt):
    from .output import render

    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    for line in render(kind, payload, fmt, color=color):
        click.echo(line)


def progress_bar(label: str):
    """A click progress bar on stderr (a terminal only), as a (done, total) callback and the bar to close."""
    state = {}

    def update(done, total):
        if not sys.stderr.isatty():
            return
        if "bar" not in state:
            state["bar"] = click.progressbar(length=max(total, 1), label=label, file=sys.stderr, show_pos=True,
                                             show_eta=True, item_show_func=lambda rate: rate)
            state["bar"].__enter__()
            state["last"], state["start"] = 0, time.monotonic()
        rate = done / max(time.monotonic() - state["start"], 1e-6)
        state["bar"].update(done - state["last"], current_item=f"{rate:.0f} releases/s")
        state["last"] = done

    def close():
        if "bar" in state:
            state["bar"].__exit__(None, None, None)

    return update, close


def listing(settings: Settings, kind: str, *args, **kwargs):
    """(kind, payload, found) of the KB method named kind, for a command under output_options."""
    with open_kb(settings) as kb:
        payload = getattr(kb, kind)(*args, **kwargs)
    return kind, payload, bool(payload["results"])


def open_kb(settings: Settings):
    """The index, built first (saying so on stderr) when there is none yet."""
    from .search import KB

    try:
        return KB(settings.index)
    except IndexMissing:
        click.echo(f"No index at {settings.index}: building it from {settings.corpus} first …", err=True)
        run_rebuild(settings, jobs=default_jobs(), strict=False, wait=True)
        return KB(settings.index)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def run_rebuild(settings: Settings, jobs: int, strict: bool, wait: bool):
    from .store import rebuild

    update, close = progress_bar("Indexing")
    try:
        report, manifest = rebuild(settings.corpus, settings.index, jobs=jobs, strict=strict, progress=update, wait=wait)
    finally:
        close()
    report_build(report, manifest)


def report_build(report, manifest):
    click.echo(
        f"Indexed {report.documents} release(s), {report.passages} passages, {report.figures} figures, "
        f"{report.quotes} quotes in {manifest.get('seconds')} s; skipped {len(report.skipped)}.", err=True)
    for _, reason in report.skipped:
        click.echo(f"  skipped: {reason}", err=True)


@click.group(cls=KBGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--corpus", type=click.Path(path_type=Path), envvar="KB_CORPUS", default="corpus", show_default=True,
              help="Folder of press releases (env KB_CORPUS).")
@click.option("--index", type=click.Path(path_type=Path), envvar="KB_INDEX", default="index", show_default=True,
              help="Folder of the built index (env KB_INDEX).")
@click.version_option(__version__, prog_name="kb")
@click.pass_context
def cli(ctx, corpus, index):
    """kb: search, cite and verify press releases."""
    ctx.obj = Settings(corpus, index)


@cli.command()
@click.argument("query")
@click.option("--since", metavar="DATE", help="Only releases published on or after DATE (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Only releases published on or before DATE (YYYY-MM-DD).")
@click.option("--publisher", metavar="NAME", help="Only releases whose publisher has these words.")
@output_options()
@click.pass_obj
def search(settings, query, since, until, publisher, limit):
    """Ranked passages matching QUERY, with highlights and citations (Whoosh query syntax)."""
    since, until = check_date(since, "--since"), check_date(until, "--until")
    return listing(settings, "search", query, since=since, until=until, publisher=publisher, limit=limit)


def check_date(value, option):
    from .dates import valid_iso

    if value is None:
        return None
    iso = valid_iso(value) or (valid_iso(value + "-01-01") if len(value) == 4 and value.isdigit() else None)
    if not iso:
        raise UserError(f"{option} takes a date as YYYY-MM-DD, not {value!r}")
    return iso


def extracted(what: str):
    """A command over extracted records: optional QUERY, --doc, and the output options."""

    def decorator(func):
        func = click.pass_obj(func)
        func = output_options()(func)
        func = click.option("--doc", metavar="ID", help=f"Only {what} of this document.")(func)
        return click.argument("query", required=False)(func)

    return decorator


@cli.command()
@extracted("figures")
@click.option("--unit", type=click.Choice(["percent", "count", "money", "duration", "year", "other"]))
def facts(settings, query, doc, unit, limit):
    """Figures whose measure or sentence matches QUERY, with value, unit and citation."""
    return listing(settings, "facts", query, doc=doc, unit=unit, limit=limit)


@cli.command()
@extracted("quotes")
@click.option("--speaker", metavar="NAME", help="Only quotes of this speaker (surname or full name).")
def quotes(settings, query, doc, speaker, limit):
    """Direct quotes with speaker, role and citation."""
    return listing(settings, "quotes", query, doc=doc, speaker=speaker, limit=limit)


@cli.command()
@click.argument("query", required=False)
@output_options()
@click.pass_obj
def speakers(settings, query, limit):
    """People and organisations quoted: name, role, number of quotes and of releases."""
    return listing(settings, "speakers", query, limit=limit)


@cli.command()
@click.argument("claim", required=False)
@click.option("--speaker", metavar="NAME", help="Who the claim says spoke the words.")
@click.option("--draft", type=click.File("r", encoding="utf-8"), help="Check every quotation and figure of a draft.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.pass_obj
def verify(settings, claim, speaker, draft, fmt):
    """Is CLAIM (a quote or a figure) in the sources? A verdict with evidence and citation."""
    from .verify import OK_VERDICTS, verify as check_claim, verify_draft

    if (claim is None) == (draft is None):
        raise UserError("give either a CLAIM or --draft FILE")
    with open_kb(settings) as kb:
        if draft is not None:
            payload = verify_draft(kb, draft.read())
            emit("draft", payload, fmt)
            sys.exit(0 if all(c["verdict"] in OK_VERDICTS for c in payload["claims"]) else 1)
        payload = check_claim(kb, claim, speaker)
    emit("verify", payload, fmt)
    sys.exit(0 if payload["verdict"] in OK_VERDICTS else 1)


@cli.command()
@click.argument("item_id", metavar="ID")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.pass_obj
def show(settings, item_id, fmt):
    """A document (ID) or a passage (ID#pN) in context, with metadata and source hash."""
    with open_kb(settings) as kb:
        emit("show", kb.show(item_id), fmt)


@cli.command()
@output_options(default_limit=0)
@click.pass_obj
def sources(settings, limit):
    """The indexed documents with counts of passages, figures and quotes."""
    return listing(settings, "sources", limit=limit)


def build_options(func):
    """--jobs, --strict and --wait, shared by rebuild and update."""
    func = click.option("--wait", is_flag=True, help="Wait for a running rebuild instead of failing.")(func)
    func = click.option("--strict", is_flag=True, help="Fail when any source cannot be read.")(func)
    func = click.option("--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")(func)
    return func


@cli.group(cls=KBGroup)
def index():
    """Build and inspect the index."""


@index.command()
@build_options
@click.pass_obj
def rebuild(settings, jobs, strict, wait):
    """Build the index from the whole corpus, atomically."""
    run_rebuild(settings, jobs or default_jobs(), strict, wait)


@index.command()
@build_options
@click.pass_obj
def update(settings, jobs, strict, wait):
    """Re-index only new, changed and removed sources (by SHA-256)."""
    from .store import update as run_update

    bar, close = progress_bar("Updating")
    try:
        report, manifest, summary = run_update(settings.corpus, settings.index, jobs=jobs or default_jobs(),
                                               strict=strict, progress=bar, wait=wait)
    finally:
        close()
    click.echo(f"{summary['new']} new, {summary['changed']} changed, {summary['removed']} removed, "
               f"{summary['unchanged']} unchanged source(s).", err=True)
    if summary["new"] + summary["changed"] + summary["removed"]:
        report_build(report, manifest)


@index.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.pass_obj
def status(settings, fmt):
    """What is indexed, when, from which corpus, and what changed since."""
    from .store import status as index_status

    emit("status", index_status(settings.corpus, settings.index), fmt)


def main():
    cli(prog_name="kb")
