"""Document → Quotes: the words inside quotation marks, with speaker, role and utterance (kb's own rules).

Quotation marks are paired per paragraph (curly “ ” and straight "; an apostrophe is never a
quote mark). A quotation that runs over paragraphs (left open, the next paragraph opening
again or closing later) gives one entry a paragraph sharing an utterance. Speakers come from
the attribution next to the quote ("…,” said NAME, ROLE. / NAME said: “…” / according to
NAME), with surnames and pronouns resolved to the person named before in the release.

A quotation is words someone said or wrote: without an attribution, a title ("OCDA Report …",
most words capitalised) or a short term with no speech cue in its sentence ("pleaded “not guilty
by reason of insanity”") is left out. Speakers are also found in the paragraph before ("… released
the following statement:", "Below is a statement from NAME:", a bare "NAME said." paragraph), in the
subject of a clause that ends in a cue ("the defendant approached him … and yelled, “…”"), in the
person the release names as the defendant or the victim, in people it describes without a name
("the victim’s daughter said in part"), and in the one person an interview release is about.
"""
import re
import unicodedata
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from .models import Document, Passage, Quote

CUES = ("went on to say|went on to ask|went on to tell|went on to add|went on to explain|continued to say|released the following statement|issued the following statement|made the following statement|"
        "released a statement|issued a statement|"
        "said|says|stated|states|added|adds|noted|notes|explained|explains|commented|comments|asked|asks|told|"
        "tells|continued|concluded|remarked|wrote|writes|declared|emphasized|emphasised|stressed|recalled|observed|"
        "yelled|shouted|screamed|exclaimed|replied|responded|testified|warned|announced|admitted|acknowledged|"
        "texted|posted|threatened|demanded|insisted|argued|reiterated|shared|ruled|opined|say|write|argue|contend|explain|continues|"
        "boasted|bragged|proclaimed|informed|advised|assured|reminded|reasoned|feared|described(?!\\s+as\\b)|"
        # Spanish releases: "dijo la fiscal principal Haley Pratt"
        "dijo|declaró|afirmó|agregó|añadió|señaló|explicó|indicó|expresó|comentó|manifestó|enfatizó|destacó|subrayó|aseguró|"
        "sostuvo|recordó|concluyó|advirtió|reiteró|precisó|mencionó|reafirmó|reafirmo|"
        # the same verbs as releases sometimes write them, without the accent: "comento:"
        "declaro|afirmo|agrego|anadio|añadio|senalo|señalo|explico|indico|expreso|comento|enfatizo|destaco|subrayo|aseguro|"
        "recordo|concluyo|advirtio|reitero|menciono")
# a participle's subject stands earlier in its sentence: "Mullenix wrote a text to Allen stating, “…”"
PARTICIPLE_CUES = ("saying|telling|adding|writing|stating|explaining|describing|noting|declaring|asking|yelling|shouting|"
                   "screaming|warning|recalling|testifying|concluding|finding|ruling")
SAID_CUES = "said|says|stated|states|added|adds|noted|notes|explained|commented|continued|concluded|remarked|declared"
# what may stand between a cue and the quote: "stated in part:", "told the court:", "said in a statement,"
CUE_TAIL = (r"(?:,?\s+(?:that|in part|in sum and substance|in substance|something like|words to the effect of|of [^,“\"]{1,60}(?=,)|according to [^,“\"]{1,60}(?=,)|in court|today|yesterday|on \w+|to (?:the )?(?:court|judge|jury|media|him|her|them)|"
            r"at (?:the )?(?:hearing|sentencing|rally|meeting|press conference)|in (?:a|an|her|his|their|the) "
            r"(?:\w+\s+){0,3}(?:statement|letter|release|email|message|interview)|the following))*")
NAME_TOKEN = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w’'\-]*\.?|(?:de|van|von|da|del|la|bin)\b)"
AFTER_CUE_RE = re.compile(rf"^\s*[,.]?\s*(?P<cue>{CUES}|according to)(?:\s+|(?<=said)(?=[A-Z][a-z]))(?P<who>.+)", re.S)
AFTER_NAME_RE = re.compile(rf"^\s*[,.]?\s*(?P<who>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,8}}|he|she|they|we|the(?:\s+{NAME_TOKEN}){{1,6}}|"
                           r"the (?:defendant|suspect|victim|gunman|inmate)|"
                           rf"the (?:trial |appellate )?(?:court|judge|jury))\s+(?P<cue>{CUES}|Said|Says|Stated)\b", re.S)
# an adverb between who and the cue: "Babe Ruth once said,", "the Court of Appeal explicitly stated,"
ADVERB = r"(?:once|also|later|then|further|again|(?!family\b|only\b|early\b|daily\b|likely\b)[a-z]{3,}ly)"
BEFORE_RE = re.compile(rf"(?P<who>(?:{NAME_TOKEN}|of|for|the|and|at)(?:[\s,]+(?:{NAME_TOKEN}|of|for|the|and|at|in))*(?:\s+#?\d{{1,2}}(?=\s))?|"
                       rf"[Hh]e|[Ss]he|[Tt]hey|[Ww]e),?\s+(?:{ADVERB}\s+)?(?P<cue>{CUES}|state){CUE_TAIL}\s*[,:.]?\s*$")  # "Jane Doe 1 said"
BEFORE_CUE_FIRST_RE = re.compile(rf"(?:\b(?P<cue>{SAID_CUES}|Said|Says|Stated)|[Aa]ccording to)\s+(?P<who>[^,:;“\"]+?(?:,[^,:;“\"]+)?)\s*(?P<end>[,:.])\s*$")
# words given as someone's own without a verb of saying: "ended the posting with the words, “…”", "making anti-white
# comments including: “…”", "provided the following instructions: “…”"
WORDS_CUES = (r"(?:with|using) the (?:words|message|phrase)|(?:used|using) (?:descriptions|words|phrases|terms|language) (?:like|such as)|(?:comments|remarks|statements|slurs|threats|language),? (?:including|such as)|"
              r"(?<!received )(?<!got )(?<!found )(?<!obtained )(?<!recovered )(?<!intercepted )(?<!heard )"
              r"the following (?:instructions|message|words|note|text|remarks|comments)")  # not "Roe received the following message:"
# a cue with whom it was said to: "yelled at him,", "told Jayden's mom,", "stated in part,"
CLAUSE_CUE_RE = re.compile(rf"\b(?P<cue>{CUES}|{PARTICIPLE_CUES}|{WORDS_CUES})(?:\s+(?:at|to)\s+(?:him|her|them|(?:the|his|her|their) \w+|[a-z]+s(?=\s*,)|[A-Z][\w’'-]+)|(?:(?<=told)|(?<=tells)|"
                           r"(?<=telling)|(?<=asked)|(?<=asking)|(?<=texted)|(?<=wrote)|(?<=emailed)|(?<=shared)|(?<=informed)|(?<=advised)|"
                           r"(?<=assured)|(?<=reminded)|(?<=warned))(?:\s+(?!that\b)[\w’'-]+){1,3}(?:\s+and\s+[\w’'-]+)?)?"
                           rf"(?:\s+(?:out|back))?{CUE_TAIL}\s*[,:]?\s*$")
# verbs in the past that do not end in -ed: "The defendant struck the victim … and stated, “…”"
IRREGULAR_PAST = (r"became|began|got|ran|came|went|took|drew|held|threw|shot|hit|wrote|sent|paid|gave|made|left|met|saw|spoke|"
                  r"read|stood|struck|fled|knew|stole|sold|bought|brought|fought|caught|thought|kept|put|cut|beat|broke|chose|"
                  r"drove|fell|felt|found|hid|led|lost|rode|rose|sat|spent|swore|tore|woke|won|wore")
NUMBERED_DOE = r"(?:Jane|John)\s+Doe\s+#?\d{1,2}"  # "Jane Doe #1 told the Court, “…”"
SUBJECT_RE = re.compile(r"\b(?P<who>[Tt]he (?:defendants?|suspects?|victims?|gunman|inmate|government|company|department|[Cc]ourt"
                        r"(?:\s+of\s+(?:Criminal\s+)?[Aa]ppeals?)?|judge|jury|opinion|ruling|decision)|"
                        r"[Ee]l acusado|[Ll]a acusada|[Hh]e|[Ss]he|" +
                        NUMBERED_DOE + r"|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]+){0,3})(?<![’']s)(?=,?\s+(?:[a-z]+ed|[a-z]+s|said|told|then|had|did|was|are|were|"
                        r"allegedly|repeatedly|again|also|" + IRREGULAR_PAST + r"|once|(?!family\b|only\b|early\b|daily\b|likely\b|july\b)[a-z]{3,}ly)\b)")
# a sentence that opens with who speaks and goes on in reported speech to a partial quote: "Rackauckas stated that
# the Office is “…”", "The court observed that the defendant “…”"
# up to two short comma-ended phrases before a sentence's subject: "On Sept. 20, 2009, Roe allegedly told …"
# where a named judge or official sits: "Judge Jane Roe of the U.S. District Court for the District of Nevada"
OF_PLACE = rf"(?:\s+(?:of|for)\s+(?:the\s+)?{NAME_TOKEN}(?:\s+(?:{NAME_TOKEN}|of|for|the)){{0,8}}(?<!\sthe)(?<!\sof)(?<!\sfor))?"
CLAUSE_LEAD = r"(?:[^,“”\"]{0,100},\s+){0,2}"
REPORTED_RE = re.compile(rf"^\s*{CLAUSE_LEAD}(?P<who>{NUMBERED_DOE}|{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,6}}{OF_PLACE}|[Hh]e|[Ss]he|[Tt]hey|[Tt]he (?:trial |appellate )?"
                         rf"(?:court(?:\s+of\s+appeals?)?|judge|jury|decision|opinion|ruling|order)|[Tt]he(?:\s+{NAME_TOKEN}){{1,6}}|[Ee]l acusado|[Ll]a acusada|[Tt]he (?:victim|defendant|officer|detective|deputy|sergeant|"
                         rf"investigator|agent|trooper|witness|prosecutor|commissioner|mayor|sheriff))\s+"
                         rf"(?:also\s+|further\s+|later\s+|then\s+|has\s+|have\s+|had\s+|les\s+|le\s+|(?!family\b)[a-z]{{3,}}ly\s+)*"
                         rf"(?P<cue>{CUES}|found|concluded|determined|called|described|characterized|held)\b(?:\s+that)?"
                         r"[^“”\"]{0,200}$")
# a clause whose subject goes on, after a comma, in a participle of speech to reported speech ending in a partial quote:
# "The … Office objected to the release of Rosen, arguing that he poses … the “…”", "Holder said …, observing that … “…”"
REPORTED_PARTICIPLE_RE = re.compile(rf"^\s*{CLAUSE_LEAD}(?P<who>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,6}}|[Hh]e|[Ss]he|[Tt]hey|"
                                    rf"[Tt]he(?:\s+{NAME_TOKEN}){{1,7}})\s+(?:also\s+|allegedly\s+|later\s+)?(?:[a-z]+ed|said|told|wrote|made|gave|"
                                    r"took|held|sent|met|spoke|has|had|was|were)\b[^“”\"]{0,200}?,\s+"
                                    r"(?:(?P<cue>saying|stating|noting|explaining|adding|writing|warning|insisting|remarking)\b(?:\s+that\b)?|"
                                    r"(?P<argued>arguing|claiming|contending|asserting|observing)\s+that\b)[^“”\"]{0,300}$")
# a sentence that reports someone speaking, then the quote as the next sentence: "U.S. Attorney A. Courtney Roe
# emphasized the importance of equal treatment. "The United States Attorneys Office will …""
PRIOR_SPEAKER_RE = re.compile(rf"^\s*(?:[^,“”\"]{{0,40}},\s+)?(?P<who>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,7}}(?:\s+(?:of|for)\s+(?:the\s+)?{NAME_TOKEN}"
                              rf"(?:\s+(?:{NAME_TOKEN}|of|and|the)){{0,8}})?),?\s+(?:also\s+|further\s+)?"
                              r"(?P<cue>emphasized|emphasised|stressed|noted|highlighted|praised|thanked|commended|explained|spoke|"
                              r"discussed|described|urged|welcomed|applauded|underscored|pointed out|remarked|acknowledged|"
                              r"reflected|recalled|reiterated)\b[^“”\"]{0,300}[.!?]\s*$")
SUBJECT_AND_RE = re.compile(rf"^\s*(?:[^,“”\"]{{0,60}},\s+)?(?P<who>(?:[Tt]he\s+)?{NAME_TOKEN}(?:\s+(?:{NAME_TOKEN}|of|and|for|the)){{0,8}})\s+"
                            r"(?P<cue>[a-z]+ed)(?:\s+[^,“”\"]{0,40}?)?\s+and\s*$")
# words of a mission the speaker calls its own: "… continue on our Mission, which is “to enhance public safety …”"
OUR_MISSION_RE = re.compile(r"\bour\s+(?:[Mm]ission|[Mm]otto|[Ss]logan|[Pp]ledge|[Vv]ision)(?:\s+statement)?,?\s+(?:which\s+)?(?:is|was|reads)\s*[:,]?\s*$")
# a paragraph that only says who said the statement before it: "MJB Deputy Bureau Chief, Assistant State’s Attorney
# David Williams, who leads CCROC, said."
FOLLOWING_BARE_RE = re.compile(r"^\s*(?P<who>[A-Z][\w.’'-]*(?:,?\s+[\w.’'-]+){0,14})(?:,\s+who\s+[^,“”\"]{1,60},)?"
                               r"\s+(?P<cue>said|stated|added|explained|noted|remarked)\s*\.?\s*$")
# a sentence whose subject is a person and which ends in a colon before the quote: "NBPD Chief Jon Roe addressed the
# family: “…”", "In an email, Roe provided the following instructions: “…”"; not what the person received or found
COLON_SUBJECT_RE = re.compile(rf"^\s*{CLAUSE_LEAD}(?P<who>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,6}}|[Tt]he (?:defendant|suspect|victim|gunman))\s+"
                              rf"(?:{ADVERB}\s+)?(?!(?:received|obtained|found|discovered|recovered|seized|intercepted|heard|"
                              rf"saw|read|got|charged|convicted|sentenced|accused)\b)(?P<cue>[a-z]+ed|{IRREGULAR_PAST})\b[^“”\"]{{0,160}}:\s*$")
# a name, a relative clause between commas, then the cue: "Victor Roe, whom they recognized from prior contacts, shouted"
WHOM_CUE_RE = re.compile(rf"(?P<who>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,9}}),\s+(?:who|whom)\s+[^“”\",.;]{{3,120}},\s+(?:{ADVERB}\s+)?"
                         rf"(?P<cue>{CUES}){CUE_TAIL}\s*[,:]?\s*$")
