"""Import Whoosh without three modules it loads and kb never reaches, a third of a cold search's start.

Whoosh's modules import, at their top, `urllib.request` (for a Python 2 `urlretrieve` nothing
calls; it brings in http.client, email, ssl and socket: about 40 ms), `asyncio` (through the
`cached_property` package, to test whether a property is a coroutine: about 27 ms) and
`whoosh.lang.morph_en` (English word variations for a query type kb does not use: about 12 ms
of regular expressions). While Whoosh is imported, each of these is a small stand-in module whose
named functions load the real module when first called; the stand-ins leave `sys.modules`
afterwards, so any later `import asyncio` (Flask's, a test's) gets the real module.

`import_whoosh()` is called by kb.schema before its own Whoosh imports; every other kb module
reaches Whoosh through kb.schema, kb.store or kb.index. If something imported Whoosh first, the
stand-ins are simply not used and everything works as before, only slower to start.
"""
import importlib
import inspect
import sys
import types
from contextlib import contextmanager
from typing import Callable, Dict

# module → {name: what the stand-in's name does}; None: load the real module and call its function
STAND_INS: Dict[str, Dict[str, object]] = {
    "urllib.request": {"urlretrieve": None},
    # the one use, `cached_property.__get__`, asks of a plain function: inspect gives the same answer
    "asyncio": {"iscoroutinefunction": inspect.iscoroutinefunction, "ensure_future": None},
    "whoosh.lang.morph_en": {"variations": None},
}
WHOOSH_MODULES = ("whoosh.compat", "whoosh.reading", "whoosh.query.terms")


def forwarder(module: str, name: str) -> Callable:
    """A function that imports `module` on its first call and calls its `name`."""
    def call(*args, **kwargs):
        return getattr(importlib.import_module(module), name)(*args, **kwargs)
    call.__name__ = name
    return call


@contextmanager
def stand_ins(modules: Dict[str, Dict[str, object]]):
    """Put a stand-in for each module not yet loaded into sys.modules for the block's duration."""
    placed = []
    for module, names in modules.items():
        if module in sys.modules:
            continue
        stand_in = types.ModuleType(module, f"kb's stand-in for {module} while Whoosh is imported")
        for name, value in names.items():
            setattr(stand_in, name, value if value is not None else forwarder(module, name))
        sys.modules[module] = stand_in
        placed.append((module, stand_in))
    try:
        yield
    finally:
        for module, stand_in in placed:
            if sys.modules.get(module) is stand_in:
                del sys.modules[module]


def import_whoosh() -> None:
    """Import the Whoosh modules that load the three, with stand-ins for them (once per process)."""
    if all(name in sys.modules for name in WHOOSH_MODULES):
        return
    with stand_ins(STAND_INS):
        for name in WHOOSH_MODULES:
            importlib.import_module(name)
