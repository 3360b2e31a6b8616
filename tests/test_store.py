"""The store: atomic rebuilds under a lock, killed rebuilds, searches during a rebuild, updates, bad files."""
import json
import shutil
import signal
import time

import pytest

from conftest import REPO, Runner, kb_process, seed_and_synthetic, synthetic_jsonl, wait_for_build_dir

@pytest.fixture
def big(tmp_path):
    """A corpus with the seed and 1,500 synthetic releases, indexed once with the seed only."""
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    index = tmp_path / "index"
    run = Runner(corpus, index)
    assert run("index", "rebuild", "--jobs", "1").exit_code == 0
    synthetic_jsonl(corpus / "synthetic.jsonl", 1500)
    return run


@pytest.fixture(scope="module")
def rebuild_seconds(tmp_path_factory):
    """How long a whole rebuild of the `big` corpus takes here, to kill one at a share of it."""
    folder = tmp_path_factory.mktemp("timing")
    corpus = seed_and_synthetic(folder, 1500)
    start = time.monotonic()
    process = kb_process(corpus, folder / "index", "index", "rebuild", "--jobs", "1")
    assert process.wait() == 0
    return time.monotonic() - start


@pytest.mark.parametrize("share", [0.1, 0.5, 0.9])
def test_killed_rebuild_leaves_last_good_index(big, rebuild_seconds, share):
    before = big("search", "encryption")
    start = time.monotonic()
    process = kb_process(big.corpus, big.index, "index", "rebuild", "--jobs", "1")
    current = wait_for_build_dir(big.index, process)
    time.sleep(max(0.0, share * rebuild_seconds - (time.monotonic() - start)))
    if process.poll() is not None:
        pytest.skip(f"this rebuild finished before {share:.0%} of the measured time")
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert json.loads((big.index / "kb-index.json").read_text())["current"] == current
    after = big("search", "encryption")
    assert after.exit_code == 0 and after.stdout == before.stdout
    assert json.loads(big("sources", "--format", "json").stdout)["results"][0]["id"].startswith("netclean/")
    # the next rebuild cleans up and succeeds (on fewer releases, to be quick)
    synthetic_jsonl(big.corpus / "synthetic.jsonl", 20)
    assert big("index", "rebuild", "--jobs", "1").exit_code == 0
    assert len(list(big.index.glob("build-*"))) <= 2
    assert big("search", "synthetic").exit_code == 0


def test_searches_and_a_second_rebuild_during_a_rebuild(big):
    process = kb_process(big.corpus, big.index, "index", "rebuild", "--jobs", "1")
    wait_for_build_dir(big.index, process)
    for _ in range(20):
        result = big("search", "encryption", "--format", "json")
        assert result.exit_code == 0
        assert json.loads(result.stdout)["total"] == 1  # the old index: the seed only
    second = big("index", "rebuild", "--jobs", "1")
    assert second.exit_code == 2
    assert second.stderr.startswith("Error: another rebuild or update of")
    assert process.poll() is None, "the rebuild ended before the checks ran: make the corpus larger"
    assert process.wait(timeout=300) == 0
    assert json.loads(big("search", "synthetic", "--format", "json").stdout)["total"] == 1500
    assert json.loads(big("index", "status", "--format", "json").stdout)["documents"] == 1501


