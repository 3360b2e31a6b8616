"""Shared fixtures: a copy of the shipped corpus, a built index, and a CLI runner bound to them."""
import json
import shutil
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
