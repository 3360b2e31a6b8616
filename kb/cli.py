"""The kb command line: click commands that declare their options and call the application layer (app.py)."""
import os
import sys
import time
from pathlib import Path

import click

from . import __version__
from .errors import KBError
from .models import UNITS
from .output import FORMATS


class UserError(click.ClickException):
    """One line `Error: …` on stderr and exit 2, for anything kb can explain."""

    exit_code = 2


class KBGroup(click.Group):
    """Turns KBError, usage errors (and any other failure) into one line and exit 2, never a traceback."""

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.exceptions.NoArgsIsHelpError:
            raise  # `kb` alone: the help
        except click.UsageError as exc:
            raise UserError(exc.format_message()) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as exc:  # a command's own options: one line, without the usage lines
            raise UserError(exc.format_message()) from None
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


def format_option(func):
    """--format, the one definition."""
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
                        help="Output format.")(func)


def limit_option(default: int = 10):
    return click.option("--limit", type=click.IntRange(min=0), default=default, show_default=True,
                        help="At most this many results (0 = no limit).")


def say(message: str) -> None:
    click.echo(message, err=True)


def answer(settings, name: str, fmt: str, **options):
    """Run a command through the application layer, print its payload in fmt, and exit with its status."""
    from . import app

    result = app.run(settings, name, notify=say, **options)
    emit(result.kind, result.payload, fmt)
    sys.exit(result.status)


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
            state["rate"] = "{:.1f} claims/s" if label == "Checking" else "{:.0f} releases/s"
            state["bar"].__enter__()
            state["last"], state["start"] = 0, time.monotonic()
        rate = done / max(time.monotonic() - state["start"], 1e-6)
        state["bar"].update(done - state["last"], current_item=state["rate"].format(rate))
        state["last"] = done

    def close():
        if "bar" in state:
            state["bar"].__exit__(None, None, None)

    return update, close


@click.group(cls=KBGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--corpus", type=click.Path(path_type=Path), envvar="KB_CORPUS", default="corpus", show_default=True,
              help="Folder of press releases (env KB_CORPUS).")
@click.option("--index", type=click.Path(path_type=Path), envvar="KB_INDEX", default="index", show_default=True,
              help="Folder of the built index (env KB_INDEX).")
@click.version_option(__version__, prog_name="kb")
@click.pass_context
def cli(ctx, corpus, index):
    """kb: search, cite and verify press releases."""
    from .app import Settings

    ctx.obj = Settings(corpus, index)


@cli.command()
@click.argument("query")
@click.option("--since", metavar="DATE", help="Only releases published on or after DATE (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Only releases published on or before DATE (YYYY-MM-DD).")
@click.option("--publisher", metavar="NAME", help="Only releases whose publisher has these words.")
@format_option
@limit_option()
@click.pass_obj
def search(settings, query, since, until, publisher, fmt, limit):
    """Releases matching QUERY, each with its best passage, highlights and citation."""
    answer(settings, "search", fmt, text=query, since=since, until=until, publisher=publisher, limit=limit)


@cli.command()
@click.argument("query", required=False)
@click.option("--doc", metavar="ID", help="Only figures of this document.")
@click.option("--unit", type=click.Choice(UNITS))
@format_option
@limit_option()
@click.pass_obj
def facts(settings, query, doc, unit, fmt, limit):
    """Figures whose measure or sentence matches QUERY, with value, unit and citation."""
    answer(settings, "facts", fmt, query=query, doc=doc, unit=unit, limit=limit)


@cli.command()
@click.argument("query", required=False)
@click.option("--doc", metavar="ID", help="Only quotes of this document.")
@click.option("--speaker", metavar="NAME", help="Only quotes of this speaker (surname or full name).")
@format_option
@limit_option()
@click.pass_obj
def quotes(settings, query, doc, speaker, fmt, limit):
    """Direct quotes with speaker, role and citation."""
    answer(settings, "quotes", fmt, query=query, doc=doc, speaker=speaker, limit=limit)


@cli.command()
@click.argument("query", required=False)
@format_option
@limit_option()
@click.pass_obj
def speakers(settings, query, fmt, limit):
    """People and organisations quoted: name, role, number of quotes and of releases."""
    answer(settings, "speakers", fmt, query=query, limit=limit)


