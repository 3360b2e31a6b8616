"""Corpus → index records, in worker processes, with a report of every skipped file or record."""
import hashlib
import json
import os
import re
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Tuple

from .errors import SourceError
from .models import Document, plain
from .passages import passages_of
from .sources import MAX_FILE_BYTES, jsonl_lines, read_document, read_record, reader_for
from .sources.walk import read_source

LINES_PER_TASK = 64
ENGLISH = {"en", "und"}  # undetermined (short) texts are taken as English


@dataclass
class Report:
    """What a build read: documents and counts, and each skipped file or record with its reason."""

    documents: int = 0
    passages: int = 0
    figures: int = 0
    quotes: int = 0
    skipped: List[Tuple[str, str]] = field(default_factory=list)


def passage_hash(text: str) -> str:
    """The same passage in two releases hashes the same: case, white space and punctuation ignored."""
    return hashlib.sha1(" ".join(re.findall(r"\w+", text.casefold())).encode("utf-8")).hexdigest()[:16]


_schemas: Dict[str, object] = {}


def pre_analyse(index: str, record: dict) -> dict:
    """record with its text fields analysed here, in the worker, and their text kept for storing."""
    from .schema import SCHEMAS, AnalysedText, analysed

    schema = _schemas.get(index) or _schemas.setdefault(index, SCHEMAS[index]())
    out = dict(record)
    for name, value in record.items():
        field = schema[name] if name in schema.names() else None
        if isinstance(field, AnalysedText) and isinstance(value, str):
            out[name] = analysed(field, value)
            if field.stored:
                out.setdefault("_stored_" + name, value)
    return out


def bundle_of(document: Document) -> dict:
    """Every index record of one document: the document, its passages, figures and quotes."""
    from .figures import figures_of
    from .quotes import quotes_of

    passages = passages_of(document)
    english = document.language in ENGLISH
    # kb's figure and quote rules read English; other releases are searchable, without facts.
    figures = figures_of(document, passages) if english else []
    quotes = quotes_of(document, passages) if english else []
    published = document.published or ""
    data = {
        "url": document.url, "place": document.place, "sha256": document.sha256, "text": document.text,
        "extra": dict(document.extra), "passages": len(passages), "figures": len(figures), "quotes": len(quotes),
        "body_hash": passage_hash(document.text),
    }
    from .copies import order_key, signature

    is_record = reader_for(document.source).streams
    bundle = {
        "doc_id": document.id,
        "sha256": document.sha256,
        # near-duplicate detection: the signature, and what decides which copy is the release
        "copy": {"key": order_key(document.published, is_record, document.source, 0),
                 "signature": signature(document.title + "\n" + document.text)},
        "doc": {
            "doc_id": document.id, "source": document.source, "title": document.title,
            **({"body": document.title + "\n\n" + document.text, "words": document.title + "\n\n" + document.text}
               if english else {"body_plain": document.title + "\n\n" + document.text}),
            "body_hash": data["body_hash"], "published": published,
            "publisher": document.publisher or "", "place": document.place or "", "language": document.language,
            "data": json.dumps(data, ensure_ascii=False),
        },
        "passages": [
            {
                "passage_id": p.id, "doc_id": p.doc_id, "source": document.source, "number": p.number,
                "kind": p.kind, "text": p.text if english else "", "text_hash": passage_hash(p.text),
                **({} if english else {"_stored_text": p.text, "text_plain": p.text}),
                "published": published, "publisher": document.publisher or "",
                "start": p.start, "end": p.end,
                "sentences": [(s - p.start, e - p.start) for s, e in p.sentences],
            }
            for p in passages
        ],
        "facts": [
            {
                "fact_id": f.id, "doc_id": f.doc_id, "source": document.source, "passage_id": f.passage_id,
                "unit": f.unit, "value": float(f.value), "measure": f.measure, "sentence": f.sentence,
                "published": published, "data": json.dumps(plain(f), ensure_ascii=False),
            }
            for f in figures
        ],
        "quotes": [
            {
                "quote_id": q.id, "doc_id": q.doc_id, "source": document.source, "passage_id": q.passage_id,
                "text": q.text, "speaker": q.speaker or "", "role": q.role or "", "published": published,
                "data": json.dumps(plain(q), ensure_ascii=False),
            }
            for q in quotes
        ],
    }
    # Words are analysed here, in the worker, so that the one writer only adds postings.
    bundle["doc"] = pre_analyse("docs", bundle["doc"])
    for index in ("passages", "facts", "quotes"):
        bundle[index] = [pre_analyse(index, record) for record in bundle[index]]
    return bundle


