"""Corpus files → Documents: which files count, their ids, and one reader a format."""
import hashlib
import os
from pathlib import Path
from typing import Iterator, List, Tuple

from ..errors import CorpusError, SourceError
from ..models import Document

READERS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
MAX_FILE_BYTES = 20 * 1024 * 1024  # one press release; JSONL corpora are streamed instead
MAX_LINE_BYTES = 10 * 1024 * 1024


def list_sources(corpus: Path) -> List[Tuple[Path, str]]:
    """(path, path relative to the corpus) of every source file, sorted; links are followed."""
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise CorpusError(f"corpus folder {str(corpus)!r} does not exist")
    found = []
    for folder, dirs, files in os.walk(corpus, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for name in files:
            path = Path(folder) / name
            if name.startswith((".", "_")) or path.suffix.lower() not in READERS:
                continue
            found.append((path, path.relative_to(corpus).as_posix()))
    return sorted(found, key=lambda item: item[1])


def doc_id_for(rel: str) -> str:
    """The id of a one-document file: its path in the corpus without the extension."""
    return rel.rsplit(".", 1)[0]


def sha256_file(path: Path) -> Tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def read_document(data: bytes, rel: str) -> Document:
    """The Document of a .txt, .md, .html or .htm file's bytes; SourceError when it is not one."""
    from .decode import decode_bytes

    if len(data) > MAX_FILE_BYTES:
        raise SourceError(f"{rel}: {len(data) // (1024 * 1024)} MB is too large for one press release")
    text = decode_bytes(data, rel)
    sha = hashlib.sha256(data).hexdigest()
    if READERS.get(Path(rel).suffix.lower()) == "html":
        from .html import read_html

        return read_html(text, doc_id_for(rel), rel, sha)
    from .text import read_text

    document = read_text(text, doc_id_for(rel), rel, sha)
    if not document.blocks:
        raise SourceError(f"{rel}: no text")
    return document


def jsonl_lines(path: Path) -> Iterator[Tuple[int, bytes]]:
    """(line number, bytes) of each non-blank line, streamed; an over-long line comes back as b"" to report."""
    with open(path, "rb") as fh:
        for lineno, line in enumerate(fh, start=1):
            if len(line) > MAX_LINE_BYTES:
                yield lineno, b""
            elif line.strip():
                yield lineno, line


def read_record(line: bytes, rel: str, lineno: int) -> Document:
    """The Document of one JSONL line."""
    from .jsonl import record_document

    if not line:
        raise SourceError(f"{rel}:{lineno}: line longer than {MAX_LINE_BYTES // (1024 * 1024)} MB")
    return record_document(line, rel, lineno, doc_id_for(rel))
