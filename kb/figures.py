"""Passage → Figures: numbers with their unit, qualifier and what they measure (kb's own rules).

A figure is a number a release states as data: a percentage, a ratio ("one in ten"), a sum
of money, a duration, a count of something, or a measured amount. Dates, times, phone
numbers, URLs, ids and names that contain digits are not figures, nor are street addresses,
list indexes, numbered laws and products ("Proposition 35", "a Ruger mini 14 rifle") and ages.

"17 years and eight months" is one figure (in months). A penalty's terms and sums after
"maximum"/"faces"/"not more than" are "up to", after "minimum" "at least", as is "15 or more".
The measure names what is counted or paid, from the sentence's structure: the noun phrase before
("a civil penalty of $3.2 million"), the "of" phrase after ("50 hours of community service"), the
noun the figure qualifies ("a $1.2 million home"), or the clause after it, cut at the next figure
or where the sentence turns to another matter.
"""
import re
from typing import List, Optional, Tuple

from .dates import MONTH, MONTH_ES as SPANISH_MONTH, YEAR_RE
from .models import Document, Figure, Passage

SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10 ** 12}
UNIT_WORD = r"(?:%s)" % "|".join(SMALL + TENS)
WORD_NUMBER = (r"(?:(?:%s)\s+dozen|(?:%s)(?:[- ](?:%s))?(?:[- ](?:hundred|thousand|million|billion)(?:[- ](?:and[- ])?(?:%s)(?:[- ](?:%s))?)?)*|a dozen|dozens?)"
               % ("|".join(SMALL[2:13]), "|".join(TENS + SMALL), "|".join(SMALL[1:10]), "|".join(TENS + SMALL), "|".join(SMALL[1:10])))
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+|\s?½)?"
SCALE = r"(?:\s*(?:hundred|thousand|million|billion|trillion|millón|millones)\b|\s*(?:[mb]n|[MB]|bn)\b)?"
CURRENCY_SYMBOL = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
CURRENCY_CODE = r"(?:USD|EUR|GBP|SEK|NOK|DKK|CHF|CAD|AUD|JPY|US\$)"
PERIODS = {"year": "year", "years": "year", "month": "month", "months": "month", "week": "week", "weeks": "week",
           "day": "day", "days": "day", "hour": "hour", "hours": "hour", "minute": "minute", "minutes": "minute", "second": "second", "seconds": "second",
           "decade": "decade", "decades": "decade",
           # Spanish releases: "15 años de prisión"
           "año": "year", "años": "year", "mes": "month", "meses": "month", "semana": "week", "semanas": "week",
           "día": "day", "días": "day"}
MEASURES = r"(?:(?:gross|metric|short|long|square|cubic)\s+)?(?:tons?|tonnes?|pounds?|lbs?|kilograms?|kilos?|kg|grams?|ounces?|miles?|kilometers?|kilometres?|km|acres?|hectares?|gallons?|liters?|litres?|feet|foot|meters?|metres?|square feet|inch|inches|yards?|centimeters?|millimeters?|karat|carat|libras?|kilogramos?|gramos?|onzas?|degrees?(?:\s+Fahrenheit|\s+Celsius)?)"
QUALIFIERS = [
    ("almost", r"almost|nearly|just under|close to|approaching|casi"),
    ("about", r"about|approximately|around|roughly|some|an estimated|estimated|alrededor de|aproximadamente|cerca de"),
    ("more than", r"more than|over|above|upwards of|in excess of|exceeding|greater than|más de"),
    ("less than", r"less than|under|below|fewer than|menos de"),
    ("at least", r"at least|a minimum of|no less than|no fewer than|not less than|not fewer than|(?:un\s+)?mínim[oa]\s+de|al menos|por lo menos"),
    ("up to", r"up to|as many as|a maximum of|within|as much as|no more than|not more than|not to exceed|not exceeding|no greater than|not greater than|no higher than|(?:un\s+)?máxim[oa]\s+de"),
]
# whole words, or a long qualifier glued to the word before it by a lost space ("involvedapproximately $8.3 billion")
QUALIFIER_RE = re.compile(r"(?:\b|(?=(?:approximately|nearly|more than|less than|at least|up to)\s))(?:%s)\s+$" % "|".join(f"(?P<q{i}>{p})" for i, (_, p) in enumerate(QUALIFIERS)), re.I)
FRACTIONS = {"half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "one-third": 100 / 3,
             "two-thirds": 200 / 3, "two thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0, "one-quarter": 25.0,
             "three-quarters": 75.0, "three quarters": 75.0, "a fifth": 20.0, "one-fifth": 20.0, "one fifth": 20.0}
NUMBER = rf"(?:{DIGITS}{SCALE}|{WORD_NUMBER}(?:\s+(?:hundred|thousand|million|billion))?)"

PATTERNS = [
    # one in ten, six out of ten, 3 in 4
    ("ratio", re.compile(rf"\b(?P<a>{NUMBER})\s+(?:in|out of)\s+(?:every\s+)?(?P<b>{NUMBER})\b", re.I)),
    # nearly a quarter of a century / half a century
    ("century", re.compile(r"\b(?P<f>a quarter of a|half a)\s+century\b", re.I)),
    # more than half, two-thirds of
    ("fraction", re.compile(r"\b(?P<f>two-thirds|two thirds|three-quarters|three quarters|one-third|one third|a third|"
                            r"one-quarter|one quarter|a quarter|one-fifth|one fifth|a fifth|one half|a half|half)"
                            r"(?=\s+(?:of|the|all|were|are|say|said|state|stated|percent)\b)(?!\s+of\s+an?\s)", re.I)),
    ("money", re.compile(rf"(?P<cur>[$€£¥]|{CURRENCY_CODE}\s?)\s?(?P<n>(?:\d{{1,3}}\s,\d{{3}}(?:\s?,\d{{3}})*(?!\d)|\d{{1,3}}(?:,\d{{3}})*,\s\d{{3}}(?!\d)(?:,\s?\d{{3}}(?!\d))*(?:\.\d+)?(?=\s+(?:in|to|for|from|as|and|was|were|is|had|has|fine|fines|penalty|bail|bond|restitution|forfeiture|judgment|check|payment|bribe)\b|[,.;)]|$)|{DIGITS}){SCALE})(?P<plus>\s+plus\b(?!\s+[a-z]))?", re.I)),
    ("money", re.compile(rf"\b(?P<n>{NUMBER})\s+(?P<curword>dollars|euros|pounds sterling|kronor|crowns|pesos|yuan|rupees|yen|(?:Swiss\s+)?francs)\b", re.I)),
    # "a blood alcohol level of .19 percent": a decimal written without its leading zero
    ("percent", re.compile(r"(?<![\d.,])(?P<n>\.\d+)\s*(?:%|percent\b|per cent\b)", re.I)),
    ("percent", re.compile(rf"\b(?P<n>{NUMBER})(?:\s*|-)(?:%|percent\b|per cent\b|percentage points?\b)", re.I)),
    # a year and a half, two and a half years
    ("half_more", re.compile(rf"\b(?P<n>an?|{NUMBER})[\s-]+(?:(?P<per>years?|months?|weeks?|days?|hours?)[\s-]+and[\s-]+a[\s-]+half|"
                             rf"and[\s-]+a[\s-]+half[\s-]+(?P<per2>years?|months?|weeks?|days?|hours?))\b(?![\s-]*old)", re.I)),
    # "a 14 1/2 year sentence"
    ("half_more", re.compile(r"\b(?P<n>\d+)\s+1/2[\s-]+(?P<per>years?|months?|weeks?|days?|hours?)\b(?![\s-]*old)", re.I)),
    # "a year and a day", "from a year to two years": one of a period, written with the article
    ("a_compound", re.compile(r"\b(?P<n>an?|one)\s+(?P<per>year|month|week)\s+and\s+(?:an?|one)\s+(?P<per2>month|week|day)\b", re.I)),
    ("a_period", re.compile(rf"(?<=\bfrom\s)(?P<n>an?)\s+(?P<per>year|month|week|day)\b(?=\s+to\s+(?:{NUMBER})\s+(?:years|months|weeks|days)\b)", re.I)),
    # rates and concentrations: "90 miles per hour", "exceeding 90-miles-per-hour", "15 parts per million"
    ("rate", re.compile(rf"\b(?P<n>{NUMBER})[\s-]*(?P<what>(?:miles|kilometers|kilometres)[\s-]+(?:per|an|a)[\s-]+hour|mph|km/h|"
                        r"parts[\s-]+per[\s-]+(?:million|billion|trillion)|ppm|ppb)\b", re.I)),
    # "nearly three times more likely": a multiplier, not a count of times
    ("multiple", re.compile(rf"\b(?P<n>{NUMBER})\s+times(?=\s+(?:more|less|higher|lower|greater|larger|smaller|the|faster|"
                            r"likelier|likely|bigger|longer|over)\b|\s+as\s+(?:many|much|likely|high|large|long|often)\b)", re.I)),
    # two-day operation, 24-hour hotline
    ("adjective", re.compile(rf"\b(?P<n>{NUMBER})-(?P<per>year|month|week|day|hour|minute)(?!-old)\b", re.I)),
    ("duration", re.compile(rf"\b(?P<n>{NUMBER})(?:\s*\(\s*[\d,.]+\s*\))?(?P<ormore>\s+or\s+(?:more|longer|less|fewer))?(?:\s+|-(?=(?:years|months|weeks|days|hours)\b))(?:(?:fiscal|calendar|consecutive|straight|full|additional|more|extra|further|long)\s+(?=[a-z]+s\b))?(?P<per>years?|months?|weeks?|days?|hours?|minutes?|seconds?(?![\s-]+(?:degree|generation|hand|chance|time|amended|superseding))|decades?|años?|mes(?:es)?|"
                            r"semanas?|días?)\b", re.I)),
    ("measure", re.compile(rf"\b(?P<n>{NUMBER})(?:\s*\(\s*[\d,.]+\s*\))?(?:\s+|-)(?P<what>{MEASURES})(?:\b|(?=of\b))", re.I)),  # "40 tons", "a 568-foot ship"
    # "the million plus visitors"
    ("count", re.compile(r"\b(?P<n>thousand|million|billion)(?P<plus>\s+plus)\b", re.I)),
    ("count", re.compile(rf"(?P<n>\b{NUMBER}\b)(?P<plus>\s+plus\b)?", re.I)),
]

