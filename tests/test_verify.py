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
    assert out["read_against"] == [SEED_ID]
    text = kb("verify", "--draft", str(draft))
    assert text.stdout.splitlines()[-2:] == [f"Read against: {SEED_ID}",
                                            "Summary: contradicted 1, not-found 1, supported 1, verbatim 1"]
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


# -- drafts read as a whole -------------------------------------------------------------------------
# Releases written here in the shape of DOJ and county prosecutor releases (our own words).
RELEASES = [
    {"id": "rel-harbor", "title": "Harbor Fish Dealer Sentenced for Falsifying Striped Bass Catch Reports",
     "date": "2015-03-02", "publisher": "Department of Justice", "url": None, "body": (
         "WASHINGTON Walter Quimby, owner of Bluefin Landing LLC of Calvert County, was sentenced today to "
         "18 months in prison for falsifying the weights of striped bass reported at his check-in station.\n\n"
         "Quimby and Bluefin Landing were also ordered to pay a fine of $36,000 and restitution of $164,040.\n\n"
         "Quimby, 54, pleaded guilty in November to falsifying the catch reports.\n\n"
         "Workers at the station were told to report that they were paid between $54 and $74 per hour.\n\n"
         "Investigators found that more than 50 fishermen had used the station to hide their catch.\n\n"
         "“Those who cheat the quota system steal from every honest fisherman on the bay,” said Acting "
         "Assistant Attorney General Nora Vance. “We will keep watching the docks.”\n\n"
         "“Bluefin Landing falsified the reports for years,” said U.S. Attorney Felix Ortman.")},
    {"id": "rel-other", "title": "Oyster Broker Pleads Guilty to Selling Untagged Shellfish",
     "date": "2015-05-11", "publisher": "Department of Justice", "url": None, "body": (
         "BALTIMORE An oyster broker pleaded guilty today and agreed to pay $2.1 million in restitution for "
         "selling untagged shellfish to restaurants.\n\n"
         "“The broker put diners at risk to turn a profit,” said U.S. Attorney Felix Ortman.")},
]


def built_corpus(tmp_path_factory, name, releases):
    from conftest import Runner
    from kb.cli import cli
    from click.testing import CliRunner

    corpus = tmp_path_factory.mktemp(f"{name}-corpus")
    (corpus / "releases.jsonl").write_text("".join(json.dumps(r) + "\n" for r in releases), encoding="utf-8")
    index = tmp_path_factory.mktemp(f"{name}-index") / "index"
    built = CliRunner().invoke(cli, ["--corpus", str(corpus), "--index", str(index), "index", "rebuild", "--jobs", "1"])
    assert built.exit_code == 0, built.output
    return Runner(corpus, index)


@pytest.fixture(scope="module")
def harbor(tmp_path_factory):
    return built_corpus(tmp_path_factory, "harbor", RELEASES)


def check_draft(kb, tmp_path, text):
    draft = tmp_path / "draft.md"
    draft.write_text(text, encoding="utf-8")
    return kb.json("verify", "--draft", str(draft))


def verdict_of(out, words):
    found = [c for c in out["claims"] if words in c["claim"]]
    assert found, [c["claim"] for c in out["claims"]]
    return found[0]


@pytest.mark.parametrize("paragraph, speaker", [
    ('"Those who cheat pay dearly," said U.S. Attorney Felix Ortman.', "Felix Ortman"),
    ('"Those who cheat pay dearly," Felix Ortman said.', "Felix Ortman"),
    ('"Those who cheat pay dearly," Felix Ortman, the U.S. Attorney, said on Monday.', "Felix Ortman"),
    ('Felix Ortman said: "Those who cheat pay dearly."', "Felix Ortman"),
    ('U.S. Attorney Felix Ortman said the dealers "will pay dearly for cheating."', "Felix Ortman"),
    ('At the hearing, Nora Vance of the Justice Department vowed to "keep watching the docks."', "Nora Vance"),
    ('According to Nora Vance, "those who cheat pay dearly."', "Nora Vance"),
])
def test_draft_attribution_forms(paragraph, speaker):
    from kb.drafts import draft_claims

    claims = [c for c in draft_claims("Quimby was sentenced on Monday.\n\n" + paragraph) if c.kind == "quote"]
    assert [c.speaker for c in claims] == [speaker]