@cli.command()
@click.argument("claim", required=False)
@click.option("--speaker", metavar="NAME", help="Who the claim says spoke the words.")
@click.option("--draft", type=click.Path(dir_okay=False, path_type=Path),
              help="Check every quotation and figure of a draft (a text or Markdown file, or - for stdin).")
@format_option
@click.pass_obj
def verify(settings, claim, speaker, draft, fmt):
    """Is CLAIM (a quote or a figure) in the sources? A verdict with evidence and citation."""
    if (claim is None) == (draft is None):
        raise UserError("give either a CLAIM or --draft FILE")
    if draft is not None:
        bar, close = progress_bar("Checking")
        try:
            answer(settings, "draft", fmt, text=read_draft(draft), progress=bar)
        finally:
            close()
    answer(settings, "verify", fmt, claim=claim, speaker=speaker)


def read_draft(path: Path) -> str:
    """A draft's text, decoded as the corpus is (UTF-8, Windows-1252, detection); one line when it is not text."""
    from .sources.decode import decode_bytes
    from .verify import MAX_DRAFT_CHARS

    try:
        if str(path) == "-":
            data = sys.stdin.buffer.read(4 * MAX_DRAFT_CHARS + 1)
        else:
            with open(path, "rb") as fh:
                data = fh.read(4 * MAX_DRAFT_CHARS + 1)
    except OSError as exc:
        raise UserError(f"cannot read the draft {str(path)!r}: {exc.strerror or exc}") from None
    return decode_bytes(data, f"draft {str(path)!r}")


@cli.command()
@click.argument("item_id", metavar="ID")
@format_option
@click.pass_obj
def show(settings, item_id, fmt):
    """A document (ID) or a passage (ID#pN) in context, with metadata and source hash."""
    answer(settings, "show", fmt, item_id=item_id)


@cli.command()
@format_option
@limit_option(default=0)
@click.pass_obj
def sources(settings, fmt, limit):
    """The indexed documents with counts of passages, figures and quotes."""
    answer(settings, "sources", fmt, limit=limit)


def build_options(func):
    """--jobs, --strict, --wait and --links, shared by rebuild and update."""
    func = click.option("--links", type=click.Choice(["top", "inside", "all"]), default="top", show_default=True,
                        help="Links to follow: those at the top of the corpus and those inside it (top), only "
                             "those inside it (inside), or all.")(func)
    func = click.option("--wait", is_flag=True, help="Wait for a running rebuild instead of failing.")(func)
    func = click.option("--strict", is_flag=True, help="Fail when any source cannot be read.")(func)
    func = click.option("--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")(func)
    return func


@cli.group(cls=KBGroup)
def index():
    """Build and inspect the index."""


def building(settings, step, label: str, jobs, strict, wait, links):
    from . import app

    bar, close = progress_bar(label)
    try:
        step(settings, jobs or app.default_jobs(), strict=strict, wait=wait, progress=bar, report=say, links=links)
    finally:
        close()


@index.command()
@build_options
@click.pass_obj
def rebuild(settings, jobs, strict, wait, links):
    """Build the index from the whole corpus, atomically."""
    from .app import rebuild as run_rebuild

    building(settings, run_rebuild, "Indexing", jobs, strict, wait, links)


@index.command()
@build_options
@click.pass_obj
def update(settings, jobs, strict, wait, links):
    """Re-index only new, changed and removed sources (by SHA-256)."""
    from .app import update as run_update

    building(settings, run_update, "Updating", jobs, strict, wait, links)


@index.command()
@format_option
@click.pass_obj
def status(settings, fmt):
    """What is indexed, when, from which corpus, and what changed since."""
    from .app import status as index_status

    result = index_status(settings)
    emit(result.kind, result.payload, fmt)


def main():
    cli(prog_name="kb")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; another than this machine's makes the corpus readable by the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True,
              help="Port to listen on (0: any free one).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
@click.pass_obj
def serve(settings, host, port, open_browser):
    """A local web page: search, release pages, a draft check and a JSON API (Ctrl-C stops it)."""
    from .web import serve as serve_web

    serve_web(settings, host, port, open_browser, echo=click.echo, say=say)
