"""The errors kb raises: KBError and its kinds, each with a plain one-line message."""


class KBError(Exception):
    """Anything kb can explain to a user in one line."""


class SourceError(KBError):
    """A source file or record cannot be read (binary, empty, broken encoding or JSON)."""


class CorpusError(KBError):
    """The corpus folder is missing or unreadable."""


class IndexMissing(KBError):
    """There is no index yet at the chosen place."""


class IndexDamaged(KBError):
    """The index directory is not a kb index, or it is damaged."""


class IndexBusy(KBError):
    """Another rebuild or update holds the index lock."""


class QueryError(KBError):
    """A query that cannot be parsed or run; the message says why."""


class NotFound(KBError):
    """An id that names no document or passage."""