# Spans that are never figures: dates, times, phone numbers, URLs, emails, ids and names with digits.
NOT_FIGURE_RES = [
    re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+\.(?:com|org|gov|net|edu)(?:/\S*)?", re.I),
    re.compile(rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:[-–]|or|and|&|to|through)\s*(?:{MONTH}\s+)?\d{{1,2}}(?:st|nd|rd|th)?)?"
               rf"(?:,?\s+\d{{4}})?", re.I),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?(?:\s+\d{{4}})?", re.I),
    re.compile(rf"\b{MONTH}\s+(?:of\s+)?\d{{4}}\b", re.I),
    re.compile(r"\b(?:in|since|of|by|from|during|until|through|before|after|early|late|mid|spring|summer|fall|autumn|winter|fiscal|year|FY)\s+(?:19|20)\d\d\b", re.I),
    re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b"),
    re.compile(r"\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?", re.I),
    re.compile(r"\+?\b\d{1,3}[\s.-]?\(?\d{2,4}\)?[\s.-]\d{2,4}[\s.-]\d{2,4}(?:[\s.-]\d{2,4})?\b"),
    re.compile(r"\b\d{3}-[A-Z]{3}-[A-Z]{4}\b"),
    re.compile(r"\b[A-Za-z]+-\d+[A-Za-z]*\b|\b\d+[A-Za-z]+\b|\b\d+/\d+\b"),
    re.compile(r"(?:§+|\bsections?|\bsec\.|\bno\.|\bnumber|\bcase|\btitle|\bchapter|\brule|\bpart)\s*\d[\w.()-]*"
               r"(?:\s*,?\s*(?:and|or|through|to)\s+\d{1,3}\b(?!\s+(?!of\b|and\b|or\b)[a-z]))*", re.I),
    re.compile(r"\b\d+\s+U\.?S\.?C\.?|\bU\.?S\.?C\.?\s*§*\s*\d+", re.I),
    re.compile(r"\b(?:top|class|level|grade|phase|tier|district|ward|precinct|route|highway|interstate|bill|act|room|suite|unit|apartment|box|flight|model|version|windows|iphone|covid|force)\s+\d+(?:\s*(?:,|or|and)\s*\d{1,2}\b(?!\s+(?!of\b|or\b|and\b)[a-z]))*\b", re.I),
    re.compile(rf"\b{NUMBER}\s*[-–]?\s*(?:years?|months?|weeks?|days?)\s*[-–]?\s*olds?\b", re.I),
    # "and Raymond Eligan, 51.", "Jorge Sanchez, 23 was sentenced"
    re.compile(r"[A-Z][\w’'-]+,\s*\d{1,2}(?=\s*(?:\.(?!\d)|;|$)|\s+(?:was|is|were|are|and|of|from)\b|\s+[A-Z][a-z]+\s+[A-Z]|\s+(?:Charged|Convicted|Sentenced|Arrested|Pleaded|Found)\b)"),
    re.compile(r"\b\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})+,?\s+(?:19|20)\d\d\b"),  # "On Oct. 16, 26 and 27, 2015"
    re.compile(r"\b1?\d{10}\b"),  # a telephone number without separators
    # school grades, a page cited after a citation's first page ("515 U.S. 200, 216"), schedule labels ("DAY 2")
    re.compile(rf"\bgrades?\s+(?:\d{{1,2}}|{WORD_NUMBER})(?:\s+(?:through|to|and|-)\s+(?:\d{{1,2}}|{WORD_NUMBER}))?\b|"
               r"\b\d+\s+(?:U\.S\.|F\.\s?(?:2d|3d|4th)?|S\.\s?Ct\.)\s*\d+,\s*\d+|"
               r"\b(?:DAY|WEEK|PART|STEP|PHASE|COUNT|ROUND|SESSION|MODULE|CHAPTER|SECTION|ITEM|EXHIBIT)\s+\d{1,3}\b", re.I),
    # named teams, file sizes, engine classes, ages given together or by a birthday
    re.compile(r"\b(?:Team|Squad|Station|Region|Zone|Stage)\s+\d+\b|\b\d+(?:\.\d+)?\s*(?:KB|MB|GB|kB)\b|"
               r"\b\d\.\d[\s-]*(?:liter|litre|L)\s+(?:cars?|engines?|vehicles?|diesels?|models?)\b"),
    re.compile(r"\b\d{1,3}(?:\s*(?:,|and|or|to|-)\s*\d{1,3})+\s*[-–]?\s*years?\s*[-–]?\s*olds?\b|"
               r"\b(?:turned|turns|turning)\s+\d{1,2}\b", re.I),
    # case citations: "54 F.3d 261", "512 U.S. 1", "129 S. Ct. 2527", "802 S.W.2d 237"
    re.compile(r"\b\d+\s+(?:F\.\s?(?:2d|3d|4th)?|F\.\s?Supp\.(?:\s?[23]d)?|U\.S\.|S\.\s?Ct\.|L\.\s?Ed\.(?:\s?2d)?|"
               r"S\.W\.(?:[23]d)?|N\.E\.(?:[23]d)?|N\.W\.(?:2d)?|So\.\s?(?:[23]d)?|P\.(?:[23]d)?|Cal\.\s?(?:App\.\s?)?(?:\d+(?:st|nd|rd|th|d))?)"
               r"\s*\d+(?:,\s*\d+)?"),
    # a program or a paragraph named by a number and a letter: "the SBA 8(a) program", "section 2(b)"
    re.compile(r"\b\d+\([a-z]\)"),
    # chemical formulas and labels glued to a bracket: "CO 2 emissions", "3[month]"; a mailbox or an extension
    re.compile(r"\b(?:CO|NO|SO|CH|N|H|O)\s?[2-4]\b(?=\s+(?:emissions?|gas|gases|levels?|concentrations?|absorbed|released)\b)|"
               r"\b\d+\[|\b(?:mailbox|extension|ext\.?|option|press)\s+\d+\b", re.I),
    # children's ages after them: "three children, 7, 9, and 11"
    re.compile(r"\b(?:children|sons|daughters|kids|grandchildren|siblings|brothers|sisters),?\s+(?:ages?\s+)?\d{1,2}"
               r"(?:\s*,\s*(?:and\s+)?\d{1,2})*(?:,?\s*and\s+\d{1,2})?", re.I),
    # a number alone in a sentence or a table cell: "Five", "153."
    re.compile(rf"^\s*(?:{WORD_NUMBER}|\d{{1,4}})\s*\.?\s*$", re.I),
    # "Kevin Roe, then 37, formerly of Austin": an age
    re.compile(r",\s*(?:then|now|age|aged)\s+\d{1,3}\s*,", re.I),
    # names glued to a number by a hyphen: "8-Trey Crips", "602-A", "1,3-butadiene", "three-way calls"
    re.compile(r"\b\d+-(?!(?:Years?|Months?|Weeks?|Days?|Hours?|Minutes?|Counts?|Foot|Feet|Acres?|Pounds?|Miles?|Million|Billion|"
               r"Percent|Year-Old|Time)\b)[A-Z][a-z]+|\b\d+-[A-Z]\b|\b\d(?:,\d)+-[a-z]|\b(?:two|three|four|2|3|4)-way\b"),
    # a union local, a citation's page, a bill, numbered counts and paragraphs
    re.compile(r"\bLocal\s+\d+\b|\b(?:Id|Ibid)\.?\s+at\s+\d+|\b(?:[SHA]\.\s?B\.|H\.\s?R\.|SB|HB|AB)\s*\d+\b|^\s*\d{1,3}\.(?=\s|$)"),
    re.compile(rf"\b[Cc]ounts?\s+(?:\d+|{WORD_NUMBER})(?:\s*(?:through|to|and|-|–)\s*(?:\d+|{WORD_NUMBER}))?\b(?!\s+(?:counts|of)\b)"),
    # docket numbers: "15 Cr. 585 (RJD)", and a docket number a sentence splitter left with its judge's initials
    re.compile(r"\b\d{1,2}\s*(?:Cr|Civ|Crim|CR|CV|Mag|MJ)\.?\s*\d{1,6}\b|\b\d{1,6}\s*\([A-Z]{2,4}\)"),
    # an age in a form: "Age: 57"; a list item after a semicolon: "; 5) Garrity being moved …"
    re.compile(r"\b(?:age|edad)\s*:\s*\d{1,3}\b|(?<=[:;]\s)\d{1,2}\)", re.I),
    # grades, types and alloys: "nickel alloy 120", "Type 2", "Series 7"
    re.compile(r"\b(?:alloy|type|series|size|category|schedule|generation|gen|panel|session|workshop|track)\s+\d+\b|"
               r":\s*\d{1,2}\.\s*$", re.I),  # "Panel 1:", "Offense: 1."
    # the rest of a date a sentence splitter cut after the month: "9, 2009, Susan Holloman, …"
    re.compile(r"^\s*\d{1,2},\s+(?:19|20)\d\d\b"),
    # pseudonyms with a number: "Jane Doe 1", "Victim 2", "Co-Conspirator 3"
    re.compile(r"\b(?:(?:Jane|John|Baby)\s+Doe|Victim|V[ií]ctima|Minor|Witness|Co-[Cc]onspirator|Individual|Person|Company|Employee|"
               r"Defendant|Subject|Officer|Child)\s+(?:#\s?)?\d{1,3}\b"),
    # ages in Spanish: "David Hernández, de 27 años de edad", "de 27 años,"
    re.compile(r"\b\d{1,3}\s+años\s+de\s+edad\b|,\s*de\s+\d{1,3}\s+años\b", re.I),
    # addresses without a street word: "located at 1110 West La Palma, Anaheim"
    re.compile(r"\b(?:located|resides?|residing|lived?|lives|home|office|business|store)\s+at\s+\d{1,6}\b|"
               r"\b\d{2,6}\s+(?:North|South|East|West|N\.|S\.|E\.|W\.)\s+(?:[A-Z][\w'.-]*\s*){1,3}(?=,)"),
    # a numbered item at the start of a line: "10) Palace Station Casino in Las Vegas;", or inside a sentence before
    # its words: "states must 1) establish …, and 2) present …"
    re.compile(r"^\s*\d{1,3}\)\s|(?:[:;,]|\b(?:and|or|must|shall|will|should))\s\d{1,2}\)(?=\s+[a-z])"),
    # years long ago: "Swansea was established in 1663"
    re.compile(r"\b(?:in|since|of|by|from|during|until|through|before|after|circa|founded|established|built)\s+1[5-8]\d\d\b", re.I),
    re.compile(rf"\b{NUMBER}-figure\b", re.I),  # "six-figure bribes"
    # "; and (3) to prohibit …": a list index before lower case (not "nine (9) grams", "five (5) years")
    re.compile(r"\(" + "".join(rf"(?<!{w} \()(?<!{w.capitalize()} \()" for w in SMALL) + r"\s*\d{1,2}\s*\)(?=\s+[a-z])"),
    re.compile(r"\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", re.I),  # "at approximately 1 p.m."
    re.compile(r"\b(?:call|called|calling|calls|dial|dialed|dialled|dialing|contact|contacted|contacting|phoned|texted)\s+911\b", re.I),
    # the emergency number naming a service: "911 services", "a 911 call", "the 911 dispatcher"
    re.compile(r"\b911\s+(?:services?|calls?|cards?|call\s+cent(?:er|re)s?|dispatch\w*|operators?|cent(?:er|re)s?|systems?|"
               r"emergency|lines?|hang-?ups?|recordings?|tapes?|communications?)\b", re.I),
    # ZIP codes after a place and a comma or a state's code: "Rancho Santa Margarita, 92688", "CA 92688"
    re.compile(r"(?<=[A-Za-z.],\s|[A-Z]{2}\s)\d{5}(?:-\d{4})?\b(?!\s*(?:%|percent|[a-z]))"),
    # dates in Spanish: "21 de mayo de 2026", "mayo de 2026"
    re.compile(rf"\b\d{{1,2}}\s+de\s+{SPANISH_MONTH}\b|\b{SPANISH_MONTH}\s+(?:de\s+|del\s+)?(?:19|20)\d\d\b", re.I),
    # ages of victims as a threshold: "a child under 14", "minors under the age of 16", "girls younger than 12"
    re.compile(r"\b(?:child|children|minors?|girls?|boys?|victims?|teens?|teenagers?|youths?|juveniles?|persons?|people|anyone|"
               r"someone)\s+(?:(?:who|that)\s+(?:is|was|are|were)\s+)?(?:under|over|below|younger\s+than|older\s+than)\s+"
               r"(?:the\s+age\s+of\s+)?\d{1,2}\b(?!\s*(?:%|percent))", re.I),
    re.compile(r",[”\"]?\s*\d{1,3}\s*,|\b[A-Z][\w’'-]*,[”\"]?\s*\d{1,3}\s*;"),  # "Smith, 42,"; "aka “Chino,” 31,"; "aka Big A, 33;"
    # ages: "girls aged 8 to 15", "at the age of 50", "the victim, who is now 17"
    re.compile(rf"\b(?:aged?|ages)\s+(?:of\s+|between\s+|from\s+)?(?:\d{{1,3}}|{WORD_NUMBER})(?:\s*(?:to|-|–|and|or)\s*\d{{1,3}})?\b", re.I),
    re.compile(r"\b(?:who|he|she|victim|boy|girl|man|woman|child)\s+(?:is|was)\s+(?:now\s+|only\s+|just\s+)?\d{1,2}\b(?:(?!\s*(?:%|percent|years|months|[a-z]))|(?=\s+(?:at\s+the\s+time|and|or|when)\b))", re.I),
    # street addresses: "450 Fifth Street, N.W.", "100 block of Main Street", "1200 N. Main St."
    re.compile(r"\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:(?:[A-Z][\w'.-]*|\d+(?:\s?(?:st|nd|rd|th))?)\s+){1,3}(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.|Boulevard|Blvd\.?|"
               r"Drive|Dr\.|Lane|Ln\.|Way|Place|Pl\.|Court|Ct\.|Highway|Hwy\.?|Parkway|Pkwy\.?|Circle|Terrace|Plaza)(?!\w)"),
    re.compile(r"\b\d{1,6}\s+block\s+of\b", re.I),
    # phone numbers with the area code in brackets: "(714)765-1929", "(714) 834-7538"
    re.compile(r"\(\d{3}\)\s*\d{3}\s*[\s.-]\s*\d{4}\b"),  # also "(714) 347- 8408"
    # list indexes at the start of a sentence or after a colon: "(2) “Commercial sex act” means …" (not a
    # list of charges with their counts, "(7) Insurance fraud (6) First degree burglary")
    re.compile(r"^\s*\(\s*\d{1,3}\s*\)(?!.*\(\s*\d{1,3}\s*\))|(?<=[:;]\s)\(\s*\d{1,3}\s*\)|^\s*\d{1,2}\.\s"),
    # numbered laws and products: "Proposition 35", "Prop 35", "a Ruger mini 14 rifle"
    re.compile(r"\b(?:proposition|prop\.?|measure|amendment|article|exhibit|form|docket|item)\s+\d+\b", re.I),
    re.compile(r"\b\d+\s+(?:rifle|pistol|handgun|shotgun|revolver|carbine|model|series)\b(?!s)", re.I),
    # gauges and calibres: "his 12-gauge shotgun", "a .22 caliber rifle"
    re.compile(r"\b\d+(?:\.\d+)?[\s-](?:gauge|caliber|calibre)\b", re.I),
    # numbered roads and named places: "the 241 toll road", "the 405 freeway", "the 5 Slip peninsula"
    re.compile(r"\b\d{1,4}\s+(?:toll\s+road|freeway|expressway|tollway|turnpike)\b", re.I),
    re.compile(r"\bthe\s+\d{1,4}\s+[A-Z][a-z]+\s+(?:peninsula|pier|island|building|tower|bridge|terminal|park|site|"
               r"complex|plant|facility|canal|basin|harbor|harbour|dam|lake|river|creek|road)\b"),
    # the last of statutes cited in a table ("1029(a)(1), 1029(b)(1), and 2"); a company ("24 Hour"); a drum's capacity
    re.compile(r"\d+(?:\([A-Za-z0-9]{1,4}\))+(?:-\([A-Za-z0-9]{1,4}\))?,?\s*(?:and|or)\s+\d{1,2}\b|(?<=[)a-z0-9])\(\d{1,3}\)|\b24\s+Hour\b|\b\d+[\s-]round\s+(?:ammunition\s+)?(?:drums?|magazines?|clips?|boxes)\b"),
    re.compile(r"^\s*(?:at\s+)?\d{1,5}\s*\.?\s*$|^\s*[A-Z][\w ]{0,30}:\s*\d{1,3}\.\s*$|\b\d{1,3}\s+Tex\.|\(\d{3}\)\s*[A-Z]{3}-[A-Z]{4}|"
               r"\b501\s*\(c\)\s*\(?\d\)?|\b\d+-(?:Hour|Day|Minute)\s+[A-Z]{3,}\b|\b[A-Z][a-z]+\s+Dozen\b"),
    # "Senate Bill (SB) 1437"; events named by a distance ("the 200 meter medley relay"); a list number glued to a name ("5.Javier A. Roe"); an address without a
    # street word ("the Wells Fargo Bank at 7902 Edinger in Huntington Beach")
    re.compile(r"\b\d+\s+(?:[A-Z][\w&’'-]*\s+){1,3}(?:LLC|L\.L\.C\.|Inc\.?|Corp\.?|Co\.|Ltd\.?|Company|Group|Enterprises|Services)(?!\w)|"
               r"\b\d{1,3}(?:st|nd|rd|th)?\s+[Pp]recinct\b|\b\d{1,2}[\s-]?(?:pt|point)\.?\s+(?:font|type)\b|"
               r"\bBill\s*\([A-Z]{2}\)\s*\d+|\b\d+[\s-]?(?:meters?|metres?|yards?|m)\s+(?:freestyle|medley|relay|backstroke|"
               r"breaststroke|butterfly|dash|hurdles|sprint|individual\s+medley)\b|"
               r"^\s*\d{1,3}\.(?=[A-Z][a-z])|\bat\s+\d{3,6}\s+[A-Z][a-z]+(?=\s+in\s+[A-Z]|,\s+[A-Z])"),
    # a page cited in brackets: "(p. 19)", "(pp. 3-4)"; a number alone in quotation marks names a gang or a thing
    # ("the rival “900” members", "“4 to 5” associates"); numbered programs ("the SBA’s 504 loan program"); the Three
    # Strikes law; ages in Spanish ("NIÑA DE 9 AÑOS"); ages ranging from … to …
    re.compile(r"\(\s*(?:p|pp|pg|P)\.?\s*\d+(?:\s*[-–]\s*\d+)?\s*\)|[“\"]\s*\d+(?:\s+(?:to|and)\s+\d+)?\s*[”\"]|"
               r"\b(?:the|SBAs?|SBA’s)\s+\d{3}\s+loan\s+program\b|"
               r"\b(?:niñ[oa]s?|hermanas?|hermanos?|hij[oa]s?|víctimas?|joven|jóvenes|mujer|hombre|menor(?:es)?|adolescentes?|"
               r"muchach[oa]s?)\s+de\s+\d{1,3}\s+años\b|\bages?\s+ranging\s+(?:from\s+)?\d{1,3}\s*(?:to|-|–|and)\s*\d{1,3}\b", re.I),
    re.compile(r"\b(?:Three|Two)[\s-]Strikes?\b"),
    # stages named by a number word with capitals: "Tampa (Phase Six)", "Tier Two"
    re.compile(r"\b(?:Phase|Tier|Level|Stage|Step|Round|Part|Chapter|Volume|Season|Book|Title)\s+(?:One|Two|Three|Four|Five|Six|"
               r"Seven|Eight|Nine|Ten|Eleven|Twelve)\b"),
    # "one day they are going to …": some day, not a term
    re.compile(r"(?<!\bfor )(?<!\bwithin )(?<!\bafter )(?<!\bin )(?<!\bper )\b[Oo]ne\s+day(?=\s+(?:they|he|she|we|you|I|it|"
               r"this|that|there|someone|somebody)\s)"),
    # calibres in millimetres before the gun: "a loaded 9 mm semi-automatic handgun", "his 9-millimeter pistol"
    re.compile(r"\b\d+(?:\.\d+)?[\s-]?(?:mm|millimeter|millimetre)\b(?=\s+(?:[\w-]+\s+){0,2}(?:handguns?|pistols?|rifles?|guns?|"
               r"firearms?|ammunition|rounds?|bullets?|shell|casings?|cartridges?|Glock|Luger|Beretta|Taurus|Ruger|"
               r"semi-automatic|semiautomatic)\b)", re.I),
    # numbered counts and stops listed together: "on counts one through five and seven", "at Stops 4 and 5"
    re.compile(rf"\b(?:[Cc]ounts?|Stops|Jane\s+Does|John\s+Does|Victims|Defendants|Exhibits|Items|Lots|Units|Phases|Buildings|Rooms|"
               rf"Propositions|Sections|Chapters|Articles|Parts|Charges|Incidents)\s+(?:\d{{1,3}}|{WORD_NUMBER})(?:\s*(?:,|and|or|&|through|to|-|–)\s*"
               rf"(?:and\s+)?(?:\d{{1,3}}|{WORD_NUMBER})\b)+(?i:(?!\s*(?:%|percent|years?|months?|days?)\b))"),
    # one count named by its number: "pleaded guilty to count six of a superseding indictment"; a case cited by volume and
    # page: "111 F. Supp. 614, 616 (S.D.N.Y. 1953)"
    re.compile(rf"\b[Cc]ount\s+(?:\d{{1,3}}|{WORD_NUMBER})\b(?=\s+(?:of|in|charging|alleging)\b)|"
               r"\b\d{1,4}\s+(?:F\.|U\.S\.|S\.\s?Ct\.|Cal\.|N\.Y\.|So\.|N\.E\.|N\.W\.|S\.E\.|S\.W\.|P\.|A\.)\s?(?:Supp\.\s?|App\.\s?)?"
               r"(?:[234]d|[234]th)?\s*\d{1,4}(?:\s*,\s*\d{1,4})*|\b\d{1,4}(?:\s*,\s*\d{1,4})*\s*\((?:[A-Z][\w.]*\s?){1,4}(?:19|20)\d\d\)"),
    # gangs named by a number: "MS 13", "the 59 Brim Bloods", "8 Trey Crips"
    re.compile(r"\bMS[\s-]?13\b|(?<=\bthe\s)\d{1,3}\s+(?:Brims?\b|(?:[A-Z][\w-]*\s+){1,2}(?:Bloods|Crips|Brims?|Piru|Gangsters?|Mafia|Disciples|"
               r"Locos|Posse|Surenos|Sureños|Norteños|Nortenos)\b)(?!\s+(?:who|were|are|have|had|members|associates|defendants|indicted|charged|arrested)\b)"),
    # code sections: "pursuant to penal code 290", "Vehicle Code 23152"
    re.compile(r"\b(?:penal|vehicle|health\s+and\s+safety|welfare\s+and\s+institutions|government|insurance|labor|business\s+and\s+"
               r"professions|revenue\s+and\s+taxation|civil|family|education|fish\s+and\s+game)\s+code\s+(?:section\s+|sec\.\s*)?"
               r"\d+(?:\.\d+)?(?:\([a-z0-9]\))*", re.I),
    # links to other stories in brackets: "[WATCH: 3 Things You Should Know …]"
    re.compile(r"\[(?:WATCH|RELATED|READ|VIDEO|PHOTOS?|LISTEN|MORE)\s*:[^\]]{0,200}\]"),
    # an age after a name with no comma before it: "John D. Gries 48, of Bayshore"; "arrested when he was 17"
    re.compile(r"\b[A-Z][a-z]+\s+\d{1,2},\s+(?:of|from)\s+[A-Z]|\bwhen\s+(?:he|she|they|I|we)\s+(?:was|were)\s+"
               r"(?:only\s+|just\s+)?\d{1,2}\b(?!\s*(?:%|percent|years?|months?|weeks?|days?|hours?|feet|pounds|miles|times)\b)"),
    # round the clock: "24 hours a day, 7 days a week"; ages listed with hyphens: "13- ,14- and 16-year-old boys"
    re.compile(r"\b(?:24|twenty-four)\s+hours\s+a\s+day,?\s+(?:(?:7|seven)\s+days\s+a\s+week|365\s+days\s+a\s+year)\b|"
               r"\b\d{1,2}-\s*,?\s*(?:\d{1,2}-\s*,?\s*)*(?:and|or|to)\s+\d{1,2}-year-olds?\b", re.I),
    # state routes by their letters: "westbound State Route 91 (SR 91)"
    re.compile(r"\b(?:SR|CA|US|SH|FM|CR|Hwy)[\s-]\d{1,3}\b"),
    # a partner: "their other half"
    re.compile(r"\b(?:my|his|her|their|your|our)\s+other\s+half\b", re.I),  # California's Three Strikes law (capitals: not "conducted three strikes")
    # ages in brackets after a name: "Adrian Flores (18)", "Jolean Disbrow (23; female)"
    re.compile(r"\b[A-Z][\w’'-]+\s+[A-Z][\w’'-]+\s*\(\s*(?:1[2-9]|[2-9]\d)\s*(?:[;,][^()]{0,20})?\)"),
]
# Every figure has a digit or a number word: sentences without one skip the rules below.
ANY_NUMBER_RE = re.compile(r"\d|\b(?:%s|hundred|thousand|million|billion|dozens?|half|third|thirds|quarter|quarters|fifth)\b"
                           % "|".join(SMALL + TENS), re.I)