# a sentence that quotes a letter or statement by its noun alone ("The letter read, “…”"), and the sentence before it
# that says who wrote it: "Susan Roe prepared a victim impact letter …", "an impact statement written by Leela Roe …"
WRITING = r"(?:letter|statement|note|e-?mail|message|post|text|card)s?"
# the verb that gives a writing's words, at the end of the words before them: "… read, “…”", "… said in part:"
WRITING_CUE = r"(?P<cue>read|reads|said|says|stated|states)\b(?:\s+in\s+part)?\s*[,:]?\s*$"
WRITING_READ_RE = re.compile(rf"^\s*(?:The|That|This|Her|His|Their)\s+(?:[\w-]+\s+){{0,2}}?{WRITING}\b[^“”\"]{{0,80}}?\b{WRITING_CUE}")
# "The prosecutor read her statement in full:": whose statement the sentence before says
READ_OWN_WRITING_RE = re.compile(rf"\b(?P<cue>read|reads)\s+(?:her|his|their)\s+(?:[\w-]+\s+){{0,2}}?{WRITING}\b(?:\s+in\s+(?:full|part))?"
                                 r"\s*[,:]?\s*$")
WRITTEN_BY_NAME_RE = re.compile(rf"(?:(?P<who>{NUMBERED_DOE}|{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}}),?\s+(?:also\s+)?(?:prepared|wrote|submitted|sent|penned|"
                                rf"posted|left)\s+(?:a|an|the|her|his|their)\s+(?:[\w-]+\s+){{0,3}}?{WRITING}\b|"
                                rf"\b{WRITING}\s+(?:was\s+)?(?:written|prepared|sent|submitted|signed|penned)\s+by\s+"
                                rf"(?P<by>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}}))")
# a colon after messages a sentence names, before a list of them: "causing Roe to send a flurry of text messages,
# including:" ¶ “…”; the sender is the last person the sentence names before them
WRITINGS_LISTED_RE = re.compile(r"\b(?:messages|texts|e-?mails|letters|notes|posts|tweets|threats|remarks|comments)\b[^“”\"]{0,60}:\s*$")
# a message named by who sent it: "One text message he sent read, “…”"
WRITING_SENT_RE = re.compile(rf"\b{WRITING}\s+(?P<who>he|she|they|[Tt]he (?:defendant|suspect|victim)|{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}})\s+"
                             r"(?:had\s+)?(?:sent|wrote|posted|left|texted|mailed)(?:\s+[\w’'-]+){0,3}?\s+" + WRITING_CUE)
# the one who told, in the passive: "was approached by Hicks and told by him “…”"
TOLD_BY_RE = re.compile(rf"\b(?P<cue>told|asked|instructed|warned)\s+by\s+(?P<who>him|her|them|[Tt]he (?:defendant|suspect)|"
                        rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}})\s*[,:]?\s*$")
# "As described by the California Supreme Court, “…”", "As held by the court in Solberg, by means of section 1041, “…”"
AS_BY_RE = re.compile(rf"\b[Aa]s\s+(?P<cue>described|noted|stated|explained|held|found|put|observed|written)\s+by\s+(?P<who>(?:the\s+)?"
                      rf"{NAME_TOKEN}(?:\s+(?:{NAME_TOKEN}|of|for)){{0,6}})(?:,[^,“”\"]{{0,60}})?\s*[,:]?\s*$")
# a saying named by whose it is: "a saying by President Truman, “…”"
SAYING_BY_RE = re.compile(rf"\b(?:saying|quote|quotation|words|motto|line|maxim)\s+(?:by|from|of)\s+(?P<who>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,4}})"
                          r"\s*[,:]?\s*$")
# a paragraph that only names who said the quote before it, after a dash: "--Judge J. Michael Roe", "— Mary Roe, Former Chair"
NEXT_DASH_RE = re.compile(rf"^\s*(?:-{{1,2}}|[–—])\s*(?P<who>(?:{NAME_TOKEN}[ \t]+){{1,6}}{NAME_TOKEN}(?:,[^\n“”\"]{{1,120}})?)\s*$")
HEARD_RE = re.compile(rf"\b(?:heard|overheard|hear|hears|recorded|record)\s+(?P<who>him|her|them|[Tt]he (?:defendants?|suspects?|victims?)|"
                      rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}})\s+(?P<cue>say|saying|said|yell|yelling|tell|telling|scream|screaming|"
                      r"shout|shouting|state|stating|ask|asking)\b[^“”\"]{0,60}$")
WHO_SAID_RE = re.compile(rf"(?P<who>[Tt]he (?:defendant|suspect|victim|gunman)|{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,3}}),\s+(?:who|which)\s+"
                         rf"[^“”\",.;]{{0,120}}?\b(?P<cue>{CUES}|pronounced|held|found)\b[^“”\"]{{0,160}}$")
IN_WHICH_RE = re.compile(rf"\b(?:in which|where|when)\s+(?P<who>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,3}})\s+(?:allegedly\s+)?"
                         rf"(?P<cue>{CUES}|advised|urged|instructed|claimed|promised)\b[^“”\"]{{0,200}}$")
GAVE_STATEMENT_RE = re.compile(rf"(?P<who>(?:[Tt]he\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,4}}),?\s+(?P<cue>provided|gave|issued|released|made|delivered|read|"
                               r"offered|submitted|posted|sent)\s+(?:a|an|the|this|its|his|her|their)\s+(?:[\w-]+\s+){0,2}"
                               r"(?:statement|response|comment|explanation|answer|reply|message)(?:\s+to\s+(?:the\s+)?\w+)?\s*[:,]\s*$")
# an acronym in quotation marks names a thing: (“FBI”), the "FARC,"
ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&.\-]{1,9}[,.;]?")
# the wording of a law or a rule quoted after its citation: "§ 56.5(a)(4) (“…”)", "Section 2001.033(1)(A), the Rule does not …"
STATUTE_BEFORE_RE = re.compile(r"(?:§|\bU\.S\.C\.|\b(?:Code|Section|Rule)\s+(?:§\s*)?\d[\w.()-]*)[^“”\"]{0,80}?[(“\"]*\s*$")
# words someone wrote or said, named by whose they are: "the defendant’s statements", "Price’s impact statement"
WRITTEN_BY_RE = re.compile(rf"\b(?P<who>[Tt]he (?:defendant|suspect|victim)|{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}})[’']s?\s+(?:[\w-]+\s+){{0,3}}?"
                           r"(?i:statements?|words|testimony|letter|e-?mails?|text(?:\s+messages?)?|note|confession|remarks|"
                           r"opinion|brief|motion|post|posts|diary|journal|declaration|affidavit|petition|memorandum|memo|ruling|"
                           r"decision|report|response|essay|article|book|speech|message|messages|voicemail|tweet|tweets)\b[^“”\"]{0,200}$")
# written sources a release quotes at length: a court's opinion, a brief, an expert's declaration, a grand jury's report
DOCUMENT_NOUNS = (r"opinion|ruling|decision|order|brief|declaration|affidavit|report|letter|petition|motion|filing|findings|editorial|"
                  r"testimony|transcript|complaint|memorandum|memo|response|reply|study|audit|review")
# a heading before block quotes that names the document and who wrote it: "Excerpts of the ruling by the Court of Appeal,
# Fourth Appellate District, Division One", "EXCERPTS FROM EXPERT DECLARATION OF JOHN ROE:"
EXCERPTS_RE = re.compile(rf"^\s*(?P<doc>(?i:(?:direct\s+|some\s+|more\s+|further\s+|key\s+)?(?:excerpts?|quotes?|passages?|highlights?|portions?)\s+"
                         rf"(?:of|from)\s+(?:the\s+|an?\s+|his\s+|her\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){{0,4}}?(?:{DOCUMENT_NOUNS})s?|"
                         r"(?:selected|key|some|the\s+following|following\s+are|below\s+are)\s+excerpts))"
                         rf"(?:\s+(?i:by|of|from|issued\s+by|written\s+by|filed\s+by)\s+(?P<who>(?:[Tt]he\s+)?{NAME_TOKEN}"
                         rf"(?:[ \t,]+(?:{NAME_TOKEN}|of|the|and))*))?\s*[:.–—-]?\s*$")
# who files a document that argues in the words quoted: "OCDA filed a brief arguing the following “…”"
FILED_RE = re.compile(rf"(?<![\w’'&.-])(?P<who>(?:[Tt]he\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,6}})\s+(?:also\s+|later\s+)?(?P<cue>filed|submitted|wrote)\s+"
                      rf"(?:a|an|its|the|his|her|their)\s+(?:[\w-]+\s+){{0,3}}(?:{DOCUMENT_NOUNS})\b[^“”\"]{{0,120}}?\b(?:arguing|stating|"
                      r"asserting|contending|claiming|explaining|noting|saying|which\s+(?:argued|stated|said|read|reads))"
                      r"(?:\s+(?:the\s+following|that|in\s+part))?\s*[:,]?\s*$")
# the author of the first document a release names with its author: "The Orange County Grand Jury’s (OCGJ) report"
DOCUMENT_AUTHOR_RE = re.compile(rf"(?<![\w’'&.-])(?P<who>(?:[Tt]he\s+)?{NAME_TOKEN}(?:\s+(?:{NAME_TOKEN}|of|the|and)){{0,6}})[’']s?\s+(?:\([A-Z]{{2,8}}\)\s+)?"
                                rf"(?:[\w-]+\s+){{0,2}}?(?i:{DOCUMENT_NOUNS})\b")
# a quotation a release cites by page of the document it quotes: "“…” (p. 19)"
PAGE_CITE_RE = re.compile(r"\s*[”\"]?\s*\((?:[Pp]p?\.|[Pp]ages?)\s*\d")
# a judge named in parentheses after the words of an opinion: "“… contention of error.” (Justice Fybel)"
JUSTICE_AFTER_RE = re.compile(rf"\s*[”\"]?\s*\((?P<who>(?:(?:Associate|Presiding|Chief)\s+)?(?:Justice|Judge)\s+{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,3}})\)")
# a court named in full as who speaks: "the Court of Appeal, Fourth Appellate District, Division One"
COURT_NAME_RE = re.compile(r"(?:[Tt]he\s+)?(?P<court>(?:[A-Z][\w.]*\s+){0,4}Court(?:\s+of\s+(?:Criminal\s+)?Appeals?)?(?:,\s*[A-Z][\w ]{2,40})*)")
# an organisation named in full: "the Division of Occupational Safety and Health", "U.S. Department of Labor"
ORG_NAME_RE = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w’'.-]*\s+){0,3}(?:Division|Department|Office|Bureau|Agency|Administration|"
                         r"Commission|Board|Council|Association|Institute|Service|Services|Authority|Committee|Center|Centre|"
                         r"Foundation|Alliance|Coalition|Project|Society|Network|Fund)\s+(?:of|for|on)\s+"
                         r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|and|for|the|&))*")
# "California Welfare Fraud Investigator’s Association (CWFIA)": an acronym and the name it stands for
ACRONYM_DEFINED_RE = re.compile(r"(?<![\w’'&.-])(?P<full>(?:[A-Z][\w’'&.-]*\s+(?:(?:of|for|and|the|on|in)\s+)*){0,9}[A-Z][\w’'&.-]*)\s+\((?P<acronym>[A-Z][A-Z&.]{1,9})\)")
SPANISH_ROLES = {"el acusado": "defendant", "la acusada": "defendant"}
# who a release's title says wrote what it quotes: "ICYMI — CHICAGO TRIBUNE EDITORIAL BOARD: “…”"
TITLE_AUTHOR_RE = re.compile(r"^\s*(?:ICYMI\s*[—–:-]\s*)?(?P<who>(?:[A-Z][\w’'.&-]*\s+){1,6}[A-Z][\w’'.&-]*)\s*:\s*[“\"]")
SOURCE_NOT_SPEAKER_RE = re.compile(r"(?:the\s+|court\s+|charging\s+|trial\s+|witness\s+)?(?:investigation|complaint|indictment|affidavits?|"
                                   r"documents?|records?|police|prosecutors|authorities|testimony|evidence|reports?|papers)\b", re.I)
DOCUMENT_RE = re.compile(r"\b(?:agreement|order|opinion|ruling|decision|report|settlement|decree|judgment|brief|letter|motion|filing|"
                         r"complaint|indictment|statute|law)$")
HEADING_RE = re.compile(rf"^\s*(?:Comments|Statement|Remarks|Quotes?)\s+(?:from|by|of)\s+(?P<who>(?:{NAME_TOKEN}[ \t]+)*{NAME_TOKEN})\s*[:–—-]?\s*$")
DASH_ATTRIBUTION_RE = re.compile(rf"[ \t]*(?:[–—]|-(?=[ \t]))[ \t]*(?P<who>(?:{NAME_TOKEN}[ \t]+){{1,6}}{NAME_TOKEN})(?=[ \t]*(?:,|$|\n|[A-Z]|\d{{1,3}}-year-old))")
NAME_HEADING_RE = re.compile(r"(?:[A-Z][\w.’'&-]*|of|for|the|and|in)(?:[ \t,]+(?:[A-Z][\w.’'&-]*|of|for|the|and|in))*")
# the wording of a law or a rule, quoted after what the law is: "The Final Rule requires … to produce the “case file for …”"
LEGAL_TEXT_RE = re.compile(r"(?:\b(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]n?|[Ii]ts)\s+(?:[\w-]+\s+){0,3}(?:statute|Final Rule|[Rr]ule|[Rr]egulation|"
                           r"[Cc]ode|[Ss]ection|[Ss]ubsection|[Ll]aw|[Oo]rdinance|[Pp]rovision|[Aa]mendment)s?\b|§\s*\d[\w.()-]*)[^“”\"]{0,160}?"
                           r"\b(?:states?|provides?|requires?|requests?|defines?|says|reads|prohibits?|mandates?|includes?|"
                           r"directs?|allows?|authorizes?|shall)\b[^“”\"]{0,160}$")
SIGNED_BY_RE = re.compile(rf"\b(?:note|letter|card|message|text|e-?mail|sign)\s+(?:signed|written|sent|left|posted)\s+by\s+"
                          rf"(?P<who>[Tt]he (?:defendant|suspect|victim)|{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,3}})\s+(?:that|which)\s+"
                          r"(?P<cue>said|read|stated|says|reads|states)\s*[,:]?\s*$")