def test_draft_pronoun_and_split_quotation():
    from kb.drafts import draft_claims

    text = ('"This case is outrageous," Acting Assistant Attorney General Nora Vance said, "in that the workers '
            'were cheated." "We will keep watching," she said.\n\n'
            '"Bluefin falsified the reports," said Felix Ortman. "For years."')
    claims = [(c.text, c.speaker) for c in draft_claims(text) if c.kind == "quote"]
    assert claims == [("This case is outrageous,", "Nora Vance"), ("in that the workers were cheated.", "Nora Vance"),
                      ("We will keep watching,", "Nora Vance"), ("Bluefin falsified the reports,", "Felix Ortman"),
                      ("For years.", "Felix Ortman")]


def test_draft_claims_quote_and_figure_sentences():
    from kb.drafts import draft_claims

    text = ('Fish dealer sentenced\n\nThe dealer was sentenced on March 2, 2015.\n\n'
            '"We will keep watching the docks," said Nora Vance, now 52.')
    claims = [(c.kind, c.text) for c in draft_claims(text)]
    # the date alone is no figure; the sentence with a quote and an age gives both claims
    assert claims == [("figure", '"We will keep watching the docks," said Nora Vance, now 52.'),
                      ("quote", "We will keep watching the docks,")]


HARBOR_DRAFT = """Fish dealer gets prison for hiding striped bass catch

The owner of a Calvert County check-in station for striped bass has been sentenced to 18 months in prison.

Walter Quimby and his company, Bluefin Landing, were also ordered to pay a $36,000 fine and $2.1 million in restitution.

Workers were told to say they earned between $45 and $74 an hour. Investigators found that 107 fishermen had used the station.

"Those who cheat the quota system steal from every honest fisherman on the bay," said U.S. Attorney Felix Ortman. "We will keep watching the docks," Nora Vance said.

"Quota cheats will find no safe harbor here," Ortman said.
"""


def test_draft_read_as_a_whole(harbor, tmp_path):
    out = check_draft(harbor, tmp_path, HARBOR_DRAFT)
    assert out["read_against"][0] == "rel-harbor"
    # the release chosen from the draft's context: the $2.1 million of another release is no evidence
    restitution = verdict_of(out, "$2.1 million in restitution")
    assert restitution["verdict"] == "contradicted"
    assert restitution["evidence"][0]["citation"]["doc_id"] == "rel-harbor"
    assert "$164,040" in restitution["explanation"]
    # each figure judged by its role: the low end of the range against the low end
    hourly = verdict_of(out, "between $45 and $74")
    assert hourly["verdict"] == "contradicted" and "$54" in hourly["explanation"]
    assert verdict_of(out, "18 months in prison")["verdict"] == "supported"
    # the attribution the draft gives is the claimed speaker
    cheat = verdict_of(out, "Those who cheat the quota system")
    assert (cheat["speaker"], cheat["verdict"]) == ("Felix Ortman", "misattributed")
    assert cheat["evidence"][0]["speaker"] == "Nora Vance"
    assert verdict_of(out, "We will keep watching the docks")["verdict"] == "verbatim"
    # an invented quote is not a paraphrase of words in another release
    assert verdict_of(out, "Quota cheats will find no safe harbor")["verdict"] == "not-found"


