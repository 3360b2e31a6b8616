"""Whoosh's pickles read without letting them run code: only the classes a kb index holds may be loaded.

Whoosh keeps an index's table of contents (the schema, the segments), its stored fields and its
posting blocks as pickles, and a pickle can call any function it names (os.system, eval …)
when it is loaded. schema.py routes every pickle Whoosh reads through `loads`/`load` below,
whose unpickler admits the few classes and functions of kb's own schema and Whoosh's index
structures, named one by one (a whole module could not be allowed: whoosh.compat holds exec),
and refuses anything else with UnpicklingError, before it is called.
"""
import io
import pickle

_BUILTINS = ("int", "float", "long", "bool", "str", "bytes", "bytearray", "complex", "list", "tuple", "dict",
             "set", "frozenset", "object", "slice", "range")
ALLOWED = {
    *(("builtins", name) for name in _BUILTINS), *(("__builtin__", name) for name in _BUILTINS),
    ("_codecs", "encode"), ("copyreg", "_reconstructor"), ("copy_reg", "_reconstructor"),
    ("array", "array"), ("array", "_array_reconstructor"),
    ("collections", "defaultdict"), ("collections", "OrderedDict"),
    ("re", "_compile"),  # a tokenizer's pattern; schema.check_schema compares it with kb's own
    ("kb.schema", "AnalysedText"),
    ("whoosh.fields", "Schema"), ("whoosh.fields", "ID"), ("whoosh.fields", "NUMERIC"), ("whoosh.fields", "STORED"),
    ("whoosh.fields", "TEXT"), ("whoosh.fields", "SpellField"),
    ("whoosh.analysis.analyzers", "CompositeAnalyzer"), ("whoosh.analysis.tokenizers", "RegexTokenizer"),
    ("whoosh.analysis.tokenizers", "IDTokenizer"), ("whoosh.analysis.filters", "LowercaseFilter"),
    ("whoosh.analysis.filters", "CharsetFilter"), ("whoosh.analysis.filters", "StopFilter"),
    ("whoosh.analysis.morph", "StemFilter"), ("whoosh.lang.porter", "stem"),
    ("whoosh.formats", "Existence"), ("whoosh.formats", "Frequency"), ("whoosh.formats", "Positions"),
    ("whoosh.columns", "VarBytesColumn"), ("whoosh.columns", "NumericColumn"), ("whoosh.columns", "PickleColumn"),
    ("whoosh.columns", "CompressedBytesColumn"),
    ("whoosh.codec.whoosh3", "W3Codec"), ("whoosh.codec.whoosh3", "W3Segment"),
    ("whoosh.idsets", "BitSet"), ("whoosh.idsets", "SortedIntSet"), ("whoosh.idsets", "OnDiskBitSet"),
    ("whoosh.idsets", "ReverseIdSet"), ("whoosh.idsets", "MultiIdSet"), ("whoosh.idsets", "DocIdSet"),
}


class IndexUnpickler(pickle.Unpickler):
    """An unpickler that loads only what ALLOWED names."""

    def find_class(self, module, name):
        if (module, name) not in ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a kb index")
        return super().find_class(module, name)


def loads(data, **kwargs):
    # a buffered reader lets the unpickler peek ahead: fed a bare BytesIO it reads item by item, twice
    # as slow as pickle.loads on a posting block; on short pickles making the reader costs more than that
    if len(data) < 128:
        return IndexUnpickler(io.BytesIO(data)).load()
    return IndexUnpickler(io.BufferedReader(io.BytesIO(data), buffer_size=len(data) + 16)).load()


def load(file, **kwargs):
    return IndexUnpickler(file).load()