ON_BEHALF_RE = re.compile(rf"\bstatement\s+(?:was\s+)?(?:given|read|made|delivered|submitted|presented)\s+on\s+behalf\s+of\s+"
                          rf"(?P<who>(?:the\s+)?{NAME_TOKEN}(?:\s+(?:of\s+)?{NAME_TOKEN}){{0,5}})\b[^“”\"]{{0,120}}?\b(?P<cue>{CUES})"
                          rf"{CUE_TAIL}\s*[,:]?\s*$")
ACCORDING_COURT_RE = re.compile(r"^\s*[Aa]ccording to (?P<who>the (?:trial |appellate |district |superior |supreme )?(?:court|judge|panel)),")
ACCORDING_DOCUMENT_RE = re.compile(r"^\s*[Aa]ccording to\s+(?P<who>the\s+(?:[\w-]+\s+){0,3}[\w-]+)\s*,\s*$")
ACCORDING_RE = re.compile(rf"^\s*[Aa]ccording to\s+(?P<who>(?:the\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,5}})\b[^“”\"]{{0,200}}$")
# words of a heading, never of a name: "Victim Impact Statement One", "Lack of Remorse and Rehabilitation"
HEADING_WORDS_RE = re.compile(r"\b(?:Statements?|Impact|Update|Summary|Background|Remorse|Rehabilitation|Excerpts?|Highlights|"
                              r"Procedural|History|Sentencing|Charges|Facts|STATEMENTS?|IMPACT|UPDATE|SUMMARY|BACKGROUND)\b")
# a release that is one statement: "Statement by the District Attorney on …", "Statement from DA Todd Spitzer"
STATEMENT_TITLE_RE = re.compile(r"^\s*(?:(?:(?:Joint|Official|Full|Prepared|Press|Public)\s+)?(?:Statement|Remarks|Comments|Speech|Message|"
                                r"Letter|STATEMENT|REMARKS)(?:\s+(?:on|On|ON|regarding|Regarding)\s+[^:;–—]+?\s+(?:[Bb]y|BY)|\s+(?:[Bb]y|[Ff]rom|[Oo]f|BY|FROM|OF))\s+"
                                r"(?P<who>[^:;–—]+?)|"
                                r"(?P<owner>[^,:;–—]+?)(?:[’']s?|(?<=Department))\s+(?:Statement|Remarks|Comments|Speech|Message|Letter))"
                                r"(?:,?\s+(?i:on|regarding|about|in|after|concerning|at|to)\s.*|\s+[–—-]\s.*)?\s*$")
PREPOSITIONS = {"at", "to", "on", "of", "by", "in", "for", "with", "from", "near", "toward", "towards", "against", "into"}
ROLE_NOUNS = ("defendant", "suspect", "victim", "gunman", "inmate")
SPEECH_RE = re.compile(rf"\b(?:{CUES}|according to|statement|letter|e-?mail|message|note|interview|testimony|"
                       r"words|quote|quoted|saying|reads?|read|speech|remarks|announc\w*)\b", re.I)
TITLED_RE = re.compile(r"\b(?:entitled|titled|headlined|headline|named)\s*:?\s*$", re.I)
# a term in quotation marks, not words said: "pleaded “not guilty by reason of insanity”", "defined as “…”"
TERM_BEFORE_RE = re.compile(r"\b(?:means|meant|defined as|defines|define|definition of|known as|called|calls|entitled|"
                            r"titled|named|dubbed|termed|plea of|pleaded|plead|pleads|verdict of|finding of|charge of|"
                            r"the term|the terms|the phrase|the word|the words|so-called|labeled|labelled|branded|"
                            r"as|of|the|a|an)\s*$", re.I)
PRONOUNS = {"he", "she", "they", "we", "i"}
JUDGE_NAMED_RE = re.compile(rf"\b(?P<name>(?:(?:U\.S\.|Senior|Chief|Superior|District|Circuit|Magistrate|County|Court|Federal|Bankruptcy)\s+)*"
                            rf"Judge[ \t]+{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{1,3}})")
NAMED_COURT_RE = re.compile(r"\b(?:U\.S\.\s+)?(?:(?!(?:In|At|On|After|Before|When|From|By|The|A|An|This|That|During)\b)[A-Z][a-z]+\s+){1,4}Court(?:\s+of\s+(?:Criminal\s+)?Appeals?)?(?:\s+for\s+the\s+"
                            r"(?:[A-Z][a-z]+\s+)+District\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?|\b[Tt]he\s+Court\s+of\s+(?:Criminal\s+)?Appeals?\b")
COURT_RE = re.compile(r"[Tt]he ((?:trial |appellate |district |superior |supreme |grand )?(?:court(?: of appeals?)?|judge|jury|panel|board))",
                      re.I)
# "Below is a statement from Agriculture Secretary Tom Vilsack:"
STATEMENT_FROM_RE = re.compile(rf"\b(?P<cue>statement|remarks|comments|Statement|Remarks|Comments)\s+(?:from|by|of|(?:may|can|should|is|are)\s+be\s+attributed\s+to|"
                               rf"attributed\s+to)\s+(?P<who>(?:{NAME_TOKEN}[ \t,]+)*{NAME_TOKEN})")
STATEMENT_RE = re.compile(rf"(?P<who>(?:{NAME_TOKEN}(?:[ \t]+(?:of|for|the|and))*[ \t,]+)*{NAME_TOKEN}),?\s+(?:has\s+|have\s+|had\s+)?(?:today\s+|yesterday\s+|also\s+|later\s+)?"
                          r"(?:(?:took the stand|stood up|came forward|addressed the court)\s+(?:and|to)\s+)?(?P<cue>(?:released|issued|made|gave|delivered|"
                          r"read|sent|deliver|give|make)\s+(?:the\s+following|a|this|her|his|their)\s+(?:\w+\s+){0,2}(?:statement|letter|remarks|memo|memorandum|message|e-?mail|directive))")
# people a release describes without naming: "the victim’s daughter", "the defendant’s mother"
RELATIVE = (r"(?:daughter|son|mother|father|sister|brother|wife|husband|widow|widower|fiancée?|girlfriend|boyfriend|"
            r"aunt|uncle|niece|nephew|cousin|grandmother|grandfather|granddaughter|grandson|stepfather|stepmother|"
            r"parents|family|friend|children|child|partner|life partner)")
DESCRIBED = (rf"(?:(?:Jane|John) Doe(?:\s*#?\d{{1,2}})?[’']s?\s+(?:\w+\s+)?{RELATIVE}|(?:[Tt]he (?:victims?|defendants?|decedent|inmate)|(?:victim|inmate|defendant)|(?<![A-Z]\w\s)[A-Z][a-z]+)[’']s?\s+(?:\w+\s+)?{RELATIVE}|"
             rf"(?<![a-z] )(?:His|Her|Their) (?:\w+\s+)?{RELATIVE}|"
             r"(?:[Aa]nother|[Oo]ne|[Aa]n?) (?:victim|(?:eye)?witness|neighbou?r|juror|survivor|bystander|passerby)(?!\s+(?:impact|services|advocates?|assistance|compensation|rights|programs?|units?|statements?))|"
             r"(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir) (?:former|best|close|longtime|childhood) (?:friend|roommate|co-?worker|colleague|"
             r"employee|employer|neighbou?r|girlfriend|boyfriend|partner|business partner|cellmate)|[Oo]ne of (?:the|[A-Z][a-z]+[’']s?|the (?:victim|defendant|decedent)[’']s) (?:victims|"
             rf"{RELATIVE}s?)|[Tt]he {RELATIVE} of (?:one of the victims|the victims?|(?:Jane|John) Doe(?: #?\d{{1,2}})?|[A-Z][a-z]+(?: [A-Z][a-z]+)?))")
DESCRIBED_RE = re.compile(DESCRIBED)
# a name, a role in lower case and the cue: "Glenn Sorge, acting special agent in charge of Homeland Security Investigations,
# New York said,"
NAME_COMMA_ROLE_CUE_RE = re.compile(rf"^\s*(?P<who>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}}),\s+(?P<role>[a-z][^,“”\"]{{2,80}}?(?:,\s*[A-Z][^,“”\"]{{1,40}})?),?"
                                    rf"\s+(?P<cue>{CUES}){CUE_TAIL}\s*[,:.]?\s*$")
# someone described who speaks in reported speech: "The victim’s son talked about the damage … and said in part that the
# defendant “…”"
DESCRIBED_REPORTED_RE = re.compile(rf"^\s*(?P<who>{DESCRIBED})\b[^“”\"]{{0,120}}?\b(?P<cue>said|stated|told|wrote|added|explained)\b[^“”\"]{{0,120}}$")
DESCRIBED_MENTION_RE = re.compile(rf"\b{DESCRIBED}\b")
DESCRIBED_CUE_RE = re.compile(rf"(?P<who>{DESCRIBED})(?:,\s*(?P<aside>[^,“”\"]{{1,60}}),)?,?\s+(?P<cue>{CUES}){CUE_TAIL}\s*[,:.]?\s*$")
APPOSITIVE_ROLE_RE = re.compile(r",[ \t]+((?:the[ \t]+)?[A-Z][\w’'-]*(?:\.(?=[A-Z]))?(?:[ \t]+(?:[A-Z][\w’'-]*|U\.S\.|of|for|in|at|the|charge|and))*)")
RANK_ABBREVIATIONS = ("brig", "capt", "sgt", "gen", "col", "maj", "cpl", "adm", "cmdr", "det", "supt", "insp")
ABBREVIATIONS = {"u.s", "jr", "sr", "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "lt", "gen", "col", "sgt",
                 "capt", "det", "inc", "co", "corp", "ltd", "no", "fla", "calif", "ill", "va", "md", "pa", "mass",
                 "n.y", "d.c", "n.j", "tex", "ariz", "wash", "ore", "mich", "ga", "ala", "la", "ky", "tenn", "mo",
                 "okla", "wis", "minn", "conn", "colo", "nev", "miss", "ark", "kan", "neb", "del", "vt", "n.c", "s.c",
                 "pfc", "spc", "atty", "asst", "hon", "messrs"} | set(RANK_ABBREVIATIONS)
TITLE_WORDS = set("""acting assistant associate attorney attorneys general deputy principal special agent agents charge
in u.s. us united states district director chief sheriff coroner sheriff-coroner mayor senator sen. rep. representative supervisor state
state’s state's county commissioner president ceo cfo coo chair chairman chairwoman chairperson secretary governor gov.
lt. lieutenant captain capt. sergeant sgt. officer detective det. inspector superintendent judge justice dr. mr. mrs.
ms. da d.a. ada counsel agent-in-charge special-agent-in-charge plaintiff plaintiffs defendant petitioner professor prof. executive vice head manager spokesperson spokesman spokeswoman founder co-founder partner
minister commander administrator police the of for and at interim first senior trial council councilmember
councilman councilwoman assemblymember member members assembly assemblyman assemblywoman investigator investigators
prosecutor analyst advocate coordinator specialist trustee legislator congressman congresswoman victim inmate lead sa
leader minority majority senate colonel corporal admiral paralegal clerk nurse teacher pastor reverend rev. coach superintendent dean
gen. brig. brigadier maj. major col. cpl. adm. cmdr. commandant pro tem tempore defender public comptroller treasurer auditor
controller engineer marshal
superintendente director directora presidente presidenta alcalde alcaldesa fiscal fiscales alguacil juez jueza jefe jefa procurador procuradora adjunto adjunta""".split())
# an organisation described in lower case: "the state’s attorney’s office", "the sheriff’s department"
ORG_PHRASE_RE = re.compile(r"^(?:the|this|our)\s+(?:[a-z][\w’'-]*\s+){1,4}(?:office|department|agency|bureau|unit|division)$")
ORG_RE = re.compile(r"^(?:the\s+)?(company|department|office|agency|organi[sz]ation|firm|group|ministry|police|government)$", re.I)
MIN_WORDS = 4
TWO_WORD_PLACES = {"New York", "New Jersey", "New Mexico", "New Hampshire", "North Carolina", "South Carolina", "North Dakota",
                   "South Dakota", "West Virginia", "Rhode Island", "Puerto Rico", "Virgin Islands", "Mariana Islands",
                   # two-word offices a title ends with: "Assistant Attorney General for Civil Rights Jane Roe"
                   "Civil Rights", "Homeland Security", "Human Services", "National Security", "Public Affairs",
                   "Legislative Affairs", "Justice Programs", "Criminal Investigation", "Special Investigations"}
NAME_PARTICLES = {"de", "van", "von", "da", "del", "della", "di", "du", "le", "la", "bin", "al"}


@dataclass
class Span:
    start: int
    end: int
    passage: Passage
    continues: bool = False  # same utterance as the span before (a quotation over paragraphs)


def quote_marks(text: str) -> List[Tuple[int, bool]]:
    """(position, is_opening) of the quotation marks of a paragraph; straight quotes by what surrounds them."""
    marks = []
    for m in re.finditer(r"[“”\"]", text):
        ch, i = m.group(0), m.start()
        if ch != '"':
            marks.append((i, ch == "“"))
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if i == 0 or before.isspace() or before in "([{—–-:" or (before in ".!?" and after.isalnum() and not after.islower()):
            marks.append((i, True))
        elif after.isspace() or after in ".,;:!?)—–-" or i + 1 == len(text) or (before in ",.!?" and after.islower()):
            # … "in these five states,"said John C. Cruden": a closing mark glued to its attribution
            marks.append((i, False))
    return marks


def closes_later(passages: List[Passage], pi: int) -> bool:
    """A later paragraph (within four) has a closing mark before any opening one."""
    for passage in passages[pi + 1:pi + 5]:
        marks = quote_marks(passage.text)
        if marks:
            return not marks[0][1]
    return False


def quoted_spans(passages: List[Passage]) -> List[Span]:
    """Every quoted span of a release, paired per paragraph, quotations over paragraphs joined up."""
    spans: List[Span] = []
    carry = False  # a quotation left open in the paragraph before
    for pi, passage in enumerate(passages):
        marks = quote_marks(passage.text)
        base = passage.start
        continuing = carry
        if carry and marks and not marks[0][1]:
            spans.append(Span(base, base + marks[0][0], passage, True))
            marks, continuing = marks[1:], False
        elif carry and not marks:
            spans.append(Span(base, passage.end, passage, True))
            carry = closes_later(passages, pi)
            continue
        carry = False
        opening = None
        nested = set()
        for k, (pos, is_opening) in enumerate(marks):
            mid_sentence = passage.text[pos - 1:pos] == " " and passage.text[pos - 2:pos - 1] not in ".!?,:"
            if is_opening and mid_sentence and k + 2 < len(marks) and not marks[k + 1][1] and not marks[k + 2][1]:
                nested.update((k, k + 1))  # a quotation inside a quotation, set in the same marks
        for k, (pos, is_opening) in enumerate(marks):
            if k in nested:
                continue
            if is_opening:
                if opening is not None:
                    spans.append(Span(base + opening + 1, base + pos, passage, continuing))
                    continuing = False
                opening = pos
            elif opening is not None:
                spans.append(Span(base + opening + 1, base + pos, passage, continuing))
                continuing, opening = False, None
        if opening is not None:
            spans.append(Span(base + opening + 1, passage.end, passage, continuing))
            nxt = passages[pi + 1].text.lstrip()[:1] if pi + 1 < len(passages) else ""
            carry = nxt in "“\"" or closes_later(passages, pi)
    return spans


