"""Corpus cases at scale: identical releases under two ids, and releases not in English."""
import json
import shutil

import pytest

from conftest import REPO, Runner

SAME_BODY = ("WASHINGTON A man from Springfield pleaded guilty today to smuggling parrots across the border.\n\n"
             "He faces up to 20 years in prison, said the prosecutor.")
SPANISH = ("La Fiscalía anunció hoy que el acusado fue condenado por fraude contra los clientes del taller. "
           "El juez dijo que la pena será de cinco años de prisión y que la empresa pagará una multa a los clientes.")


@pytest.fixture
def run(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    records = [
        {"id": "r-1", "title": "Parrot smuggler pleads guilty", "date": "2015-03-02", "publisher": "DOJ", "body": SAME_BODY},
        {"id": "r-2", "title": "Parrot smuggler pleads guilty", "date": "2015-03-02", "publisher": "DOJ", "body": SAME_BODY},
        {"id": "es-1", "title": "Condenado por fraude", "date": "2020-01-10", "publisher": "Fiscalía", "body": SPANISH},
    ]
    (corpus / "cases.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                                        encoding="utf-8")
    runner = Runner(corpus, tmp_path / "index")
    assert runner("index", "rebuild", "--jobs", "1").exit_code == 0
    return runner


def test_identical_releases_are_listed_once_with_their_copies(run):
    rows = json.loads(run("sources", "--format", "json").stdout)["results"]
    parrots = [r for r in rows if r["title"] == "Parrot smuggler pleads guilty"]
    assert [(r["id"], r["copies"]) for r in parrots] == [("r-2", ["r-1"])]
    assert json.loads(run("show", "r-1", "--format", "json").stdout)["copies"] == ["r-2"]
    out = json.loads(run("search", "parrots", "--format", "json").stdout)
    assert len(out["results"]) == 1
    assert sorted([out["results"][0]["citation"]["doc_id"]] + out["results"][0]["copies"]) == ["r-1", "r-2"]


def test_a_spanish_release_is_searchable_unstemmed_and_without_facts(run):
    shown = json.loads(run("show", "es-1", "--format", "json").stdout)
    assert shown["language"] == "es"
    assert "Language: es: indexed without English stemming" in run("show", "es-1").stdout
    assert json.loads(run("search", "fiscalía", "--format", "json").stdout)["results"][0]["citation"]["doc_id"] == "es-1"
    # no English stemming: "clientes" is found as written, "cliente" is not
    assert run("search", "clientes").exit_code == 0
    assert run("search", "cliente").exit_code == 1
    assert run("facts", "--doc", "es-1").exit_code == 1
    english = json.loads(run("show", "r-1", "--format", "json").stdout)
    assert english["language"] == "en"
    assert json.loads(run("facts", "--doc", "r-1", "--format", "json").stdout)["results"][0]["surface"] == "up to 20 years"
