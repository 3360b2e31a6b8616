"""Which files of a corpus folder are sources: regular files only, links followed only where they may lead, each once.

A corpus is often put together from elsewhere with links (../shared/eval/full-corpus.sh links
whole collections into it), and a folder kb did not write may hold links meant to leak a file
into the index (`leak.txt → /etc/passwd`), FIFOs and devices that never end, and link loops.

Links, by the `links` policy:
- "top" (the default): a link placed directly in the corpus folder is the corpus's owner's
  choice and is followed wherever it points, to a folder or to a press-release file (its target
  must have a source suffix too: `leak.txt → /etc/passwd` is refused); any deeper link is
  followed only to a target inside the corpus or inside a folder linked at the top.
- "inside": only links whose target is inside the corpus folder.
- "all": every link.
Only regular files are read (a FIFO or a device is skipped, and opening never blocks); each
real file and folder is visited once, so loops and links to "." cost nothing.
"""
import os
import stat
from pathlib import Path
from typing import Dict, List, Set, Tuple

from ..errors import CorpusError, SourceError

LINK_POLICIES = ("top", "inside", "all")


def _inside(path: Path, roots: List[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def list_sources(corpus: Path, suffixes, links: str = "top") -> Tuple[List[Tuple[Path, str]], List[Tuple[str, str]]]:
    """([(real path, path relative to the corpus)], [(relative path, why it was skipped)]), both sorted."""
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise CorpusError(f"corpus folder {str(corpus)!r} does not exist")
    if links not in LINK_POLICIES:
        raise CorpusError(f"--links takes one of {', '.join(LINK_POLICIES)}, not {links!r}")
    root = corpus.resolve()
    allowed_roots = [root]
    found: List[Tuple[Path, str]] = []
    skipped: List[Tuple[str, str]] = []
    files: Dict[Tuple[int, int], List[Tuple[bool, str, Path]]] = {}  # real file → the ways it was reached
    info = os.stat(root)
    seen: Set[Tuple[int, int]] = {(info.st_dev, info.st_ino)}
    pending = [(root, "", True)]  # (real folder, its path in the corpus, is the top)
    while pending:
        folder, rel_folder, top = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            skipped.append((rel_folder or ".", f"{rel_folder or '.'}: cannot list ({exc.strerror or exc})"))
            continue
        for entry in entries:
            if entry.name.startswith((".", "_")):
                continue
            rel = f"{rel_folder}/{entry.name}" if rel_folder else entry.name
            is_source = Path(entry.name).suffix.lower() in suffixes
            target = Path(entry.path)
            if entry.is_symlink():
                try:
                    target = target.resolve(strict=True)
                except (OSError, RuntimeError):
                    if is_source:
                        skipped.append((rel, f"{rel}: a broken link or a link loop"))
                    continue
                if not _may_follow(target, links, top, allowed_roots):
                    if is_source or target.is_dir():
                        skipped.append((rel, f"{rel}: a link to {target}, outside the corpus"))
                    continue
            try:
                info = os.stat(target)
            except OSError:
                continue
            key = (info.st_dev, info.st_ino)
            if stat.S_ISDIR(info.st_mode):
                if key not in seen:
                    seen.add(key)
                    if entry.is_symlink() and not _inside(target, allowed_roots):
                        allowed_roots.append(target)
                    pending.append((target, rel, False))
                continue
            if not is_source:
                continue
            if entry.is_symlink() and Path(target).suffix.lower() not in suffixes:
                skipped.append((rel, f"{rel}: a link to {target}, which is not a press-release file"))
            elif not stat.S_ISREG(info.st_mode):
                skipped.append((rel, f"{rel}: not a regular file (a FIFO, device or socket)"))
            else:
                files.setdefault(key, []).append((entry.is_symlink(), rel, Path(target)))
    for copies in files.values():  # a file reached twice is read once, by its own name rather than a link's
        copies.sort()
        found.append((copies[0][2], copies[0][1]))
        skipped += [(rel, f"{rel}: the same file as {copies[0][1]} (read once)") for _, rel, _ in copies[1:]]
    return sorted(found, key=lambda item: item[1]), sorted(skipped)


def _may_follow(target: Path, links: str, top: bool, allowed_roots: List[Path]) -> bool:
    if links == "all" or _inside(target, allowed_roots[:1]):
        return True
    if links == "inside":
        return False
    return top or _inside(target, allowed_roots)


def open_source(path: Path):
    """A source opened for reading in binary, never blocking (a FIFO swapped in is refused, not waited on)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise SourceError(f"{path}: not a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_source(path: Path, limit: int) -> bytes:
    """A source's bytes, at most limit + 1 of them (the caller says when it is too large)."""
    with open_source(path) as fh:
        return fh.read(limit + 1)
