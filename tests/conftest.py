"""Shared fixtures: a copy of the shipped corpus, a built index, and a CLI runner bound to them."""
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import cli

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED_ID = "netclean/2019-12-05-netclean-report-2019"
DOJ_HTML = SHARED / "corpus" / "doj-opa-2009-2018" / "html"


@pytest.fixture(scope="session")
def seed_corpus(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copytree(REPO / "corpus", corpus, dirs_exist_ok=True)
    return corpus


@pytest.fixture(scope="session")
def seed_index(seed_corpus, tmp_path_factory):
    index = tmp_path_factory.mktemp("index") / "index"
    result = CliRunner().invoke(cli, ["--corpus", str(seed_corpus), "--index", str(index), "index", "rebuild", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return index


class Runner:
    """Runs kb against one corpus and index; .json() parses stdout."""

    def __init__(self, corpus, index):
        self.corpus, self.index = corpus, index

    def __call__(self, *args, input=None):
        runner = CliRunner()
        return runner.invoke(cli, ["--corpus", str(self.corpus), "--index", str(self.index), *args],
                             input=input, catch_exceptions=False)

    def json(self, *args):
        result = self(*args, "--format", "json")
        assert result.exit_code in (0, 1), result.output
        return json.loads(result.stdout)


@pytest.fixture
def kb(seed_corpus, seed_index):
    return Runner(seed_corpus, seed_index)


WORDS = ("court police report survey officers encryption fraud settlement county prosecutor victims "
         "investigation program million percent sentenced district federal agency community safety").split()


def synthetic_jsonl(path: Path, n: int, seed: int = 7):
    """n invented releases (our own words, nothing copied from a corpus)."""
    rnd = random.Random(seed)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            paragraphs = [" ".join(rnd.choice(WORDS) for _ in range(40)).capitalize() + "." for _ in range(8)]
            record = {"id": f"syn-{i:05d}", "title": f"Synthetic release {i}", "date": f"2015-01-{1 + i % 28:02d}",
                      "publisher": "Synthetic Office", "url": None, "body": "\n\n".join(paragraphs)}
            fh.write(json.dumps(record) + "\n")


def seed_and_synthetic(folder: Path, n: int) -> Path:
    """folder/corpus: the shipped corpus (the seed) and n synthetic releases; returns it."""
    corpus = folder / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    synthetic_jsonl(corpus / "synthetic.jsonl", n)
    return corpus


def kb_process(corpus, index, *args):
    env = dict(os.environ, KB_CORPUS=str(corpus), KB_INDEX=str(index))
    return subprocess.Popen([sys.executable, "-m", "kb", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def wait_for_build_dir(index: Path, process, timeout=60):
    """Block until a rebuild has started writing its new build folder; the current build's name (or None)."""
    pointer = index / "kb-index.json"
    current = json.loads(pointer.read_text())["current"] if pointer.exists() else None
    deadline = time.time() + timeout
    while time.time() < deadline:
        others = [p for p in index.glob("build-*") if p.name != current and any(p.glob("*.toc"))]
        if others:
            return current
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    raise AssertionError("rebuild never started writing")
