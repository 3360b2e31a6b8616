"""The only module that writes the index: atomic rebuild and update under a lock, and the manifest.

Layout of an index folder:
    kb-index.json      pointer to the current build (replaced atomically) — kb's own mark
    .lock              locked by the one rebuild or update allowed at a time (a lock of the process:
                       its workers do not inherit it, and it goes when the process dies, however)
    build-<stamp>/     Whoosh files of one complete build, with manifest.json, copies.json and
                       .readers, which every reader of the build holds a shared lock on

A build is written beside the current one and becomes current only when complete, so a
search during a rebuild, or after a killed one, answers from the last good build. Old builds
are removed only when no reader holds them; what a killed build leaves (even a first one) is
removed by the next rebuild or update, and a first search after it builds the index anew.
"""
from __future__ import annotations

import datetime
import errno
import json
import os
import re
import shutil
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Dict, List, Tuple

from . import __version__
from .errors import CorpusError, IndexBusy, IndexDamaged, IndexMissing, KBError, SourceError
from .schema import INDEX_NAMES, SCHEMAS
from .sources import jsonl_lines, line_sha256, list_sources, reader_for, sha256_file

FORMAT = "kb-index/3"  # function words indexed, passage sentences stored: older builds must be rebuilt
POINTER = "kb-index.json"
MANIFEST = "manifest.json"
MANIFEST_HEAD = re.compile(rb'\{\s*"format": "' + re.escape(FORMAT.encode()) + rb'",')
COPIES = "copies.json"  # {doc id: the release it copies}, near-duplicates
SIGNATURES = "signatures.json"  # their MinHash signatures, for updates
LOCK = ".lock"
READERS = ".readers"
BUILD_NAME_RE = re.compile(r"^build-[0-9]{8}T[0-9]{6}-[0-9a-f]{6}$")
IGNORED_NAMES = {"README.md", ".gitignore", ".gitkeep", LOCK}
WRITER_MB = {"docs": 128, "passages": 512, "facts": 64, "quotes": 64}

Progress = Callable[[int, int], None]
if TYPE_CHECKING:
    from .pipeline import Report


def _is_empty(root: Path) -> bool:
    """No index yet: nothing, or only what a killed first build left (its lock, its unfinished builds)."""
    return not root.exists() or all(p.name in IGNORED_NAMES or BUILD_NAME_RE.match(p.name)
                                    or (p.name.startswith(f".{POINTER}.") and p.name.endswith(".tmp"))
                                    for p in root.iterdir())


def current_build(root: Path) -> Path:
    """The folder of the current build; IndexMissing when there is none, IndexDamaged when root is no kb index."""
    root = Path(root)
    pointer = root / POINTER
    if root.exists() and not root.is_dir():
        raise IndexDamaged(f"{root} is a file, not an index folder")
    if not pointer.exists():
        if _is_empty(root):
            raise IndexMissing(f"no index at {root}; run `kb index rebuild`")
        raise IndexDamaged(f"{root} is not a kb index (no {POINTER}); kb opens only indexes it built: rebuild it")
    try:
        data = json.loads(pointer.read_text(encoding="utf-8"))
        name = data["current"]
    except (OSError, ValueError, KeyError, TypeError):
        raise IndexDamaged(f"{root}/{POINTER} is damaged; run `kb index rebuild`") from None
    # the pointer may name only a build folder of kb's, directly inside the index folder
    if not isinstance(name, str) or not BUILD_NAME_RE.match(name) or data.get("format") != FORMAT:
        raise IndexDamaged(f"{root} is damaged or was not built by kb; run `kb index rebuild`")
    build = root / name
    if build.is_symlink() or not build.is_dir() or not _is_manifest(build / MANIFEST):
        raise IndexDamaged(f"{root} is not a complete kb index; run `kb index rebuild`")
    return build


def _is_manifest(path: Path) -> bool:
    """A manifest kb wrote: its format, the sources it read and the counts of what it built.

    Checked on the text kb writes (indented JSON, these keys at the top level) rather than parsed:
    every command opens the manifest, and parsing the sources of a large corpus (2 MB for the whole
    shared corpus) costs a cold search 20 ms. Commands that use its content parse it.
    """
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    return MANIFEST_HEAD.match(raw) is not None and raw.rstrip().endswith(b"}") \
        and b'\n "sources": {' in raw and b'\n "counts": {' in raw