def run_task(task) -> List[Tuple[str, object]]:
    """One unit of work in a worker: a whole file, or a run of JSONL lines → ("ok", bundle) / ("skip", reason)."""
    kind = task[0]
    out: List[Tuple[str, object]] = []
    if kind == "file":
        _, path, rel = task
        try:
            out.append(("ok", bundle_of(read_document(read_source(Path(path), MAX_FILE_BYTES), rel))))
        except SourceError as exc:
            out.append(("skip", (rel, str(exc))))
        except OSError as exc:
            out.append(("skip", (rel, f"{rel}: cannot read ({exc.strerror or exc})")))
        except Exception as exc:  # a reader bug must not stop the rebuild; report it like a bad file
            out.append(("skip", (rel, f"{rel}: unreadable ({type(exc).__name__}: {exc})"[:300])))
        return out
    _, rel, lines = task
    for lineno, line in lines:
        try:
            out.append(("ok", bundle_of(read_record(line, rel, lineno))))
        except SourceError as exc:
            out.append(("skip", (f"{rel}:{lineno}", str(exc))))
        except Exception as exc:
            out.append(("skip", (f"{rel}:{lineno}", f"{rel}:{lineno}: unreadable ({type(exc).__name__}: {exc})"[:300])))
    return out


def tasks_for(path: Path, rel: str, wanted: Optional[Callable[[bytes], bool]] = None) -> Iterator[tuple]:
    """The tasks that read one source; wanted filters JSONL lines (update reads only new ones)."""
    if not reader_for(path).streams:
        yield ("file", str(path), rel)
        return
    chunk = []
    for lineno, line in jsonl_lines(path):
        if wanted is None or wanted(line):
            chunk.append((lineno, line))
        if len(chunk) >= LINES_PER_TASK:
            yield ("lines", rel, chunk)
            chunk = []
    if chunk:
        yield ("lines", rel, chunk)


STOP_SIGNALS = (signal.SIGINT, signal.SIGHUP, signal.SIGTERM)


def worker_start(parent: int, prctl) -> None:
    """A worker leaves Ctrl-C to the main process (which stops it), and dies with it: killed however the
    main process ends (kill -9 included), a worker must not live on, print or hold files.

    It asks for that first, with a prctl the main process looked up before forking: an import here
    could wait forever on a lock another thread of the main process held when it forked."""
    if prctl is not None:
        prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG: killed when the main process ends
    if os.getppid() != parent:  # the main process died before that took effect
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)  # blocked while the pool forked us


def linux_prctl():
    """libc's prctl, or None where there is none."""
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def run_tasks(tasks: Iterable[tuple], jobs: int) -> Iterator[Tuple[str, object]]:
    """Results of tasks in order; jobs > 1 runs them in that many worker processes, a few tasks ahead.

    A worker that dies (the out-of-memory killer) fails the run at once with a KBError, instead of
    leaving it waiting for a result that will never come.
    """
    if jobs <= 1:
        for task in tasks:
            yield from run_task(task)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from .errors import KBError

    executor = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=worker_start,
                                   initargs=(os.getpid(), linux_prctl()))
    pending: deque = deque()
    tasks = iter(tasks)
    try:
        first = next(tasks, None)
        if first is None:
            return
        # The first submit forks the workers. A stop signal that lands inside fork's handlers is
        # swallowed by Python ("Exception ignored"), so the signals wait until the fork is done.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        try:
            pending.append(executor.submit(run_task, first))
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        while True:
            while len(pending) < 4 * jobs:
                task = next(tasks, None)
                if task is None:
                    break
                pending.append(executor.submit(run_task, task))
            if not pending:
                return
            yield from pending.popleft().result()
    except BrokenProcessPool:
        raise KBError("a worker process died (killed, perhaps for want of memory); nothing was changed") from None
    finally:
        for future in pending:
            future.cancel()
        for process in list(getattr(executor, "_processes", {}).values()):
            process.kill()  # stopping early (an error, Ctrl-C): the workers go at once
        executor.shutdown(wait=True, cancel_futures=True)


def bundles(
    work: Iterable[Tuple[Path, str, Optional[Callable[[bytes], bool]]]],
    jobs: int,
    report: Report,
    progress: Callable[[int], None] = lambda n: None,
    taken: Optional[Dict[str, str]] = None,
) -> Iterator[dict]:
    """Bundles of every document in work ((path, rel, line filter) triples), duplicates ids skipped."""
    taken = {} if taken is None else taken

    def tasks():
        for path, rel, wanted in work:
            yield from tasks_for(path, rel, wanted)

    for status, payload in run_tasks(tasks(), jobs):
        progress(1)
        if status == "skip":
            report.skipped.append(payload)
            continue
        doc_id = payload["doc_id"]
        if doc_id in taken:
            where = payload["doc"]["source"]
            report.skipped.append((where, f"{where}: id {doc_id!r} is already used by {taken[doc_id]}"))
            continue
        taken[doc_id] = payload["doc"]["source"]
        report.documents += 1
        report.passages += len(payload["passages"])
        report.figures += len(payload["facts"])
        report.quotes += len(payload["quotes"])
        yield payload