def sentence_ends(text: str):
    """Positions of the sentence ends in text; abbreviations ("U.S.") and initials ("F.") do not count."""
    for m in re.finditer(r"[.!?](?=\s|$|[“\"])|(?<=[a-z]{2})\.(?=[A-Z][a-z])", text):
        word = re.findall(r"[\w.]+$", text[:m.start()])
        token = word[0].lower() if word else ""
        if len(token.replace(".", "")) == 1 or token in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
            continue  # "S.O." in "Victor S.O. Song"
        yield m.start()


def sentence_rest(text: str) -> str:
    """text up to the end of its first sentence."""
    return text[:next(sentence_ends(text), len(text))]


def last_sentence(text: str) -> str:
    """The last sentence of text (where an attribution before a quote stands)."""
    ends = [e for e in sentence_ends(text) if text[e + 1:].strip()]
    return text[ends[-1] + 1:] if ends else text


CONNECTORS = {"of", "for", "the", "at", "in", "and", "with"}
ORG_WORDS = {"County", "City", "Office", "Department", "Division", "Section", "Unit", "Bureau", "Agency", "Service",
             "Administration", "Commission", "Board", "Council", "Court", "Association", "Company", "Corporation",
             "Inc.", "LLC", "LLP", "Foundation", "Institute", "University", "Coalition", "Network", "Center", "Centre",
             "Services", "Affairs", "Resources", "Security", "Investigations", "Enforcement", "Protection", "Team",
             "Group", "Branch", "Program", "Project", "Projects", "Force", "Partners", "Society", "Church", "Hospital",
             "Command", "Army", "Navy", "Corps", "Region", "Jury", "Panel", "Committee", "Authority"}
# capitalised subjects that name no one: "Police found the following note:"
GENERIC_SUBJECTS = {"police", "officers", "investigators", "detectives", "agents", "prosecutors", "authorities", "deputies",
                    "jurors", "witnesses", "victims", "defendants", "records", "documents", "court", "count", "counts", "the", "a", "an",
                    "this", "that", "these", "those", "it", "in", "on", "at", "for", "according"}
LEADING_WORDS = {"meet", "spotlight", "la", "el", "likewise", "similarly", "additionally", "further", "furthermore", "moreover", "finally", "because", "while", "when", "after", "before", "as", "if", "but", "and", "although", "though", "since",
                 "then", "so", "also", "meanwhile", "however", "later", "today", "yesterday", "here", "there", "now",
                 "charges", "charge", "sentence", "sentencing", "name", "age", "status"}  # table headers: "Charges Sentence …"


def name_like(token: str) -> bool:
    bare = token.strip(",")
    title = bare.lower() in TITLE_WORDS or ("-" in bare and all(part in TITLE_WORDS for part in bare.lower().split("-")))
    return bool(re.match(r"^(?:[A-Z][\w’'\-]+|[A-Z]\.(?:[A-Z]\.)*|Jr\.|Sr\.|III|II|IV)$", bare)) and not title  # "Sheriff-Coroner"


ACRONYM_IN_NAME_RE = re.compile(r"\s*\([A-Z][A-Za-z.&-]{1,10}\)(?=\s+[A-Z])")


# title words that are also words of an office's name: "Orange County District Attorney’s Office", "United States Supreme Court"
ORG_NAME_WORDS = {"United", "States", "State", "District", "Attorney", "Attorney’s", "Attorney's", "Attorneys", "Sheriff",
                  "Sheriff’s", "Sheriff's", "Police", "Justice", "Public", "General", "General’s", "General's", "Superior"}


def split_who(who: str) -> Tuple[Optional[str], Optional[str]]:
    """"Anna Borgström, CEO at NetClean" → (name, role); "City of Miami Police Chief Manuel Morales" → (Manuel Morales, the rest)."""
    who = ACRONYM_IN_NAME_RE.sub("", who)  # "… Customs Enforcement (ICE) John Morton"
    who = re.split(r"[“\"(]", who)[0].strip(" ,;:")
    who = who if re.search(r"(?:^|\s)[A-Z][a-z]+\s+[A-Z]\.$", who) else who.rstrip(".")  # "Crystal M."
    who = re.sub(r"[’']s?\s+(?:\d{4}\s+)?(?:[\w-]+\s+){0,2}(?:report|study|survey|letter|statement|opinion|brief|complaint|"
                 r"website|audit|analysis|findings|guidance|filing)\b.*$", "", who)  # "Orange County Health Care Agency’s 2017 report"
    who = re.sub(r"\bU\.\s+S\.", "U.S.", who)  # "U. S. Attorney Immergut"
    doe = re.fullmatch(r"(?:the\s+)?((?:Jane|John) Doe(?:\s*#?\d{1,2})?)", who)
    if doe:
        return doe.group(1), None  # "Jane Doe 2": the number is part of the name
    who = re.sub(r"\s+(?:in a (?:news )?(?:statement|release)|today|yesterday|on \w+day)$", "", who)
    who = re.sub(r"\s+en\s+(?:su|sus|un|una|la|el|los|las)\s.*$", "", who)  # "… Haley Pratt en su argumento de cierre"
    who = re.sub(rf"\s+(?i:{CUES})$", "", who)  # "said Orange County District Attorney Todd Spitzer said."
    if not who:
        return None, None
    while who.split() and who.split()[0].lower().strip(",") in LEADING_WORDS:
        who = who.split(None, 1)[1] if len(who.split()) > 1 else ""  # "Likewise, Judge Learned Hand"
    joint = re.fullmatch(r"([^,]+?)\s+and\s+([^,]+)", who)
    if joint:  # a joint statement: "Attorney General Eric Holder and Education Secretary Arne Duncan"
        (first, first_role), (second, second_role) = split_who(joint.group(1)), split_who(joint.group(2))
        if first and second and first_role and second_role and all(
                2 <= len(n.split()) <= 4 and n.split()[-1] not in ORG_WORDS and side.rstrip(" .").endswith(n)
                for n, side in ((first, joint.group(1)), (second, joint.group(2)))):
            return f"{first} and {second}", f"{first_role}; {second_role}"
    head, _, tail = who.partition(",")
    if tail.strip() and not any(t.lower() in TITLE_WORDS - CONNECTORS for t in head.split()) and "," not in tail and \
            len(head.split()) >= 4 and not re.search(r"\b[A-Z]\.", head):  # the words before name a thing, not a person
        named, titled = split_who(tail)
        if named and titled and len(named.split()) >= 2 and titled.split()[0].lower() in TITLE_WORDS and \
                named.split()[-1].strip(".,") not in ORG_WORDS:
            return named, titled
    first_tail, titles = tail.split(",")[0].split(), []
    while first_tail and first_tail[0].lower() in TITLE_WORDS - CONNECTORS:
        titles.append(first_tail.pop(0))
    if len(first_tail) >= 2 and all(name_like(t) for t in first_tail) and head.split() and \
            (head.split()[0].lower() in TITLE_WORDS or re.fullmatch(r"[A-Z]{2,6}", head.split()[0])) and \
            first_tail[-1].strip(".,") not in ORG_WORDS and \
            (titles or "," in tail or head.split()[-1].lower() in TITLE_WORDS):
        # "U.S. Postal Inspector in Charge, Henry Gutierrez, based in Miami", "Director of the Sunburst Youth Challenge
        # Academy, Lieutenant Colonel Joel Armstrong"
        return " ".join(first_tail), ", ".join(p for p in (head.strip(), " ".join(titles)) if p)
    tail_tokens = tail.split()
    head_tokens = head.split()
    if len(tail_tokens) >= 2 and all(name_like(t) for t in tail_tokens) and head_tokens and \
            head_tokens[0].lower() in TITLE_WORDS and tail_tokens[-1].strip(".,") not in ORG_WORDS and \
            (head_tokens[-1] in ORG_WORDS or head_tokens[-1].lower() in TITLE_WORDS or
             not any(name_like(t) for t in head_tokens[:2])):  # "el Fiscal de Distrito … de Dallas, John Creuzot"
        return tail.strip(" ,."), head.strip()  # the title first, the name after the comma
    if tail and re.match(r"^\s*(?:Jr\.?|Sr\.?|III|II|IV)(?=\s|,|$)", tail):
        extra, _, tail = tail.strip().partition(",")
        suffix = re.match(r"(Jr|Sr|III|II|IV)\.?\s*(.*)", extra)
        head = f"{head} {suffix.group(1)}{'.' if suffix.group(1) in ('Jr', 'Sr') else ''}"
        tail = ", ".join(p for p in (suffix.group(2), tail) if p.strip())
    tail = re.sub(r"^\s*(?:who|which|whose|that)\b.*", "", tail)  # "said Wakefield, who led the investigation": no role
    tokens = head.split()
    glued = re.fullmatch(r"[A-Z]{5,}([A-Z][a-z]+)", tokens[0]) if tokens else None
    if glued:
        tokens[0] = glued.group(1)  # a dateline glued to a title: "WASHINGTONAttorney General Eric Holder"
    while len(tokens) > 2 and re.fullmatch(r"[A-Z]{6,}[,.]?", tokens[0]) and (name_like(tokens[1]) or tokens[1].lower() in TITLE_WORDS):
        tokens = tokens[1:]  # a dateline before the name: "WASHINGTON Thomas E. Perez"
    if len(tokens) > 2 and tokens[0] in ("The", "the") and tokens[-1].strip(",.") in ORG_WORDS:
        tokens = tokens[1:]  # "The U.S. Supreme Court"
    runs, run = [], []
    for k, token in enumerate(tokens):
        initial = re.fullmatch(r"[A-Z]", token) and 0 < k < len(tokens) - 1 and name_like(tokens[k - 1]) and name_like(tokens[k + 1])
        if name_like(token) or initial or (token in NAME_PARTICLES and k + 1 < len(tokens) and name_like(tokens[k + 1]) and
                                (run or (k and tokens[k - 1].lower() in TITLE_WORDS))):  # "Mayor de Blasio"
            run.append(k)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    if not runs:
        return None, None
    if len(tokens) >= 2 and tokens[-1].strip(",.") in ORG_WORDS and (name_like(tokens[-2]) or tokens[-2] in ("Justice", "State")) and \
            not any(t.lower() in CONNECTORS for t in tokens):
        # an organisation speaks: "Harris County", "the Orange County District Attorney’s Office"
        k = len(tokens) - 1
        while k > 0 and (name_like(tokens[k - 1]) or tokens[k - 1].strip(",.") in ORG_WORDS or tokens[k - 1] == "U.S." or
                         tokens[k - 1] in ORG_NAME_WORDS):
            k -= 1
        return " ".join(tokens[k:]).strip(" ,."), None
    people_runs = [r for r in runs if tokens[r[-1]].strip(",.") not in ORG_WORDS]
    runs = people_runs or runs  # "Attorney’s Felony Projects Unit" names a unit, not the speaker
    free = [r for r in runs if len(r) >= 2 and (r[0] == 0 or tokens[r[0] - 1].lower() not in CONNECTORS)]
    longer = [r for r in runs if len(r) >= 2]
    # the name is the last run of capitals that does not follow "of"/"the": "San Diego Police Chief
    # David Nisleit", "Matthew Friedrich of the Criminal Division"
    chosen = free[-1] if free else (longer[-1] if longer else runs[-1])
    # "U.S. Attorney Ronald W. Sharpe for the District of the U.S. Virgin Islands": a name after a title and before
    # "for"/"of" is the person's; the capitals after it name the role's place (not "HSI New York Special Agent …")
    last = runs[-1]
    if chosen is not last and len(last) == 1 and last[0] == len(tokens) - 1 and last[0] > 0 and \
            tokens[last[0] - 1].lower() in TITLE_WORDS - CONNECTORS and tokens[last[0]].strip(".,") not in ORG_WORDS:
        chosen = last  # "Seal Beach Chief Gonshak": the surname after the title, the place before it is the role's
    earlier = [r for r in runs if r[-1] < chosen[0] and r[0] > 0 and tokens[r[0] - 1].lower() in TITLE_WORDS - CONNECTORS
               and r[-1] + 1 < len(tokens) and tokens[r[-1] + 1].lower() in CONNECTORS - {"and", "the"}]
    if earlier:
        chosen = earlier[-1]
    if not free and len(chosen) >= 3 and chosen[0] > 0 and tokens[chosen[0] - 1].lower() in CONNECTORS:
        # "District of Oregon Kent Robinson", "Eastern District of New York John Roe", "Director of National Drug Control
        # Policy Gil Kerlikowske": the place or the office belongs to the role, the name is the run's last words
        chosen = chosen[1:]
        if len(chosen) >= 3 and f"{tokens[chosen[0] - 1]} {tokens[chosen[0]]}".strip(",") in TWO_WORD_PLACES:
            chosen = chosen[1:]
        if len(chosen) >= 4:
            chosen = chosen[-3:] if re.fullmatch(r"[A-Z]\.", tokens[chosen[-2]]) else chosen[-2:]
    org_ends = [i for i, k in enumerate(chosen[:-2]) if tokens[k].strip(",.") in ORG_WORDS]
    if len(chosen) == 2 and chosen[0] > 0 and tokens[chosen[0]].strip(",.") in ORG_WORDS:
        org_ends = [0]  # "… Secretary of Commerce for Export Enforcement Delli-Colli": the title's last word
    if org_ends:
        chosen = chosen[org_ends[-1] + 1:]  # "Criminal Investigative Division Kevin L. Perkins": the division is the role's
    if len(chosen) >= 3 and re.fullmatch(r"[A-Z]{2,5}", tokens[chosen[0]]) and all(name_like(tokens[k]) for k in chosen[1:]):
        chosen = chosen[1:]  # "CPP Cheryl Sueing-Jones", "OCDA Tony Rackauckas": the initials are the title's
    name = " ".join(tokens[k] for k in chosen).strip(" ,")
    rest = [t for k, t in enumerate(tokens) if k not in chosen]
    while rest and rest[0].lower() in CONNECTORS | {"today", "yesterday"} | {"Today"}:
        rest.pop(0)
    role_parts = [" ".join(rest).strip(" ,")] if rest else []
    if tail.strip():
        role_parts.append(tail.strip(" ,."))
    role = ", ".join(p for p in role_parts if p) or None
    if role:
        role = re.sub(r"\s+(?:Dr|Mr|Mrs|Ms|Hon)\.?$", "", role) or None  # "Superintendent of Schools Dr. Paul Gothold"
    if role and re.fullmatch(r"(?:now\s+|age\s+|aged\s+)?\d{1,3}(?:[\s-]+years?[\s-]+old)?", role):
        role = None  # an age is no role
    if role and role.split()[0] in ("Today", "Yesterday"):
        role = " ".join(role.split()[1:]) or None
    return name, role


