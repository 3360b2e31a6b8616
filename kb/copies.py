"""Near-duplicate releases: MinHash signatures of word shingles, LSH bands, and one release per group.

The same release often reaches a corpus twice: a DOJ page saved as HTML and again as a JSON
Lines record (the scraper dropped its curly quotes), or reissued under a new id with a few
characters changed. Releases whose word 3-shingles overlap by SAME_RELEASE (Jaccard, estimated
from SIGNATURE_SIZE one-permutation MinHash bins) are one release: the first of the group is
shown and listed, the others are its copies. Unrelated releases of one template (two budget
requests, two sentencings in the same words) stay below 0.6 on the shared corpora; the HTML and
JSONL copies of one DOJ release above 0.95.
"""
import re
import zlib
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

SIGNATURE_SIZE = 64
BANDS = 16  # of 4 bins each: pairs above 0.85 almost surely share a band, pairs below 0.5 rarely
SAME_RELEASE = 0.85
SHINGLE = 3
EMPTY = -1
_WORD_RE = re.compile(r"[^\W_]{2,}")


def signature(text: str) -> Tuple[int, ...]:
    """One-permutation MinHash: each shingle's CRC-32 falls in one of SIGNATURE_SIZE bins; a bin keeps its least."""
    words = _WORD_RE.findall(text.casefold())
    bins = [EMPTY] * SIGNATURE_SIZE
    for i in range(max(1, len(words) - SHINGLE + 1)):
        h = zlib.crc32(" ".join(words[i:i + SHINGLE]).encode("utf-8"))
        b, v = h % SIGNATURE_SIZE, h // SIGNATURE_SIZE
        if bins[b] == EMPTY or v < bins[b]:
            bins[b] = v
    return tuple(bins)


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """The estimated Jaccard overlap of two signatures' shingles (bins empty in both are left out)."""
    pairs = [(x, y) for x, y in zip(a, b) if x != EMPTY or y != EMPTY]
    return sum(x == y for x, y in pairs) / len(pairs) if pairs else 0.0


def canonical_of(entries: Iterable[Tuple[str, tuple, Sequence[int]]]) -> Dict[str, str]:
    """{doc id: the id of the release it copies} for every release in a group of two or more.

    entries: (doc id, order key, signature); the release of a group is the one with the least
    order key. A group is what near pairs join (transitively).
    """
    entries = list(entries)
    order = {doc_id: key for doc_id, key, _ in entries}
    signatures = {doc_id: sig for doc_id, _, sig in entries}
    rows = SIGNATURE_SIZE // BANDS
    buckets: Dict[tuple, List[str]] = {}
    for doc_id, _, sig in entries:
        for band in range(BANDS):
            part = tuple(sig[band * rows:(band + 1) * rows])
            if all(v == EMPTY for v in part):
                continue
            buckets.setdefault((band, part), []).append(doc_id)
    parent: Dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    checked = set()
    for members in buckets.values():
        if len(members) < 2 or len(members) > 200:  # a huge bucket is boilerplate, not one release
            continue
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if (a, b) in checked:
                    continue
                checked.add((a, b))
                if similarity(signatures[a], signatures[b]) >= SAME_RELEASE:
                    ra, rb = root(a), root(b)
                    if ra != rb:
                        parent[max(ra, rb, key=lambda d: order[d])] = min(ra, rb, key=lambda d: order[d])
    groups: Dict[str, List[str]] = {}
    for doc_id in order:
        groups.setdefault(root(doc_id), []).append(doc_id)
    out = {}
    for members in groups.values():
        if len(members) > 1:
            first = min(members, key=lambda d: order[d])
            out.update({d: first for d in members})
    return out


def order_key(published: Optional[str], is_record: bool, source: str, position: int) -> tuple:
    """The release of a group: the earliest; on one day a JSON Lines record (its metadata given,
    not inferred from a page) before a page or text file; then the first read."""
    return (published or "9999", 0 if is_record else 1, source, position)