# a number word that begins a company's name: "Five Star Home Health Care Inc."
COMPANY_AFTER_RE = re.compile(r"\s+(?:[A-Z][\w&’'-]*,?\s+){1,4}(?:Inc\.?|LLC|L\.L\.C\.|Corp\.?|Corporation|Co\.|Company|Ltd\.?|Group|"
                              r"Enterprises|Services|Holdings|Partners)(?=\.?(?:\s*[(),;:]|\s*$|\s+(?:in|of|to)\b|\s+[A-Z]|and\b))")  # not "Two DENSO Corp. executives"
NAME_BEFORE_RE = re.compile(r"(?:[A-Z][\w’'.&-]*|\d+)\s+$")
GLUED_AFTER_RE = re.compile(r"[-–/]\d|\.\d|\s*(?:th|st|nd|rd)\b|[”\"]")  # "12-3", "4.5", "21st", “Hacker 3”
GLUED_BEFORE_RE = re.compile(r"[-–/#.]$")
OF_AFTER_RE = re.compile(r"\s+of\b")
FUNCTION_WORD_RE = re.compile(r"(?:In|On|At|Of|For|By|From|With|To|About|Over|Under|Some|All|Only|Nearly|Almost|"
                              r"Approximately|Roughly|About|Around|Another|Those|These|The|Its|Their|His|Her)\s+$")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;]\s+|[“\"(]\s*)$")
COUNT_NOUN_RE = re.compile(r"^\s+((?:[a-z][\w’'-]*|[A-Z][\w.-]*)(?:\s+(?:[a-z][\w’'-]*|[A-Z][\w.-]*)){0,3})")
STOP_WORDS = set("""of the a an and or to in on at for from by with that which who whom whose is are was were be been
has have had will would can could may might shall should do does did as than then this these those it its their
his her our your they them he she we you i not no but if so such also only each per into over under about after
before between during against among through until while both all any some more most other another same said says""".split())
VERB_HINT = re.compile(r"^(?:is|are|was|were|has|have|had|say|says|said|state|states|stated|indicated|mention|point|"
                        r"report|reported|found|agreed|pleaded|face|faces|died|will|would|could|did|do|does|"
                        r"\w+ed|\w+ing)$", re.I)
PREPOSITIONS = {"from", "in", "on", "at", "for", "with", "by", "of", "to", "who", "that", "which", "across", "into", "via",
                "through", "during", "under", "over", "against", "despite", "toward", "towards", "upon", "within", "without",
                "among", "per", "since", "until"}


def word_value(text: str) -> Optional[float]:
    """The value of a number written in words or digits ("sixty-four" → 64, "2.3 million" → 2300000)."""
    text = re.sub(r"\s?½", ".5", re.sub(r"\s?,\s?(?=\d{3})", "", text.strip().lower()).replace(",", ""))
    if not text:
        return None
    if text in ("a dozen", "dozen"):
        return 12.0
    dozens = re.match(r"^(\w+)\s+dozen$", text)
    if dozens and dozens.group(1) not in ("a", "dozen"):
        base = word_value(dozens.group(1))
        return base * 12 if base else None
    if text in SCALES:
        return float(SCALES[text])
    if text == "dozens":
        return None
    match = re.match(r"^(\d+(?:\.\d+)?|\.\d+)\s*(hundred|thousand|million|billion|trillion|millón|millones|mn|bn|m|b)?$", text)
    if match:
        scale = {"mn": 1e6, "m": 1e6, "bn": 1e9, "b": 1e9, "millón": 1e6, "millones": 1e6}.get(match.group(2) or "", SCALES.get(match.group(2) or "", 1))
        return float(match.group(1)) * scale
    from text_to_num import text2num

    try:
        return float(text2num(text.replace(" and ", " "), "en"))
    except ValueError:
        return None


# "over" as a verb's particle ("failed to pay over the taxes", "turned over $5,000"); "approaching" after a preposition a verb
VERB_NOT_QUALIFIER_RE = re.compile(r"(?:\b(?:fail|fails|failed|failing)\s+(?:to\s+)?(?:[\w,]+\s+){0,4}?pay\s+over|\b(?:turn|turned|turning|"
                                   r"hand|handed|handing)\s+over|"
                                   r"\b(?:of|by|for|after|before|while|from)\s+approaching)\s+$", re.I)


def qualifier_before(text: str, start: int) -> Tuple[Optional[str], int]:
    """(canonical qualifier, its start) from the words just before a figure."""
    window = text[max(0, start - 25):start]
    match = QUALIFIER_RE.search(window)
    extra = re.search(r"\s(?:an\s+)?(?:additional|extra|further)\s+$", window) if not match else None
    if extra:  # "pay over an additional $2 million in restitution"
        inner, _ = qualifier_before(text, start - (len(window) - extra.start()) + 1)
        if inner:
            return inner, start
    if not match:
        return None, start
    if VERB_NOT_QUALIFIER_RE.search(text, max(0, start - 80), start - (len(window) - match.end())):
        return None, start  # "failed to pay over $927,921.78", "accused of approaching two victims": a verb's words
    for i, (name, _) in enumerate(QUALIFIERS):
        if match.group(f"q{i}"):
            return name, start - (len(window) - match.start())
    return None, start


# Words without which a pattern cannot match: a sentence without them skips it (the patterns that begin with a
# number, a number word or an alternation of words cost most; most sentences have none of these words)
NOT_FIGURE_NEEDS = {
    "years?\\s*[-–]?\\s*olds?\\b|": ("old", "turn"),
    "\\s*[-–]?\\s*olds?\\b": ("old",),
    "-figure\\b": ("figure",),
    "años\\s+de\\s+edad": ("años",),
    "\\bgrades?\\s+": ("grade", "u.s.", "f.", "ct.", "day", "week", "part", "step", "phase", "count", "round", "session",
                       "module", "chapter", "section", "item", "exhibit"),
    "\\b[Cc]ounts?\\s+": ("count",),
    "\\s+de\\s+(?:enero": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                              "setiembre", "octubre", "noviembre", "diciembre"),
    "(?:emissions?|gas": ("co", "no", "so", "ch", "[", "mailbox", "extension", "ext", "option", "press"),
    "(?:children|sons|daughters": ("children", "sons", "daughters", "kids", "siblings", "brothers", "sisters"),
    ",\\s*(?:then|now|age|aged)": ("then", "now", "age"),
    "(?:https?://|www": ("http", "www", "@", ".com", ".org", ".gov", ".net", ".edu"),
    "fiscal|year|FY)\\s+(?:19|20)": ("19", "20"),
    "(?:§+|\\bsection": ("§", "section", "sec.", "no.", "number", "case", "title", "chapter", "rule", "part"),
    "\\b(?:top|class|level|grade": ("top", "class", "level", "grade", "phase", "tier", "district", "ward", "precinct",
                                  "route", "highway", "interstate", "bill", "act", "room", "suite", "unit", "apartment",
                                  "box", "flight", "model", "version", "windows", "iphone", "covid", "force"),
}
NOT_FIGURE_NEEDS.update({
    "(?:mm|millimeter|millimetre)": ("mm", "millimet"),
    "\\bMS[\\s-]?13": ("ms", "blood", "crip", "brim", "piru", "gangster", "mafia", "disciple", "loco", "posse", "sure", "norte"),
    "(?:penal|vehicle": ("code",),
    "\\[(?:WATCH": ("[",),
    "other\\s+half": ("half",),
})
NEEDS = [(pattern, next((words for key, words in NOT_FIGURE_NEEDS.items() if key in pattern.pattern), ()))
         for pattern in NOT_FIGURE_RES]