def test_bad_files_are_skipped_and_reported(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.html").write_bytes(b"\x00\x01\x02PNG")
    (corpus / "mixed.jsonl").write_text('{"id": "ok-1", "title": "Fine", "body": "A fine release about encryption."}\n'
                                        "not json\n[1]\n" '{"id": "../x", "body": "b"}\n', encoding="utf-8")
    run = Runner(corpus, tmp_path / "index")
    result = run("index", "rebuild", "--jobs", "2")
    assert result.exit_code == 0
    assert "Indexed 2 release(s)" in result.stderr and "skipped 5." in result.stderr
    for reason in ("binary.html: binary file", "empty.txt: empty file", "mixed.jsonl:2: not a JSON line",
                   "mixed.jsonl:3: a JSON list, not an object", "mixed.jsonl:4: id '../x' is not a plain name"):
        assert f"  skipped: {reason}" in result.stderr
    strict = run("index", "rebuild", "--strict")
    assert strict.exit_code == 2 and strict.stderr.startswith("Error: --strict: 5 source(s) could not be read")
    assert run("search", "encryption", "--format", "json").exit_code == 0


def test_update_reads_only_what_changed(big):
    synthetic_jsonl(big.corpus / "synthetic.jsonl", 100)  # what matters is what changed, not how much
    assert big("index", "rebuild", "--jobs", "1").exit_code == 0
    lines = (big.corpus / "synthetic.jsonl").read_text().splitlines()
    record = json.loads(lines[5])
    record["body"] += "\n\nA new paragraph about a zeppelin."
    lines[5] = json.dumps(record)
    del lines[7]
    (big.corpus / "synthetic.jsonl").write_text("\n".join(lines) + "\n")
    (big.corpus / "extra.txt").write_text("Title: Extra\n\nAn extra release about a dirigible.\n")
    status = json.loads(big("index", "status", "--format", "json").stdout)
    assert (status["new"], status["changed"], status["removed"]) == (1, 1, 0)
    result = big("index", "update", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "1 new, 1 changed, 0 removed, 1 unchanged source(s)." in result.stderr
    assert "Indexed 2 release(s)" in result.stderr
    assert json.loads(big("search", "zeppelin", "--format", "json").stdout)["results"][0]["citation"]["doc_id"] == "syn-00005"
    assert big("search", "dirigible").exit_code == 0
    assert big("show", "syn-00007").exit_code == 2
    status = json.loads(big("index", "status", "--format", "json").stdout)
    assert status["documents"] == 101 and status["up_to_date"]
    (big.corpus / "extra.txt").unlink()
    assert big("index", "update").exit_code == 0
    assert big("search", "dirigible").exit_code == 1
    assert len(json.loads(big("search", "zeppelin", "--format", "json").stdout)["results"]) == 1


def test_full_disk_fails_in_one_line_and_keeps_the_last_index(big, monkeypatch):
    import errno

    from whoosh.filedb.filestore import FileStorage

    before = big("search", "encryption").stdout
    real_create = FileStorage.create_file
    calls = [0]

    def create_file(self, name, **kwargs):
        calls[0] += 1
        if calls[0] > 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_create(self, name, **kwargs)

    monkeypatch.setattr(FileStorage, "create_file", create_file)
    result = big("index", "rebuild", "--jobs", "1")
    monkeypatch.undo()
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: cannot write the index at {big.index}: the disk is full; the last good index is unchanged"
    assert len(list(big.index.glob("build-*"))) == 1
    assert big("search", "encryption").stdout == before


def test_index_folder_that_cannot_be_made(seed_corpus, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    run = Runner(seed_corpus, blocker / "index")
    result = run("index", "rebuild")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: cannot write the index at {blocker / 'index'}: Not a directory"


def test_damaged_segment_says_rebuild(big):
    current = json.loads((big.index / "kb-index.json").read_text())["current"]
    segment = max((big.index / current).glob("passages_*.*"), key=lambda p: p.stat().st_size)
    data = bytearray(segment.read_bytes())
    for i in range(100, len(data), 7):
        data[i] = (data[i] * 31 + 7) % 256
    segment.write_bytes(bytes(data))
    result = big("search", "encryption")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: the index at {big.index} is damaged or was not built by kb (")
    assert result.stderr.strip().endswith("run `kb index rebuild`")
    (big.corpus / "synthetic.jsonl").unlink()  # the rebuild it asks for (of the seed alone, to be quick)
    assert big("index", "rebuild", "--jobs", "1").exit_code == 0
    assert big("search", "encryption").exit_code == 0


def test_hostile_inputs_are_skipped_with_reasons(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    hostile = corpus / "hostile"
    hostile.mkdir()
    (hostile / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (hostile / "zero.html").write_bytes(b"")
    with open(hostile / "one-line.txt", "w") as fh:
        fh.write("word " * (50 * 1024 * 1024 // 5))
    (hostile / "bad-utf8.txt").write_bytes(b"caf\x81\x8d\x8f\x90\x9d \xff\xfe" * 50)
    (hostile / "deep.html").write_text("<html><body>" + "<div>" * 10000 + "<p>Deep text about a zeppelin.</p>"
                                       + "</div>" * 10000 + "</body></html>")
    (hostile / "records.jsonl").write_text("\n".join([
        '"just a string"', '{"id": "no-body", "title": "Nothing"}', '{"id": "../../etc/passwd", "body": "x y z"}',
        '{"id": "good-1", "title": "Good", "body": "A good record about a dirigible."}']) + "\n")
    run = Runner(corpus, tmp_path / "index")
    result = run("index", "rebuild", "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("  skipped: ")]
    reasons = "\n".join(skipped)
    for expected in ("hostile/binary.txt: binary file", "hostile/zero.html: empty file",
                     "hostile/one-line.txt: over 20 MB, too large for one press release",
                     "hostile/records.jsonl:1: a JSON str, not an object",
                     "hostile/records.jsonl:2: record 'no-body' has no body or html",
                     "hostile/records.jsonl:3: id '../../etc/passwd' is not a plain name"):
        assert expected in reasons
    assert all(len(line) < 300 for line in skipped)
    assert run("search", "dirigible").exit_code == 0
    assert run("search", "encryption").exit_code == 0
    # undecodable bytes are reported; a page nested 10,000 deep is read for its one paragraph
    assert "hostile/bad-utf8.txt: cannot tell the text encoding" in reasons
    assert run("search", "zeppelin", "--format", "json").exit_code == 0
    assert json.loads(run("search", "zeppelin", "--format", "json").stdout)["results"][0]["citation"]["doc_id"] == \
        "hostile/deep"
