"""The application layer: what every front end calls (the command line now, a web page next).

A front end names a command and passes its options; `run` checks them, opens the index
(building it first when there is none yet), calls the one function of the command from the
COMMANDS table, and returns the payload with the kind of output it renders as and the exit
status it means. Index management (rebuild, update, status) is here too, so that a front end
never imports the store or the engine.

    from kb import app
    settings = app.Settings(corpus=Path("corpus"), index=Path("index"))
    result = app.run(settings, "search", text="encryption darknet", limit=10)
    result.payload, result.kind, result.status        # dict, "search", 0 (found) or 1 (not found)
"""
import os
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Callable, Dict, Optional

from .errors import IndexMissing, QueryError


@dataclass
class Settings:
    corpus: Path
    index: Path


@dataclass
class Command:
    """A command: the function that answers it ("module:function" of kb, imported when the command runs,
    so that a search does not pay for the figure and quote rules), how its payload is rendered, and
    whether a payload counts as found (exit 0) or not (exit 1)."""

    answer: str
    kind: str
    found: Callable[[dict], bool]

    def function(self) -> Callable[..., dict]:
        module, name = self.answer.split(":")
        return getattr(import_module(f"kb.{module}"), name)


@dataclass
class Result:
    payload: dict
    kind: str
    status: int  # 0 found or verified, 1 not


OK_VERDICTS = {"verbatim", "near-verbatim", "supported"}


def _has_results(payload: dict) -> bool:
    return bool(payload["results"])


COMMANDS: Dict[str, Command] = {
    "search": Command("search:search", "search", _has_results),
    "facts": Command("facts:facts", "facts", _has_results),
    "quotes": Command("facts:quotes", "quotes", _has_results),
    "speakers": Command("facts:speakers", "speakers", _has_results),
    "sources": Command("documents:sources", "sources", _has_results),
    "show": Command("documents:show", "show", lambda payload: True),
    "verify": Command("verify:verify", "verify", lambda payload: payload["verdict"] in OK_VERDICTS),
    "draft": Command("verify:verify_draft", "draft", lambda payload: all(c["verdict"] in OK_VERDICTS
                                                                          for c in payload["claims"])),
}


def check_date(value: Optional[str], option: str) -> Optional[str]:
    """An ISO date (a bare year is its first day), or QueryError saying what is wrong."""
    from .dates import valid_iso

    if value is None:
        return None
    iso = valid_iso(value) or (valid_iso(value + "-01-01") if len(value) == 4 and value.isdigit() else None)
    if not iso:
        raise QueryError(f"{option} takes a date as YYYY-MM-DD, not {value!r}")
    return iso


def check_limit(value) -> int:
    """A limit of results (0 = no limit), or QueryError."""
    try:
        limit = int(value)
    except (TypeError, ValueError):
        raise QueryError(f"--limit takes a whole number, not {value!r}") from None
    if limit < 0:
        raise QueryError(f"--limit takes 0 (no limit) or more, not {limit}")
    return limit


def run(settings: Settings, name: str, notify: Callable[[str], None] = lambda message: None, **options) -> Result:
    """Run a command by name with its options; KBError (one line) when they or the index are wrong."""
    command = COMMANDS[name]
    for option in ("since", "until"):
        if option in options:
            options[option] = check_date(options[option], f"--{option}")
    if "limit" in options:
        options["limit"] = check_limit(options["limit"])
    with open_or_build(settings, notify) as index:
        payload = command.function()(index, **options)
    return Result(payload, command.kind, 0 if command.found(payload) else 1)


def open_or_build(settings: Settings, notify: Callable[[str], None] = lambda message: None):
    """The index, built first (saying so through notify) when there is none yet."""
    from .index import open_index

    try:
        return open_index(settings.index)
    except IndexMissing:
        notify(f"No index at {settings.index}: building it from {settings.corpus} first …")
        # another first search may be building it already: then this one waits for it and builds nothing
        rebuild(settings, jobs=default_jobs(), wait=True, report=notify, only_if_missing=True)
        return open_index(settings.index)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def build_summary(report, manifest) -> list:
    """The lines that report a build: counts and time, then each skipped source with its reason."""
    lines = [f"Indexed {report.documents} release(s), {report.passages} passages, {report.figures} figures, "
             f"{report.quotes} quotes in {manifest.get('seconds')} s; skipped {len(report.skipped)}."]
    return lines + [f"  skipped: {reason}" for _, reason in report.skipped]


def rebuild(settings: Settings, jobs: int, strict: bool = False, wait: bool = False,
            progress=lambda done, total: None, report: Callable[[str], None] = lambda line: None,
            links: str = "top", only_if_missing: bool = False):
    """Build the index from the whole corpus, atomically; report gets the summary lines."""
    from .store import rebuild as store_rebuild

    built, manifest = store_rebuild(settings.corpus, settings.index, jobs=jobs, strict=strict, progress=progress,
                                    wait=wait, links=links, only_if_missing=only_if_missing)
    if built.documents or not only_if_missing:
        for line in build_summary(built, manifest):
            report(line)
    return built, manifest


def update(settings: Settings, jobs: int, strict: bool = False, wait: bool = False,
           progress=lambda done, total: None, report: Callable[[str], None] = lambda line: None, links: str = "top"):
    """Re-index only new, changed and removed sources; report gets the summary lines."""
    from .store import update as store_update

    built, manifest, summary = store_update(settings.corpus, settings.index, jobs=jobs, strict=strict,
                                            progress=progress, wait=wait, links=links)
    report(f"{summary['new']} new, {summary['changed']} changed, {summary['removed']} removed, "
           f"{summary['unchanged']} unchanged source(s).")
    if summary["new"] + summary["changed"] + summary["removed"]:
        for line in build_summary(built, manifest):
            report(line)
    return summary


def status(settings: Settings) -> Result:
    """What is indexed, when, from which corpus, and what changed since."""
    from .store import status as store_status

    return Result(store_status(settings.corpus, settings.index), "status", 0)