def name_words(name: Optional[str]) -> List[str]:
    """The words of a name as matched: case and accents folded; titles ("District Attorney") and initials out."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", name or "") if not unicodedata.combining(ch)).casefold()
    return [w for w in re.findall(r"[^\W\d_]+", folded) if len(w) > 1 and w not in TITLE_WORDS]


def same_person(given: Optional[str], speaker: Optional[str]) -> bool:
    """Does a name given (kb quotes --speaker, kb verify --speaker, a draft's attribution) name a speaker?

    Yes when each word of it is a word of the speaker's name: "Borgström", "Anna Borgstrom" and
    "CEO Anna Borgström" name Anna Borgström; "Borg" and "Anna Berg" do not.
    """
    wanted, have = name_words(given), set(name_words(speaker))
    return bool(wanted) and all(w in have for w in wanted)


# where a run of capitals crosses a sentence end or a paragraph break, not after an abbreviation ("Brig. Gen. Rodney Johnson")
PEOPLE_SPLIT_RE = re.compile(r"(?<=[a-z]{2})%s\.\s+|\n\s*\n" % "".join(f"(?<!{a.capitalize()})" for a in RANK_ABBREVIATIONS))


def ends_with_person(who: str, people: "People") -> bool:
    """Does a run of capitalised words end with a person the release names ("… Inspector General Daniel R. Roe"), not a
    thing ("the Center on the Administration of Criminal Law")?"""
    known = people.full.get(who.split()[-1].strip(".,").lower())
    return bool(known) and who.endswith(known[0].split()[-1]) and len(known[0].split()) >= 2 and \
        known[0].split()[-1].strip(".,") not in ORG_WORDS and any(t in who.split() for t in known[0].split()[:-1])


def publisher_name(document: Document) -> Optional[str]:
    """The publisher as a speaker: "Orange County District Attorney (California)" → "Orange County District Attorney"."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", document.publisher) if document.publisher else None


def surname_key(name: str) -> str:
    """The surname a name is looked up by: "Sharone R. Mitchell Jr." → "mitchell"."""
    tokens = name.split()
    if len(tokens) > 2 and tokens[-1].strip(".,").lower() in ("jr", "sr", "ii", "iii", "iv"):
        tokens = tokens[:-1]
    return tokens[-1].strip(".,").lower()


# words that make a title another, lower one: "Assistant District Attorney" is not "the District Attorney"
SUBORDINATE = r"assistant|deputy|associate|vice|under|special assistant"


class People:
    """The people a release names: full names and roles, so that "said Borgström" finds Anna Borgström."""

    def __init__(self, document: Document):
        self.full: Dict[str, Tuple[str, Optional[str]]] = {}
        for m in re.finditer(rf"(?:(?:{NAME_TOKEN}|of|for|the|in)\s+){{0,14}}{NAME_TOKEN}\s+{NAME_TOKEN}", document.text):
            # a run of capitals may cross a sentence end or a paragraph break ("… the DA’s Office. Meet Confidential
            # Legal Secretary …", "… Tony Rackauckas. The", "… of Tennessee.\n\nIn U.S. District Court"): each part
            parts = PEOPLE_SPLIT_RE.split(m.group(0))
            for k, part in enumerate(parts):
                name, role = split_who(part)
                if name and 2 <= len(name.split()) <= 5:
                    after = APPOSITIVE_ROLE_RE.match(document.text, m.end()) if k == len(parts) - 1 else None
                    if not role and after and after.group(1).split()[0].lower() in TITLE_WORDS:
                        role = after.group(1)  # "Christine Varney, Assistant Attorney General in charge of …"
                    self.add(name, role, weak=True)

        # the one court a release names, for "the court stated": "Orange County Superior Court", "the Court of Appeals"
        courts = {re.sub(r"^[Tt]he\s+", "", m.group(0)) for m in NAMED_COURT_RE.finditer(document.text)}
        self.court = f"the {courts.pop()}" if len(courts) == 1 else None
        # the one judge a release names, for "the court said" when it names no court
        judges = {re.sub(r"(\w{2,})\.\s.*$", r"\1", m.group("name")) for m in JUDGE_NAMED_RE.finditer(document.text)  # "… Smith. According"
                  if not re.search(r"[’']s\b", m.group("name"))}  # not "Judge King’s Order Denying Motion"
        surnames = {surname_key(j) for j in judges}  # "Immigration Judge Charles M. Roe" and "Judge Roe" are one judge
        judge = max(judges, key=len) if len(surnames) == 1 else None
        self.judge = split_who(judge) if judge else None
        boards = {m.group(0) for m in re.finditer(r"\bBoard of Parole Hearings\b|\bParole Board\b", document.text)}
        self.board = boards.pop() if len(boards) == 1 else None
        # acronyms the release defines, for "CWFIA stated": the shortest tail of the name whose initials hold the acronym
        self.acronyms: Dict[str, str] = {}
        for m in ACRONYM_DEFINED_RE.finditer(document.text):
            words, acronym = m.group("full").split(), m.group("acronym").replace(".", "")
            for k in range(len(words) - 1, -1, -1):
                initials = "".join(w[0] for w in words[k:] if w[0].isupper())
                letters = iter(initials)
                if initials[:1] == acronym[0] and all(c in letters for c in acronym):
                    self.acronyms.setdefault(acronym, re.sub(r"[’']s?$", "", " ".join(words[k:])))
                    break
        if publisher_name(document):  # "OCDA" in a release of the Orange County District Attorney
            initials = "".join(w[0] for w in re.findall(r"[A-Z][\w’'-]*", publisher_name(document)))
            if len(initials) >= 3:
                self.acronyms.setdefault(initials, publisher_name(document))
        # the people named with an age, in order: "Devon Roe, 32, and Soloman Doe, 30, were charged"
        self.aged: List[str] = []
        for m in re.finditer(rf"(?P<name>{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{1,4}}),\s+\d{{1,2}},", document.text):
            name, _ = split_who(m.group("name"))
            if name and len(name.split()) >= 2 and name not in self.aged:
                self.aged.append(name)
        title = TITLE_AUTHOR_RE.match(document.title or "")
        self.title_author = (title.group("who").title() if title and title.group("who").isupper() else
                             title.group("who") if title else None)
        # whose document a release quotes by page: the author of the first document it names with one
        author = DOCUMENT_AUTHOR_RE.search(document.text)
        self.document_author = re.sub(r"^[Tt]he\s+", "", author.group("who")) if author else None
        self.by_role: Dict[str, str] = {}
        person = rf"(?P<name>{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{1,4}})"
        for noun in ROLE_NOUNS:
            for pattern in (rf"\b(?:identified|named) the {noun} as {person}", rf"\b[Tt]he {noun},?\s+{person}", rf"\b{noun}\s+{person}",
                            rf"{person},\s+(?:\d{{1,3}},\s+)?(?:the|a)\s+{noun}\b"):
                m = re.search(pattern, document.text)
                if m and noun not in self.by_role:
                    name, _ = split_who(sentence_rest(m.group("name")))
                    if name and len(name.split()) >= 2:
                        self.by_role[noun] = name
        if "defendant" not in self.by_role:
            # the first person named with an age ("Ramel Chapman, 32, of Boerum Hill", "Salvador Roe, de 25 años") is
            # the one charged
            m = re.search(rf"{person},\s+(?:de\s+)?\d{{1,2}}(?:,|\s+años)", document.text)
            if m:
                name, _ = split_who(m.group("name"))
                if name and len(name.split()) >= 2:
                    self.by_role["defendant"] = name

    def add(self, name: str, role: Optional[str], weak: bool = False):
        if " and " in name:
            return  # a joint statement's speakers are not one person
        name = re.sub(r"\s(Jr|Sr)$", r" \1.", name)  # "Ronald C. Machen Jr." as the release writes it
        surname = surname_key(name)
        known = self.full.get(surname)
        if known is None or (not weak and (len(name.split()) >= len(known[0].split()) or not known[1])):
            self.full[surname] = (name, role or (known[1] if known else None))
        elif known and not known[1] and role:
            self.full[surname] = (known[0], role)

    def by_title(self, title: str) -> Tuple[Optional[str], Optional[str]]:
        """The one person named with a title ("the Assistant Attorney General" → Tony West), or nobody."""
        title = title.lower()
        found = {full for full in self.full.values() if full[1] and full[0].split()[-1].strip(".,’'") not in ORG_WORDS and
                 (full[1].lower() == title or
                 full[1].lower().endswith(" " + title) or full[1].lower().startswith(title + " "))}
        if len(found) > 1:  # "the District Attorney" is not one of the Assistant District Attorneys the release names
            found = {full for full in found if not re.search(rf"\b(?:{SUBORDINATE})\s+{re.escape(title)}$", full[1], re.I)}
        return next(iter(found)) if len(found) == 1 else (None, None)

    def resolve(self, name: str, role: Optional[str], context: str = "") -> Tuple[str, Optional[str]]:
        tokens = name.split()
        if name in self.acronyms:
            return self.acronyms[name], role  # "the OCGJ found": the grand jury the release names, not "… This OCGJ"
        known = self.full.get(surname_key(name))
        if tokens[-1].strip(".,") in ORG_WORDS:
            return name, role  # "Harris County" is not "Bexar County"
        if known and (len(tokens) == 1 or same_person(name, known[0])):
            if len(tokens) <= len(known[0].split()):
                return known[0], role or known[1]
        if len(tokens) == 1 and not name.isupper():  # a first name: "Janelle told the crowd" after "Janelle Weinberg is …"
            first = {full for full in self.full.values() if full[0].split()[0] == name
                     and full[0].split()[-1].strip(".,’'") not in ORG_WORDS}
            if len(first) > 1 and context:  # two Toms: the one the paragraph names
                first = {full for full in first if full[0] in context}
            if len(first) == 1:
                return next(iter(first))[0], role or next(iter(first))[1]
        return name, role