def test_draft_ages_are_checked_as_written(harbor, tmp_path):
    # extraction leaves ages out of a release's figures; a draft's age is looked for as written beside the name
    out = check_draft(harbor, tmp_path, "Dealer sentenced\n\nWalter Quimby, 54, pleaded guilty last year.\n\n"
                                        "Felix Ortman, 45, prosecuted the case.")
    assert verdict_of(out, "Walter Quimby, 54")["verdict"] == "supported"
    assert verdict_of(out, "Felix Ortman, 45")["verdict"] == "not-found"


def test_draft_bound_never_supports_an_exact_figure(harbor, tmp_path):
    out = check_draft(harbor, tmp_path, HARBOR_DRAFT)
    bound = verdict_of(out, "107 fishermen")
    assert bound["verdict"] == "not-found" and "only more than 50" in bound["explanation"]


def test_bound_that_excludes_the_claim_contradicts(harbor):
    out = harbor.json("verify", "Investigators found that 40 fishermen had used the Bluefin Landing check-in station to hide their catch.")
    assert out["verdict"] == "contradicted" and out["evidence"][0]["value"] == 50


@pytest.mark.parametrize("claim, verdict, source_value", [
    ("Almost a fifth of police officers name cloud storage as the technology that most hinders investigations.",
     "supported", 17.8),
    ("Almost a fifth of police officers name encryption as the technology that most hinders investigations.",
     "contradicted", 49),
])
def test_figure_by_role_in_the_seed(kb, claim, verdict, source_value):
    # the figure next to the words the claim measures ("cloud storage (17.8 %)"), not any share in the sentence
    out = kb.json("verify", claim)
    assert out["verdict"] == verdict and out["evidence"][0]["value"] == source_value


def test_draft_names_in_quotation_marks_are_no_quotes():
    from kb.drafts import draft_claims

    text = 'Jaquan Spencer, known as "Madcat" or "the Cat," ran the ring. "We took them all down," Nora Vance said.'
    assert [(c.kind, c.text) for c in draft_claims(text) if c.kind == "quote"] == [("quote", "We took them all down,")]


def test_draft_pronoun_after_a_paragraph_without_a_speaker():
    from kb.drafts import draft_claims

    text = ('"Bluefin falsified the reports," said U.S. Attorney Felix Ortman.\n\n'
            'Walter Quimby was released on bail in May.\n\n'
            '"We will keep watching the docks," he said.')
    assert [c.speaker for c in draft_claims(text) if c.kind == "quote"] == ["Felix Ortman", "Felix Ortman"]


# -- false passes: who, what is counted, which count, whose words -----------------------------------------
# A release written here in the DOJ shape (our own words).
RING = [{"id": "rel-ring", "title": "Leaders of Maryland Bank Fraud Ring Sentenced", "date": "2016-04-12",
         "publisher": "Department of Justice", "url": None, "body": (
             "BALTIMORE Two leaders of a ring that cashed stolen Treasury checks at Maryland banks were sentenced "
             "today in federal court.\n\n"
             "Those sentenced are Marcus Dell, 34, a.k.a. Slim, who was sentenced to 12 years in prison; and Owen "
             "Pratt, 29, who was sentenced to nine years in prison.\n\n"
             "When a postal inspector approached him in June 2014, Dell drew a pistol and fired four times at the "
             "inspector as he ran for cover, striking him once. Pratt is accused of stealing from the vault of a Towson bank 14 times in 2013.\n\n"
             "The conspiracy charge carried a maximum penalty of five years in prison. The bank fraud charge "
             "carried a maximum penalty of 30 years in prison.\n\n"
             "Dell's crew cashed 212 stolen Treasury checks at Maryland banks, sometimes 9 refunds in a single "
             "day.\n\n"
             "In a written statement to the court, the inspector's family said, in part, “We will carry this "
             "night with us for the rest of our lives.”\n\n"
             "U.S. Attorney Felix Ortman thanked the Postal Inspection Service. “The ring stole from taxpayers "
             "and then shot at the officer who came to stop it,” said Ortman.")}]

