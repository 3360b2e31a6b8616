"""Corpus files → Documents: which files count, their ids, and one reader a format."""
import hashlib
from dataclasses import dataclass
from pathlib import Path
from importlib import import_module
from typing import Callable, Dict, Iterator, List, Optional, Tuple

from ..errors import SourceError
from ..models import Document
from . import walk


@dataclass(frozen=True)
class Reader:
    """How one format is read. A streaming reader's file holds many releases, one a line, read one
    by one; a reader that decodes its own bytes (JSON Lines, or a binary format such as PDF) is
    handed bytes, the others text decoded by decode.py."""

    name: str
    function: str  # "module:function" of kb.sources, imported when first used (bs4 costs a search nothing)
    streams: bool = False
    decodes_own_bytes: bool = False

    def load(self) -> Callable:
        module, name = self.function.split(":")
        return getattr(import_module(f"{__name__}.{module}"), name)


READERS: Dict[str, Reader] = {
    ".txt": Reader("text", "text:read_text"), ".md": Reader("text", "text:read_text"),
    ".html": Reader("html", "html:read_html"), ".htm": Reader("html", "html:read_html"),
    ".jsonl": Reader("jsonl", "jsonl:record_document", streams=True, decodes_own_bytes=True),
}


def reader_for(path) -> Optional[Reader]:
    """The reader of a file by its suffix, or None when kb does not read it."""
    return READERS.get(Path(path).suffix.lower())


def line_sha256(line: bytes) -> str:
    """The SHA-256 of a JSONL record: of its line, without the line end (the one definition)."""
    return hashlib.sha256(line.rstrip(b"\r\n")).hexdigest()
MAX_FILE_BYTES = 20 * 1024 * 1024  # one press release; JSONL corpora are streamed instead
MAX_LINE_BYTES = 10 * 1024 * 1024


def list_sources(corpus: Path, links: str = "top") -> Tuple[List[Tuple[Path, str]], List[Tuple[str, str]]]:
    """([(path, path relative to the corpus)] of every source file, [(path, why skipped)]), sorted (walk.py)."""
    return walk.list_sources(corpus, READERS, links)


def doc_id_for(rel: str) -> str:
    """The id of a one-document file: its path in the corpus without the extension; SourceError when that
    cannot be an id ("#" marks a passage in an id; control characters would break output lines)."""
    doc_id = rel.rsplit(".", 1)[0]
    if "#" in doc_id or any(ch < " " or "\x7f" <= ch <= "\x9f" for ch in doc_id):
        raise SourceError(f"{rel!r}: a file name with '#' or a control character cannot be a document id")
    return doc_id


def sha256_file(path: Path) -> Tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with walk.open_source(path) as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def read_document(data: bytes, rel: str) -> Document:
    """The Document of a one-release file's bytes, by its reader; SourceError when it is not one."""
    from .decode import decode_bytes

    if len(data) > MAX_FILE_BYTES:
        raise SourceError(f"{rel}: over {MAX_FILE_BYTES // (1024 * 1024)} MB, too large for one press release")
    reader = reader_for(rel)
    content = data if reader.decodes_own_bytes else decode_bytes(data, rel)
    document = reader.load()(content, doc_id_for(rel), rel, hashlib.sha256(data).hexdigest())
    if not document.blocks:
        raise SourceError(f"{rel}: no text")
    return document


def jsonl_lines(path: Path) -> Iterator[Tuple[int, bytes]]:
    """(line number, bytes) of each non-blank line, streamed; an over-long line comes back as b"" to report
    (read a megabyte at a time past its limit, never whole)."""
    with walk.open_source(path) as fh:
        lineno = 0
        while True:
            line = fh.readline(MAX_LINE_BYTES + 1)
            if not line:
                return
            lineno += 1
            if len(line) > MAX_LINE_BYTES:
                while not line.endswith(b"\n"):
                    line = fh.readline(1 << 20)
                    if not line:
                        break
                yield lineno, b""
            elif line.strip():
                yield lineno, line


def read_record(line: bytes, rel: str, lineno: int) -> Document:
    """The Document of one line of a streaming source (JSON Lines)."""
    if not line:
        raise SourceError(f"{rel}:{lineno}: line longer than {MAX_LINE_BYTES // (1024 * 1024)} MB")
    return reader_for(rel).load()(line, rel, lineno, doc_id_for(rel))