def attribution(text: str, start: int, end: int) -> Optional[Tuple[str, str]]:
    """(who, cue) of the attribution right after the quote or just before it, in its paragraph."""
    after = sentence_rest(text[end + 1:]) if end < len(text) else ""
    after = ACRONYM_IN_NAME_RE.sub("", after)  # "said … Customs Enforcement (ICE) John Morton"
    m = AFTER_CUE_RE.match(after)
    if m and m.group("cue") == "according to" and SOURCE_NOT_SPEAKER_RE.match(m.group("who")):
        m = None  # "“I killed her,” according to the investigation": a source of the account, not who spoke
    if m:
        head, comma, tail = m.group("who").partition(",")
        names = re.match(rf"(?:{NAME_TOKEN}|\d{{1,2}}(?=\s+[A-Z])|of|for|the|and|at|in|tem|\s)+", head)  # not "said Zudis as a warning … in a March 8"
        if names and names.group(0).strip() != head.strip() and re.search(r"[A-Z]", names.group(0)):
            return names.group(0), m.group("cue")  # the rest is no role
        return m.group("who"), m.group("cue")
    m = JUSTICE_AFTER_RE.match(text, end + 1) if end < len(text) else None
    if m:  # "“… contention of error.” (Justice Fybel)"
        return m.group("who"), None
    m = DASH_ATTRIBUTION_RE.match(text, end + 1) if end < len(text) else None
    if m:  # "“… while using a gun.” – District Attorney Tony Rackauckas"
        return m.group("who"), None
    m = NAME_COMMA_ROLE_CUE_RE.match(after.strip(" ,") + ",")
    if m and (m.group("role").split()[0].lower() in TITLE_WORDS or re.match(rf"(?:the\s+)?{RELATIVE}\b", m.group("role"))):
        return f"{m.group('who')}, {m.group('role')}", m.group("cue")  # "…,” Albert J. Roe, father of Albert Roe, said."
    m = AFTER_NAME_RE.match(after)
    rest = after[m.end():] if m else ""
    if m and not re.match(rf"{CUE_TAIL}\s*[,:]?\s*[“\"]", rest) and not (  # not "She went on to say, “…”"
            text[:end].rstrip().endswith((".", "!", "?")) and not re.match(rf"{CUE_TAIL}\s*(?:[.,;]|$)", rest)) and \
            not re.match(r"\s+(?:to|as)\s+(?!say|speak|add|explain|tell|ask)", rest):  # not "“no,” the defendant continued to hold her"
        return m.group("who"), m.group("cue")  # and not “… breath.” She continued on and described …
    before = text[:max(0, start - 1)]
    before = last_sentence(re.split(r"[”\"]\s+(?=[A-Z])", before)[-1]) if before else ""
    before = re.sub(r"\s*\([^()“”\"]{1,40}\)", "", before)  # "Council Member Mathieu Eugene (D-Flatbush) said,"
    m = BEFORE_CUE_FIRST_RE.search(before)
    if m and m.group("end") == ".":
        names = [t for t in m.group("who").split() if name_like(t)]
        titled = any(t.lower() in TITLE_WORDS - CONNECTORS for t in m.group("who").split())
        if len(names) < 2 and not (names and titled):
            m = None  # "… said Tuesday." is no attribution; "… said U.S. Attorney McQuade." is
    if m and m.group("who")[:1].isupper():
        return m.group("who"), m.group("cue") or "according to"
    m = NAME_COMMA_ROLE_CUE_RE.match(before)
    if m and (m.group("role").split()[0].lower() in TITLE_WORDS or re.match(rf"(?:the\s+)?{RELATIVE}\b", m.group("role"))):
        return f"{m.group('who')}, {m.group('role')}", m.group("cue")
    m = DESCRIBED_CUE_RE.search(before)  # "The mother of Jane Doe 1 said in part,"
    if m:
        name = named_in_apposition(before[:m.start()])
        if name and m.group("who")[:1].islower():  # "Anita Lester, the victim’s sister, writes": she is named
            return f"{name}, {m.group('who')}", m.group("cue")
        aside = (m.group("aside") or "").split()
        if len(aside) >= 2 and all(name_like(t) for t in aside):  # "The victim’s sister, Amanda Guzman, said"
            return f"{' '.join(aside)}, {described_name(m.group('who'))}", m.group("cue")
        return m.group("who"), m.group("cue")
    m = BEFORE_RE.search(before)
    who_words = m.group("who").replace(",", " ").split() if m else []
    if m and not all(w.lower() in CONNECTORS for w in who_words) and who_words[-1].lower() not in CONNECTORS:
        return m.group("who"), m.group("cue")  # not "spoke before the Court and said"
    m = TOLD_BY_RE.search(before)
    if m and m.group("who") in ("him", "her"):  # "approached by Hicks … and told by him “…”": Hicks
        agents = re.findall(rf"\bby\s+({NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}})", before[:m.start()])
        if agents:
            return agents[-1], m.group("cue")
    m = WRITING_SENT_RE.search(before) or m
    if m:  # "One text message he sent read, “…”", "told by the defendant “…”"; a pronoun is resolved by the caller
        return {"him": "he", "her": "she", "them": "they"}.get(m.group("who"), m.group("who")), m.group("cue")
    m = AS_BY_RE.search(before)
    if m:  # "As described by the California Supreme Court, “…”"
        return m.group("who"), m.group("cue")
    m = SAYING_BY_RE.search(before)
    if m:  # "a saying by President Truman, “…”"
        return m.group("who"), None
    m = WRITINGS_LISTED_RE.search(before)
    senders = [n.group(0) for n in re.finditer(rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,3}}", before[:m.start()])
               if n.start() > 0 and n.group(0).split()[0].lower() not in LEADING_WORDS | GENERIC_SUBJECTS] if m else []
    if senders:  # "… causing Roe to panic and send a flurry of text messages, including:"
        return senders[-1], None
    m = HEARD_RE.search(before)
    if m:  # "… when she heard him say “move, move”": the one heard, not the one who heard
        return {"him": "he", "her": "she", "them": "they"}.get(m.group("who"), m.group("who")), m.group("cue")
    m = WHOM_CUE_RE.search(before)
    if m:  # "Victor Roe, whom officers recognized, shouted “…”"
        return m.group("who"), m.group("cue")
    m = WHO_SAID_RE.search(before)
    if m:  # "grabbed from behind by the defendant, who put her in a chokehold and said:", "Foust, who told officers that …"
        return m.group("who"), m.group("cue")
    m = STATEMENT_RE.search(before) if before.rstrip().endswith(":") else None
    if m:  # "Sessions today issued the following statement on the … report:", not the dateline of "WASHINGTON The …"
        return re.sub(r"^(?:[A-Z]{2,}[ \t,]+)+(?=[Tt]he\s)", "", m.group("who")), m.group("cue")
    m = SIGNED_BY_RE.search(before) or ON_BEHALF_RE.search(before)
    if m:  # "a note signed by the defendant that said, “…”": who wrote it, not who found it; "a statement … on behalf of
        return m.group("who"), m.group("cue")  # the County of Orange …, and stated in part, “…”": whose statement
    m = ACCORDING_COURT_RE.match(before)
    if m:  # "According to the court, the “end result” … was “…”": the whole sentence is the court's
        return m.group("who"), "according to"
    m = CLAUSE_CUE_RE.search(before)
    if m:
        subjects = [s for s in SUBJECT_RE.finditer(before) if s.end() <= m.start()]
        described = [d for d in DESCRIBED_MENTION_RE.finditer(before) if d.end() <= m.start() and
                     not re.search(r",\s*who\s+(?:is|was)\s+$", before[:d.start()]) and
                     not OBJECT_BEFORE_RE.search(before[:d.start()])]
        if described and (not subjects or described[-1].start() >= subjects[-1].start()):
            name = named_in_apposition(before[:described[-1].start()])
            if name and described[-1].group(0)[:1].islower() and before[described[-1].end():].lstrip().startswith(","):
                return f"{name}, {described[-1].group(0)}", m.group("cue")  # "Lenora Roe, the victim’s mother, told …"
            return described_name(described[-1].group(0)), m.group("cue")
        subjects = [s for s in subjects
                    if s.group("who").split()[0].lower() not in LEADING_WORDS | {"the", "a", "an"} or
                    s.group("who").lower().startswith("the ")]
        subjects = [s for s in subjects if before[:s.start()].split()[-1:] == [] or
                    before[:s.start()].split()[-1].lower() not in PREPOSITIONS | {"the", "a", "an", "as"}]
        subjects = [s for s in subjects if not re.search(r"\b(?:at|to|with|on|toward|towards|against|by)\s+(?:Mr|Mrs|Ms|Dr)\.?\s+$",
                                                         before[:s.start()])]  # "lunged at Mr. Lawson": the one attacked
        if subjects:
            return subjects[-1].group("who"), m.group("cue")
        opening = re.match(rf"\s*(?P<who>{NAME_TOKEN}(?:\s+{NAME_TOKEN})+)(?:,|\s+(?:of|from|with|at)\s)", before)
        if opening:  # "Kevin Marlin of the Society … also spoke at the news conference and stated in part,"
            return opening.group("who"), m.group("cue")
    m = DESCRIBED_REPORTED_RE.match(before)
    if m:
        return m.group("who"), m.group("cue")
    m = REPORTED_RE.match(before)
    if m:  # a partial quote in reported speech: "Rackauckas stated that the Office is “committed to …”"
        return m.group("who"), m.group("cue")
    m = REPORTED_PARTICIPLE_RE.match(before)
    if m:  # "Holder said the U.S. and its allies …, observing that … “…”"
        return m.group("who"), m.group("cue") or m.group("argued")
    m = ACCORDING_DOCUMENT_RE.match(before)
    if m and DOCUMENT_RE.search(m.group("who")):  # "According to the agreement, “throughout the course of the investigation …”"
        return m.group("who"), "according to"
    m = ACCORDING_RE.match(before)
    if m:  # "According to the Supreme Court a blanket paper “occurs when …”"
        return m.group("who"), "according to"
    m = HEADING_RE.match(before)
    if m:  # "Comments from Orange County District Attorney Tony Rackauckas “When I became …”"
        return m.group("who"), None
    if NAME_HEADING_RE.fullmatch(before.strip()) and not HEADING_WORDS_RE.search(before) and \
            not (before.isupper() and re.search(rf"\b(?:{CUES}|complained|reported)\b", before.lower())):
        # "Superintendent Larry Snelling, Chicago Police Department “Our …”", not "RESIDENTS … COMPLAINED TO LAW ENFORCEMENT"
        name, role = split_who(before.strip())
        if name and role and len(name.split()) >= 2 and name.split()[-1] not in ORG_WORDS:
            return before.strip(), None
    m = SUBJECT_AND_RE.match(before) if text[start:start + 1].islower() else None
    if m and m.group("who").split()[-1].lower() not in CONNECTORS:  # "The Division of … investigated and “determined …”"
        return m.group("who"), m.group("cue")
    m = PRIOR_SPEAKER_RE.match(before)
    if m:  # "Roe emphasized the importance of … . “The Office will …”"
        return m.group("who"), m.group("cue")
    m = IN_WHICH_RE.search(before)
    if m:  # "a letter in which Alexander allegedly advised a married couple "to look …"
        return m.group("who"), m.group("cue")
    m = COLON_SUBJECT_RE.match(before)
    if m and m.group("who").split()[0].lower() not in LEADING_WORDS | GENERIC_SUBJECTS:
        return m.group("who"), m.group("cue")  # "Roe addressed the family: “…”"
    m = GAVE_STATEMENT_RE.search(before)
    if m:  # "the OAG provided a non-responsive statement: “…”"
        return m.group("who"), m.group("cue")
    m = EXCERPTS_RE.match(before)
    if m:  # "Excerpts of the ruling by the Court of Appeal, Fourth Appellate District “We do not agree …”"
        return (m.group("who") or "the " + m.group("doc").split()[-1].lower()), None
    m = FILED_RE.search(before)
    if m:  # "OCDA filed a brief arguing the following “The trial court erred …”"
        return m.group("who"), m.group("cue")
    m = WRITING_READ_RE.match(before) or READ_OWN_WRITING_RE.search(before)
    authors = list(WRITTEN_BY_NAME_RE.finditer(text[:max(0, start - 1 - len(before))])) if m else []
    if authors:  # "Susan Roe prepared a victim impact letter. The letter read, “…”": who wrote it
        return authors[-1].group("who") or authors[-1].group("by"), m.group("cue")
    m = WRITTEN_BY_RE.search(before)
    if m and not TITLED_RE.search(before):  # not "the Grand Jury’s report entitled “The Myth of …”"  # "At trial, the defendant’s statements were introduced …, “…”", "In Price’s impact statement, he …"
        return m.group("who"), None
    return None


INNER_CUE_RE = re.compile(rf",\s+(?P<cue>{SAID_CUES})\s+(?=[A-Z])")
# the same with the name first: "“… protect illegal aliens, Attorney General Jeff Roe said. These policies …”"
INNER_NAME_CUE_RE = re.compile(r",\s+(?P<who>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,6})\s+(?P<cue>said|stated|added)\.(?=\s|$)")


def names_someone(who: str) -> bool:
    """Do these words name a person: two name-like words, or one after a title ("Special Agent in Charge Khin")?"""
    names = [t for t in who.split() if name_like(t)]
    return len(names) >= 2 or bool(names and any(t.lower() in TITLE_WORDS - CONNECTORS for t in who.split()))


def split_at_inner_attribution(text: str, spans: List[Span]):
    """(span, attribution or None) for each span; a span whose closing mark was lost before its attribution
    ("“Hate crimes have no place here, said Acting U.S. Attorney Carlie Christensen. They hurt us all.”")
    is cut in two: the words before the attribution, said by its speaker, and the words after."""
    for span in spans:
        quote = text[span.start:span.end]
        m = INNER_CUE_RE.search(quote)
        rest = quote[m.end():] if m else ""
        stop = next(sentence_ends(rest), None) if m else None
        who = rest[:stop] if stop is not None else ""
        if stop is None and m and span.end - span.start - m.end() < 120:
            stop, who = len(rest.rstrip(" .")), rest.rstrip(" .")  # the attribution ends the span
        if not m or stop is None or not names_someone(who):
            m = INNER_NAME_CUE_RE.search(quote)
            if m and names_someone(m.group("who")):
                yield Span(span.start, span.start + m.start() + 1, span.passage, span.continues), (m.group("who"), m.group("cue"))
                if quote[m.end():].strip():
                    yield Span(span.start + m.end(), span.end, span.passage, False), None
            else:
                yield span, None
            continue
        yield Span(span.start, span.start + m.start() + 1, span.passage, span.continues), (who, m.group("cue"))
        if quote[m.end() + stop + 1:].strip():
            yield Span(span.start + m.end() + stop + 1, span.end, span.passage, False), None


# words before a description in apposition that are a time or a place, not a name: "On Friday, the victim’s mother …"
NOT_A_NAME_RE = re.compile(r"^(?:On|In|At|After|Before|During|Today|Yesterday|Last|This|Then|Later)\b|\b(?:Monday|Tuesday|Wednesday|"
                           r"Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|"
                           r"November|December)\b")
def named_in_apposition(text: str) -> Optional[str]:
    """The name a text ends with before a comma, when a description in apposition follows it ("Anita Lester, the
    victim’s sister, …"); not a time or a place ("On Friday, the victim’s mother, …")."""
    name = re.search(rf"(?:^|[^\w’'])((?:{NAME_TOKEN}\s+){{1,3}}{NAME_TOKEN}),\s*$", text)
    return name.group(1) if name and not NOT_A_NAME_RE.search(name.group(1)) else None


# a person described after a verb of telling or a preposition is the one told, not who speaks: "he told a bystander … to “…”"
OBJECT_BEFORE_RE = re.compile(r"\b(?:told|tell|tells|telling|asked|asks|asking)\s+$")


def described_before(text: str) -> Optional[str]:
    """The person a paragraph last describes without a name before a pronoun's quote ("… submitted to the court
    by the victim’s sister. She said in part, “…”"), when no one is named after it as the subject of a clause (not
    "… her only brother who loved Paw Patrol, playing …")."""
    text = re.sub(r"“[^“”]*”|\"[^\"]*\"", lambda m: " " * len(m.group(0)), text)  # not someone a quote mentions
    found = [d for d in DESCRIBED_MENTION_RE.finditer(text) if not OBJECT_BEFORE_RE.search(text[:d.start()])]
    if not found:
        return None
    after = text[found[-1].end():]
    if re.match(rf",?\s+{NAME_TOKEN}\s+{NAME_TOKEN}", after) or re.search(
            rf"{NAME_TOKEN}(?<![a-z]\.)\s+{NAME_TOKEN},?\s+(?:[a-z]+ed|[a-z]+s|said|told|was|is|who|had|then|also|gave|made|read|spoke|wrote|took)\b",
            after):
        return None
    return described_name(found[-1].group(0))


def mentioned(speaker: Optional[Tuple[str, Optional[str]]], *passages) -> bool:
    """Is the speaker (by surname) named in the text of any of these paragraphs (str or Passage)?"""
    if not speaker or not speaker[0]:
        return False
    surname = speaker[0].split()[-1]
    return any(p is not None and surname in (p if isinstance(p, str) else p.text) for p in passages)


def named_before(text: str, people: "People") -> Optional[Tuple[str, Optional[str]]]:
    """The last person a paragraph names as a sentence's subject before a pronoun's quote: "Jane Doe 1 gave an
    impact statement … “…,” she stated." """
    found = None
    # "Jane Doe 1 gave …", "the victim’s daughter, Catherine Asher, gave …"
    # or as the agent of a passive, who wrote or said it: "Those statements are recounted by SAPD Detective Jeff Launi in …"
    for m in re.finditer(rf"(?=(?:^|(?<=[.!?])\s+|(?<=,)\s+|\b(?:though|although|because|after|when|while|since|as|if)\s+|"
                         r"\b(?:written|recounted|authored|prepared|signed|filed|submitted|delivered|issued|sent|posted|given|made)\s+by\s+)"
                         rf"(?P<who>(?:Jane|John) Doe(?: \d+)?|{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,3}}),?\s+[a-z])", text):
        who = m.group("who")
        if re.match(r"(?:Jane|John) Doe", who):
            found = (who, None)
            continue
        if HEADING_WORDS_RE.search(who):
            continue  # "Victim Impact Statement One of Roe’s victims wrote …": a heading, not a name
        name, role = split_who(who)
        if name and len(name.split()) >= 2:
            found = people.resolve(name, role)
        elif name and name.lower() in people.full:  # "Ryder had never seen …": a surname the release gives in full
            found = people.resolve(name, role)
    return found


