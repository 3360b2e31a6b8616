"""The web page's way to kb's application layer: open indexes lent to requests, and draft checks with a time limit.

`app.run` opens the index and closes it for each command; for a command line that is right,
but a page answers many requests, and opening the full index costs about a third of a search
(Whoosh reads the stored-field offsets of each segment anew). So `Answers` keeps a few open
indexes of the current build and lends each to one request at a time (a Whoosh reader seeks
and reads one file object, so two threads must not share it). Before each request it reads
the index folder's pointer to its current build: when `kb index update` or `rebuild` switches
in a new build, the next request opens that one and the old ones are closed, without restart.
An open index caches the releases it has read, so each is closed after USES requests: memory
stays bounded however long the server runs.

Commands run through `app.COMMANDS`, with `app.check_date`/`app.check_limit`, exactly as
`app.run` runs them, so a page and the JSON API give the same payload as the command line.
"""
import ctypes
import json
import threading
import time
from contextlib import contextmanager
from typing import Callable, List, Optional, Tuple

from .. import app
from ..errors import KBError

POINTER = "kb-index.json"  # the index folder's pointer to its current build, replaced atomically by kb's store
HANDLES = 4  # open indexes at most, so at most this many commands read at once; other requests wait
USES = 100  # requests an open index answers before it is closed (its cache of releases read goes with it)
DRAFT_CHECKS = 2  # draft checks at once (each can take seconds); others wait within their time limit
STOPPING = 2.0  # seconds to wait for a stopped check to end (it ends at its next Python instruction)


class Stopped(Exception):
    """A draft check ran out of time (its argument: the time limit in seconds)."""


class Interrupted(BaseException):
    """Raised inside a draft check that ran out of time: a BaseException, so that no `except Exception` in the
    code it interrupts swallows it."""


class Answers:
    """Runs kb's commands for the web page over lent open indexes of the current build."""

    def __init__(self, settings: app.Settings, handles: int = HANDLES, uses: int = USES,
                 draft_checks: int = DRAFT_CHECKS):
        self.settings = settings
        self.uses = uses
        self.slots = threading.BoundedSemaphore(handles)
        self.draft_slots = threading.BoundedSemaphore(draft_checks)
        self.lock = threading.Lock()
        self.build: Optional[str] = None
        self.idle: List[Tuple[object, str, int]] = []  # (open index, its build, requests left)

    def current_build(self) -> Optional[str]:
        """The name of the current build, or None (then opening says what is wrong, or builds the index)."""
        try:
            return json.loads((self.settings.index / POINTER).read_text(encoding="utf-8"))["current"]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    @contextmanager
    def borrow(self):
        """An open index of the current build, for this request alone."""
        with self.slots:
            build = self.current_build()
            with self.lock:
                stale = []
                if build != self.build:
                    stale, self.idle, self.build = self.idle, [], build
                lent = self.idle.pop() if self.idle else None
            for index, _, _ in stale:
                index.close()
            if lent is None:
                lent = (app.open_or_build(self.settings), build, self.uses)
            index, built, left = lent
            try:
                yield index
            except KBError:  # a wrong query or id: the index is as good as before
                self.give_back(index, built, left)
                raise
            except BaseException as exc:  # damage, or a check stopped in the middle: do not lend this one again
                # closes it, and turns a failure inside Whoosh into IndexDamaged, as `with` does for app.run
                index.__exit__(type(exc), exc, exc.__traceback__)
                raise
            self.give_back(index, built, left)

    def give_back(self, index, built: Optional[str], left: int) -> None:
        with self.lock:
            if built is not None and built == self.build and left > 1:
                self.idle.append((index, built, left - 1))
                return
        index.close()

    def run(self, name: str, **options) -> app.Result:
        """A command's result, as `app.run(settings, name, **options)` gives it."""
        command = app.COMMANDS[name]
        for option in ("since", "until"):
            if option in options:
                options[option] = app.check_date(options[option], f"--{option}")
        if "limit" in options:
            options["limit"] = app.check_limit(options["limit"])
        with self.borrow() as index:
            payload = command.function()(index, **options)
        return app.Result(payload, command.kind, 0 if command.found(payload) else 1)

    def status(self) -> app.Result:
        return app.status(self.settings)

    def check_draft(self, text: str, seconds: float) -> app.Result:
        """The verdicts on a draft (the command `draft`), or Stopped when they take more than `seconds`.

        The check runs in a thread of its own; when its time is up the thread is stopped (kb's verify
        has no deadline to pass, so Interrupted is raised inside it) and its open index is closed. This
        thread, not the check's, holds the slot, so a check stopped anywhere cannot keep it."""
        deadline = time.monotonic() + seconds
        if not self.draft_slots.acquire(timeout=max(seconds, 0)):
            raise Stopped(seconds)
        try:
            outcome: dict = {}

            def check():
                try:
                    outcome["result"] = self.run("draft", text=text)
                except Interrupted:
                    pass
                except BaseException as exc:  # handed to the request thread, which raises it
                    outcome["error"] = exc

            worker = threading.Thread(target=check, name="kb-draft-check", daemon=True)
            worker.start()
            worker.join(max(deadline - time.monotonic(), 0))
            if worker.is_alive():
                stop(worker)
                worker.join(STOPPING)
                raise Stopped(seconds)
        finally:
            self.draft_slots.release()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["result"]


def stop(thread: threading.Thread, exc_type: Callable = Interrupted) -> None:
    """Raise exc_type inside a running thread, at its next Python instruction (CPython's async exception)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), ctypes.py_object(exc_type))