RING_DRAFT = """Maryland check ring leaders sentenced

Two leaders of a ring that cashed stolen Treasury checks at Maryland banks were sentenced on Tuesday.

{claim}

"The ring stole from taxpayers and then shot at the officer who came to stop it," said U.S. Attorney Felix Ortman.
"""


@pytest.fixture(scope="module")
def ring(tmp_path_factory):
    return built_corpus(tmp_path_factory, "ring", RING)


@pytest.mark.parametrize("claim, verdict, source_value", [
    # a figure claimed for several people named together holds for each, or is contradicted by the other's
    ("Dell and Pratt were each sentenced to 12 years in prison.", "contradicted", 9),
    ("Marcus Dell and Owen Pratt were both sentenced to nine years in prison.", "contradicted", 12),
    ("Dell was sentenced to 12 years in prison.", "supported", 12),
    ("Pratt was sentenced to nine years in prison.", "supported", 9),
    # what a count of times counts is the verb's: fired four times, struck once
    ("Dell fired four times at the inspector as he ran for cover.", "supported", 4),
    ("Dell shot the inspector four times as he ran for cover.", "not-found", None),
    ("Dell shot at the inspector four times as he ran for cover.", "not-found", None),  # the verbs, not the inspector
    ("Pratt stole from the vault of the Towson bank 14 times in 2013.", "supported", 14),  # stole: stealing
    # a maximum penalty belongs to its count or charge
    ("Dell faced up to 30 years in prison on the bank fraud charge.", "supported", 30),
    ("Dell faced up to five years in prison on the bank fraud charge.", "contradicted", 30),
    ("Dell faced up to five years in prison on the conspiracy charge.", "supported", 5),
    # the same number of another noun in the claim's slot, not another number of the claim's noun
    ("Dell's crew cashed 212 stolen Treasury refunds at Maryland banks.", "supported", 212),
    ("Dell's crew cashed 9 stolen Treasury refunds in a single day.", "supported", 9),
])
def test_draft_figure_holds_for_its_people_verb_and_count(ring, tmp_path, claim, verdict, source_value):
    out = check_draft(ring, tmp_path, RING_DRAFT.format(claim=claim))
    judged = verdict_of(out, claim)
    assert judged["verdict"] == verdict, judged["explanation"]
    if source_value is not None:
        assert judged["evidence"][0]["value"] == source_value


def test_draft_words_the_release_gives_no_speaker_are_not_the_claimed_speakers(ring, tmp_path):
    # extraction gives the family's words no speaker; the draft puts them in the prosecutor's mouth
    out = check_draft(ring, tmp_path, RING_DRAFT.format(
        claim='"We will carry this night with us for the rest of our lives," Felix Ortman said.'))
    family = verdict_of(out, "We will carry this night")
    assert (family["speaker"], family["verdict"]) == ("Felix Ortman", "misattributed")
    assert "does not give them to Felix Ortman" in family["explanation"]
    # the prosecutor's own words, named in their paragraph, still pass
    assert verdict_of(out, "The ring stole from taxpayers")["verdict"] == "verbatim"


def test_figure_in_the_sentence_naming_its_person(ring):
    # the claim's own value in its slot, in the sentence naming its person, though the claim's other words
    # stand elsewhere in the release (its title, its first paragraph)
    out = ring.json("verify", "Marcus Dell, a leader of the Maryland bank fraud ring that cashed stolen Treasury "
                              "checks, was sentenced to 12 years in prison.")
    assert out["verdict"] == "supported" and out["evidence"][0]["value"] == 12, out["explanation"]


def test_people_named_together_after_the_figure_are_not_its_subject():
    from kb.verify import people_in_claim

    claim = "Marcus Dell, 34, led the ring along with Owen Pratt and Ray Quill."
    assert people_in_claim(claim, claim.index("34")) == []
    claim = "Dell and Pratt were each sentenced to 12 years in prison."
    assert people_in_claim(claim, claim.index("12")) == ["Dell", "Pratt"]