def blocked_spans(sentence: str) -> bytearray:
    """A mark on every character of the sentence that stands in a date, a phone number, an id …"""
    mask = bytearray(len(sentence))
    lower = sentence.lower()
    for pattern, words in NEEDS:
        if words and not any(word in lower for word in words):
            continue
        for m in pattern.finditer(sentence):
            mask[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return mask


def overlaps(span, mask: bytearray) -> bool:
    """Does span touch a marked character (a lookup a character, not a scan of every figure taken)?"""
    return any(mask[span[0]:span[1]])


def counted_noun(after: str) -> Optional[str]:
    """The counted noun after a number: "450 police officers from 41 countries" → "police officers",
    "two 8-inch kitchen knives" → "8-inch kitchen knives", "a $4.9 million civil and criminal resolution" → "civil and
    criminal resolution"."""
    size = SIZE_BEFORE_NOUN_RE.match(after)
    if size:
        noun = counted_noun(after[size.end():])
        return f"{size.group(0).strip()} {noun}" if noun else None
    both = PAIRED_ADJECTIVES_RE.match(after)
    if both:
        return " ".join(both.group(0).split())
    match = COUNT_NOUN_RE.match(after)
    if not match:
        return None
    words = []
    for word in match.group(1).split():
        bare = word.strip(".,;:")
        if bare.lower() in STOP_WORDS | PREPOSITIONS | NOT_COUNTED or (words and VERB_HINT.match(bare)):
            break
        if word in ("Ltd.", "Inc.", "Co.", "Corp.", "U.S.", "St."):  # "two Fujikura Ltd. executives"
            words.append(word)
            continue
        words.append(bare)
        if bare != word:
            break
    if not words or words[0].lower() in STOP_WORDS or VERB_HINT.match(words[0]) and not words[0].endswith("s"):
        return None
    return " ".join(words)


# words that end a counted noun: where or when the thing counted was ("11 times inside a station", "4 of the 10
# defendants yesterday")
NOT_COUNTED = {"inside", "outside", "near", "throughout", "yesterday", "today", "last",
               "tonight", "tomorrow", "ago", "earlier", "later", "respectively", "apiece"}
SIZE_BEFORE_NOUN_RE = re.compile(r"\s+\d+(?:\.\d+)?-(?:inch|foot|pound|ounce|gallon|millimeter|round|page|carat|karat)(?=\s+[a-z])")
PAIRED_ADJECTIVES_RE = re.compile(r"\s+(?:civil|criminal|federal|state|administrative|global|monetary|compensatory|punitive)\s+"
                                  r"(?:and|or)\s+(?:civil|criminal|federal|state|administrative|global|monetary|compensatory|"
                                  r"punitive)\s+[a-z]+")
CLAUSE_END_RE = re.compile(r"[;•▪●]|(?<!\d):(?!\d)|\s[–—]\s|\.(?=\s|$|[A-Z][a-z])|[,.]”|[,.]\"(?=\s|$)")  # "… for fiscal year 2009.In total"
ABBREVIATION_END_RE = re.compile(r"(?:\b[A-Z]|\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|St|Mr|Mrs|Ms|Dr|No|Inc|Co|Corp|Ltd|Bros|Jr|Sr|"
                                 r"Gen|Lt|Ave|vs|U\.S|N\.W|S\.W|N\.E|S\.E|D\.C))$")
# a tail ends where the sentence goes on to something else: ", and placed …", ", one of the largest …",
# "… and injured another", "; …"
TAIL_CUT_RE = re.compile(r"\s+(?=(?:Sentencing|Arraignment|Pre-trial|Preliminary|Court Date|Status Conference|Jury Trial|"
                         r"Mandatory|Circumstances of|Case #|Continued arraignment|Lifetime sex offender)\b)|"
                         r"\s*,\s+(?=(?:the\s+)?(?:evidence|records|investigation|testimony)\s+(?:showed|shows|revealed|reveals|established)\b)|"
                         r"\s*,\s+(?=(?:and|or|but|which|who|whom|where|while|when|one|including|as well as|then|to be|plus|"
                         r"at|in|on|from|by|during|under|through|despite|of which|of whom|[a-z]+ing|"
                         r"each|all|after|before|with|for a total|respectively|said|says|according|[a-z]+ed)\b)|"
                         r"(?<=[\w)’'])\s*,\s+(?=(?:ages?|aged|was|were|is|are|has|have|had|will|would|must|may|might|can|could|should|shall|"
                         r"went|it|its|he|she|they|we|I|there|the\s+[A-Z]\w*|the\s+(?:defendants?|victims?|suspects?|court|judge|jury|company))\b)|"
                         r"(?<!\d)\s+and\s+(?=(?:by|(?:one|two|three|four|five|six|seven|eight|nine|ten|(?!(?:19|20)\d\d\b)\d[\d,.]*)\s+|"
                         r"[a-z]+ly\s+[a-z]+ed)\b)|\s+and\s+(?=(?:was|were|is|are|has|have|had|will|"
                         r"must|placed|ordered|gave|to|[a-z]+ed|enter|pay|serve|forfeit|comply|cooperate|submit|adopt|implement|hire|provide|retain|"
                         r"undergo|register|perform|complete|refrain|make|take)\b)|\s+and\s+(?=(?:the|a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,4}(?:will|would|shall|was|were|is|are|has|have|had)\b)|(?:\s+and|\s*,)\s+(?=[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}\s+(?:was|were|is|are|has|had|will|would|must|may|can|could|should)\s)|\s+and\s+(?=[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}\s+(?:received|pleaded|got|faces)\s)|\s+and\s+(?=(?:one|an?|\w+)\s+(?:more\s+)?(?:counts?|charges?)\s+of\b)|\s+and\s+(?=so\s+far\b)|\s+and\s+(?=(?:a|an|the)\s+(?:maximum|minimum|mandatory)\b)|"
                         r"(?:(?<=prison)|(?<=custody)|(?<=jail))\s+and\s+(?=(?:a|an)\s+(?:[\w$,.-]+\s+){0,2}(?:fine|penalty|assessment)\b)")
# what is paid or served, named before the figure: "a civil penalty of $3.2 million", "restitution of …"
NOUN_BEFORE_RE = re.compile(r"(?<![\w’'.-])((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+(?:of|totaling|totalling|worth|amounting to|"
                            r"valued at|in the amount of|ranging from|ranging between)\s+$")
PARTICLES = {"out", "up", "down", "back", "off", "away", "apiece", "each", "per", "total", "worth", "more", "less", "cash"}
DANGLING_WORDS = {"and", "or", "to", "of", "the", "a", "an", "from", "by", "with", "for", "at", "in", "on", "as", "than",
                  "totaling", "totalling", "worth", "valued", "during", "within"}
# "The maximum penalty for securities fraud is …", "The fine for an organizational defendant is …"
SUBJECT_IS = (r"\s*(?:The|A|An|Each|This|That)\s+((?:(?!(?:is|was|are|were|has|have|had|been|be|will|would|should)\s)[a-z][\w-]*\s+){0,4}[a-z][\w-]*"
              r"(?:\s+(?:for|of|on|from)\s+[^,;]{1,80}?)?)\s+(?:is|was|are|were|will be|would be|should have been|totals|totaled|"
              r"totalled|amounts to|amounted to|(?:has been |have been |was |is |were )?estimated at|"
              r"ranged from|ranges from|range from|(?:increased|decreased|rose|fell|grew|dropped)\s+(?:from\s+[^;]{1,40}?\s+)?to)\s+"
              r"(?:(?:not more than|not less than|up to|at least|about|"
              r"approximately|nearly|almost|over|more than|less than|the greatest of|a maximum of|a minimum of)\s+)*$")
SUBJECT_IS_RE = re.compile("^" + SUBJECT_IS)
SUBJECT_IS_CLAUSE_RE = re.compile(r"[,;]\s+(?:(?:thus|so|and|but|therefore|while|whereas)\s+)?" +
                                  SUBJECT_IS.replace("(?:The|A|An|Each|This|That)", "(?:the|a|an|each|this|that)"))


def subject_is(sentence: str, start: int):
    """The subject of the "is" a figure completes, at the sentence's start or after a clause's boundary: "The fine for
    an organizational defendant is …", "…, thus the total proceeds from the sale … should have been $737,339.65"."""
    return SUBJECT_IS_RE.match(sentence[:start]) or SUBJECT_IS_CLAUSE_RE.search(sentence[max(0, start - 200):start])


# "$1 billion traceable to …", "seven hundred thousand dollars meant to …": what follows a sum is not its noun
MONEY_PARTICIPLES = {"meant", "used", "spent", "paid", "owed", "stolen", "taken", "given", "made", "sent", "received", "intended",
                     "designated", "earmarked", "obtained", "lost", "raised", "collected", "awarded", "plus"}
# "supervised release", "deferred prosecution": a participle that is part of the name of a term, not a verb
TERMS_AFTER_PARTICIPLE = {"release", "probation", "prosecution", "damages", "sentence", "sentences"}
VAGUE_NOUNS = {"period", "course", "total", "sum", "amount", "excess", "average", "rate", "value", "greatest",
               "least", "most", "all", "each", "none", "one", "some", "part", "loss", "gain", "number", "age"}


PARENT_OF_RE = re.compile(r"\b(?:father|mother|parent|grandfather|grandmother|grandparent|dad|mom|mum)\s+of\s+$", re.I)
PRICED_THINGS_RE = re.compile(r"\s+(\$[\d,.]+(?:\s+(?:million|billion))?)\s+([a-z][\w-]*(?:\s+(?!and\b|or\b|to\b|in\b|for\b)[a-z][\w-]*)?)")
VALUED_AT_RE = re.compile(r"(?<![\w’'.-])(?P<what>(?:(?:the|a|an|his|her|their|its)\s+)?[a-z][\w-]*),?\s+(?:which\s+|that\s+)?(?:were\s+|was\s+|is\s+|are\s+)?"
                          r"(?:[a-z]+ly\s+)?(?P<verb>valued\s+at|costs?|costing|worth)\s+$")
# a figure in a clause of condition or time before the main clause: "If TAFGA meets its obligations … for 18 months, the
# United States will dismiss the criminal charges" (the main clause is another matter)
SUBORDINATE_START_RE = re.compile(r"\s*(?:If|When|Once|Unless|Until|After|Before|Upon|As long as|Provided)\b")
MAIN_CLAUSE_RE = re.compile(r"\s*,\s+(?:the|a|an|he|she|they|it|we|[A-Z][\w.]*)(?:\s+[\w.’'-]+){0,4}\s+(?:will|would|shall|must|may|can|could)\s")
# a sum that is its clause's subject after words that do not say what it is: what the clause says of it
VAGUE_HEAD_RE = re.compile(r"(?:\b(?:a\s+total\s+of|the\s+remaining|an\s+additional|another|the\s+rest\s+of|(?:the|a)\s+sum\s+of|that|the\s+other)|"
                           r"(?:^|[.;:]\s+)(?:The|This))\s+$", re.I)
AUXILIARIES_RE = re.compile(r"^(?:(?:is|are|was|were|will|would|shall|must|has|have|had|be|been|being|can|could|should|also|then|now|"
                            r"to\s+be|to\s+have|still)\s+)+")


# a sum a verb moves, and to or from whom: "Frederick had paid nearly $1.1 million to STS Contracting for minimal renovations",
# "awarding more than $22.2 million to 53 jurisdictions", "stealing approximately $610,000 from Nancy W."
TRANSFER_VERB_RE = re.compile(r"\b(?:paid|pay|pays|paying|awarded|award|awards|awarding|received|receive|receives|receiving|obtained|"
                              r"obtaining|stole|steal|steals|stealing|embezzled|embezzling|collected|collecting|raised|raising|spent|"
                              r"spending|transferred|transferring|wired|wiring|laundered|laundering|invested|investing|diverted|"
                              r"diverting|misappropriated|misappropriating|took|taking|accepted|accepting|lent|loaned|donated|"
                              r"donating|gave|giving|offered|offering|withdrew|withdrawing|deposited|depositing|borrowed|sent|"
                              r"sending|granted|granting|allocated|allocating|distributed|distributing|funneled|funnelled|routed|"
                              r"moved|provided|providing|recovered|recovering|returned|returning|refunded|forfeited|owed|owes|wire|transfer|send|"
                              r"give|offer|loan|lend|receive|steal|embezzle|collect|raise|spend|divert|launder|invest)"
                              r"(?:\s+(?P<to>him|her|them|us|me|(?:the|a|an|his|her|their)\s+[\w-]+(?:\s+[\w-]+)?))?\s+$", re.I)
TRANSFER_TAIL_RE = re.compile(r"^(?:to|from|for|into|through|toward|towards|among|between|out\s+of)\s")
EARNED_RE = re.compile(r"\b(?:earned|earning|earns|earn|grossed|netted|generated|generating)\s+$", re.I)
# "robbed the victim of $200", "defrauded investors out of $2 million"
ROBBED_OF_RE = re.compile(r"\b(?P<verb>robbed|robbing|defrauded|defrauding|cheated|cheating|bilked|bilking|swindled|swindling|scammed|"
                          r"scamming|deprived|depriving)\s+(?P<whom>(?:(?:the|a|an|his|her|their|its|two|three|several|many)\s+)?"
                          r"[\w’'-]+(?:\s+[\w’'-]+){0,3}?)\s+(?:out\s+)?of\s+$", re.I)
NOT_RECIPIENTS = {"additional", "entire", "further", "fine", "maximum", "minimum", "combined", "estimated", "remaining", "extra",
                  "whole", "full", "penalty", "sum", "settlement", "restitution", "forfeiture", "judgment", "bribe", "bribes",
                  "salary", "fee", "fees", "ransom", "bond", "bail", "total", "balance", "deposit", "refund"}
IN_EXCHANGE_RE = re.compile(r"\bin\s+(?:exchange|return)\s+for\s+$", re.I)


def paid_to(sentence: str, before: str, end: int, next_start: Optional[int] = None) -> Optional[str]:
    """What a sum is by the verb that moves it and to, from or for whom, or None."""
    robbed = ROBBED_OF_RE.search(before[-90:])
    if robbed:
        return f"amount {robbed.group('verb').lower()} from {robbed.group('whom')}"
    exchange = IN_EXCHANGE_RE.search(before, max(0, len(before) - 30))
    if exchange and not clause_after(sentence, end):  # "… entering false information … in exchange for $500."
        done = clause_before(before[:exchange.start()], limit=16)
        act = re.search(r"\b(?:of|by|for|with|after|while)\s+([a-z]+ing\b.*)$", done or "")
        done = act.group(1) if act else done  # "accused of entering false information …": the act
        return f"payment in exchange for {done}" if done else None
    earned = EARNED_RE.search(before[-20:])
    if earned:
        tail = clause_after(sentence, end, limit=12)
        return f"{earned.group(0).strip().lower()} {tail}".strip()  # "earned $40,000 in her fifth year of teaching"
    verb = TRANSFER_VERB_RE.search(before[-60:])
    if not verb:
        return None
    if next_start is not None and (re.match(r"(?:[a-z]+\s+){0,3}[$€£]", sentence[next_start:next_start + 30]) or
                                   re.search(r"\s(?:and|or)\s", sentence[end:next_start])):
        sentence = sentence[:next_start]  # "awarded $1,524,803 for the … Program and $1,757,638 for …": the next sum's own
    tail = clause_after(sentence, end, limit=12)
    if not TRANSFER_TAIL_RE.match(tail) and not (verb.group("to") and tail):
        return None
    to = verb.group("to")
    if to and (to.split()[-1].lower() in STOP_WORDS | VAGUE_NOUNS | NOT_RECIPIENTS or to.split()[1:2] == ["total"]):
        return None  # "spend an additional $6 million", "pay a fine of $13.8 million": no one it goes to
    whom = f" to {to}" if to else ""  # "wire the Army captain $1 million through Dubai"
    return f"{verb.group(0).split()[0].lower()}{whom} {tail}"


OF_WHICH_AFTER_RE = re.compile(r"\s+of\s+(?:which|whom)\s+")
LABEL_BEFORE_RE = re.compile(r"(?:^|(?<=\s))((?:[A-Z][\w/&’'.-]*\s+(?:[–-]\s+)?){0,5}[A-Z][\w/&’'.-]*):\s*$")
GROUP_OF_RE = re.compile(r"\b(family|household|group|crew|team|band|ring|gang|party)\s+of\s+$", re.I)
COMPARED_NOUN_RE = re.compile(r"(?<![\w’'.-])((?:(?!(?:the|a|an|of|for|to|in|on|at|by|with|is|are|was|were|be|been|and|or|that|which)\s)[a-z][\w-]*\s+){0,2}"
                              r"(?!(?:the|a|an|of|for|to|in|on|at|by|with|is|are|was|were|be|been|and|or|that|which|likely|about)\s)[a-z][\w-]*(?<!ly)(?<!ed)(?<!ing))\s+$")
COMPARED_VERBS = {"pay", "paid", "sends", "send", "report", "provide", "shut", "owe", "owed", "represented", "cost", "costs",
                  "worth", "received", "receive", "stole", "steal", "took", "take", "made", "make", "spent", "spend", "lost", "lose"}
CHANGED_BY_RE = re.compile(r"\s(?P<verb>decreased|increased|dropped|dipped|fell|rose|grew|declined|jumped|"
                           r"climbed|went\s+(?:up|down)|plummeted|surged|spiked)\s+(?:by\s+)?(?:(?:nearly|almost|about|approximately|"
                           r"more\s+than|over)\s+)?(?:[\d,]+\s+\()?$", re.I)


TOTAL_OF_COUNT_RE = re.compile(rf"\b((?!(?:19|20)\d\d\b)(?:\d[\d,]*|{UNIT_WORD})\s+(?:(?!in\b|of\b|from\b|for\b|with\b|by\b)[a-z][\w-]*\s+){{0,2}}"
                               rf"(?!in\b|of\b)[a-z][\w-]*s)\s+(?:totaling|totalling|"
                               r"amounting\s+to|worth)\s+(?:(?:about|approximately|nearly|almost|more\s+than|over)\s+)?$")
BAIL_BEFORE_RE = re.compile(r"\b(?:bail|bond)\s+(?:(?:be|was|is|been|being|will\s+be|to\s+be)\s+)?(?:set|fixed|increased|raised|lowered|"
                            r"reduced)\s+(?:at|to)\s+$|\b(?:held|remains|remain|jailed)\s+(?:\w+\s+)?(?:on|in\s+lieu\s+of)\s+$", re.I)
RELATIVE_SUBJECT_RE = re.compile(r"(?:the|a|an|its|their|his|her|this)\s+((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*),\s+"
                                 r"(?:which|that|who)(?:\s+(?:has|have|had))?\s+$")
# a change a verb makes to its object: "increase hop-on, hop-off bus tour prices by approximately 10 percent"
CHANGED_OBJECT_RE = re.compile(r"\b(?P<verb>increas|rais|reduc|cut|lower|inflat|boost|decreas)(?:e|es|ed|ing|s|ting)?\s+"
                               r"(?P<what>(?:(?!by\b|to\b|from\b|which\b|that\b|who\b)(?-i:[a-z])[\w’'-]*,?\s+){1,7}?)by\s+"
                               r"(?:(?:nearly|almost|about|approximately|roughly|more\s+than|over|at\s+least|up\s+to)\s+)?$", re.I)
CHANGE_NOUNS = {"increas": "increase in", "rais": "increase in", "boost": "increase in", "reduc": "reduction in",
                "cut": "cut in", "lower": "reduction in", "decreas": "reduction in", "inflat": "inflation of"}
DATED_BRACKET_RE = re.compile(rf"\s*\((?=\s*(?:{MONTH}|(?:19|20)\d\d\b))", re.I)


def clause_after(sentence: str, end: int, limit: int = 14) -> str:
    """The words after a figure to the end of its clause, or to where it goes on to another matter
    (", and placed …", ", one of the largest …"); a stop after "Sept" or "U.S" does not end it."""
    text = sentence[end:end + 400]
    cut = len(text)
    for m in CLAUSE_END_RE.finditer(text):
        if m.group(0) == "." and ABBREVIATION_END_RE.search(text, 0, m.start()):
            continue
        cut = m.start()
        break
    text = TAIL_CUT_RE.split(text[:cut], maxsplit=1)[0]
    text = DATED_BRACKET_RE.split(text, maxsplit=1)[0]  # "10 years' supervised release (August 21, 2008)"
    words = re.sub(r"^\s*(?:dollars|dólares)\b|^[’']s\b", "", text).lstrip("-–’'").replace("(", " ").replace(")", " ").split()[:limit]
    while words and words[-1].strip(",").lower() in TAIL_END_WORDS:
        words.pop()
    return " ".join(words).strip(" ,.”\"’")


def own_clause(sentence: str, found: List[dict], k: int) -> str:
    """clause_after the k-th figure, up to the figure after it."""
    return clause_after(sentence[:found[k + 1]["start"]] if k + 1 < len(found) else sentence, found[k]["end"])


# words a tail cut short by the next figure may not end with: "17 different states over the past [two years]"
TAIL_END_WORDS = DANGLING_WORDS | {"over", "past", "next", "last", "about", "approximately", "nearly", "almost", "least",
                                   "more", "than", "some", "roughly", "around"}


# a tail that turns to another matter or only says when: "although he never received …", "should be applied …",
# "at her Sept. 15 sentencing", "in fiscal year 2011"
OTHER_MATTER_RE = re.compile(r"^(?:(?:although|though|because|whereas|unless|if|should|would|could|depending)\b|"
                             r"(?:before|after|while|without|by)\s+[a-z]+ing\b|"
                             r"(?P<when>(?:(?:effective|as\s+of|beginning|starting)\s+" + MONTH + r"|at\s+(?:his|her|their|the)\s+(?:\w+\.?\s+\d{1,2},?\s+)?sentencing|in\s+(?:fiscal\s+year|FY)\s*"
                             r"(?:19|20)\d\d|in\s+(?:19|20)\d\d)\b))", re.I)
# a term followed by a clause of its own: "served on active duty for seven months beginning in March 2007", "on the run for
# over 10 years thinking he got away with murder" (the words before say what lasted)
EQUAL_TO_RE = re.compile(r"\b(?:a|an)\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)\b[^,;.]{0,60}?\s(?:equal|equivalent)\s+to\s+(?:about\s+|approximately\s+)?$")
# after "for 10 days", words that say why, while or until: "hospitalized for 10 days as a result of the attack",
# "unidentified for almost 50 years until …", "for four days straight"
TERM_TAIL_RE = re.compile(r"^(?:as(?!\s+(?:a|an|the|his|her|their|its|part|one|well|much|many|long|of|to|if)\b)|until|till|while|when|because|since|so\s+that|straight|in\s+a\s+row|consecutively|"
                          r"as\s+a\s+result|due\s+to|through)\b")
PARTICIPLE_CLAUSE_RE = re.compile(r"^(?!(?:during|including|following|regarding|concerning|involving|totaling|totalling|according|"
                                  r"pending|remaining|preceding|ending\s+(?:in|on))\b)[a-z]+ing\b")
RANGE_LEAD_RE = re.compile(r"(?:\s+(?:ranging|ranged|ranges|range)(?:\s+from)?|\s+between|\s+(?:at|of|to|from|by|in|with))+\s*$", re.I)
NUMBER_OF_RE = re.compile(r"\b(?:[Tt]he|[Aa])\s+(?:total\s+)?number\s+of\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,7}?)\s+(?:increased|decreased|rose|"
                          r"fell|grew|dropped|declined|jumped|climbed|was|is|were|are|has|had)\b")
AGENT_CUT_RE = re.compile(r",|\s+by\s+(?=(?:[A-Z][\w.’'-]*\s+){0,5}(?:Judge|Justice|Court|Magistrate)\b)")
# "for at least one year after the grant ends": a clause of its own says when, not what lasts (not "six days after
# the Sept. 18 deadline", a noun phrase)
TIME_CLAUSE_RE = re.compile(r"^(?:after|before|until|once|when)\s+(?:the|his|her|their|its|a|an|this|that|he|she|they|it|we)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:ends|ended|expires|expired|begins|began|starts|started|is|was|are|were|has|have|had|closes|closed)\b")
# "the order, which lasts for ten years", "an investigation by the police that lasted for 45 years": how long a thing lasted
LASTED_RE = re.compile(r"(?P<what>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)(?:\s+by\s+[^,;]{1,60}?)?,?\s+(?:which|that)\s+"
                       r"(?:lasts|lasted|lasting|ran|runs|spanned|spans|went\s+on|continued)\s+(?:for\s+)?$")
# words a head may not end with: "… in the United States for the next", "… tribes for"
HEAD_END_WORDS = DANGLING_WORDS | {"next", "past", "last", "following", "previous", "during", "over", "within", "about",
                                   "is", "was", "are", "were", "be", "been", "worth", "valued", "totaling", "totalling",
                                   "amounting"}
OF_WHICH_RE = re.compile(r"([a-z][\w-]*(?:\s+(?:for|of)\s+[a-z][\w-]*)?),\s+(?:of\s+which|of\s+whom|of\s+those|of\s+them)\s+$")
RELATIONS = {"husband": "marriage", "wife": "marriage", "spouse": "marriage", "marriage": "marriage", "partner": "relationship",
             "boyfriend": "relationship", "girlfriend": "relationship"}
CIRCUMSTANCE_RE = re.compile(
    r"^(?:for\s+(?:the\s+)?(?:year|years|fiscal|period|calendar|quarter|quarters)\b|by\s+(?:(?:the|a|an)\s+)?[“\"]?[A-Z]|"
    r"at\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:branch|office|store|bank|location|facility|home|residence|hospital|school)\b|"
    r"at\s+[A-Z]|to\s+[A-Z]|to\s+the\s+(?:government|victims?|state|county|city|court|IRS|United States)\b|to\s+(?:reduce|avoid|evade|conceal|hide|cover|fund|buy|purchase|keep|help|protect|ensure)\b|"
    r"via\b|during\b|at\s+any\s+time\b|in\s+order\s+to\b|in\s+a\s+single\s+(?:day|week|month|year|transaction)\b|as\s+a\s+result\s+of\b|"
    r"in\s+connection\s+with\b|between\s+(?:" + MONTH + r"|(?:19|20)\d\d\b)|since\s+(?:[A-Z]|(?:19|20)\d\d)|in\s+(?:fiscal\s+)?(?:19|20)\d\d\b|for\s+(?:fiscal\s+)?(?:year\s+)?(?:19|20)\d\d\b|from\s+(?:the\s+)?(?:late|early|mid)?\s*(?:19|20)\d\d)")
LEADING_LINK_RE = re.compile(r"^(?:(?:and|but|or|which|who|that|while|then|also|overall|the|a|an)\s+)+", re.I)


def clause_before(before: str, limit: int = 12) -> Optional[str]:
    """The words of the figure's own clause before it: "the department recovered" for "…, the department
    recovered $422 million in fiscal year 2011"."""
    clause = re.split(r",(?!\d{3})|[;:“”\"•▪●]|\s[–—]\s", before)[-1]
    words = clause.split()
    while words and words[-1].lower() in DANGLING_WORDS | {"by", "during", "over", "within"}:
        words.pop()
    text = LEADING_LINK_RE.sub("", " ".join(words[-limit:]))
    return text if len(text.split()) >= 2 else None


def noun_before(before: str) -> Optional[str]:
    """The noun phrase that names what a sum or a term is, just before it: "civil penalty", "maximum sentence"."""
    match = NOUN_BEFORE_RE.search(before)
    if not match or re.search(r"\b(?:by|to|from)\s+(?:the\s+)?[\w-]+\s+in\s+the\s+amount\s+of\s+$", before):
        return None  # "damages incurred by the agency in the amount of": who incurred or receives it, not what it is
    words = match.group(1).split()
    whole = re.search(r"\b([a-z][\w-]*s)\s+(?:to|from|for|with|against|by|on)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}?(?:totaling|totalling|"
                      r"amounting\s+to)\s+$", before)
    if whole and whole.group(1) not in STOP_WORDS and not VERB_HINT.match(whole.group(1)) and \
            not re.search(r"\bby\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+)*$", before[:whole.start()]):
        return " ".join(re.sub(r"\s+(?:totaling|totalling|amounting\s+to)\s+$", "", before[whole.start():]).split())
    both = re.search(r"\b((?:[a-z][\w-]*\s+)?[a-z][\w-]*\s+and\s+[a-z][\w-]*)\s+(?:totaling|totalling|amounting\s+to)\s+$", before)
    if both and both.group(1).split()[0] not in STOP_WORDS and \
            not any(w in STOP_WORDS - {"and"} or VERB_HINT.match(w) for w in both.group(1).split()):
        return both.group(1)  # "a criminal fine and forfeiture totaling $233.5 million": the sum of both
    stops = [k for k, w in enumerate(words) if w.lower() in STOP_WORDS - {"per", "each"}]
    words = words[stops[-1] + 1:] if stops else words  # "a $75,000 fine and restitution of" → "restitution"
    while words and VERB_HINT.match(words[0]) and not (len(words) == 2 and words[1].lower() in TERMS_AFTER_PARTICIPLE):
        words.pop(0)
    if not words or words[-1].lower() in STOP_WORDS | VAGUE_NOUNS or VERB_HINT.match(words[-1]):
        return None
    return " ".join(words)


# the counted noun as its clause's subject: "Six people were killed", "three managers sued are …", "25 exonerations can be found"
COUNTED_PASSIVE_RE = re.compile(r"^(?P<who>.*?)\s+(?P<aux>was|were|is|are|has\s+been|have\s+been|had\s+been|were\s+being|are\s+being|"
                                r"(?:will|would|could|may|might|must|shall|should|can)\s+(?:now\s+|also\s+|then\s+)?be)\s+"
                                r"(?P<done>(?:[a-z]+ly\s+)?(?!(?:not|even|often|open|seven|eleven|then|when|than)\b)[a-z]+(?:ed|en|wn|lt|ught|ung|ot|id))\b"
                                r"(?P<rest>.*)$")
COUNTED_VERB_RE = re.compile(r"\s+(?:was|were|is|are|has|have|had|will|would|could|may|might|must|shall|should|"
                             r"can(?=\s+(?:be|not|also|only|now|no|then)\b))\b")  # not "three trash can fires"
# a predicate that says what the counted are: "700 people will be eligible for CLEAR", "59 IOIs were responsible for …"
COUNTED_STATE_RE = re.compile(r"\s+(?:was|were|is|are|(?:will|would|could|may|might|must|shall|should|can)\s+be)\s+(?:now\s+|also\s+|still\s+)?"
                              r"(?P<state>(?:eligible|responsible|safe|available|liable|present|absent|able|unable|entitled|subject|"
                              r"pending|missing|dead|alive|homeless|[a-z]+(?:ible|able|ive|ful|ous))\b.*)$")
RELATIVE_WORD_RE = re.compile(r"\b(?:who|whom|whose|which|that|what|where|when|while|if|because|after|before|until|since|as|than|once|"
                              r"whether|we|they|he|she|I|you|it)\b")


def counted_subject(tail: str) -> str:
    """What is counted when the counted noun is its clause's subject: what was done to it ("people were killed in the
    fire" → "people killed in the fire"), else the noun without what the clause goes on to say ("exonerations can be
    found here" → "exonerations"); a relative clause ("defendants who were charged") is kept."""
    verb = COUNTED_VERB_RE.search(tail)
    if not verb or RELATIVE_WORD_RE.search(tail, 0, verb.start()):
        return tail
    if "," in tail[:verb.start()]:  # "two sons, Zakariya and Dylan Boyd, have also pleaded guilty"
        return tail[:tail.index(",")]
    if re.match(r"\s+(?:has|is|was)\b", tail[verb.start():]) and re.search(r"[a-z]s$", tail[:verb.start()]):
        return tail[:verb.start()]  # "the partnership between the two departments has focused …": another subject's verb
    if re.match(r"\s+(?:has|have|had)\s+(?!been\b)", tail[verb.start():]):
        return tail  # "21 defendants have pleaded guilty", "six cases have child abuse charges": what is counted
    passive = COUNTED_PASSIVE_RE.match(tail)
    state = COUNTED_STATE_RE.match(tail, verb.start())
    if (passive and passive.group("who") == tail[:verb.start()]) or state:
        rest = COUNTED_VERB_RE.split(re.split(r"\s+(?:and|but)\s+(?=\S+(?:\s+\S+){0,3}?\s+(?:was|were|is|are|has|have|had)\b)|"
                                              r",\s+(?:many|most|some|all|none|each|both|one|two|who|which)\b|"
                                              r"\s+(?:in\s+which|which|who|whom|where)\b|\s+(?:and|but)\s+(?:we|he|she|they|it|I)\b",
                                              state.group("state") if state else passive.group("rest"))[0])[0]
        if state:
            return f"{tail[:verb.start()]} {rest}".strip()  # "people eligible for CLEAR during its pilot phase"
        future = " to be" if passive.group("aux").endswith(" be") else ""  # "applications will be accepted" → "applications to be accepted"
        return f"{passive.group('who')}{future} {passive.group('done')}{rest}".strip()
    return re.sub(r"(?:\s+(?:[a-z]+ly|also|still|now|then|all|both|each))+$", "", tail[:verb.start()])


REPORTED_THAT_RE = re.compile(r"\b(?:states?|stated|said|says|shows?|showed|alleges?|alleged|claims?|claimed|finds?|found|reveals?|"
                              r"revealed|indicates?|indicated|estimates?|estimated|admits?|admitted|acknowledged|agreed|reported|"
                              r"determined|concluded)\s+that\s+")


def head_before(before: str) -> str:
    """The last words of the figure's own clause before it, without the words that only lead to it."""
    before = re.sub(r"\s+in\s+the\s+amount\s+of\s*$", " ", before)  # "damages incurred by NPS in the amount of"
    clause = re.split(r",(?!\d{3})|[;:•▪●]|\sand\s", before)[-1]
    words = REPORTED_THAT_RE.split(clause)[-1].split()  # "audits have revealed that [the schemes have cost the government]"
    while words and words[-1].strip(",").lower() in HEAD_END_WORDS:
        words.pop()
    words = words[-8:]
    while len(words) > 1 and words[0].lower() in PREPOSITIONS:  # "… connection with a scheme to defraud the Bank"
        words.pop(0)
    return " ".join(words).strip(" ,").lstrip(") ")


def head_near(sentence: str, start: int) -> str:
    """head_before over the whole window before a figure, not only back to the figure before it."""
    return head_before(sentence[max(0, start - 160):start])


def measure_of(sentence: str, start: int, end: int, counted: Optional[str], population: Optional[str],
               unit: Optional[str] = None, previous_end: int = 0, next_start: Optional[int] = None) -> str:
    """A short description of what a figure measures, from its sentence.

    What is counted or paid comes first: the words in brackets before it ("encryption (49 %)"), the
    "of" phrase after it ("50 hours of community service"), the noun it qualifies ("a $1.2 million
    home") or the noun phrase before it ("a civil penalty of $3.2 million"); then the clause after it,
    cut where the sentence goes on to another figure or another matter.
    """
    before = sentence[max(previous_end, start - 160):start]  # a window: a search of the whole beginning
    before = re.sub(r"\s+of\s+the\s+(?:greater|greatest|lesser|larger)\s+of\s+$", " of ", before)  # "a fine of the greater of $250,000 or …"
    # for each figure made one long sentence cost its length squared
    of_which = OF_WHICH_AFTER_RE.match(sentence, end) if unit == "count" else None
    if of_which:  # "Liechtenstein foundations, two of which were established by …": the noun before and what is said of them
        said = AUXILIARIES_RE.sub("", clause_after(sentence, of_which.end()))
        noun = re.search(r"([A-Za-z][\w-]*\s+)?([a-z][\w-]*)\s*[,(]\s*$", before)
        if len(said.split()) >= 2:
            return f"{noun.group(0).strip(' ,(')} {said}" if noun else said
    if before.endswith("(") and sentence[end:end + 1] == ")" and unit == "count" and \
            YEAR_RE.match(before[:-1].split()[-1] if before[:-1].split() else ""):
        # "the number of defendants charged … increased … in 2017 (2,637) from … in 2016 (2,149)": the
        # bracketed figures are that number, the year before the bracket only says when
        number_of = NUMBER_OF_RE.search(sentence, 0, start)
        if number_of:
            return number_of.group(1)
    if before.endswith("(") and sentence[end:end + 1] == ")" and unit == "count":
        charge = re.match(r"\)\s*([A-Za-z][^()\d]{2,80}?)\s*(?=\(|\d|$)", sentence[end:end + 90])
        if charge:  # "(7) Insurance fraud (6) First degree residential burglary": the count comes first
            what = " ".join(TAIL_CUT_RE.split(charge.group(1), maxsplit=1)[0].strip(" :,").split()[:8])
            charges = re.search(r"\b(?:counts?|charges?|charged|convicted|pleaded|felon\w*|misdemeanor\w*|Enhancements?)\b", sentence, re.I)
            return f"counts of {what}" if charges and what and not re.match(r"(?:\w+\s+)?counts?\b", what, re.I) else what
    if before.rstrip().endswith("(") and counted in ("count", "counts"):  # "cocaine base (two counts)"
        lead = " ".join(re.split(r"[:;]", sentence[max(0, start - 160):start].rstrip()[:-1])[-1].split()[-14:])
        return f"counts of {lead}" if lead else "counts"
    paren = not counted and before.rstrip().endswith("(") and re.search(r"([\w/’'-]+(?:\s+[\w/’'-]+){0,2})\s*\(\s*$", before)
    if paren:
        words = paren.group(1).split()
        while len(words) > 1 and any(w.lower() in STOP_WORDS or VERB_HINT.match(w) for w in words[:-1]):
            words.pop(0)
        each = re.match(r"\s+((?:for\s+each|per|each)\s+[a-z][\w-]*)", sentence[end:])
        return " ".join(words) + (f" {each.group(1)}" if each else "")  # "$1 million in criminal fines ($250,000 for each violation)"
    equal = EQUAL_TO_RE.search(before[-100:]) if unit == "percent" and re.match(r"^of\s", clause_after(sentence, end)) else None
    if equal:  # "will pay a penalty equal to 27.5 percent of the high value of the accounts"
        share = re.sub(r"^of\s+(?:the\s+)?", "", clause_after(sentence, end))
        return f"{equal.group(1)} as a share of {share}"
    if unit == "other" and re.search(r"(?:per|an|a)[\s-]+hour\b|\bmph\b|km/h", sentence[start:end], re.I):
        return "speed limit" if re.match(r"\s+speed\s+limits?\b", sentence[end:]) else "speed"
    label = LABEL_BEFORE_RE.search(before[-70:]) if not counted or counted[:1].isupper() else None
    if label and unit in ("count", "percent", "money") and re.search(r"[a-z]", label.group(1)):
        return label.group(1).strip()
    group = GROUP_OF_RE.search(before[-30:]) if unit == "count" and not re.match(r"[a-z]+s\b|(?:people|men|women|children|persons)\b",
                                                                                  counted or "") else None
    if group:  # "a family of four"
        return f"members of the {group.group(1).lower()}"
    if unit == "duration" and re.search(r"\blife\s+plus\s+$", before):
        return f"term added to life {clause_after(sentence, end)}".strip()  # "a sentence of life plus 20 years in prison"
    compared = None
    if unit in ("money", "count", "percent", "other") and \
            re.match(r"(?:exceeding|over|under|above|below|greater than|less than|in excess of)\s", sentence[start:end]):
        after = clause_after(sentence, end)
        if not after or CIRCUMSTANCE_RE.match(after) or re.match(r"at\s+any\s+time|during|per\b", after):
            compared = COMPARED_NOUN_RE.search(before[-60:])
    compared_words = compared.group(1).split() if compared else []
    while compared_words and compared_words[0] in STOP_WORDS:
        compared_words.pop(0)
    if len(compared_words) >= 2 and compared_words[-1] not in STOP_WORDS | PREPOSITIONS | COMPARED_VERBS and \
            not TRANSFER_VERB_RE.search(before[-60:]):  # "an aggregate value exceeding $10,000", "mortgage balances under $300,000"
        return " ".join(compared_words)
    reach = previous_end if sentence[previous_end:start].strip() != "(" else 0
    window = re.sub(r"\s[–—]\s[^–—]{1,120}\s[–—]\s", " ", sentence[max(reach, start - 200):start]) if unit in ("percent", "count") else ""
    changed = CHANGED_BY_RE.search(window, max(0, len(window) - 60))
    by_verb = CHANGED_OBJECT_RE.search(window, max(0, len(window) - 90)) if unit == "percent" else None
    if by_verb and not changed:
        what = by_verb.group("what").strip(" ,")
        return f"{CHANGE_NOUNS[by_verb.group('verb').lower()]} {what}"
    if changed and unit == "count" and not re.search(r"\bby\b", changed.group(0)):
        changed = None  # "Roe grew more than 1,000 marijuana plants": no change, a verb and its object
    if changed:  # "Shootings and shooting victims – which … – decreased by 19%"
        what = head_before(window[:changed.start()])
        relative = RELATIVE_SUBJECT_RE.search(window, 0, changed.start() + 1)
        if relative and re.fullmatch(r"(?:(?:which|that|who)\s*)?(?:has|have|had)?", what):
            what = relative.group(1)  # "the global rhinoceros population, which has declined by more than 90 percent"
        if what:
            return f"{what} {changed.group('verb')}"
    parent = PARENT_OF_RE.search(before[-30:]) if unit == "count" and not counted else None
    if parent:  # "a married father of three", "a grandmother of six"
        return "grandchildren" if parent.group(0).lower().startswith("grand") else "children"
    priced = PRICED_THINGS_RE.match(sentence, end) if unit == "count" else None
    if priced:  # "cashed two $25,000 checks": what is counted stands after their price
        return f"{priced.group(1)} {priced.group(2)}"
    valued = VALUED_AT_RE.search(before[-80:]) if unit == "money" else None
    if valued and valued.group("what").split()[-1].lower() not in STOP_WORDS:  # "properties valued at over $3.5 million", "the device, which costs approximately $25,000"
        return f"{'cost' if valued.group('verb').startswith('cost') else 'value'} of {valued.group('what')}"
    lasted = LASTED_RE.search(before) if unit == "duration" else None
    if lasted:
        words = lasted.group("what").split()
        cut = max((k for k, w in enumerate(words) if w in PREPOSITIONS | {"after", "before", "during", "under"}), default=-1)
        what = " ".join(w for w in words[cut + 1:] if w not in ("the", "a", "an"))
        if what and what.split()[-1] not in STOP_WORDS | VAGUE_NOUNS:
            return f"duration of the {what}"
    if counted and SIZE_BEFORE_NOUN_RE.match(sentence, end):
        next_start = None  # "two 8-inch kitchen knives": the size is part of what is counted
    tail = clause_after(sentence[:next_start] if next_start is not None else sentence, end)
    if SUBORDINATE_START_RE.match(sentence) and len(sentence[:start].split()) >= 3 and MAIN_CLAUSE_RE.match(sentence, end):
        tail = ""
    if unit == "money" and next_start is not None and re.fullmatch(r"\s*,\s+(?:and\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+(?:of\s+|over\s+|"
                                                                    r"more\s+than\s+|under\s+|less\s+than\s+)?",
                                                                    sentence[end:next_start]):
        tail = ""  # "white collar crime over $500,000, property damage over $150,000": the next item's words
    tail = re.sub(r"^plus\s+[\w-]+\s*", "", tail)
    tail = re.sub(r"^,?\s*respectively\b[\s,]*", "", tail)  # "… with 126 and 121 hours respectively"
    tail = "" if re.match(r"^(?:and|or)\s(?!(?:more|less|greater|fewer|higher|lower|above|below|under)\b)", tail) else tail  # "131 hours and husband and wife team …": the next item  # "$1.95 million plus interest as their share of the settlement"
    if tail.split()[:1] and tail.split()[0] in MONEY_PARTICIPLES and unit == "money":
        head = head_before(before)  # "spending more than seven hundred thousand dollars meant to maintain a cooperative"
        return f"{head} {tail}".strip()
    if unit != "count" and re.match(r"^(?:are|is|was|were|will|would|must|has|have|had|can|could|should|shall)\b", tail) and \
            re.search(r"[a-z]\s+$", before):  # not "Of the $16.65 billion resolution, almost $10 billion will be paid …"
        predicate = AUXILIARIES_RE.sub("", clause_after(sentence, end))
        if VAGUE_HEAD_RE.search(before[-30:]) and len(predicate.split()) >= 2:
            return predicate  # "a total of $2,675,000 is available to compensate …", "the remaining $2.74 million will be paid to …"
        tail = ""  # "assets in excess of $10,000 are required to …": the figure ends its subject
    if re.search(r",\s+(?:who|which)\s+[^,;]*$", sentence[:start]) and re.match(r"\s*,", sentence[end:]):
        tail = ""  # "Riekers, who had served as an agent for over 15 years, stole …": the main clause is another matter
    if unit == "other" and re.match(r"^away\b", tail):  # "from less than 15 feet away"
        return f"distance: {head_before(before)}".strip(": ")
    tail = re.sub(r"^or\s+(?:more|greater|higher|above|less|fewer|lower|under|below)\b\s*", "", tail)
    copula = re.search(r"\s+(?:(?:must|should|shall|will|to)\s+)?(?:be|is|are|was|were)\s+(?:(?:at\s+least|over|under)\s+)?$", before)
    whose = clause_before(before[:copula.start()] + " ") if copula and unit == "duration" and re.match(r"^of\s+age\b", tail) else None
    if whose:
        relative = re.search(r"\b([a-z][\w-]*)\s+(?:who|that)$", before[:copula.start()])
        if relative:  # "victims who are at least 17 years of age"
            return f"age of {relative.group(1)}"
        return f"age: {whose}"  # "Riders must be 16 years of age": whose age
    relative = re.match(r"^(ago|earlier|later|prior(?=\s*(?:[,.;]|$)))\b[\s,]*(.*)", tail) if unit == "duration" else None
    if relative:  # "two murders nearly 20 years ago", "Two days earlier, three of the co-defendants …"
        head = head_near(sentence, start)
        if len(head.split()) >= 2:
            return f"{head} {relative.group(1)}"
        after = re.match(r"\W*\w+[\s,]*", sentence[end:])
        return f"{relative.group(1)}: {clause_after(sentence, end + (after.end() if after else 0))}".strip(" :")
    if counted == "times" and not re.match(r"^(?:more|less|higher|lower|greater|larger|smaller|as|the)\b", tail):
        head = head_near(sentence, start)
        done = re.search(r"\b(?:for|by|after|while|when)\s+([a-z]+ing\b.*)", head)
        if done and len(done.group(1).split()) >= 2:
            return done.group(1)  # "… guilty plea to attempted murder for stabbing an MTA subway conductor 11 times"
        if len(head.split()) >= 2:
            return head  # "stabbing his mother-in-law 26 times", "shot at her fourteen times"
        struck = re.search(r"\b(shot|stabbed|struck|hit|punched|kicked|fired|slashed|beat)\b[^.;]{0,60}$", sentence[max(0, start - 80):start])
        if struck:  # "He then shot Joshua Roe, 16, seven times in the face": times shot
            rest = re.sub(r"^times\b\s*", "", tail)
            return f"times {struck.group(1)} {rest}".strip()
    if unit == "duration" and re.match(r"^to[\s-]+life\b", tail, re.I):
        # "a maximum sentence of 25 years to life in state prison", "Sentenced to 61 Years to Life": the least term
        # of a life sentence, not a life sentence
        named = noun_before(before)
        if named:
            return f"{named} {tail}"
        rest = re.sub(r"^to[\s-]+life\b\s*", "", tail, flags=re.I)
        return f"minimum term of a life sentence {rest}".strip()
    spent = re.search(r"\b(?:spen[dt]s?|spending|took|takes?|taking)\s+(?:(?:the|his|her|their)\s+)?(?:(?:next|last|past|first)\s+)?"
                      r"(?:(?:nearly|almost|about|approximately|more\s+than|over)\s+)?$", before)
    adverbial = unit == "duration" and "-" not in sentence[start:end] and not spent and \
        re.search(r"\bfor\s+(?:the\s+)?(?:(?:next|last|past|first)\s+)?$", before)
    participle = (PARTICIPLE_CLAUSE_RE.match(tail) or TERM_TAIL_RE.match(tail)) if adverbial else None
    other = OTHER_MATTER_RE.match(tail) or (unit == "duration" and TIME_CLAUSE_RE.match(tail)) or participle
    if other or (tail.lower() in ("period", "time period", "span", "stretch", "timeframe") and unit == "duration"):
        # "$10,000, although he never received …", "$422 million in fiscal year 2011 …", "a one-year period":
        # the words after say when or turn to another matter; what is paid or done is said before the figure
        subject = subject_is(sentence, start)
        said = subject.group(1) if subject and not any(ch.isdigit() for ch in subject.group(1)) else clause_before(before)
        named = noun_before(before) if re.search(r"\sof\s+$", before) and unit in ("money", "count", "percent") else None
        if named:
            said = named  # "reported consolidated revenues of $2.8 billion in 2015"
        if said and not other and all(w.lower() in STOP_WORDS | PREPOSITIONS for w in said.split()):
            return tail  # "During this six-month period": only the words that lead to the figure stand before it
        if said:
            rest = tail[other.end():].strip(" ,") if other and other.groupdict().get("when") else ""
            return f"{said} {rest}".strip() if re.match(r"^(?:in|for|of)\s", rest) else said
    of_which = OF_WHICH_RE.search(before)
    if of_which and unit == "count":  # "submitted petitions for remission, of which 466 were approved"
        return f"{of_which.group(1)} {tail}".strip()
    if unit == "count" and re.match(r"^of\s+(?:the|these|those|his|her|their|its|our)\s+[a-z]", tail):
        return re.sub(r"^of\s+\w+\s+", "", tail)  # "DNA at two of the crime scenes"
    if unit == "money" and re.match(r"^of\s+(?:the|that|this|its|their)\s", tail):
        return f"part of {tail[3:]}"  # "will receive $19,024 of the settlement amount"
    if re.match(r"^of\s", tail) and unit in ("money", "duration", "other"):
        return re.sub(r"^of\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?", "", tail)
    tail = re.sub(r"^(?:of\s+(?:the\s+)?)", "", tail)
    if unit == "money" and re.match(r"^in\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b|our\b|my\b|your\b|order\s+to\b|"
                                    r"connection\s+with\b|[A-Z])\w+", tail):
        return tail  # "$352,076 in restitution", "$426 million in advertising revenue"
    if unit == "money":
        thing = counted_noun(sentence[end:end + 200])
        if thing and not sentence[end:end + 1].isalnum() and thing.split()[0].lower() not in PARTICLES and \
                not re.search(r"(?:able|ible)$", thing.split()[0]) and thing.split()[0].lower() not in MONEY_PARTICIPLES | {"dollars", "dólares"}:
            return thing
    if unit == "money":
        paid = paid_to(sentence, before, end, next_start)
        if paid:
            return paid
    summed = TOTAL_OF_COUNT_RE.search(sentence, max(0, start - 100), start) if unit == "money" else None
    if summed:
        return f"total of {summed.group(1)}"  # "forging 22 checks totaling $102,479"
    if unit == "money" and BAIL_BEFORE_RE.search(before[-60:]):
        return "bail"  # "request bail be set at $500,000 for …", "is being held on $50,000 and must prove …"
    named = noun_before(before) if unit in ("money", "duration", "other", "percent") else None
    if named and unit == "duration" and named.split()[-1].lower() in RELATIONS:
        return f"length of {RELATIONS[named.split()[-1].lower()]}"  # "her husband of 15 years"
    if named:  # "an indeterminate term of 1 to 3 years in prison by Brooklyn …": not who imposed it
        said = "" if sentence[end:end + 3].lstrip().startswith(",") else " ".join(AGENT_CUT_RE.split(tail)[0].split()[:8])
        return f"{named} {said}".strip(" ,")
    subject = subject_is(sentence, start) if unit in ("money", "duration") or \
        (unit == "percent" and len(tail.split()) <= 2) else None  # "The testing is 90 percent legit"
    if subject and not any(ch.isdigit() for ch in subject.group(1)):
        # "The fine for an organizational defendant is not more than …": what the sentence is about
        place = tail.split(" and ")[0] if re.match(r"^(?:in|per)\s", tail) or unit == "percent" else ""
        return f"{subject.group(1)} {place}".strip()
    if unit == "count" and counted and len(tail.split()) <= 2:
        # "The spill volume has been estimated at approximately 3,190 barrels": the subject says what
        subject = subject_is(sentence, start)
        if subject and not any(ch.isdigit() for ch in subject.group(1)):
            return f"{subject.group(1)} in {tail}" if tail else subject.group(1)
    if counted and tail.startswith(counted):
        return counted_subject(tail)
    if population and not sentence[end:end + 40].lstrip().lower().startswith("of"):
        return f"{population} {tail}".strip()
    if CIRCUMSTANCE_RE.match(tail):
        # "a loss of $60 million for the year 2000", "held hostage for over five years by the FARC", "paid $20,000 to
        # Santaniello": the words after say when, where, by whom or to whom; what it is stands before the figure
        head = head_before(before)
        if len(head.split()) < 2:
            head = head_near(sentence, start)
        if len(head.split()) >= 2:
            return f"{head} {' '.join(tail.split()[:8])}"
    if len(tail.split()) >= 3 or (unit == "duration" and (re.match(r"^(?:in|of|on|at)\s+\w", tail) or
                                                         (tail and counted_noun(sentence[end:end + 200])))) or \
            (tail and sentence[end:end + 1] == "-"):  # "a 13-count indictment"
        return tail  # "… in state prison for …", "18 months in prison"
    head = head_before(before)
    if len(head.split()) < 2 and previous_end > max(0, start - 160):
        head = head_near(sentence, start)  # "settlements with 41 tribes for about $1 billion"
    if len(head.split()) < 2 and not tail:
        head = clause_before(before) or head  # "… has served this country at home and abroad for 35 years,” …"
    if unit == "other" or re.search(r"\b(?:ranging|ranged|ranges|range)\s+from\s*$|\bbetween\s*$", before):
        # "… amounts ranged from $4,800 …", "… at speeds of 90 mph": not the words that lead to the figure
        head = RANGE_LEAD_RE.sub("", head).strip(" ,")
    return f"{head} {tail}".strip(" ,")


def value_of(kind: str, match) -> Optional[Tuple[float, str, dict]]:
    """(value, unit, extra fields) of a pattern match, or None when it is not a number."""
    groups = match.groupdict()
    if kind == "ratio":
        a, b = word_value(groups["a"]), word_value(groups["b"])
        if not a or not b or a > b or b not in (2, 3, 4, 5, 6, 8, 10, 20, 50, 100, 1000):
            return None
        return round(100.0 * a / b, 2), "percent", {}
    if kind == "century":
        return (25.0 if "quarter" in groups["f"].lower() else 50.0), "duration", {"period": "year"}
    if kind == "fraction":
        return round(FRACTIONS[groups["f"].lower()], 2), "percent", {}
    if kind == "a_compound":
        per, per2 = groups["per"].lower(), groups["per2"].lower()
        factor = PERIOD_FACTORS.get((per, per2)) or (365 if per == "year" else 30 if per == "month" else None)
        return (factor + 1.0, "duration", {"period": per2}) if factor else None
    if kind == "a_period":
        return 1.0, "duration", {"period": groups["per"].lower()}
    if kind == "rate":
        n = word_value(groups["n"])
        return (n, "other", {"counted": " ".join(re.split(r"[\s-]+", groups["what"].lower()))}) if n is not None else None
    if kind == "half_more":
        whole = 1.0 if groups["n"].lower() in ("a", "an") else word_value(groups["n"])
        per = (groups.get("per") or groups.get("per2")).lower()
        return (whole + 0.5, "duration", {"period": PERIODS[per]}) if whole is not None else None
    n = word_value(groups.get("n") or "")
    if n is None:
        return None
    if kind == "money":
        symbol = (groups.get("cur") or "").strip()
        currency = CURRENCY_SYMBOL.get(symbol) or ({"dollars": "USD", "euros": "EUR", "kronor": "SEK", "crowns": "SEK", "pesos": "MXN",
                                                    "yuan": "CNY", "rupees": "INR", "yen": "JPY", "francs": "CHF", "swiss francs": "CHF"}
                                                   .get(" ".join((groups.get("curword") or "").lower().split()))) or symbol.upper().replace("US$", "USD") or None
        return n, "money", {"currency": currency}
    if kind == "percent":
        return n, "percent", {}
    if kind in ("duration", "adjective"):
        return n, "duration", {"period": PERIODS[groups["per"].lower().rstrip("s") if groups["per"].lower() not in PERIODS else groups["per"].lower()]}
    if kind == "measure":
        return n, "other", {"counted": groups["what"].lower()}
    if kind == "multiple":
        return n, "other", {"counted": "times"}
    return n, "count", {}


QUOTED_NAME_RE = re.compile(r"\s+(?:[A-Z][\w-]*\s*){1,4}[”\"]")
DENOMINATION_RE = re.compile(r"(?:\s*(?:,|and|or)\s*[$€£]\d{1,3})*\s+(?:bills?|notes?|banknotes?|denominations?)\b", re.I)
NOUN_RATE_RE = re.compile(r"\s+(?:[a-z]+\s+){1,2}?(?:per|each)\s+(day|week|month|year)\b(?!-)")
RATE_AFTER_RE = re.compile(r"[\s-]+(?:a|an|per|each)[\s-]+(day|week|month|year)\b(?!\s+(?:ago|earlier|later|before|after)\b)", re.I)
LONG_SENTENCE = 1500  # longer "sentences" (a scraped list, a table) are read in pieces of about this size


def figures_in_sentence(sentence: str, population: Optional[str] = None) -> List[dict]:
    """Figures of one sentence as dicts with offsets into the sentence (the claim parser uses this too).

    The rules look around each figure (the words before it, the clause after it), so one very long
    "sentence" would cost as much again for each of its figures: it is read in pieces that end at a
    space, and the whole costs no more than its length.
    """
    if len(sentence) <= LONG_SENTENCE:
        return figures_in_piece(sentence, population)
    found, start = [], 0
    while start < len(sentence):
        end = len(sentence) if len(sentence) - start <= LONG_SENTENCE else \
            (sentence.rfind(" ", start + LONG_SENTENCE // 2, start + LONG_SENTENCE) + 1 or start + LONG_SENTENCE)
        for f in figures_in_piece(sentence[start:end], population):
            found.append({**f, "start": f["start"] + start, "end": f["end"] + start})
            population = f.get("population", population)
        start = end
    return found


def figures_in_piece(sentence: str, population: Optional[str] = None) -> List[dict]:
    if not ANY_NUMBER_RE.search(sentence):
        return []
    blocked = blocked_spans(sentence)
    taken = bytearray(len(sentence))
    found = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(sentence):
            span = match.span()
            text = match.group(0)
            if not text.strip() or overlaps(span, taken):
                continue
            if overlaps(span, blocked) and kind not in ("money", "percent", "ratio", "half_more"):
                continue
            if kind == "percent" and QUOTED_NAME_RE.match(sentence, span[1]) and span[0] > 0 and sentence[span[0] - 1] in "“\"":
                taken[span[0]:span[1]] = b"\x01" * (span[1] - span[0])
                continue  # a percentage in a quoted name: a so-called “90% Stock Loan” program
            if kind == "money" and DENOMINATION_RE.match(sentence, span[1]):
                taken[span[0]:span[1]] = b"\x01" * (span[1] - span[0])
                continue  # "counterfeit $50 and $100 bills": banknotes by their face value, not a sum
            parsed = value_of(kind, match)
            if parsed is None:
                continue
            value, unit, extra = parsed
            if kind == "count":
                bare = match.group("n").strip()
                if YEAR_RE.match(bare) or bare.lower() in ("one", "zero", "dozens"):
                    continue
                counted = counted_noun(sentence[span[1]:span[1] + 200])
                name = NAME_BEFORE_RE.search(sentence, max(0, span[0] - 80), span[0])
                if name and (not counted or counted[:1].isupper() and not FUNCTION_WORD_RE.match(name.group(0))) and \
                        not SENTENCE_START_RE.search(sentence, max(0, name.start() - 10), name.start()):
                    continue  # "Bill 1899", "Task Force 435", "the Dirty Dozen Tax Scams" (capitals on both sides): a name
                if GLUED_AFTER_RE.match(sentence, span[1]) or GLUED_BEFORE_RE.search(sentence, max(0, span[0] - 1), span[0]):
                    continue
                if bare[:1].isupper() and bare.isalpha() and (re.match(r"-[A-Z]", sentence[span[1]:]) or COMPANY_AFTER_RE.match(sentence, span[1]) or (
                        re.search(r"[(“\"]\s*$", sentence[max(0, span[0] - 2):span[0]]) and re.match(r"\s+[A-Z][a-z]+\s*[)”\"]", sentence[span[1]:])) or (
                        re.search(r"\bthe\s+$", sentence[max(0, span[0] - 30):span[0]]) and re.match(r"\s+[A-Z]", sentence[span[1]:]))):
                    continue  # "the Three Affiliated Tribes", "the Three-Star General": a number word with a capital names something
                if bare.isalpha() and re.search(r"\b[Tt]he\s+$", sentence[max(0, span[0] - 6):span[0]]) and \
                        re.match(r"\s*[,;.]|\s+(?:to(?!\s+(?:\d|%s|a\b|an\b))|were|was|are|is|had|have|has|did|do|would|will|could|and|who|then|also|" % UNIT_WORD +
                                 r"remain|agreed|pleaded|face|faced|each|subsequently|jointly|eventually|ultimately|later|both|all)\b",
                                 sentence[span[1]:]):
                    continue  # "the court later ordered the two to close …": the people named before, not a count
                extra = {"counted": counted}
            elif kind in ("ratio", "fraction", "percent") and not OF_AFTER_RE.match(sentence, span[1]):
                extra = {**extra, "counted": counted_noun(sentence[span[1]:span[1] + 200])}
            if kind == "duration" and value != 1 and not match.group("per").lower().endswith("s"):
                extra = {**extra, "noun": counted_noun(sentence[span[1]:span[1] + 200])}  # "a four week trial"
            if kind == "adjective" and extra.get("period") == "hour" and value == 24:
                continue  # "24-hour hotline": a name of a service, not a measured duration
            qualifier, qstart = qualifier_before(sentence, span[0])
            end = span[1]
            rate = kind in ("duration", "money") and RATE_AFTER_RE.match(sentence, end)
            if rate:  # "worked three days a week", "12 hours per day", "$40,000 per day": the rate is part of the figure
                end = rate.end()
                extra = {**extra, "per": rate.group(1).lower()} if kind == "duration" else {**extra, "period": rate.group(1).lower()}
            noun_rate = NOUN_RATE_RE.match(sentence, end) if kind == "money" and not rate else None
            if noun_rate:  # "a $150 stipend per week": the sum is a weekly one
                extra = {**extra, "period": noun_rate.group(1).lower()}
            if match.groupdict().get("plus") and (match.group("plus") or "").strip():
                qualifier = "more than"
            if match.groupdict().get("ormore"):  # "15 or more years"
                qualifier = "at least" if re.search(r"more|longer", match.group("ormore")) else "up to"
            taken[span[0]:span[1]] = b"\x01" * (span[1] - span[0])
            found.append({"start": qstart, "end": end, "value": value, "unit": unit, "qualifier": qualifier,
                          "kind": kind, **extra})
    found.sort(key=lambda f: f["start"])
    found = join_compound_durations(sentence, found)
    add_ranges(sentence, found)
    add_penalty_qualifiers(sentence, found)
    for k, f in enumerate(found):
        f["surface"] = sentence[f["start"]:f["end"]]
        f["measure"] = measure_of(sentence, f["start"], f["end"], f.get("counted"), population, f["unit"],
                                  found[k - 1]["end"] if k else 0, found[k + 1]["start"] if k + 1 < len(found) else None)
        if f["unit"] == "percent":
            match = POPULATION_RE.match(sentence[f["end"]:].lstrip())
            population = match.group(1) if match else f.get("counted") or population
        f["population"] = population
        noun = f.pop("noun", None)
        if noun and noun.lower() not in VAGUE_NOUNS and f["measure"].startswith(noun + ","):
            f["measure"] = noun  # "After a four week trial, …": the noun the term qualifies
    for k, f in enumerate(found[:-1]):
        following = found[k + 1]
        if f.get("range_low"):
            # "an indeterminate term of 1 to 3 years", "ranged from $1,350 to $18,750": one measure for both
            # ends, read around the whole range
            following["measure"] = measure_of(sentence, f["start"], following["end"], following.get("counted"), population,
                                              following["unit"], found[k - 1]["end"] if k else 0,
                                              found[k + 2]["start"] if k + 2 < len(found) else None)
        # "Two of the seven cases", "27 of our biggest 35 cities", "between five and nine new cases": the
        # second figure says what is counted
        if re.fullmatch(r"\s+of\s+(?:(?:the|all|these|those|its|their|our|your|his|her)\s+(?:[a-z]+\s+){0,2})?",
                        sentence[f["end"]:following["start"]]) or f.pop("range_low", False) or \
                (f["unit"] == following["unit"] == "money" and re.fullmatch(r"\s+(?:out\s+)?of\s+(?:the\s+|an?\s+)?",
                                                                            sentence[f["end"]:following["start"]])):
            # "it paid $404 million of $1 billion in civil penalties": a part of the sum named after it
            f["measure"] = following["measure"]
            whole = own_clause(sentence, found, k + 1)
            if following.get("counted") and whole.startswith(following["counted"]):
                f["measure"] = whole  # "Two of the seven cases were not even reversals": what is said of the part
            verb = re.search(r"\b(?:have|were|are|will|pleaded|present)\b", following["measure"])
            if following["unit"] == "count" and following.get("counted") and following["measure"].startswith(following["counted"]) and \
                    verb and not re.search(r"\b(?:who|whom|which|that|he|she|they|it|we)\b", following["measure"][:verb.start()]):
                # "18 of 27 defendants charged … have pleaded guilty", "16 of the 18 members present": what the part did is
                # not the whole's
                following["measure"] = following["measure"][:verb.start()].rstrip()
    for f, following in zip(found, found[1:]):
        if f["unit"] == "money" and following["unit"] in ("other", "count") and \
                re.fullmatch(r"\s+(?:for|per)\s+", sentence[f["end"]:following["start"]]):
            f["measure"] = f"price of {following['surface']}"  # "$45.52 for 20 grams"
            priced = [g for g in found if g["unit"] == following["unit"] and g.get("counted") == following.get("counted")]
            if "$" in following["measure"] and priced:
                following["measure"] = priced[0]["measure"]  # "… 10 grams of the purported DCA, $45.52 for 20 grams"
    for f, following in zip(found, found[1:]):
        # "returns of 36.38 percent for 2010, 48.27 percent for 2011, …": each year's figure has the first one's measure
        own = YEAR_CIRCUMSTANCE_RE.match(following["measure"])
        if own and following["unit"] == f["unit"] and YEAR_CIRCUMSTANCE_RE.search(f["measure"]) and \
                re.fullmatch(r"\s+(?:for|in|during)\s+[^,;]{1,40}?(?:,\s*(?:and\s+)?|\s+and\s+)", sentence[f["end"]:following["start"]]):
            base = YEAR_CIRCUMSTANCE_RE.sub("", f["measure"]).strip()
            if base:
                following["measure"] = f"{base} {following['measure']}"
    for f, following in zip(found, found[1:]):
        if f["qualifier"] and not following["qualifier"] and f["unit"] == following["unit"] and \
                re.fullmatch(r"\s+(?:(?:per|a|an)\s+)?[\w-]*\s*(?:and|or)\s+", sentence[f["end"]:following["start"]]) and \
                not (f["unit"] == "count" and re.match(r"\s+[a-z]+s\s", sentence[f["end"]:following["start"]])):
            # not "approximately 15 boys and two girls": each counts its own
            following["qualifier"] = f["qualifier"]  # "at least $12 per CD and $19 per DVD", "approximately 27,000 felony and 33,000"
    respectively_lists(sentence, found)
    alternatives(sentence, found)
    shared_heads(sentence, found)
    read_verbs_around(sentence, found)
    for f in found:
        if not f["measure"]:  # nothing after it and nothing that names it: the words before it, at least
            f["measure"] = head_near(sentence, f["start"]) or \
                " ".join(re.split(r"[;:]", sentence[max(0, f["start"] - 160):f["start"]])[-1].strip(" ,").split()[-10:]) or \
                clause_after(sentence, f["end"])
    return [f for f in found if f["measure"]]  # a figure alone in a table cell says nothing a reader can check


def changed_subject(sentence: str, change) -> str:
    """What a change "from … to …" changes: the verb's object ("increasing the organizations recovery rate from …"),
    else the words before the verb ("Shooting victims in Brooklyn plunged by 23.1%, from …")."""
    verb_end = change.start() + len(change.group(0).split()[0])
    between = re.sub(r"^\s*(?:by\s+\S+\s*,?|in\s+)|\s*from\s*$", "", sentence[verb_end:change.end()]).split(",")[0].strip(" ,")
    if len(between.split()) >= 2 and not ANY_NUMBER_RE.search(between):
        return between
    subject = head_before(sentence[max(0, change.start() - 120):change.start()].rstrip(" ,"))
    subject = re.sub(r"^.*\bthat\s+", "", subject)  # "the defendants falsely claimed that SIBL’s assets grew from …"
    return re.sub(r"\s+(?:has|have|had|was|were|is|are|been)$", "", subject)  # "SPD’s disapproval rating has decreased from …"


def read_verbs_around(sentence: str, found: List[dict]) -> None:
    """What the verbs around a figure say of it, once every figure has its measure: a change "from three to two",
    a term "15-to-life", "denied parole for five years", a sum a verb moves, "For three decades, …", a settlement,
    "killed up to 800 persons", "exceeded $2 million"; and no function word left at a measure's end."""
    for f, following in zip(found, found[1:]):
        change = CHANGE_FROM_RE.search(sentence, max(0, f["start"] - 120), f["start"])
        dated = DATED_CHANGE_RE.fullmatch(sentence, f["end"], following["start"]) if change else None
        if dated and f["unit"] == following["unit"]:  # "rising from 13 in 2007 to more than 618 in 2012": each year's
            subject = changed_subject(sentence, change)
            later = re.match(r"\s+((?:in|by|during)\s+(?:(?:fiscal\s+(?:year\s+)?)?(?:19|20)\d\d|FY\s?(?:19|20)?\d\d)|today|now|currently|"
                             r"(?:this|last)\s+(?:past\s+)?year)\b", sentence[following["end"]:])
            if subject:
                f["measure"] = f"{subject} {dated.group(1)}"
                following["measure"] = f"{subject} {later.group(1)}" if later else subject
            continue
        if f["unit"] == following["unit"] != "count" and change and \
                re.fullmatch(r"\s+(?:per|a|an)\s+[a-z]+\s+to\s+", sentence[f["end"]:following["start"]]):
            subject = changed_subject(sentence, change)  # "the price of the shares dropped, from $16.23 per share to $5.92 per share"
            if subject:
                unit_of = sentence[f["end"]:following["start"]].split()[:2]
                f["measure"] = following["measure"] = f"{subject} {' '.join(unit_of)}"
            continue
        if f["unit"] == following["unit"] == "count" and re.fullmatch(r"\s*to\s*", sentence[f["end"]:following["start"]]) and change:
            subject = changed_subject(sentence, change)
            if (not f["measure"] or re.search(r"\bfrom$|\d", f["measure"])) and len(subject.split()) >= 2:
                f["measure"] = subject  # "Shooting victims in Brooklyn plunged by 23.1%, from 808 to 621"
            following["measure"] = f["measure"]  # "decreased the number of competitors … from three to two": one measure
    for f in found:
        if f["unit"] == "count" and re.match(r"[\s-]+to[\s-]+life\b", sentence[f["end"]:], re.I):
            # "serving a term of 15-to-life": years to life
            f.update({"unit": "duration", "period": "year", "qualifier": f["qualifier"] or "at least", "counted": None})
            rest = clause_after(sentence, f["end"] + re.match(r"[\s-]+to[\s-]+life\b", sentence[f["end"]:], re.I).end())
            f["measure"] = f"minimum term of a life sentence {rest}".strip()
        denied = DENIED_FOR_RE.search(sentence, max(0, f["start"] - 80), f["start"]) if f["unit"] == "duration" else None
        if denied:  # "denied parole for five years today for a man …": parole denied
            what = re.sub(r"\s*\b(?:today|yesterday|again)\b", "", denied.group("what") or "")
            f["measure"] = f"{what} {denied.group('verb').lower()}".strip()
        moved = moved_by(sentence, f) if f["unit"] == "money" else None
        if moved:
            f["measure"] = moved
        lead = LEADING_PERIOD_RE.match(sentence[:f["start"]]) if f["unit"] == "duration" else None
        if lead and sentence[f["end"]:f["end"] + 2].startswith(","):
            f["measure"] = clause_after(sentence, f["end"] + 1) or f["measure"]  # "For three decades, KIC has helped …"
        if f["unit"] == "money" and SETTLED_FOR_RE.search(sentence, max(0, f["start"] - 120), f["start"]):
            f["measure"] = "settlement"  # "The department settled with Air Ideal and Amkraut for $250,000 plus …"
        done = DONE_TO_COUNT_RE.search(sentence, max(0, f["start"] - 30), f["start"]) if f["unit"] == "count" else None
        counted = f.get("counted")
        if done and not counted and re.match(r"\s+of\s+(?:the|these|those|all)\b", sentence[f["end"]:]) and f["measure"]:
            counted = f["measure"].split()[0]  # "arrested 4 of the 10 defendants": the part is of the whole's noun
        rest = f["measure"][len(counted or ""):]
        if done and counted and f["measure"].startswith(counted) and \
                re.fullmatch(r"[a-z]+(?:s|people|men|women|children)", counted.split()[-1]) and \
                re.match(r"$|,|\s+(?:in|at|between|for|with|from|on|since|during|over|who|that|after|while|before|across|"
                         r"without|to|by|under|through|yesterday|today|last|inside|outside|near)\b", rest):
            # "His teams killed up to 800 persons between …": persons killed, "injuring two others after …"
            verb = done.group(1).lower()
            verb = DONE_FORMS.get(verb, verb)
            f["measure"] = f"{counted} {verb}{rest}"
        exceeds = re.search(r"\b(?:(?:could|may|might|will|would|to)\s+exceed|exceeded|exceeds|exceeding|surpassed|surpassing|topped)\s+$",
                            sentence[max(0, f["start"] - 20):f["start"]])
        if not f["qualifier"] and exceeds and \
                not re.search(r"\b(?:no|not|never|nor|didn’t|didn't|doesn’t|doesn't)\b[^,;.]{0,40}$", sentence[max(0, f["start"] - 60):f["start"]]):
            f["qualifier"] = "more than"  # "the understatements of tax exceeded $2 million"
            if f["measure"].endswith(exceeds.group(0).strip().split()[-1]):
                # "the tax losses to the United States from Roe’s misconduct could exceed $1 million": what may exceed it
                said = clause_before(sentence[max(0, f["start"] - 160):max(0, f["start"] - 20) + exceeds.start()]) or ""
                said = "" if re.search(r"[\d$]", said) else said  # not "… a theft exceeding $500,000 and a taking"
                f["measure"] = re.sub(r"^(?:.*?\bthat\s+|which\s+)", "", said) or \
                    re.sub(r"\s+(?:(?:could|may|might|will|would)\s+)?\w+$", "", f["measure"]) or f["measure"]
        if f["measure"] == "bail" and re.search(r"\b(?:request\w*|ask\w*|advocat\w*|sought|seek\w*|recommend\w*)\b[^,;.]{0,60}$",
                                                sentence[max(0, f["start"] - 90):f["start"]], re.I):
            f["measure"] = "bail requested"  # "The People will be requesting Roe be held on $1 million bail"
        f["measure"] = without_dangling_end(f["measure"])


# a term something is denied or taken away for: "denied parole for five years", "suspended his license for two years"
DENIED_FOR_RE = re.compile(r"\b(?P<verb>denied|revoked|suspended|barred|banned|debarred|disqualified|excluded)\s+"
                           r"(?:(?:his|her|their|its|the|a)\s+)?(?P<what>[a-z]+(?:\s+[a-z]+)?)?\s*for\s+$", re.I)
# a term that opens its sentence, then what went on over it: "For three decades, KIC has helped …"
LEADING_PERIOD_RE = re.compile(r"^\s*(?:For|Over|During|In|Within)\s+(?:the\s+)?(?:(?:past|last|next|first|following|previous)\s+)?"
                               r"(?:(?:nearly|almost|about|approximately|more\s+than|over|some)\s+)?$")
SETTLED_FOR_RE = re.compile(r"\bsettled?\s+(?:(?:(?:the|its|their|this)\s+)?(?:case|lawsuit|suit|matter|claims?|allegations)\s+|"
                            r"with\s+[^.;$]{1,60}?\s+)?for\s+(?:(?:about|approximately|nearly|more\s+than|over)\s+)?$", re.I)
# a verb done to the people or things counted right after it: "killed up to 800 persons", "injuring two others"
DONE_TO_COUNT_RE = re.compile(r"\b(killed|killing|injured|injuring|wounded|wounding|shot|shooting|stabbed|stabbing|assaulted|"
                              r"assaulting|kidnapped|kidnapping|robbed|robbing|defrauded|defrauding|victimized|rescued|rescuing|"
                              r"arrested|arresting|charged|charging|indicted|indicting|convicted|identified|interviewed|"
                              r"hired|employed|recruited|sold|selling|bought|buying|purchased|smuggled|smuggling|trafficked|"
                              r"seized|seizing|recovered|recovering|filed|filing|prepared|preparing|submitted|submitting|"
                              r"prosecuted|prosecuting)\s+$", re.I)
DONE_FORMS = {"killing": "killed", "injuring": "injured", "wounding": "wounded", "shooting": "shot", "stabbing": "stabbed",
              "assaulting": "assaulted", "kidnapping": "kidnapped", "robbing": "robbed", "defrauding": "defrauded",
              "rescuing": "rescued", "arresting": "arrested", "charging": "charged", "indicting": "indicted",
              "selling": "sold", "buying": "bought", "smuggling": "smuggled", "seizing": "seized", "recovering": "recovered",
              "filing": "filed", "preparing": "prepared", "submitting": "submitted", "prosecuting": "prosecuted"}


# "… $1,136,862.32 in restitution, including $201,065.49 to the IRS": a part of the sum before it
INCLUDING_RE = re.compile(r"[^.;$]{0,60}?(?:,|\s[–—(]|\()\s*(?:including|of\s+which)\s+(?:the\s+)?(?:about\s+|approximately\s+|nearly\s+)?$")
PLACE_TAIL_RE = re.compile(r"^(?:to|from|in|within|by|on|at|into|through|toward|towards)\s")


# words a measure cannot end on: it was cut inside a phrase ("unlawful rate among", "… false statements to the")
MEASURE_END_WORDS = DANGLING_WORDS | {"that", "which", "who", "whom", "whose", "is", "are", "was", "were", "be", "been", "being",
                                      "his", "their", "its", "these", "those", "this", "among", "between", "over",
                                      "under", "into", "about", "little", "if", "when", "while", "because", "including",
                                      "has", "have", "had", "will", "would", "not", "but", "so", "alleging", "claiming",
                                      "against", "across", "toward", "towards", "upon", "via", "such", "like", "where"}


def without_dangling_end(measure: str) -> str:
    """A measure without the function words a cut left at its end; kept whole if nothing else is left."""
    words = measure.split()
    while len(words) > 1 and words[-1].strip(",;:").lower() in MEASURE_END_WORDS:
        words.pop()
    return " ".join(words).rstrip(",;: ") if words and words[-1].strip(",;:").lower() not in MEASURE_END_WORDS else measure


def shared_heads(sentence: str, found: List[dict]) -> None:
    """Parts of a figure named before them, with only where or to whom of their own: "$1,136,862.32 in restitution,
    including $201,065.49 to the IRS" (restitution to the IRS); "three important refineries, two in Wyoming and one in
    Kansas" (important refineries in Wyoming)."""
    for k, (f, g) in enumerate(zip(found, found[1:])):
        between = sentence[f["end"]:g["start"]]
        base = re.sub(r"^(?:in|of)\s+", "", f["measure"])
        own = own_clause(sentence, found, k + 1) if f["unit"] == g["unit"] == "money" else ""
        if f["unit"] == g["unit"] == "money" and INCLUDING_RE.fullmatch(between) and base and \
                (not own or (PLACE_TAIL_RE.match(own) and not own.startswith("in "))) and "including" not in base:
            g["measure"] = f"{base} {own}".strip()
        elif f["unit"] == g["unit"] == "money" and re.fullmatch(r"\s*,\s*of\s+which\s+(?:about\s+|approximately\s+|nearly\s+)?", between) \
                and re.fullmatch(r"[a-z][\w\s-]{0,40}", base) and all(w.lower() in STOP_WORDS for w in g["measure"].split()):
            # "a civil penalty of $15 million, of which $2 million will be suspended if …"
            said = AUXILIARIES_RE.sub("", own)
            g["measure"] = said[3:] if said.startswith("in ") else f"part of {base} {said}".strip()
        elif f["unit"] == g["unit"] and PARALLEL_RE.fullmatch(between) and \
                g["measure"].startswith(PARALLEL_RE.fullmatch(between).group(1) + " ") and \
                f["measure"].endswith(between.strip(" ,").rsplit(" and", 1)[0].rsplit(" or", 1)[0].strip(" ,")) and \
                len(f["measure"]) > len(between.strip(" ,").rsplit(" and", 1)[0].strip(" ,")):
            # "income tax refunds of $573,518 from one client and $202,143 from another client": the noun is the first's
            own_f = between.strip(" ,").rsplit(" and", 1)[0].rsplit(" or", 1)[0].strip(" ,")
            g["measure"] = f"{f['measure'][:-len(own_f)].strip()} {g['measure']}"
        elif f["unit"] == g["unit"] == "count" and 0 < len(f["measure"].split()) <= 3 and between.strip(" ,") == f["measure"] and \
                between.rstrip().endswith(",") and PLACE_TAIL_RE.match(g["measure"]):
            place = re.split(r",|\s+and\s", g["measure"])[0]  # "in Wyoming", not "… and one in Kansas"
            what = re.sub(r"\s+(?:in|from|at)\s+(?:the\s+)?[A-Z].*$", "", f["measure"])  # "67 stores in California, 14 in Arizona"
            g["measure"] = f"{what} {place}"
    for k, g in enumerate(found):
        # "274 stores, including 67 stores in California, 14 in Arizona … and four in Hawaii", "39 shootings compared with
        # 17 last year": a bare count after a counted one counts the same thing
        named = [f for f in found[:k] if f["unit"] == "count" and f.get("counted")]
        if g["unit"] == "count" and not g.get("counted") and named and ELLIPTIC_TAIL_RE.match(sentence, g["end"]) and \
                not COUNTED_NOUN_WORDS_RE.match(named[-1]["counted"]):
            own = own_clause(sentence, found, k)
            g["measure"] = f"{named[-1]['counted']} {own}"


# what a bare count may have of its own after a counted one: a place or a time
ELLIPTIC_TAIL_RE = re.compile(r"\s+(?:in|from|at)\s+(?:the\s+)?[A-Z]|\s+(?:last|this|the\s+previous|the\s+prior)\s+(?:year|month|week)\b|"
                              r"\s+in\s+(?:19|20)\d\d\b")
COUNTED_NOUN_WORDS_RE = re.compile(r"(?:counts?|charges?|times)\b")


PARALLEL_RE = re.compile(r"\s+(from|to|for|on|at)\s+[^,;$\d]{1,40}?,?\s+(?:and|or)\s+")
# a sum paid to the subject of a passive: "Physicians Choice and the related companies were paid nearly $15 million …",
# "relators were awarded $255 million"
PASSIVE_TRANSFER_RE = re.compile(r"(?:^|[,;:]\s+)(?P<who>(?:the\s+|his\s+|her\s+|their\s+)?(?:[A-Z][\w.&’'-]*|[a-z]+s)"
                                 r"(?:\s+(?:and|(?:the|related|other|his|her|their|its)(?:\s+[a-z]+)?|[A-Z][\w.&’'-]*|"
                                 r"[a-z]+(?:ies|ers|ors|ants|ents|ims))){0,5})\s+(?:was|were|has\s+been|have\s+been|had\s+been|"
                                 r"will\s+be|would\s+be|is|are)\s+(?P<verb>paid|awarded|given|owed|promised|offered|granted)\s+$")
# a verb that moves the sum right before it, then only where or under what it moved: "has recovered more than $30
# billion under the act"
MOVED_BEFORE_RE = re.compile(r"\b(?P<verb>recovered|collected|stole|embezzled|obtained|received|paid|spent|lost|raised|seized|"
                             r"forfeited|laundered|misappropriated|diverted|defrauded|billed|generated)\s+"
                             r"(?P<whom>(?:[A-Z][\w.&’'-]*\s+){1,6})?(?:(?:about|approximately|nearly|almost|more\s+than|over)\s+)?$")
MOVED_TAIL_RE = re.compile(r"^(?:under|in\s+the\s+course\s+of|during|over\s+the\s+course\s+of|through|since|in\s+total|as\s+a\s+result\s+of|"
                           r"in\s+(?:19|20)\d\d|in\s+fiscal|on\s+(?:these|those|such|the|its|their)\s+claims|based\s+on|for\s+(?:these|those|such)\s+claims)\b")
MOVER_RE = re.compile(r"(?:^|[,;]\s+|\band\s+)((?:[A-Z][\w.&’'-]*\s+)(?:(?:and|&)\s+[A-Z][\w.&’'-]*\s+)?)$")


def moved_by(sentence: str, f: dict) -> Optional[str]:
    """What a sum is by the verb that moves it, when its measure only says when or under what."""
    before = sentence[max(0, f["start"] - 120):f["start"]]
    passive = PASSIVE_TRANSFER_RE.search(before)
    subject = re.sub(r"^(?:the|his|her|their)\s+", "", passive.group("who"), flags=re.I).split() if passive else []
    if subject and subject[0].lower() not in STOP_WORDS | {"it", "this", "that", "which", "who"}:
        own = re.sub(rf"^{passive.group('verb')}\s+", "", f["measure"])  # "awarded for the … Program": for what
        tail = own if MOVED_TAIL_RE.match(own) or re.match(r"^(?:for|as|in)\s", own) else ""  # "paid … in kickbacks"
        who = re.sub(r"^(The|His|Her|Their)\s", lambda m: m.group(1).lower() + " ", passive.group("who"))
        return f"{passive.group('verb')} to {who} {tail}".strip()
    moved = MOVED_BEFORE_RE.search(before)
    if moved and MOVED_TAIL_RE.match(f["measure"]) and f"{moved.group('verb')} {moved.group('whom') or ''}".strip() not in f["measure"]:
        mover = MOVER_RE.search(before[:moved.start()])  # "Medicare and Medicaid paid approximately $28 million on those claims"
        who = f"{mover.group(1)}" if mover else ""
        return f"{who}{moved.group('verb')} {moved.group('whom') or ''}{f['measure']}"
    return None


def alternatives(sentence: str, found: List[dict]) -> None:
    """"bail of $500,000 bond or $250,000 cash": two sums of one thing, each in its own form."""
    for f, g in zip(found, found[1:]):
        between = re.fullmatch(r"\s+([a-z]+)\s+or\s+", sentence[f["end"]:g["start"]])
        after = re.match(r"\s+([a-z]+)\b", sentence[g["end"]:])
        if not (between and after and f["unit"] == g["unit"] == "money"):
            continue
        name = noun_before(sentence[max(0, f["start"] - 160):f["start"]]) or ("bail" if re.search(r"\bbail\b", sentence, re.I) else "")
        f["measure"], g["measure"] = f"{name} {between.group(1)}".strip(), f"{name} {after.group(1)}".strip()


def respectively_lists(sentence: str, found: List[dict]) -> None:
    """"sentenced to 50 years, 35 years and 35 years in prison, respectively": each term of the list has the
    measure of the last, not the words before it."""
    if "respectively" not in sentence:
        return
    k = 0
    while k < len(found):
        j = k
        while j + 1 < len(found) and found[j + 1]["unit"] == found[k]["unit"] and \
                re.fullmatch(r"\s*(?:,|,?\s*and)\s*", sentence[found[j]["end"]:found[j + 1]["start"]]):
            j += 1
        if j > k and re.match(r"[^.;]{0,80}?,?\s+respectively\b", sentence[found[j]["end"]:]):
            shared = found[j]["measure"] or found[k]["measure"]  # "income was $509,339, … and $604,706, respectively"
            for f in found[k:j + 1]:
                f["measure"] = shared
        k = j + 1


YEAR_CIRCUMSTANCE_RE = re.compile(r"\s*\b(?:for|in|during)\s+(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?(?:19|20)\d\d\b.*$")
# "increased from $16,000 per day to $40,000 per day": a change from one value to another, not a range
DATED_CHANGE_RE = re.compile(r"\s+((?:in|by|during)\s+(?:(?:fiscal\s+(?:year\s+)?)?(?:19|20)\d\d|FY\s?(?:19|20)?\d\d))\s+to\s+")
CHANGE_FROM_RE = re.compile(r"\b(?:increased|increases|decreased|decreases|rose|rises|fell|falls|grew|grows|dropped|declined|"
                            r"jumped|climbed|raised|lowered|reduced|cut|slashed|went|changed|expanded|expands|grown|increase|up|down|"
                            r"plunged|plummeted|soared|surged|spiked|dipped|tumbled|doubled|tripled|rising|falling|increasing|decreasing|growing|"
                            r"dropping|declining|climbing|jumping|(?<=\ba\s)(?:rise|drop|decline|jump|fall|decrease)(?=\s+in\b))\s+(?:[\w.,%-]+\s+){0,6}?from\s+$|"
                            r"\b(?:increased?|decreased?|reduced?|cut|raised?|lowered?)\s+the\s+number\s+of\s+(?:[\w-]+\s+){0,8}?from\s+$", re.I)


def add_ranges(sentence: str, found: List[dict]) -> None:
    """"three to nine years", "between 5 and 10 percent": the low end at least, the high end up to."""
    for low, high in zip(found, found[1:]):
        between = sentence[low["end"]:high["start"]]
        if re.fullmatch(r"\s*(?:to|-|–|and|or)\s*", between) and low["unit"] in ("count", high["unit"]) and \
                (low["unit"] == high["unit"] or low["value"] <= high["value"] or high["unit"] != "percent") and \
                not CHANGE_FROM_RE.search(sentence, max(0, low["start"] - 120), low["start"]):
            if low["unit"] == "count" and high["unit"] != "count":
                low.update({k: high[k] for k in ("unit", "period", "currency") if k in high})
                low.pop("counted", None)
            lead = re.search(r"(?:between|\bfrom)\s*$", sentence[max(0, low["start"] - 9):low["start"]], re.I)
            if lead and lead.group(0).lower().startswith("between") or between.strip() in ("to", "-", "–"):
                low["qualifier"] = low["qualifier"] or "at least"
                high["qualifier"] = high["qualifier"] or "up to"
                low["range_low"] = True
                first = low["start"] - (len(lead.group(0)) if lead else 0)
                low["range"] = high["range"] = sentence[first:high["end"]]  # each end shows the whole range
    for f in found:
        if f["unit"] == "duration" and not f["qualifier"] and re.search(r"\b(?:one|an?)\s+(?:to|-|–)\s*$", sentence[:f["start"]]):
            f["qualifier"] = "up to"  # "one to three years": the low end is not read as a figure ("one" never is)
        if f["unit"] == "duration" and re.match(r"[\s-]+to[\s-]+life\b", sentence[f["end"]:], re.I):
            f["qualifier"] = f["qualifier"] or "at least"
        life = re.match(r"\s+and\s+life\b", sentence[f["end"]:]) if f["unit"] == "duration" else None
        lead = re.search(r"\bbetween\s+$", sentence[max(0, f["start"] - 9):f["start"]])
        if life and lead:  # "prison sentences between one year and life": the least of the range
            f["qualifier"] = f["qualifier"] or "at least"
            f["range"] = sentence[f["start"] - len(lead.group(0)):f["end"] + life.end()]


# Penalties a sentence gives as a most or a least: "faces a maximum sentence of 10 years in prison and a
# $250,000 fine", "carries a mandatory minimum of five years"; a sentence imposed ("was sentenced to …")
# after the cue is a real term again.
MAXIMUM_RE = re.compile(r"\b(?:maximum|max\.|máxima|máximo|up to|not more than|no more than|not to exceed|punishable by|could be fined|"
                        r"carr(?:y|ies|ied)\s+(?:a\s+)?(?:statutory\s+)?(?:penalty|penalties|sentence)\s+of|"
                        r"could be sentenced|could receive|could face|could spend|may be fined|"
                        r"face|faces|faced|facing)\b", re.I)
MINIMUM_RE = re.compile(r"\b(?:minimum|at least|not less than|no less than)\b", re.I)
IMPOSED_RE = re.compile(r"\b(?:sentenced|ordered|received|receive|serve|served|serving|paid|agreed|imposed|gave|given)\b", re.I)
PENALTY_RE = re.compile(r"\b(?:prison|jail|fine|fined|penalty|penalties|sentence|imprisonment|probation|restitution|"
                        r"punishable|custody|incarceration)\b", re.I)
REACH_STOP_RE = re.compile(r"\b(?:after|before|when|because|while|who|which|whose|since|until|whereas)\b|"
                           r"\band\s+(?:is|was|are|were|has|had)\b", re.I)  # "… if convicted and is being held on $50,000 bail"
BAIL_AFTER_RE = re.compile(r"\s*(?:cash\s+)?(?:bail|bond|special\s+assessments?)\b", re.I)
IMPOSED_BEFORE_CUE_RE = re.compile(r"\b(?:sentenced\b[^.;:]*\bto|imposed|received|gave|given|handed(?: down)?)\s+"
                                   r"(?:\w+\s+)?(?:the|a)\s+(?:statutory\s+)?$", re.I)
OR_MORE_RE = re.compile(r"(?:\s+\w+)?\s+or\s+(?:more|greater|higher|above)\b", re.I)
OR_LESS_RE = re.compile(r"(?:\s+\w+)?\s+or\s+(?:less|fewer|lower|under|below)\b", re.I)  # "six months or less"


def add_penalty_qualifiers(sentence: str, found: List[dict]) -> None:
    """"up to" for the terms and sums of a maximum penalty, "at least" for a minimum and for "15 or more"."""
    for f in found:
        if f["qualifier"]:
            continue
        if OR_MORE_RE.match(sentence, f["end"]) and " or " in sentence[f["end"]:f["end"] + 20]:
            f["qualifier"] = "at least"
            continue
        if OR_LESS_RE.match(sentence, f["end"]) and " or " in sentence[f["end"]:f["end"] + 20]:
            f["qualifier"] = "up to"
            continue
        if f["unit"] in ("duration", "money") and "Maximum Sentence" in sentence[:f["start"]]:
            f["qualifier"] = "up to"  # a release's table of charges: the term stands in its "Maximum Sentence" column
            continue
        if f["unit"] not in ("duration", "money") or f["kind"] == "adjective" or not PENALTY_RE.search(sentence):
            continue
        before = sentence[max(0, f["start"] - 200):f["start"]]
        cues = [(m.start(), m.end(), "up to") for m in MAXIMUM_RE.finditer(before)]
        cues += [(m.start(), m.end(), "at least") for m in MINIMUM_RE.finditer(before)]
        if not cues or BAIL_AFTER_RE.match(sentence, f["end"]):
            continue
        cue_start, position, qualifier = max(cues, key=lambda c: c[1])
        if qualifier == "at least" and re.search(r"[,;]", before[position:]):
            continue  # "faces at least 87 months in prison …, three years of supervised release": the cue is the first item's
        if IMPOSED_RE.search(before, position) or REACH_STOP_RE.search(before, position) or \
                IMPOSED_BEFORE_CUE_RE.search(before[max(0, cue_start - 80):cue_start]):
            continue  # "sentenced … after …", "was sentenced to the maximum of 12 years": a term imposed
        f["qualifier"] = qualifier


# "17 years and eight months", "11 years, eight months": one term, in the smaller period
PERIOD_FACTORS = {("decade", "year"): 10, ("year", "month"): 12, ("month", "week"): 4, ("week", "day"): 7,
                  ("month", "day"): 365 / 12, ("day", "hour"): 24, ("hour", "minute"): 60, ("minute", "second"): 60, ("year", "day"): 365}


def join_compound_durations(sentence: str, found: List[dict]) -> List[dict]:
    """Durations joined by "and" or a comma, larger period first, are one figure ("14 years and four months")."""
    joined: List[dict] = []
    for f in found:
        prev = joined[-1] if joined else None
        factor = prev and PERIOD_FACTORS.get((prev.get("period"), f.get("period")))
        if prev and factor and prev["unit"] == f["unit"] == "duration" and prev["kind"] == "duration" and \
                re.fullmatch(r"\s*(?:,\s*and|,|and|)\s*", sentence[prev["end"]:f["start"]], re.I) and not f["qualifier"]:
            prev.update({"end": f["end"], "value": round(prev["value"] * factor) + f["value"], "period": f["period"]})
            continue
        day = re.match(r"\s+and\s+a\s+day\b", sentence[f["end"]:]) if f["unit"] == "duration" else None
        if day and f.get("period") in ("month", "year"):  # "12 months and a day": a year and a day, in days
            f.update({"end": f["end"] + day.end(), "value": round(f["value"] * PERIOD_FACTORS[(f["period"], "day")]) + 1,
                      "period": "day"})
        joined.append(f)
    return joined


POPULATION_RE = re.compile(r"of (?:the |all )?((?:surveyed |responding )?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?(?:s|people|staff|police))\b")


def figures_of(document: Document, passages: List[Passage]) -> List[Figure]:
    """Every figure of a document, with its sentence and offsets into the document text."""
    figures: List[Figure] = []
    for passage in passages:
        if passage.kind == "contact":
            continue
        population = None
        for s_start, s_end in passage.sentences:
            sentence = document.text[s_start:s_end]
            found = figures_in_sentence(sentence, population)
            for f in found:
                figures.append(Figure(
                    id=f"{passage.id}#f{len(figures) + 1}", doc_id=document.id, passage_id=passage.id,
                    surface=f["surface"], value=f["value"], unit=f["unit"], qualifier=f["qualifier"],
                    measure=f["measure"], sentence=sentence, start=s_start + f["start"], end=s_start + f["end"],
                    counted=f.get("counted"), currency=f.get("currency"), period=f.get("period"), range=f.get("range"),
                ))
            if found:
                population = found[-1]["population"]
    return figures