# someone a paragraph names as speaking in reported speech before a pronoun's quote: "…, Baez says, he would not be
# where he is today. He continued, “…”"
SPOKE_RE = re.compile(rf"(?P<who>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,3}}),?\s+(?:also\s+)?(?:says|said|stated|states|explained|"
                      r"recalls|recalled|added|adds|noted|notes|believes|told)\b")


def spoke_before(text: str, people: "People") -> Optional[Tuple[str, Optional[str]]]:
    """The last person a paragraph reports as speaking before a pronoun's quote, when it names one."""
    text = re.sub(r"“[^“”]*”|\"[^\"]*\"", lambda m: " " * len(m.group(0)), text)
    found, end = None, 0
    for m in SPOKE_RE.finditer(text):
        name, role = split_who(m.group("who"))
        if name and (len(name.split()) >= 2 or name.lower() in people.full):
            found, end = people.resolve(name, role), m.end()
    if found and named_before(text[end:], people):
        return None  # "Ann Roe said the case was hard. John Doe pleaded guilty. He said, …": John Doe
    return found


def described_name(who: str) -> str:
    """A described speaker as a name: "The victim’s daughter" → "the victim’s daughter"; "Meza’s son" kept."""
    who = who.strip(" ,.")
    return who[0].lower() + who[1:] if re.match(r"(?:The|Another|One|An?|His|Her|Their)\s", who) else who


def quotation(text: str, start: int, end: int, opens: bool) -> bool:
    """Are the words between start and end of a paragraph (no attribution found) words someone said or wrote?

    Not a title ("OCDA Report Officer-Involved Shooting Investigation – …": most words capitalised),
    not a short term with no speech cue in its sentence ("pleaded “not guilty by reason of insanity”",
    "defined as “Forced labor or services”"); a paragraph that opens with a quotation is a statement.
    """
    quote = text[start:end]
    words = quote.split()
    if len(words) < MIN_WORDS:
        return False
    if title_like(quote):
        return False
    if opens:
        return True
    before = last_sentence(text[:max(0, start - 1)])
    after = sentence_rest(text[end + 1:]) if end < len(text) else ""
    if (len(words) < 15 and TERM_BEFORE_RE.search(before)) or TITLED_RE.search(before):
        return False  # a term, or a title however long: "the press release entitled “Man faces trial …”"
    return len(words) >= 15 or bool(SPEECH_RE.search(before) or SPEECH_RE.search(after))


def title_like(quote: str, short: bool = False) -> bool:
    """Most of its longer words capitalised: the title of a report, a release, a program, a law; with short,
    only a phrase of a few words ("Special Handling Log."), which even after "he testified" names a thing."""
    words = quote.split()
    long_words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", quote) if len(w) > 3]
    if short and (len(words) > 6 or len(long_words) < 2 or quote.rstrip()[-1:] in ",!?" or
                  re.search(r"\b(?:am|is|are|was|were|not|you|we|me|my)\b", quote)):
        return False  # "I am not Charlie Manson." is a sentence, not a name
    return len(long_words) >= (2 if short else 3) and sum(w[0].isupper() for w in long_words) >= (
        0.99 if short else 0.6) * len(long_words)


# a cue right before a short quote, with at most a few words between: "said “no,”", "replied “Ignacio Gomez,”",
# "stated to officers that he was “going fishing.”"
SHORT_CUE_RE = re.compile(rf"\b(?:{CUES}|{PARTICIPLE_CUES}|answered|yelling|shouting|screaming|asking|replying)\b(?:\s+[^\s“”\"]+){{0,6}}"
                          r"\s*[,:]?\s*[“\"]?$", re.I)


NICKNAME_RE = re.compile(r"\b(?:aka|a/k/a|a\.k\.a\.?|also known as|known as|nicknamed|alias|called|moniker|nickname|street name|calling\s+(?:\w+\s+){0,2}?)\s*[,:]?\s*[“\"]?$", re.I)


def cued(text: str, start: int, end: int, gap: int = 6) -> bool:
    """Is a short quote said, not a term: a speech cue at most gap words before it (not a nickname's "aka") or its
    attribution right after it?"""
    before = last_sentence(text[max(0, start - 300):max(0, start - 1)])
    after = sentence_rest(text[end + 1:end + 300]) if end < len(text) else ""
    if NICKNAME_RE.search(before):
        return False  # aka “Wizard,”; by calling them “fake.”
    cue = SHORT_CUE_RE.search(before)
    if cue and len(re.findall(r"\s[^\s“”\"]+", cue.group(0))) > gap:
        cue = None
    return bool(cue or AFTER_CUE_RE.match(after) or AFTER_NAME_RE.match(after))


BARE_ATTRIBUTION_RE = re.compile(rf"^\s*(?P<who>[^.“”\"]+?)\s+(?P<cue>{SAID_CUES})\s*[.:]?\s*$")


def announced_by(passage: Passage) -> Optional[Tuple[str, str]]:
    """(who, cue) of a paragraph that announces the statement after it: "… released the following statement:", "The …
    Office (OCDA) has released a statement regarding …", "The following statement may be attributed to …"."""
    announced = re.sub(r"\s*\([A-Z]{2,8}\)", "", passage.text[-600:])
    statement = STATEMENT_RE.search(announced) or STATEMENT_FROM_RE.search(announced)
    return (statement.group("who"), statement.group("cue")) if statement else None


def bare_attribution(passage: Optional[Passage]) -> bool:
    """A short paragraph that only says who spoke ("State’s Attorney Burke said.")."""
    return passage is not None and len(passage.text) < 120 and not quote_marks(passage.text) and \
        bool(re.search(rf"\b(?:{CUES})\b", passage.text))


def interviewee_of(document: Document) -> Optional[str]:
    """The one person a release interviews, with the title before the name: "Meet Confidential Legal Secretary
    Marilu Glassman" (in its title or its text)."""
    m = re.search(rf"\b(?:Meet|Q&A with|Questions for|[Ii]nterview with|Spotlight:?|Get(?:ting)? to Know)\s+(?:the\s+)?((?:{NAME_TOKEN}[ \t,]+){{1,8}}"
                  rf"{NAME_TOKEN})", document.title) or \
        re.search(rf"\bMeet\s+(?:the\s+)?((?:(?:{NAME_TOKEN}|of|the|for|and)[ \t,]+){{1,10}}{NAME_TOKEN})", document.text[:2000])
    if not m:
        return None
    tokens = [t.strip(",") for t in m.group(1).split() if t.strip(",")]
    return " ".join(tokens) if len(tokens) >= 2 and all(name_like(t) for t in tokens[-2:]) else None


ANNOUNCES_RE = re.compile(rf"^\s*(?P<who>(?:{NAME_TOKEN}\s+){{1,8}}{NAME_TOKEN})\s+(?:Announces|Announced|Says|Statement|Issues|Comments|"
                          r"Responds|Reacts|Applauds|Praises|Condemns|Urges|Calls)\b")


UNNAMED_TITLES = ("commissioner|prosecutor|detective|officer|deputy|sergeant|investigator|witness|doctor|nurse|teacher|coach|"
                  "principal|manager|owner|clerk|trooper|agent|chairman|chairwoman|chair|mayor|governor|sheriff")


def signer_of(passages: List[Passage]) -> Optional[str]:
    """The one who signs a release that is one statement: its last paragraph only a name and a title ("Susan Kang
    Roe Chief of Staff"), and its first paragraph a quotation."""
    body = [p for p in passages if p.kind != "contact" and p.text.strip()]
    if len(body) < 2 or not body[0].text.lstrip().startswith(("“", '"')):
        return None
    last = body[-1].text.strip()
    if len(last) > 90 or quote_marks(last) or re.search(r"\b[a-z]{4,}\b", last):
        return None
    name, role = split_who(last)
    return last if name and role and len(name.split()) >= 2 else None


def announcer_of(document: Document) -> Optional[str]:
    """The person a release's title says announces or speaks, with a title and a full name ("Brooklyn District Attorney
    Ken Thompson Announces …"), or None."""
    m = ANNOUNCES_RE.match(document.title or "")
    if not m:
        return None
    name, role = split_who(m.group("who"))
    return m.group("who") if name and role and len(name.split()) >= 2 else None


# a release that quotes a document by excerpt: "Direct Excerpts From the Opinion …", "The following are direct excerpts …";
# whose document it is: "The People’s Filed Brief …", "… the Court of Appeal …"
EXCERPTS_ANNOUNCED_RE = re.compile(r"\b(?:excerpts?|passages)\b[^.]{0,120}?\b(?:opinion|ruling|decision|brief|order|letter|filing)s?\b|"
                                   r"\b(?:opinion|ruling|decision|brief|order|letter|filing)s?\b[^.]{0,120}?\bexcerpts?\b|"
                                   r"\b[Tt]he following (?:are|is) (?:direct |selected |some )?excerpts?\b", re.I)
DOCUMENT_OWNER_RE = re.compile(r"(?P<who>\b(?:[Tt]he\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,4})[’']s?\s+(?:[Ff]iled\s+|[Ww]ritten\s+|[Oo]pening\s+)?"
                               r"(?:[Bb]rief|[Oo]pinion|[Rr]uling|[Ll]etter|[Mm]otion|[Rr]esponse|[Dd]ecision)\b")
EXCERPT_COURT_RE = re.compile(r"\b((?:California\s+|U\.S\.\s+)?Supreme\s+Court|Court\s+[Oo]f\s+Appeals?(?:,\s+[A-Z][a-z]+\s+Appellate\s+District"
                              r"(?:,\s+Division\s+[A-Z][a-z]+)?)?|Appellate\s+Court)\b")
# a new section of a release: "Rodriguez’s Second Trial In early 2005, …", "Habeas Corpus Petition In July 2014, …"
SECTION_START_RE = re.compile(r"^(?:[A-Z][\w’'-]*\s+){2,6}(?:In|On|After|Before|During)\s+(?:[a-z]|[A-Z][a-z]+\s+\d)")


def excerpt_authors(passages: List[Passage], people: "People", document: Document) -> Dict[int, str]:
    """For each paragraph of a release that quotes a document by excerpt, whose document it is: from the paragraph
    that announces the excerpts ("Direct Excerpts From the Opinion …", "The People’s Filed Brief …") to the next
    section."""
    author, found = None, {}
    for k, passage in enumerate(passages):
        text = passage.text.strip()
        owner = DOCUMENT_OWNER_RE.match(text)
        if EXCERPTS_ANNOUNCED_RE.search(text) or (owner and not text.startswith(("“", '"'))):
            owner = owner or DOCUMENT_OWNER_RE.search(text)
            # the court whose opinion it is, named in the paragraph or the three before it
            court = next((m for m in (EXCERPT_COURT_RE.search(p.text) for p in passages[k::-1][:4]) if m), None)
            if owner and re.fullmatch(r"(?:[Tt]he\s+)?People", owner.group("who")):
                author = publisher_name(document) or "the People"
            elif court:
                author = re.sub(r"\bOf\b", "of", court.group(1))
            elif owner:
                author = re.sub(r"^[Tt]he\s+", "", owner.group("who"))
            else:
                author = people.court or "the court"
        elif SECTION_START_RE.match(text):
            author = None
        found[passage.number] = author
    return found


