"""kb verify on the seed: a table of claims, one for each verdict, and a draft checked in one run."""
import json

import pytest

from conftest import SEED_ID

BORG = "Anna Borgström"


@pytest.mark.parametrize("claim, speaker, verdict", [
    # verbatim: quote marks, case, white space, elisions, brackets, a fragment, both parts of one utterance
    ("“Increasing encryption of data and more use of the darknet makes it more difficult for Internet Service and "
     "platform providers and law enforcement to find and stop child sexual abuse material,”", BORG, "verbatim"),
    ('"increasing encryption of data and more use of the darknet makes it more difficult ... to find and stop child '
     'sexual abuse material"', "Borgström", "verbatim"),
    ("it is vital to take further steps to protect laptops and other devices", BORG, "verbatim"),
    ("[The results] show that voluntarily produced and induced live-streamed child sexual abuse is more common",
     "Anna Borgstrom", "verbatim"),
    ("this type of sexual abuse happens in many other parts of the world. In fact, the results show that voluntarily "
     "produced and induced live-streamed child sexual abuse is more common", BORG, "verbatim"),
    ("There is a perception that live-streamed child sexual abuse is webcam shows from faraway places […] but the "
     "results of this report show that this type of sexual abuse happens in many other parts of the world", BORG, "verbatim"),
    # near-verbatim: a word swapped
    ("in order to view material it must be decrypted", BORG, "near-verbatim"),
    ("I hope that this will help widen the discussion about live-streamed child sexual abuse.", BORG, "near-verbatim"),
    # misattributed: the words are the CEO's, not the press officer's
    ("It is vital to take further steps to protect laptops and other devices.", "Anna Creutz", "misattributed"),
    # paraphrase and not-found
    ("There is an idea that live-streamed abuse of children means webcam shows from distant places such as the "
     "Philippines, but this report shows that the abuse happens in many other parts of the world.", BORG, "paraphrase"),
    ("We will never pay a ransom to the criminals who lock hospital computers.", BORG, "not-found"),
])
def test_quote_claims(kb, claim, speaker, verdict):
    result = kb("verify", claim, "--speaker", speaker, "--format", "json")
    out = json.loads(result.stdout)
    assert (out["kind"], out["verdict"]) == ("quote", verdict), out["explanation"]
    assert result.exit_code == (0 if verdict in ("verbatim", "near-verbatim") else 1)
    if verdict != "not-found":
        evidence = out["evidence"][0]
        assert evidence["citation"]["doc_id"] == SEED_ID and evidence["speaker"] == BORG


@pytest.mark.parametrize("claim, verdict, source_value", [
    ("Almost half of police officers say encryption hinders their investigations.", "supported", 49),
    ("About 50 percent of police officers name encryption as the technology that most hinders investigations.", "supported", 49),
    ("Nearly four in ten police officers say live-streamed child sexual abuse is common or very common.", "supported", 40),
    ("56 percent of police officers say live-streamed abuse is increasing", "supported", 56),
    ("The survey was conducted with 450 police officers from 41 countries.", "supported", 450),
    ("65 percent of police officers say live-streamed abuse is increasing", "contradicted", 56),
    ("59 percent of police officers say live-streamed abuse is on the increase", "contradicted", 56),
    ("Almost half of the surveyed police officers say live-streamed child sexual abuse is common or very common.",
     "contradicted", 40),
    ("Police officers mention 46 different apps and platforms used for live-streamed child sexual abuse.", "contradicted", 64),
    ("42 percent of newspaper editors in Norway use encrypted messaging apps.", "not-found", None),
])
def test_figure_claims(kb, claim, verdict, source_value):
    result = kb("verify", claim, "--format", "json")
    out = json.loads(result.stdout)
    assert (out["kind"], out["verdict"]) == ("figure", verdict), out["explanation"]
    assert result.exit_code == (0 if verdict == "supported" else 1)
    if source_value is not None:
        assert out["evidence"][0]["value"] == source_value
        assert out["evidence"][0]["citation"]["doc_id"] == SEED_ID


def test_near_verbatim_text_output_shows_the_diff(kb):
    result = kb("verify", "in order to view material it must be decrypted", "--speaker", BORG)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "NEAR-VERBATIM: in order to view material it must be decrypted"
    assert "   diff: in order to view material it [-needs to-] {+must+} be decrypted" in lines
    assert lines[-1].endswith("5 December 2019, ¶10")


def test_contradicted_names_the_source_value(kb):
    result = kb("verify", "65 percent of police officers say live-streamed abuse is increasing")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1] == "   The source gives 56 percent where the claim says 65 percent."


DRAFT = """Police struggle with encryption

Almost half of police officers say encryption hinders their investigations, according to a survey by NetClean.

“In order to view material it needs to be decrypted,” said Anna Borgström, the company's chief executive. She added: “We will never pay a ransom to the criminals who lock hospital computers.”

The survey found that 65 percent of police officers say live-streamed abuse is increasing.
"""


def test_draft(kb, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    result = kb("verify", "--draft", str(draft), "--format", "json")
    assert result.exit_code == 1
    out = json.loads(result.stdout)
    assert [(c["kind"], c["verdict"]) for c in out["claims"]] == [
        ("figure", "supported"), ("quote", "verbatim"), ("quote", "not-found"), ("figure", "contradicted")]
    assert out["summary"] == {"supported": 1, "verbatim": 1, "not-found": 1, "contradicted": 1}
    text = kb("verify", "--draft", str(draft))
    assert text.stdout.splitlines()[-1] == "Summary: contradicted 1, not-found 1, supported 1, verbatim 1"
    md = kb("verify", "--draft", str(draft), "--format", "md")
    assert md.exit_code == 1
    assert md.stdout.startswith("1. **supported**: Almost half of police officers say encryption hinders")
    assert md.stdout.splitlines()[-1] == "Summary: contradicted 1, not-found 1, supported 1, verbatim 1"


@pytest.mark.parametrize("args, message", [
    ([], "Error: give either a CLAIM or --draft FILE"),
    (["   "], "Error: the claim has no words to check"),
])
def test_verify_usage_errors(kb, args, message):
    result = kb("verify", *args)
    assert result.exit_code == 2 and result.stderr.strip() == message
