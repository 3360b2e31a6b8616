"""Releases as stored: one shown whole or a passage in context (`kb show`), and all of them listed (`kb sources`)."""
import json
from typing import Dict, List

from .cite import citation, passage_citation


def show(index, item_id: str) -> dict:
    """A document with its passages, or a passage in context (the passages either side)."""
    if "#" in item_id:
        passage = index.passage(item_id)
        neighbours = [p for p in index.passages_of([passage["doc_id"]]).get(passage["doc_id"], [])
                      if abs(p["number"] - passage["number"]) <= 1]
        return {"kind": "passage", "id": item_id, "text": passage["text"], "kind_of_passage": passage["kind"],
                "context": [{"id": p["passage_id"], "paragraph": p["number"], "text": p["text"]} for p in neighbours],
                "citation": passage_citation(index, passage)}
    doc = index.document(item_id)
    passages = index.passages_of([item_id]).get(item_id, [])
    data = doc["data"]
    return {
        "kind": "document", "id": item_id, "title": doc.get("title") or "", "published": doc.get("published") or None,
        "publisher": doc.get("publisher") or None, "place": data.get("place"), "url": data.get("url"),
        "language": doc.get("language"), "source": "corpus/" + doc["source"], "sha256": data.get("sha256"),
        "copies": index.copies_of(item_id),
        "extra": {k: json.loads(v) for k, v in data.get("extra", {}).items()},
        "text": data["text"],
        "passages": [{"id": p["passage_id"], "paragraph": p["number"], "kind": p["kind"], "start": p["start"],
                      "end": p["end"], "text": p["text"]} for p in passages],
        "citation": citation(doc, "", 0, 0, len(data["text"])),
    }


def sources(index, limit: int = 0) -> dict:
    """Every release, newest first, each listed once with the ids of its copies."""
    copies: Dict[str, List[str]] = {}
    for doc_id, first in index.copy_map().items():
        if doc_id != first:
            copies.setdefault(first, []).append(doc_id)
    rows = []
    for doc in index.documents():
        if index.release_of(doc["doc_id"]) != doc["doc_id"]:
            continue
        data = doc["data"]
        rows.append({
            "id": doc["doc_id"], "title": doc.get("title") or "", "published": doc.get("published") or None,
            "publisher": doc.get("publisher") or None, "url": data.get("url"), "source": "corpus/" + doc["source"],
            "sha256": data.get("sha256"), "passages": data["passages"], "figures": data["figures"],
            "quotes": data["quotes"], "copies": sorted(copies.get(doc["doc_id"], [])),
        })
    rows.sort(key=lambda r: (r["published"] or "", r["id"]), reverse=True)
    return {"results": rows[:limit] if limit else rows}