def quotes_of(document: Document, passages: List[Passage]) -> List[Quote]:
    """Every direct quote of a release with its speaker, role, cue and utterance."""
    people = People(document)
    interviewee = interviewee_of(document)
    statement_by = STATEMENT_TITLE_RE.match(document.title or "")
    # "STATEMENT ON …" names no one: the publisher's statement
    statement_on = publisher_name(document) if not statement_by and \
        re.match(r"\s*(?:Statement|STATEMENT)\s+(?:on|On|ON|regarding|REGARDING)\s", document.title or "") else None
    first = next((p for p in passages if p.kind != "contact" and p.text.strip()), None)
    opening_statement = announced_by(first) if first is not None and first.text.rstrip().endswith(":") and \
        not quote_marks(first.text) else None  # "Attorney General Eric Holder released the following statement today …:"
    announcer = announcer_of(document)
    signer = signer_of(passages)
    body = [p for p in passages if p.kind != "contact"] or [None]
    by_number = {p.number: p for p in passages}
    excerpted = excerpt_authors(passages, people, document)
    found: List[dict] = []
    last_speaker: Optional[Tuple[str, Optional[str]]] = None
    for span, inner in split_at_inner_attribution(document.text, quoted_spans([p for p in passages if p.kind != "contact"])):
        text = document.text[span.start:span.end]
        stripped = text.strip()
        if not stripped:
            continue
        local_start = span.start - span.passage.start
        local_end = span.end - span.passage.start
        who_cue = inner or attribution(span.passage.text, local_start, local_end)
        opens = not span.passage.text[:max(0, local_start - 1)].strip()  # the paragraph opens with the quote
        if who_cue is None and opens and not span.continues and excerpted.get(span.passage.number) and len(text.split()) >= 6:
            who_cue = excerpted[span.passage.number], None  # a paragraph of the opinion or brief the release quotes by excerpt
        first_in_paragraph = not any(q["passage"] is span.passage for q in found)
        previous = by_number.get(span.passage.number - 1)
        said_before = span.passage.text[max(0, local_start - 600):max(0, local_start - 1)]  # the recent context
        if who_cue is None and opens and not span.continues and previous is not None:
            if previous.text.rstrip().endswith(":"):
                who_cue = attribution(previous.text, len(previous.text) + 1, len(previous.text))  # "… said:" ¶ “…”
                said_before = previous.text[-600:]  # "… recounted by Detective Jeff Launi … He writes, in part:" ¶ “…”
            if who_cue is None and not previous.text.rstrip().endswith(("”", '"')):
                # "Attorney General Eric Holder released the following statement …:", "… Michael Lubinski has released a
                # statement regarding the order …" ¶ “We respectfully …”
                who_cue = announced_by(previous)
        following = by_number.get(span.passage.number + 1)
        if who_cue is None and following is not None and not span.passage.text[local_end + 1:].strip(" ”\"") and \
                NEXT_DASH_RE.match(following.text):
            who_cue = NEXT_DASH_RE.match(following.text).group("who"), None  # "“…”" ¶ "--Judge J. Michael Roe"
        if who_cue is None and publisher_name(document) and \
                OUR_MISSION_RE.search(span.passage.text, max(0, local_start - 80), max(0, local_start - 1)):
            who_cue = publisher_name(document), None  # "… on our Mission, which is “to enhance public safety …”"
        if who_cue is None and people.document_author and PAGE_CITE_RE.match(span.passage.text, local_end + 1):
            who_cue = people.document_author, None  # "“…” (p. 24)": the words of the document the release quotes
        if who_cue is None and opens and not span.continues and bare_attribution(previous):
            m = BARE_ATTRIBUTION_RE.match(previous.text)
            who_cue = (m.group("who"), m.group("cue")) if m and m.group("who")[:1].isupper() else None
        if who_cue is None and signer and opens and not span.continues:
            who_cue = signer, None  # a statement signed at its end: "Susan Kang Roe Chief of Staff"
        if who_cue is None and announcer and not found and opens and span.passage is body[0] and \
                not re.search(rf"\b(?:{CUES}|{PARTICIPLE_CUES})\b", span.passage.text[local_end:]):
            who_cue = announcer, None  # the release opens with the words of the one its title says announces
        if who_cue is None and opening_statement and opens and not span.continues:
            who_cue = opening_statement  # a later paragraph of the statement the first one announces
        if who_cue is None and statement_by and not span.continues:  # the release is the statement of the one its title names
            who = statement_by.group("who") or statement_by.group("owner")
            who_cue = (who.title() if who.isupper() else who), None
        if who_cue is None and statement_on and opens and not span.continues:
            who_cue = statement_on, None
        if who_cue is None and opens and not span.continues and previous is not None and interviewee and \
                previous.text.rstrip().endswith("?") and not quote_marks(previous.text):
            who_cue = interviewee, None  # an answer after a question, in a release that interviews one person
        forward = False
        if who_cue is None and first_in_paragraph and not span.passage.text[local_end + 1:].strip():
            if following is not None:
                m = AFTER_NAME_RE.match(following.text) or AFTER_CUE_RE.match(following.text)
                if m and m.start("who") < 80:
                    who_cue, forward = (m.group("who"), m.group("cue")), True
                dash = DASH_ATTRIBUTION_RE.match(following.text) if not m else None
                if dash:  # “…” ¶ "– District Attorney Tony Rackauckas SB 10 would …"
                    who_cue, forward = (dash.group("who"), None), True
                bare = FOLLOWING_BARE_RE.match(following.text) if not m and not dash else None
                if bare and all(w[:1].isupper() or w.lower() in TITLE_WORDS for w in bare.group("who").replace(",", " ").split()):
                    # only who said it, in names and titles: not "Roe thanked the FBI for its assistance, the office said."  # “…,” ¶ "MJB Deputy Bureau Chief, Assistant State’s Attorney David Williams, who leads CCROC, said."
                    who_cue, forward = (bare.group("who"), bare.group("cue")), True
        in_statement = bool(found) and found[-1]["passage"] is span.passage and found[-1]["speaker"]
        statute = who_cue is None and STATUTE_BEFORE_RE.search(span.passage.text, max(0, local_start - 90), local_start)
        statute = statute or (who_cue is None and len(stripped.split()) <= 3 and  # a “25% off” summer sale
                              re.search(r"\b(?:a|an|the|its|their|his|her)\s+[“\"]?$", span.passage.text[:local_start]) and
                              re.match(r"[”\"]?\s+[a-z]", span.passage.text[local_end:]))
        # a word or two in quotation marks with no cue next to them is a term ("by calling them “fake.”"), a short
        # capitalised phrase a label ("a notation on the checks, “Equity Due On Trade,”")
        sentence_said = stripped[:1].isupper() and stripped.rstrip("”\"’'")[-1:] in ".!?"  # "We will continue."
        # a word or two after an article or "or" and before the sentence goes on is a term even beside a cue: "asking her for
        # an “exclusive” relationship", "wrote 11 checks to herself or “cash” from this account"
        inline = len(stripped.split()) <= 2 and not sentence_said and \
            re.search(r"\b(?:a|an|the|its|their|his|her|or)\s+[“\"]?$", span.passage.text[:local_start]) and \
            re.match(r"[”\"]?\s+[a-z]", span.passage.text[local_end:])
        term = not span.continues and not inner and not opens and (inline or
            (len(stripped.split()) <= 3 and not sentence_said and not cued(span.passage.text, local_start, local_end)) or
            (title_like(stripped.rstrip(","), short=True) and not cued(span.passage.text, local_start, local_end, gap=2)))
        if who_cue is None and not opens and not span.continues and \
                LEGAL_TEXT_RE.search(last_sentence(span.passage.text[max(0, local_start - 300):max(0, local_start - 1)])):
            continue  # the wording of a law or a rule, not words someone said
        if len(stripped.split()) <= 3 and not opens and \
                NICKNAME_RE.search(span.passage.text[max(0, local_start - 60):max(0, local_start)]):
            continue  # "also known by his gang moniker “Crow.”": a name
        if re.match(rf"(?:{SAID_CUES})\s+(?:[A-Z][\w.’'-]*\s+){{1,4}}[A-Z][\w.’'-]*,", stripped):
            continue  # quotation marks paired the wrong way round: narration, not words said
        if (who_cue is None and not in_statement and not span.continues and
                not quotation(span.passage.text, local_start, local_end, opens)) or title_like(stripped, short=True) or \
                (who_cue is None and not opens and title_like(stripped)) or \
                ACRONYM_RE.fullmatch(stripped) or statute or term:
            continue  # a title, a name or a term in quotation marks, not words someone said
        speaker = role = cue = None
        if who_cue:
            who, cue = who_cue
            noun = re.sub(r"^the\s+", "", who.strip(" ,.").lower())
            if who == publisher_name(document):
                speaker = who  # the office that publishes the release speaks in its own words
            elif who.strip(" ,.").lower().startswith("the ") and noun in ROLE_NOUNS:
                named = people.by_role.get(noun) or (people.by_role.get("defendant") if noun == "inmate" else None)
                speaker, role = named, noun if named else None  # "The inmate told the victim": the one the release is about
            elif re.fullmatch(r"the (?:opinion|ruling|decision)", who.strip(" ,."), re.I):
                # "The opinion stated in part, …": the one court the release names, or its one judge
                speaker, role = (people.court, None) if people.court else (people.judge or (None, None))
            elif COURT_RE.fullmatch(who.strip(" ,.")):
                court = COURT_RE.fullmatch(who.strip(" ,.")).group(1)
                # "the court stated"; "the Court of Appeal" as the release writes it
                speaker, role = (court if court[0].isupper() and " of " in court else "the " + court.lower()), None
                if speaker == "the court" and people.court:
                    speaker = people.court  # the court the release names: "the Orange County Superior Court"
                elif speaker == "the court" and people.judge:
                    speaker, role = people.judge  # the one judge the release names: "U.S. District Judge Ortrie D. Smith"
                elif speaker in ("the panel", "the board") and people.board:
                    speaker = people.board  # "the Panel denied parole": the parole board the release names
            elif ORG_NAME_RE.fullmatch(who.strip(" ,.")) and not ends_with_person(who.strip(" ,."), people):
                # "The Division of Occupational Safety and Health", "the Office of the Inspector General", not "… Inspector
                # General Daniel R. Roe"
                speaker = re.sub(r"^[Tt]he\s+", "", who.strip(" ,."))
            elif COURT_NAME_RE.fullmatch(who.strip(" ,.")):
                speaker = COURT_NAME_RE.fullmatch(who.strip(" ,.")).group("court")  # "the Court of Appeal, Fourth …"
            elif DESCRIBED_RE.fullmatch(who.strip(" ,.")) or DESCRIBED_RE.fullmatch(described_name(who)):
                speaker, role = described_name(who), None  # "the victim’s daughter", "Meza’s youngest son"
            elif re.fullmatch(r"the (?:defendants|suspects|victims)", who.strip(" ,."), re.I):
                speaker = who.strip(" ,.").lower()  # "the defendants are accused of sending an email stating, …"
                if speaker == "the defendants" and len(people.aged) == 2:
                    speaker = " and ".join(people.aged)  # the two the release names with their ages
            elif who.strip(" ,.").lower() in ("it", "this", "that", "there"):
                speaker = None  # "It stated in part, …": a document the sentence before names, not a person
            elif who.strip(" ,.").lower() in SPANISH_ROLES:  # "El acusado les dijo que …": the defendant
                noun = SPANISH_ROLES[who.strip(" ,.").lower()]
                speaker, role = people.by_role.get(noun), (noun if people.by_role.get(noun) else None)
            elif who.strip(" ,.").lower() in ("the excerpts", "the excerpt"):
                speaker = people.document_author or people.title_author  # "Selected excerpts:" of the one document named
            elif who.strip(" ,.") in ("Another", "One", "Others"):
                # "Another said in part, …": another of the people the paragraph is about, named no more than that
                nearby = span.passage.text[:max(0, local_start)] + (previous.text if previous is not None else "")
                kind = re.search(r"\b(victim|witness|survivor|juror|neighbou?r|officer|resident)s?\b", nearby, re.I)
                speaker = f"{who.strip(' ,.').lower()} {kind.group(1).lower()}" if kind else None
            elif who.strip().lower() in PRONOUNS:
                described = described_before(said_before)
                spoke = None if described else spoke_before(said_before, people)
                named = None if described or spoke or mentioned(last_speaker, said_before) else named_before(said_before, people)
                # who the paragraph names as speaking or as the subject before the pronoun, not the last speaker of
                # an earlier paragraph: "… Kumpf helped guard … he stated his job was to “shoot them to kill.”"
                speaker, role = (described, None) if described else (spoke or named or last_speaker or (None, None))
                if not described and not spoke and not named and not mentioned(last_speaker, span.passage.text, previous):
                    # the last speaker is not in this paragraph or the one before: "He looked at the camera and said"
                    # is someone the paragraph names, the defendant it is about, or no one kb can tell
                    about_defendant = re.search(r"\bthe defendant\b", span.passage.text[:max(0, local_start - 1)] +
                                                (previous.text if previous is not None else ""), re.I)
                    reported = spoke_before(previous.text, people) if previous is not None and not said_before.strip() else None
                    opening = span.passage.text.lstrip().lower().startswith(who.strip().lower() + " ")
                    subject = named_before(previous.text, people) if previous is not None and opening and \
                        not about_defendant else None
                    if reported:  # "Public Defender Jane Roe said the law …" ¶ "“…,” she said."
                        speaker, role = reported
                    elif subject:  # "… Roe picked up her stepfather …" ¶ "She texted her friend that she “…”"
                        speaker, role = subject
                    else:
                        speaker, role = (people.by_role.get("defendant"), None) if about_defendant else \
                            (people.resolve(*split_who(interviewee)) if interviewee else (None, None))  # "Meet Paralegal Sandy Barajas"
            elif ORG_RE.match(who.strip(" ,.")):
                speaker, role = document.publisher or who.strip(" ,."), None
            elif ORG_PHRASE_RE.match(who.partition(",")[0].strip(" ,.")):  # "according to the state’s attorney’s office, but …"
                own = re.search(r"\b(?:attorney|prosecutor)", who, re.I) and publisher_name(document)
                speaker, role = own or who.partition(",")[0].strip(" ,."), None
            elif re.fullmatch(r"(?:the\s+)?(?:County|City|State|Town|Village)\s+of\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}",
                              who.strip(" ,.")):
                speaker = re.sub(r"^the\s+", "", who.strip(" ,."))  # "on behalf of the County of Orange": the body, not a person
            elif re.search(r"(?:^|\s)[Tt]he People$", who.strip(" ,.")):  # "The People explain in a … letter that …": the prosecution
                speaker, role = publisher_name(document) or "the People", None
            else:
                name, role = split_who(sentence_rest(who))
                if name:
                    speaker, role = people.resolve(name, role, span.passage.text[:max(0, local_start)])
                    people.add(speaker, role)
                elif re.match(r"^the\s", who.strip(), re.I):  # "the Assistant Attorney General explained"
                    speaker, role = people.by_title(re.sub(r"^the\s+", "", who.strip(" ,."), flags=re.I))
                    if speaker is None and DOCUMENT_RE.search(who.strip(" ,.")):
                        speaker = who.strip(" ,.")  # "According to the agreement, “…”": the document's words
                    elif speaker is None and re.fullmatch(rf"the\s+(?:{UNNAMED_TITLES})", who.strip(" ,."), re.I):
                        speaker = who.strip(" ,.").lower()  # "the Commissioner stated": no name is given
        speaker = people.acronyms.get(speaker, speaker)  # "CWFIA stated" → the association the release names
        role = None if role and re.fullmatch(r"(?:[Tt]he\s+)?(?:Honorable|Hon\.)", role) else role  # "the Honorable Steven Roe"
        if speaker is None and who_cue and statement_by and who_cue[0].lower() in \
                [w.lower() for w in statement_by.group("who", "owner") if w]:
            speaker = re.sub(r"^The\s", "the ", who_cue[0].strip())  # "Statement by the District Attorney": the office speaks
        lead = len(text) - len(text.lstrip())
        found.append({"start": span.start + lead, "end": span.start + lead + len(stripped), "text": stripped,
                      "passage": span.passage, "speaker": speaker, "role": role, "cue": cue,
                      "continues": span.continues, "forward": forward, "opens": opens})
        if speaker:
            last_speaker = (speaker, role)
    # Utterances: quotes of one paragraph (or a quotation over paragraphs) with one speaker.
    utterance = 0
    for i, q in enumerate(found):
        prev = found[i - 1] if i else None
        same = prev is not None and (q["continues"] or (prev["passage"] is q["passage"])) and (
            q["speaker"] is None or prev["speaker"] is None or q["speaker"] == prev["speaker"])
        adjacent = prev is not None and (q["passage"].number == prev["passage"].number + 1 or (
            q["passage"].number == prev["passage"].number + 2 and bare_attribution(by_number.get(q["passage"].number - 1))))
        if not same and adjacent and ((q["speaker"] is None and q["opens"])
                                      or (prev["forward"] and prev["speaker"] == q["speaker"])):
            same = True
        if same:
            q["speaker"], q["role"] = q["speaker"] or prev["speaker"], q["role"] or prev["role"]
        else:
            utterance += 1
        q["utterance"] = utterance
    # a statement whose attribution comes only in a later part: fill earlier parts of the utterance
    for i in range(len(found) - 1, 0, -1):
        if found[i - 1]["utterance"] == found[i]["utterance"] and not found[i - 1]["speaker"]:
            found[i - 1]["speaker"], found[i - 1]["role"] = found[i]["speaker"], found[i]["role"]
    return [
        Quote(id=f"{q['passage'].id}#q{n}", doc_id=document.id, passage_id=q["passage"].id, text=q["text"],
              speaker=q["speaker"], role=q["role"], cue=q["cue"], utterance=f"{document.id}#u{q['utterance']}",
              start=q["start"], end=q["end"])
        for n, q in enumerate(found, start=1)
    ]