def read_manifest(root: Path) -> dict:
    build = current_build(root)
    try:
        return json.loads((build / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise IndexDamaged(f"the manifest of {build} is damaged; run `kb index rebuild`") from None


def open_indexes(root: Path) -> Dict[str, object]:
    """The four Whoosh indexes of the current build, for reading, each opened when first used."""
    build = current_build(root)
    return OnDemand(lambda name: open_index(build, name, root))


class OnDemand(dict):
    """A dict whose values are made by a function when first asked for."""

    def __init__(self, make):
        super().__init__()
        self._make = make

    def __missing__(self, key):
        value = self[key] = self._make(key)
        return value


def open_index(build: Path, name: str, root: Path):
    from whoosh import index

    if name not in INDEX_NAMES:
        raise KeyError(name)
    from .schema import is_kbs

    try:
        opened = index.open_dir(str(build), indexname=name, readonly=True)
        if not is_kbs(name, opened.schema):
            raise ValueError("a schema that is not kb's")
        return opened
    except Exception as exc:  # Whoosh raises many kinds for a damaged TOC or segment
        raise IndexDamaged(f"the index at {root} is damaged or was not built by kb ({type(exc).__name__}); "
                           "run `kb index rebuild`") from None


@contextmanager
def locked(root: Path, wait: bool = False):
    """Hold the index lock: one rebuild or update at a time; IndexBusy when another holds it.

    A POSIX record lock (lockf) belongs to the process that takes it: forked workers do not share
    it (a flock would outlive a main process killed by -9 while its workers finish), and the
    system releases it when the process ends, however.
    """
    import fcntl

    try:
        root.mkdir(parents=True, exist_ok=True)
        fd = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise KBError(f"cannot write the index at {root}: {exc.strerror or exc}") from None
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            raise IndexBusy(f"another rebuild or update of {root} is running; try again when it ends "
                            "(or use --wait)") from None
        with stopping_on_signals():
            yield
    finally:
        os.close(fd)  # releases the lock


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP during a build: stop the way Ctrl-C stops, cleaning up."""


@contextmanager
def stopping_on_signals():
    """While held, SIGTERM and SIGHUP stop a build as Ctrl-C does (the half build removed, the lock
    released), instead of killing the process with the build and lock left behind."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise Stopped(signal.Signals(signum).name)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def hold_build(build: Path):
    """A reader's shared lock on a build (the open file; close it to let go): cleanup keeps held builds."""
    import fcntl

    fh = open(build / READERS, "a+")
    fcntl.flock(fh, fcntl.LOCK_SH)
    return fh


def _held(build: Path) -> bool:
    import fcntl

    try:
        fh = open(build / READERS, "a+")
    except OSError:
        return False
    with fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        return False


def _remove_old_builds(root: Path, keep: Tuple[str, ...]) -> None:
    """Remove builds that are neither kept nor held by a reader (under the writer's lock)."""
    for old in root.glob("build-*"):
        if old.name not in keep and BUILD_NAME_RE.match(old.name) and not old.is_symlink() and not _held(old):
            shutil.rmtree(old, ignore_errors=True)


def _write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _switch(root: Path, build: Path) -> None:
    """Make build current (one atomic rename), then drop builds older than the one it replaces (the one it
    replaces stays: a search may have just read the pointer), unless a reader still holds them."""
    previous = None
    try:
        previous = current_build(root).name
    except KBError:
        pass
    _write_json_atomic(root / POINTER, {"format": FORMAT, "current": build.name})
    fd = os.open(root, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    _remove_old_builds(root, keep=(build.name, previous or ""))


def _new_build_dir(root: Path) -> Path:
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%S")
    build = root / f"build-{stamp}-{uuid.uuid4().hex[:6]}"
    build.mkdir()
    (build / READERS).touch()
    return build


def _scan(corpus: Path, links: str = "top") -> Tuple[List[Tuple[Path, str, str, int]], List[Tuple[str, str]]]:
    """([(path, rel, sha256, size)] of every source in the corpus, [(rel, why it was skipped)])."""
    out = []
    found, skipped = list_sources(corpus, links)
    for path, rel in found:
        try:
            sha, size = sha256_file(path)
        except (OSError, SourceError):
            sha, size = "", 0
        out.append((path, rel, sha, size))
    return out, skipped


def _count_work(scanned) -> int:
    """How many releases a rebuild will read (JSONL lines counted), for the progress bar."""
    total = 0
    for path, _, _, _ in scanned:
        if reader_for(path).streams:
            with open(path, "rb") as fh:
                total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
        else:
            total += 1
    return total


def _write(build: Path, work, jobs: int, report: Report, progress: Progress, total: int,
           taken=None, deletions=(), fresh=True, signatures=None) -> Dict[str, Dict[str, str]]:
    """Delete (field, value) terms, then run the pipeline on work and add every bundle to build's indexes.

    Returns {source: {sha256: doc id}} of what was added; signatures ({doc id: [order key,
    MinHash]}) gets each added release's.
    """
    signatures = {} if signatures is None else signatures
    from whoosh import index

    from .pipeline import bundles

    if fresh:
        indexes = {name: index.create_in(str(build), SCHEMAS[name](), indexname=name) for name in INDEX_NAMES}
    else:
        indexes = {name: index.open_dir(str(build), indexname=name) for name in INDEX_NAMES}
    # compound=False: a search maps each segment file instead of copying parts of one compound
    # file into memory, which cost a cold `kb search` a quarter of a second on the full corpus
    writers = {name: ix.writer(limitmb=WRITER_MB[name], procs=1, compound=False) for name, ix in indexes.items()}
    records: Dict[str, Dict[str, str]] = {}
    done = [0]

    def step(n):
        done[0] += n
        progress(done[0], total)

    try:
        for fieldname, value in deletions:
            for writer in writers.values():
                writer.delete_by_term(fieldname, value)
        for bundle in bundles(work, jobs, report, step, taken):
            writers["docs"].add_document(**bundle["doc"])
            for name in ("passages", "facts", "quotes"):
                for record in bundle[name]:
                    writers[name].add_document(**record)
            records.setdefault(bundle["doc"]["source"], {})[bundle["sha256"]] = bundle["doc_id"]
            key = list(bundle["copy"]["key"])
            key[-1] = len(signatures)  # the order read
            signatures[bundle["doc_id"]] = [key, list(bundle["copy"]["signature"])]
        for writer in writers.values():
            writer.commit()
    except BaseException:
        for writer in writers.values():
            try:
                writer.cancel()
            except Exception:
                pass
        raise
    return records


def _write_copies(build: Path, signatures: Dict[str, list]) -> None:
    """The near-duplicate groups of a build ({doc id: the release it copies}) and the signatures they
    came from (an update adds to them)."""
    from .copies import canonical_of

    from whoosh import index

    _write_json_atomic(build / SIGNATURES, {"signatures": signatures})
    copy_of = canonical_of((d, tuple(key), sig) for d, (key, sig) in signatures.items())
    # the internal numbers too, so that a search can count releases, not copies, without
    # looking up each id (numbers are fixed once a build is committed)
    with index.open_dir(str(build), indexname="docs").searcher() as searcher:
        number = {d: searcher.document_number(doc_id=d) for d in set(copy_of) | set(copy_of.values())}
    pairs = [[number[c], number[r]] for c, r in copy_of.items() if c != r and number[c] is not None
             and number[r] is not None]
    _write_json_atomic(build / COPIES, {"copy_of": copy_of, "numbers": pairs})


def _read_signatures(build: Path) -> Dict[str, list]:
    try:
        return json.loads((build / SIGNATURES).read_text(encoding="utf-8"))["signatures"]
    except (OSError, ValueError, KeyError):
        raise IndexDamaged(f"{build / SIGNATURES} is missing or damaged; run `kb index rebuild`") from None


def read_copies(build: Path) -> dict:
    """{"copy_of": {doc id: the release it copies}, "numbers": [[copy, release] internal numbers]} of a build."""
    try:
        data = json.loads((build / COPIES).read_text(encoding="utf-8"))
        if isinstance(data.get("copy_of"), dict) and isinstance(data.get("numbers"), list):
            return data
    except (OSError, ValueError, AttributeError):
        pass
    raise IndexDamaged(f"the copies list of {build} is missing or damaged; run `kb index rebuild`")


def _manifest(corpus: Path, scanned, records, report: Report, started: float) -> dict:
    sources = {}
    for _, rel, sha, size in scanned:
        sources[rel] = {"sha256": sha, "size": size, "records": records.get(rel, {})}
    return {
        "format": FORMAT,
        "kb_version": __version__,
        "built_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(time.time() - started, 2),
        "corpus": str(Path(corpus).resolve()),
        "sources": sources,
        "counts": {"documents": sum(len(r["records"]) for r in sources.values()), "sources": len(sources)},
        "skipped": [list(item) for item in report.skipped],
    }


def _fail_cleanly(build: Path, exc: BaseException, root: Path):
    """Remove a half-written build and say in one line why, leaving the last good index as it was."""
    shutil.rmtree(build, ignore_errors=True)
    if isinstance(exc, OSError):
        reason = "the disk is full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
        raise KBError(f"cannot write the index at {root}: {reason}; the last good index is unchanged") from None
    if isinstance(exc, Stopped):
        raise KBError(f"stopped by {exc}; the last good index is unchanged") from None
    raise exc


def _check_strict(report: Report, strict: bool):
    if strict and report.skipped:
        where, reason = report.skipped[0]
        raise CorpusError(f"--strict: {len(report.skipped)} source(s) could not be read, first: {reason}")


def rebuild(corpus: Path, root: Path, jobs: int = 1, strict: bool = False, progress: Progress = lambda d, t: None,
            wait: bool = False, links: str = "top", only_if_missing: bool = False) -> Tuple[Report, dict]:
    """Build a new index from the whole corpus beside the current one and switch to it atomically.

    only_if_missing: a first search's build; another process may have built the index while this one
    waited for the lock, and then there is nothing to do (the report says 0 documents).
    """
    from .pipeline import Report

    corpus, root = Path(corpus), Path(root)
    started = time.time()
    scanned, unread = _scan(corpus, links)
    if not scanned:
        raise CorpusError(f"no press releases (.txt, .md, .html, .htm, .jsonl) in {corpus}")
    if root.exists() and not root.is_dir():
        raise IndexDamaged(f"{root} is a file, not an index folder")
    if root.exists() and not (root / POINTER).exists() and not _is_empty(root):
        raise IndexDamaged(f"{root} is not a kb index (no {POINTER}) and is not empty: choose another --index folder")
    with locked(root, wait):
        report = Report(skipped=list(unread))
        if only_if_missing and (root / POINTER).exists():
            return report, read_manifest(root)
        _remove_old_builds(root, keep=(_current_name(root),))  # what killed builds left
        build = None
        try:
            build = _new_build_dir(root)
            work = [(path, rel, None) for path, rel, _, _ in scanned]
            signatures: Dict[str, list] = {}
            records = _write(build, work, jobs, report, progress, _count_work(scanned), signatures=signatures)
            _write_copies(build, signatures)
            if not report.documents:
                raise CorpusError(f"no readable press release in {corpus}: {len(report.skipped)} skipped")
            _check_strict(report, strict)
            manifest = _manifest(corpus, scanned, records, report, started)
            _write_json_atomic(build / MANIFEST, manifest)
            _switch(root, build)
        except BaseException as exc:
            if build is None:
                raise KBError(f"cannot write the index at {root}: {getattr(exc, 'strerror', exc)}") from None
            _fail_cleanly(build, exc, root)
    return report, manifest


def _current_name(root: Path) -> str:
    try:
        return current_build(root).name
    except KBError:
        return ""


def _link_copy(src: Path, dst: Path) -> None:
    """dst gets every file of src, hard-linked where the file system allows (Whoosh never rewrites a file)."""
    for item in src.iterdir():
        if item.name in (MANIFEST, COPIES, SIGNATURES) or not item.is_file():
            continue
        try:
            os.link(item, dst / item.name)
        except OSError:
            shutil.copy2(item, dst / item.name)


def changes(manifest: dict, scanned) -> Tuple[List, List, List]:
    """(new, changed, removed) sources of the corpus against a manifest."""
    old = manifest.get("sources", {})
    now = {rel for _, rel, _, _ in scanned}
    new = [item for item in scanned if item[1] not in old]
    changed = [item for item in scanned if item[1] in old and old[item[1]]["sha256"] != item[2]]
    removed = [rel for rel in old if rel not in now]
    return new, changed, removed


def update(corpus: Path, root: Path, jobs: int = 1, strict: bool = False, progress: Progress = lambda d, t: None,
           wait: bool = False, links: str = "top") -> Tuple[Report, dict, dict]:
    """Re-read only new, changed and removed sources (JSONL: only new, changed and removed records)."""
    from .pipeline import Report

    corpus, root = Path(corpus), Path(root)
    started = time.time()
    with locked(root, wait):
        manifest = read_manifest(root)
        _remove_old_builds(root, keep=(_current_name(root),))  # what killed builds left
        scanned, unread = _scan(corpus, links)
        new, changed, removed = changes(manifest, scanned)
        summary = {"new": len(new), "changed": len(changed), "removed": len(removed), "unchanged":
                   len(scanned) - len(new) - len(changed)}
        report = Report(skipped=list(unread))
        old_sources = manifest["sources"]
        records = {rel: dict(entry["records"]) for rel, entry in old_sources.items()}
        deletions, work, counts = [], [], {}
        for rel in removed:
            deletions += [("doc_id", doc_id) for doc_id in old_sources[rel]["records"].values()]
            records.pop(rel, None)
        for path, rel, _, _ in new + changed:
            old_records = old_sources.get(rel, {}).get("records", {})
            if reader_for(path).streams and old_records:
                present = {line_sha256(line) for _, line in jsonl_lines(path)}
                gone = {s: i for s, i in old_records.items() if s not in present}
                deletions += [("doc_id", doc_id) for doc_id in gone.values()]
                kept = {s: i for s, i in old_records.items() if s in present}
                records[rel] = kept
                work.append((path, rel, lambda line, kept=kept: line_sha256(line) not in kept))
                counts[rel] = len(present) - len(kept)
            else:
                deletions += [("doc_id", doc_id) for doc_id in old_records.values()]
                records[rel] = {}
                work.append((path, rel, None))
        if not deletions and not work:
            return report, manifest, summary
        taken = {doc_id: rel for rel, recs in records.items() for doc_id in recs.values()}
        build = _new_build_dir(root)
        try:
            _link_copy(current_build(root), build)
            signatures = _read_signatures(current_build(root))
            for _, doc_id in deletions:
                signatures.pop(doc_id, None)
            added = _write(build, work, jobs, report, progress, sum(counts.values()) + len(work) - len(counts),
                           taken=taken, deletions=deletions, fresh=False, signatures=signatures)
            _write_copies(build, signatures)
            _check_strict(report, strict)
            for rel, recs in added.items():
                records.setdefault(rel, {}).update(recs)
            new_manifest = _manifest(corpus, scanned, records, report, started)
            _write_json_atomic(build / MANIFEST, new_manifest)
            _switch(root, build)
        except BaseException as exc:
            _fail_cleanly(build, exc, root)
    return report, new_manifest, summary


def status(corpus: Path, root: Path) -> dict:
    """What is indexed, when, from which corpus, and how many sources changed since."""
    manifest = read_manifest(root)
    try:
        new, changed, removed = changes(manifest, _scan(corpus)[0])
        corpus_state = {"new": len(new), "changed": len(changed), "removed": len(removed)}
    except CorpusError as exc:
        corpus_state = {"error": str(exc)}
    return {
        "index": str(Path(root).resolve()), "build": current_build(root).name, "built_at": manifest["built_at"],
        "kb_version": manifest["kb_version"], "corpus": manifest["corpus"], "sources": manifest["counts"]["sources"],
        "documents": manifest["counts"]["documents"], "skipped": len(manifest.get("skipped", [])),
        "seconds": manifest.get("seconds"), **corpus_state,
        "up_to_date": corpus_state.get("new", 1) + corpus_state.get("changed", 1) + corpus_state.get("removed", 1) == 0,
    }
