"""Figures and quotes: tables of real sentences (the seed and the public-domain DOJ corpus) and the gold scorer."""
import os
import subprocess
import sys

import pytest

from conftest import SHARED
from kb.figures import figures_in_sentence
from kb.models import Document
from kb.passages import passages_of
from kb.quotes import quotes_of
from kb.sources.layout import body_blocks, classify


@pytest.mark.parametrize("sentence, surface, value, unit, qualifier", [
    ("Based on a survey conducted with 450 police officers from 41 countries the report looks into it.", "450", 450, "count", None),
    # Spanish millions; a hyphenated term; a year and a day in days (a year is 365 days, not twelve 30-day months)
    ("Jimenez está detenido bajo fianza de $1 millón.", "$1 millón", 1_000_000, "money", None),
    ("She faced up to 99-years or life confinement in prison.", "up to 99-years", 99, "duration", "up to"),
    ("Roe was sentenced on May 22, 2009, to 12 months and one day in prison.", "12 months and one day", 366, "duration", None),
    ("Roe and Doe were ordered to pay jointly $238, 371 in restitution.", "$238, 371", 238_371, "money", None),
    ("OAKLAND FELON SENTENCED TO 10 YEARS AND EIGHT MONTHS IN PRISON", "10 YEARS AND EIGHT MONTHS", 128, "duration", None),
    ("32 defendants have been sentenced to prison for 15 or more years.", "15 or more years", 15, "duration", "at least"),
    ("Alrededor de 400 víctimas marcharon en la ciudad de Santa Ana.", "Alrededor de 400", 400, "count", "about"),
    ("The IRS determined that 147 or 60 percent of those returns understated the tax.", "147", 147, "count", None),
    ("The three defendants pleaded guilty.", "three", 3, "count", None),
    ("According to the results of the survey, almost 40 percent of the surveyed police officers state that it is common.",
     "almost 40 percent", 40, "percent", "almost"),
    ("The surveyed police officers mention in total sixty-four different apps and platforms.", "sixty-four", 64, "count", None),
    ("One in ten of the surveyed police officers state that live-streaming is a challenge.", "One in ten", 10, "percent", None),
    ("The technology that most hinders investigations is encryption (49 %), followed by TOR/darknet (18.7 %).", "49 %", 49, "percent", None),
    ("In contrast, more than half of the surveyed police officers also state that technology aids them.", "more than half", 50, "percent", "more than"),
    ("Eight in ten companies stated that they have technology in place – six out of ten point to filter solutions.",
     "six out of ten", 60, "percent", None),
    ("The total criminal penalty is over $35,000, including a criminal fine of $16,510.", "over $35,000", 35000, "money", "more than"),
    ("He was ordered to pay nearly $10,000 in restitution.", "nearly $10,000", 10000, "money", "almost"),
    ("The settlement provides $3.5 million in compensation.", "$3.5 million", 3500000, "money", None),
    ("He was sentenced to 87 months in prison.", "87 months", 87, "duration", None),
    ("He was sentenced to three years of probation.", "three years", 3, "duration", None),
    ("As a military policeman for nearly a quarter of a century, he served.", "nearly a quarter of a century", 25, "duration", "almost"),
    ("These two shipments made up a total of over 40 tons of coral.", "over 40 tons", 40, "other", "more than"),
    ("The report also features a survey undertaken with one hundred companies.", "one hundred", 100, "count", None),
    ("The operation was a two-day effort.", "two-day", 2, "duration", None),
    ("He faces a sentence of 25 years to life.", "25 years", 25, "duration", "at least"),
    ("Total index crime was down 5% in 2017 compared to last year.", "5%", 5, "percent", None),
    # seconds, and a term with its kind between number and unit
    ("The light turned red at least five seconds earlier.", "at least five seconds", 5, "duration", "at least"),
    ("Over the past three fiscal years, the Department has filed nearly 10,000 cases.", "three fiscal years", 3, "duration", None),
    ("Pedro Roe, 47, was sentenced on March 12, 2018, to serve 12 months and a day in prison.", "12 months and a day", 366,
     "duration", None),
    ("The account holder withdrew approximately 500,000 Swiss francs in cash.", "approximately 500,000 Swiss francs", 500000,
     "money", "about"),
])
def test_figures(sentence, surface, value, unit, qualifier):
    found = {f["surface"]: f for f in figures_in_sentence(sentence)}
    assert surface in found, found
    f = found[surface]
    assert (f["value"], f["unit"], f["qualifier"]) == (pytest.approx(value), unit, qualifier)


def test_range_is_two_figures():
    found = figures_in_sentence("He faces three to nine years in prison.")
    assert [(f["value"], f["unit"], f["qualifier"], f.get("period")) for f in found] == [
        (3, "duration", "at least", "year"), (9, "duration", "up to", "year")]


def test_counted_noun_and_period():
    f450, f41 = figures_in_sentence("Based on a survey conducted with 450 police officers from 41 countries the report.")
    assert (f450["counted"], f41["counted"]) == ("police officers", "countries")
    assert figures_in_sentence("He got 15 years in prison.")[0]["period"] == "year"
    assert figures_in_sentence("A fine of €5,000 was paid.")[0]["currency"] == "EUR"


@pytest.mark.parametrize("sentence", [
    "5 December, 2019 NetClean",
    "Gothenburg, Sweden 5.12.2019 Live-streamed child sexual abuse crime is on the increase.",
    "For more information contact Anna Creutz, +46 703-08 10 77.",
    "Read the whole report here: www.netclean.com/netclean-report-2019/",
    "The NetClean Report 2019 is released today.",
    "The case was filed on Oct. 14, 2009, in Portland.",
    "He was indicted in July of 2008.",
    "Call the hotline at 1-800-255-7688 or 202-616-5594.",
    "He completed an I-9 form.",
    "He was charged with a Class 4 felony.",
    "The bill was sponsored in Senate Bill 1899.",
    "He served in Task Force 435.",
    "The rise of COVID-19 changed the courts.",
    "Windows 10 was installed.",
    "Sentencing is set for April 22, 2009 9:30 AM.",
    "John Smith, 42, of Springfield was arrested.",
    "He violated 18 U.S.C. 2252 and section 1343.",
])
def test_not_figures(sentence):
    assert figures_in_sentence(sentence) == []


# Maximum and minimum penalties, "or more": the qualifier a fact-checker must keep (DOJ sentences, and ours in their shape)
@pytest.mark.parametrize("sentence, surface, qualifier", [
    ("At sentencing, scheduled for June 14, 2010, Fessahazion faces a maximum penalty of 10 years in prison and a $250,000 fine.",
     "10 years", "up to"),
    ("At sentencing, scheduled for June 14, 2010, Fessahazion faces a maximum penalty of 10 years in prison and a $250,000 fine.",
     "$250,000", "up to"),
    ("The maximum penalty for securities fraud is 20 years in prison and a fine of $5 million for each count.", "$5 million", "up to"),
    ("If convicted, Bowie and Ciaccio face up to five years in prison on the conspiracy count and two years on each of the "
     "Clean Water Act counts, as well as a criminal fine of up to $250,000 for each count.", "two years", "up to"),
    ("The fine for an organizational defendant is not more than the greatest of $5,000,000 or twice the pecuniary gain or loss.",
     "$5,000,000", "up to"),
    ("He faces a mandatory minimum sentence of 10 years in prison.", "10 years", "at least"),
    ("The judge sentenced John Roe to seven years in state prison out of the maximum sentence of 20 years in state prison.",
     "20 years", "up to"),
    ("The judge sentenced John Roe to seven years in state prison out of the maximum sentence of 20 years in state prison.",
     "seven years", None),
    ("A man was sentenced today to the maximum sentence of 12 years in state prison for the stabbing.", "12 years", None),
    ("He was facing up to 20 years in prison, but was sentenced to 10 years in prison.", "10 years", None),
    ("Travelers may stay up to 90 days at a time for a two-year period.", "two-year", None),
    ("Seleznev was convicted of nine counts of possession of 15 or more unauthorized access devices.", "15", "at least"),
    ("Offense: Conspiracy to possess with intent to distribute five kilograms or more of cocaine", "five kilograms", "at least"),
    # a qualifier is a whole word, not a verb's particle or a verb; bail is no penalty; "at least" reaches its own item
    ("Under the FCA, the United States may recover three times the amount of its losses plus civil penalties.",
     "three times", None),
    ("Roe failed to pay over $927,921.78 in employment taxes due to the IRS.", "$927,921.78", None),
    ("He was ordered to pay over $140,000 in restitution.", "over $140,000", "more than"),
    ("In 2007, Roe is accused of approaching two separate victims and convincing them to invest.", "two", None),
    ("The operations criminal cases involvedapproximately $8.3 billion in estimated losses.", "approximately $8.3 billion",
     "about"),
    ("Roe faces up to three years in prison if convicted and is being held on $50,000 bail.", "$50,000", None),
    ("If convicted, the defendant faces at least 87 months in prison under the advisory guideline range, three years of "
     "supervised release, a fine of up to $16 million, and a $6,400 special assessment.", "three years", None),
    ("If convicted, the defendant faces at least 87 months in prison under the advisory guideline range, three years of "
     "supervised release, a fine of up to $16 million, and a $6,400 special assessment.", "$6,400", None),
    ("He faces a mandatory minimum of 10 years in prison, a $250,000 fine, and five years of supervised release.", "$250,000",
     None),
    ("The insurer will not pay over $10,000 per claim.", "over $10,000", "more than"),
    # a statutory penalty a crime carries is a maximum; its mandatory minimum is a minimum
    ("Conspiracy to distribute heroin carries a penalty of five to 40 years in prison and a $5 million fine.", "$5 million", "up to"),
    ("The offense carries a mandatory minimum penalty of five years in prison.", "five years", "at least"),
    # "exceeded" is more than; Spanish minimums and maximums; a qualifier does not reach a count of something else;
    # a change from one count to another is no range
    ("The complaint alleges that the understatements of tax on these returns exceeded $2 million.", "$2 million", "more than"),
    ("El acusado enfrentará una sentencia mínima de 25 años hasta cadena perpetua en prisión estatal.", "mínima de 25 años", "at least"),
    ("Roe molested approximately 15 boys and two girls, ages 10 to 14 years old.", "two", None),
    ("The deal decreased the number of significant competitors in the markets from three to two.", "two", None),
    ("The deposits were structured so that no single deposit exceeded $10,000.", "$10,000", None),
    ("The defendants set up a network of shell companies that received from $10,000 to $50,000 each.", "$50,000", "up to"),
])
def test_penalty_qualifiers(sentence, surface, qualifier):
    found = {f["surface"]: f for f in figures_in_sentence(sentence)}
    assert found[surface]["qualifier"] == qualifier, found


@pytest.mark.parametrize("sentence, surface, value, period", [
    ("He was sentenced to 17 years and eight months in federal prison.", "17 years and eight months", 212, "month"),
    ("The court imposed a term of 11 years, eight months in prison.", "11 years, eight months", 140, "month"),
    ("She served two weeks and three days in custody.", "two weeks and three days", 17, "day"),
])
def test_compound_durations_are_one_figure(sentence, surface, value, period):
    [f] = [f for f in figures_in_sentence(sentence) if f["unit"] == "duration"]
    assert (f["surface"], f["value"], f["period"]) == (surface, value, period)


@pytest.mark.parametrize("sentence, surface, measure", [
    ("The company will also pay a civil penalty of $3.2 million, one of the largest ever levied by the federal government.",
     "$3.2 million", "civil penalty"),
    ("Yontz was sentenced on Dec. 19, 2008, to 12 months of probation and ordered toperform 50 hours of community service.",
     "50 hours", "community service"),
    ("On Nov. 7, 2017, Judge Kane sentenced Reese to serve 20 years in prison to be followed by 10 years of supervised release.",
     "10 years", "supervised release"),
    ("The application sought a $640,000 loan as financing for the purchase of a $1.2 million home.", "$1.2 million", "home"),
    ("The application sought a $640,000 loan as financing for the purchase of a $1.2 million home.", "$640,000", "loan"),
    ("The conspiracy charge carries a maximum penalty of five years in prison and a $250,000 fine.", "$250,000", "fine"),
    ("Officials said 13 counties sent ballots by up to six days after the Sept. 18 deadline: Benson and Cass.",
     "up to six days", "after the Sept. 18 deadline"),
    ("Two of the seven cases were not even reversals.", "Two", "cases were not even reversals"),
    ("The fine for an organizational defendant is not more than the greatest of $5,000,000 or twice the pecuniary gain or loss.",
     "$5,000,000", "fine for an organizational defendant"),
    ("While there, he stole $680 out of the safe deposit box in the office.", "$680", "stole out of the safe deposit box in the office"),
    ("Fisher was sentenced on May 13, 2008, to 18 months in prison and ordered to pay $40,000 in restitution.",
     "18 months", "in prison"),
    ("Fisher was sentenced on May 13, 2008, to 18 months in prison and ordered to pay $40,000 in restitution.",
     "$40,000", "in restitution"),
    ("He was also ordered to pay a $75,000 fine and restitution of $74,000.", "$74,000", "restitution"),
    ("He was arraigned on a 13-count indictment.", "13", "count indictment"),
    ("The defendants face a maximum penalty per count of $250,000 and 20 years in jail.", "$250,000", "penalty per count"),
    ("He was sentenced to 15 years in prison and five years’ post-release supervision.", "five years", "post-release supervision"),
    ("Charges: (7) Insurance fraud (6) First degree residential burglary (2) Theft from elder", "6",
     "counts of First degree residential burglary"),
    ("Money was sentenced on Feb. 5, 2009, to 30 months in prison and ordered to forfeit $95,000.", "$95,000", "ordered to forfeit"),
    ("Of those charged again, 15% had between five and nine new cases filed against them.", "five", "new cases filed against them"),
    # what a count of children, checks or a price is
    ("On October 2, 2002, 44-year-old David Roe, a married father of three, was kidnapped by several men.", "three", "children"),
    ("On December 26, 2003, Roe went to his bank and cashed two $25,000 checks and immediately called Doe.", "two",
     "$25,000 checks"),
    ("The scheme was to possess and rent out properties valued at over $3.5 million.", "over $3.5 million", "value of properties"),
    ("Medicare coverage for the device, which costs approximately $25,000, is governed by a National Coverage Determination.",
     "approximately $25,000", "cost of the device"),
    # a sum that is its clause's subject after words that do not say what it is; the subject of "is" after a clause
    ("This means that a total of $2,675,000 is available to compensate individuals who have been harmed by the "
     "discriminatory enforcement of the voucher program.", "$2,675,000",
     "available to compensate individuals who have been harmed by the discriminatory enforcement"),
    ("Of the total $15.75 million settlement amount, the federal share is $13.01 million, and the remaining $2.74 million will "
     "be paid to the Commonwealth of Kentucky.", "$2.74 million", "paid to the Commonwealth of Kentucky"),
    ("That same contract stipulated that $2 million was to be transferred to the officials wifes company.", "$2 million",
     "transferred to the officials wifes company"),
    ("The total tax due and owing on this taxable income to the U.S. government is $189,852.", "$189,852",
     "total tax due and owing on this taxable income to the U.S. government"),
    ("Roe deposited those two checks into his trust account, thus the total proceeds from the sale of the properties "
     "credited to the estate should have been $737,339.65.", "$737,339.65",
     "total proceeds from the sale of the properties credited to the estate"),
    # the main clause after a clause of condition is another matter; a quotation's end ends the clause
    ("If Roe meets its obligations under the agreement without violation for 18 months, the United States will dismiss the "
     "criminal charges.", "18 months", "meets its obligations under the agreement without violation"),
    ('"General Mark Roe has served this country at home and abroad for 35 years," Attorney General Jeff Doe said.',
     "35 years", "General Mark Roe has served this country at home and abroad"),
    # a label before a colon; a group of a number; a change by a percentage; a noun before a comparison; a term after life
    ("By The Numbers: Misdemeanor Cases Filed: 109 Felony Cases Filed: 33 Felony Cases Disposed: 26", "33",
     "Felony Cases Filed"),
    ("Roe applied fumigants in the condominium resort complex, where a family of four fell seriously ill in March 2015.",
     "four", "members of the family"),
    ("Shooting incidents dipped by 67 (13%) for a total of 448, and shooting victims decreased by 76 (12%) for a total of 543.",
     "12%", "shooting victims decreased"),
    ("The law requires taxpayers to disclose accounts which had an aggregate value exceeding $10,000 at any time during the "
     "year.", "exceeding $10,000", "aggregate value"),
    ("On Nov. 10, 2008, John Roe received a sentence of life plus 20 years in prison, to be served consecutively.",
     "20 years", "term added to life in prison"),
    ("Roe earned $40,000 in her fifth year of teaching.", "$40,000", "earned in her fifth year of teaching"),
    ("UPDATE: 12 people were arrested in the sweep.", "12", "people arrested in the sweep"),
    ("The state of Florida, which paid for some of the claims, will receive $19,024 of the settlement amount.", "$19,024",
     "part of the settlement amount"),
    ("Roe grew more than 1,000 marijuana plants at the property.", "more than 1,000", "marijuana plants at the property"),
    ("If Roe pays $5,000 within 18 months, the State will dismiss the charges.", "within 18 months", "If Roe pays $5,000"),
    ("Harrington was ordered held on $50,000 bond or $25,000 cash.", "$25,000", "cash"),
    ("These entities included Liechtenstein foundations, two of which were established by a Liechtenstein trust company.",
     "two", "Liechtenstein foundations established by a Liechtenstein trust company"),
    ("110 murders were recorded in Brooklyn in 2017 (nine of which were reclassified homicides from previous years).",
     "nine", "reclassified homicides from previous years"),
    ("Agents have been instrumental in recovering and returning $2.1 billion dollars to the Treasury.", "$2.1 billion",
     "returning to the Treasury"),
    ("(2) Human trafficking (2) Attempted pimping of a minor (2) Pandering of a minor Sentencing Enhancements :", "2",
     "counts of Pandering of a minor"),
    # the verb that moves a sum and to, from or for whom
    ("The department is also awarding more than $22.2 million to 53 jurisdictions to support adult drug courts.",
     "more than $22.2 million", "awarding to 53 jurisdictions to support adult drug courts"),
    ("A routine audit revealed that Roe had paid nearly $1.1 million to STS Contracting for minimal renovations.",
     "nearly $1.1 million", "paid to STS Contracting for minimal renovations"),
    ("While the victim was laying on the ground unconscious, Roe robbed the victim of $200, grabbed a knife and fled.",
     "$200", "amount robbed from the victim"),
    ("Roe is accused of stealing approximately $610,000 from Nancy W.", "approximately $610,000", "stealing from Nancy W"),
    ("Roe is accused of entering false information that the customer had provided a birth certificate in exchange for $500.",
     "$500", "payment in exchange for entering false information that the customer had provided a birth certificate"),
    # a part of a sum named before it; parts of a count given by where they are; the subject of a passive payment;
    # a moving verb before a sum whose tail only says under what; function words a cut left at the end
    ("Judge Ann Roe ordered her to pay $1,136,862.32 in restitution, including $201,065.49 to the IRS.",
     "$201,065.49", "restitution to the IRS"),
    ("Roe and Doe have agreed to pay a civil penalty of $15 million, of which $2 million will be suspended if there are "
     "no further export violations.", "$2 million", "part of civil penalty suspended if there are no further export violations"),
    ("Todays agreements will bring three important refineries, two in Wyoming and one in Kansas, into compliance with the "
     "Clean Air Act.", "two", "important refineries in Wyoming"),
    ("Roe Choice and the related companies were paid nearly $15 million in the course of the conspiracy.",
     "nearly $15 million", "paid to Roe Choice and the related companies in the course of the conspiracy"),
    ("In fiscal year 2009, relators were awarded $255 million.", "$255 million", "awarded to relators"),
    ("Since those changes were enacted, the Justice Department has recovered more than $30 billion under the act.",
     "more than $30 billion", "recovered under the act"),
    ("Roe was sentenced to serve nine months in prison and Doe received probation.", "nine months", "in prison"),
    ("These numbers include a 97 percent unlawful rate among 13,081 confirmed aliens in custody.", "97 percent", "unlawful rate"),
    # a date in brackets says when; the least term of a life sentence; grandchildren; a term that opens its sentence;
    # a settlement; a verb done to the people counted; a count of cases with another year's after it
    ("Jon Roe Willmar, MN Offense: Distribution of methamphetamine; Southern District of Iowa Sentence: 262 months' "
     "imprisonment; 10 years' supervised release (August 21, 2008)", "10 years", "supervised release"),
    ("WESTMINSTER – A man was sentenced today to 65 years to life in state prison for kidnapping a girl.", "65 years",
     "minimum term of a life sentence in state prison for kidnapping a girl"),
    ("He faces a maximum sentence of 25 years to life in state prison.", "25 years", "maximum sentence to life in state prison"),
    ("The victim, a grandmother of six, was rendered unconscious in the crash.", "six", "grandchildren"),
    ("For three decades, KIC has helped child victims and witnesses navigate the court process.", "three decades",
     "KIC has helped child victims and witnesses navigate the court process"),
    ("The department settled with Air Roe and Doe for $250,000 plus five percent of its gross revenues for five years.",
     "$250,000", "settlement"),
    ("His teams killed up to 800 persons between January and August 2010.", "up to 800",
     "persons killed between January and August 2010"),
    ("The driver was convicted today for killing a passenger and injuring two others after inhaling nitrous oxide gas.",
     "two", "others injured after inhaling nitrous oxide gas"),
    ("In 2022, the DUI Homicide Unit prosecuted 27 cases and so far in 2023, there have been 8 cases.", "27", "cases prosecuted"),
    # the whole of a part is not what the part did; a change from one count to another has one measure
    ("So far, 18 of 27 defendants charged in the bribery scandal have pleaded guilty.", "27",
     "defendants charged in the bribery scandal"),
    ("There are 16 of the 18 members present.", "18", "members"),
    ("The deal decreased the number of significant competitors in the markets from three to two, allowing Roe to raise prices.",
     "two", "the number of significant competitors in the markets"),
    # a term something is denied for; a term to life without its unit; a moving verb then "as a result of"
    ("SANTA ANA – The Board of Parole Hearings denied parole for five years today for a man convicted of murder.",
     "five years", "parole denied"),
    ("Roe was already serving a term of 15-to-life in Salinas Valley State Prison for a murder charge.", "15",
     "minimum term of a life sentence in Salinas Valley State Prison for a murder charge"),
    ("Acme agreed to pay $10 million to settle allegations that it billed Medicare for $2 million in unnecessary tests.",
     "$2 million", "in unnecessary tests"),
    ("The relators were awarded $255 million.", "$255 million", "awarded to the relators"),
    ("Roe and his company were paid $2 million in kickbacks.", "$2 million", "paid to Roe and his company in kickbacks"),
    # the counted noun as its clause's subject: what was done to it, not what the clause goes on to say
    ("Six people were killed in the fire and dozens were injured.", "Six", "people killed in the fire"),
    ("Over 50 witnesses have been interviewed, many of whom were very helpful.", "Over 50", "witnesses interviewed"),
    ("Information on the first 25 exonerations can be found here.", "25", "exonerations"),
    ("The three managers sued are John Roe, Jane Roe and Richard Doe.", "three", "managers sued"),
    ("Two sons, Adam and Ben Roe, have also pleaded guilty.", "Two", "sons, Adam and Ben Roe"),
    ("Four defendants previously have pleaded guilty to charges in the case.", "Four",
     "defendants previously have pleaded guilty to charges in the case"),
    ("Six cases have child abuse charges.", "Six", "cases have child abuse charges"),
    ("The partnership between the two departments has focused efforts to reduce fraud.", "two", "departments"),
    ("Over 700 people will be eligible for the program during its pilot phase.", "Over 700",
     "people eligible for the program during its pilot phase"),
    ("Only 500 applications will be accepted and we expect the limit to be reached.", "500", "applications to be accepted"),
    ("Two teenagers have been arraigned on an indictment in which they are charged with murder.", "Two",
     "teenagers arraigned on an indictment"),
    ("The office charged six persons in what is alleged to be the largest network.", "six",
     "persons charged in what is alleged to be the largest network"),
    ("During those seven policy years, the defendant underreported his payroll.", "seven", "policy years"),
    ("During this six-month period, the defendant allegedly deposited $300,000.", "six-month", "period"),
    ("Roe set three trash can fires behind the store.", "three", "trash can fires behind the store"),
    # a tail ends where a new clause or the next item of a list begins
    ("The defendants, initially sentenced in 2006 to four-year prison terms each, were re-sentenced today.", "four-year",
     "prison terms each"),
    ("At the end of the 60-day comment period, the U.S. District Court may approve the settlement.", "60-day", "comment period"),
    ("Roe is charged with two felony counts of lewd acts upon a child and one felony count of pimping a minor.", "two",
     "felony counts of lewd acts upon a child"),
    ("The office hired two additional prosecutors and one investigator.", "two", "additional prosecutors hired"),
    ("The unit received 289 requests and successfully processed 305 requests.", "289", "requests"),
    ("Roe molested two girls, ages 11 and 12, at the home.", "two", "girls"),
    ("Roe molested three children between the ages of 11 and 13 at the home.", "three",
     "children between the ages of 11 and 13 at the home"),
    ("The Department has intervened in 17 different states over the past two years.", "17", "different states"),
    ("Roe faces a maximum sentence of 10 years in prison and a fine of $250,000.", "10 years", "maximum sentence in prison"),
    ("Roe faces up to 20 years in prison and a $250,000 fine.", "up to 20 years", "in prison"),
    # a sum followed by why, when or in what connection: what it is stands before it, after what only reports it
    ("Notes state that certain checks were for under $10,000 in order to avoid attention.", "under $10,000",
     "certain checks in order to avoid attention"),
    ("Audits have revealed that Roe’s schemes have cost the government at least $1.1 million.", "at least $1.1 million",
     "Roe’s schemes have cost the government"),
    ("Acme will pay damages incurred by the agency in the amount of $240,500 as a result of the beach closures.", "$240,500",
     "Acme will pay damages incurred by the agency as a result of the beach closures"),
    ("The office received payments exceeding $10,000 in a single day on at least 35 occasions.", "exceeding $10,000",
     "office received payments"),
    # a sum that opens its sentence after "The": what the sentence says of it
    ("The $550 million is currently located in Swiss bank accounts.", "$550 million", "currently located in Swiss bank accounts"),
    # a bare count after a counted one counts the same thing
    ("The settlement covers 274 stores, including 67 stores in California, 14 in Arizona and four in Hawaii.", "four",
     "stores in Hawaii"),
    ("There were 39 shootings compared with 17 last year.", "17", "shootings last year"),
    # a term before the main clause: the clause after the comma says what lasted
    ("For more than five years, the ring operated websites that sold counterfeit goods.", "more than five years",
     "the ring operated websites that sold counterfeit goods"),
])
def test_measure_names_what_is_counted_or_paid(sentence, surface, measure):
    found = {f["surface"]: f for f in figures_in_sentence(sentence)}
    assert found[surface]["measure"] == measure, found


@pytest.mark.parametrize("sentence, not_surface", [
    # one count named by its number; a page of a cited case
    ("Roe pleaded guilty to count six of a superseding indictment, which charged her with conspiracy.", "six"),
    ("See United States v. Roe, 111 F. Supp. 614, 616 (S.D.N.Y. 1953).", "616"),
    ("614, 616 (S.D.N.Y. 1953).", "614"),
    ("Any person may submit written comments to the U.S. Department of Justice, 450 Fifth Street, N.W., Suite 8700, "
     "Washington, D.C. 20530.", "450"),
    ("The defendant located the victim in front of a store at 332 East 98th Street, in Brownsville.", "332"),
    ("Anyone with information is asked to call Detective John Roe at (202)514-2007 or (202) 514-2008.", "202"),
    ("Please RSVP by tomorrow to John Roe at (202) 514- 2008 or by email.", "2008"),
    ("Return preparer fraud is one of the IRS's Dirty Dozen Tax Scams for 2017 .", "Dozen"),
    ("Third, Daniel Boyd is also charged with the providing a Ruger mini 14 rifle to a convicted felon.", "14"),
    ("In some of the photos, the victims, all girls aged 8 to 15, were wearing revealing outfits.", "8"),
    ("The case was solved when the victim, who is now 17, walked into the police station.", "17"),
    ("Voters approved Proposition 47 and Prop 35 in the same decade.", "47"),
    ("(4) The term “minor” means a person who is not an adult.", "4"),
    ("He lived only a quarter of a mile south of their home.", "a quarter"),
    ("Witnesses called 911 and the police arrested the defendant at the scene.", "911"),
    ("The other men included his father, John Roe Sr., 42, and a friend, Raymond Eligan, 51.", "51"),
    ("On Sunday, at approximately 1 p.m., near Empire Boulevard, he approached a man.", "approximately 1"),
    ("He charged $400 for each 8-week-old dog.", "8"),
    ("Omar Abdelkader, 26, of 360 95 th Street, Brooklyn, was arrested.", "360"),
    ("Jorge Sanchez, 23 was sentenced to 105 years-to-life in state prison.", "23"),
    ("On Oct. 16, 26 and 27, 2015, the defendants discharged overboard approximately 5,000 gallons of oil.", "26"),
    ("Complaints may be made to the Citizen Complaint Center at 18886473258 or online.", "18886473258"),
    ("The executives are accused of paying six-figure bribes to an official.", "six"),
    ("Congress enacted the law to encourage service; and (3) to prohibit discrimination against veterans.", "3"),
    ('Turikov, Covelin, and "Hacker 3" each face a maximum sentence of up to 20 years in prison.', "3"),
    # gauges, numbered roads, numbered places, ages in brackets after a name
    ("Gautreau admitted he then loaded ammunition into his 12-gauge shotgun, and drove off.", "12"),
    ("The two drivers raced each other on the 73 toll road late at night.", "73"),
    ("Land use restrictions will be established on the 5 Slip peninsula to protect the character of the restored property.", "5"),
    ("The men charged are John Roe (19), Richard Doe (23; female) and Peter Poe (18).", "18"),
    ("The men charged are John Roe (19), Richard Doe (23; female) and Peter Poe (18).", "23"),
    # the emergency number naming a service, a day in a date with two days, a ZIP code, a date in Spanish
    ("The Tribe and federal government provide all significant governmental services to the tenants and visitors at Quil "
     "Ceda, including police and fire protection, emergency medical and 911 services, among many others.", "911"),
    ("At trial, evidence revealed that on Oct. 23 or 24, 2008, Danforth agreed with his two cousins to build a cross.", "24"),
    ("WHERE: Town Hall Council Chamber, 100 Main Road, Springfield, 92688 To read the full ordinance, select the release.",
     "92688"),
    ("La fiscalía abrió una línea telefónica sobre el incidente ocurrido el 21 de mayo de 2026, en la planta.", "21"),
    # victims' ages as a threshold, a pair of ages, an age written with a spaced dash
    ("He was convicted of two felony counts of lewd acts upon a child under 14 and one count of assault.", "under 14"),
    ("He pleaded guilty to two felony counts of lewd acts on a child age 14 or 15 and one other count.", "15"),
    ("At about 8:00 p.m. on Nov. 3, 2001, 19 – year-old Jane Doe was waiting at a bus stop on Main Street.", "19"),
    # pseudonyms with a number, Spanish ages, banknotes, addresses without a street word, numbered items, old years,
    # ages in a list of names
    ("Jane Doe 1 got a tattoo on her face and the defendant told the tattoo artist.", "1"),
    ("Juan Roe, de 27 años de edad, de la ciudad de Corona, es acusado de dos cargos.", "27"),
    ("He passed over $70 million high-quality counterfeit $50 and $100 bills, said the U.S. Attorney.", "$100"),
    ("Jane Doe, 16, knew the defendant through his office located at 1110 West Main, Springfield.", "1110"),
    ("10) Palace Station Casino in Las Vegas;", "10"),
    ("Swansea was established in 1663 as a colonial site.", "1663"),
    ("The defendants are: John Roe, 33 Will Poe, 21 Adam Doe, 22 Mark Moe.", "21"),
    # dockets and their judges' initials, streets named by a number, a list item after a semicolon, an age in a form,
    # an alloy's grade, a date a sentence splitter cut, a number word naming a tribe, an age before "Charged"
    ("Defendants: John Roe, 15 Cr. 585 (RJD).", "585"),
    ("585 (RJD)", "585"),
    ("Offices: 3157 Woodward Avenue, Detroit; 14621 W 8 Mile Road, Detroit; and 143 South Telegraph Road, Pontiac.", "14621"),
    ("Areas: 4) Roe giving information to the police; 5) Roe being moved to isolated housing.", "5"),
    ("Age: 57", "57"),
    ("Khaki allegedly asked a conspirator to contact a U.S. company about purchasing nickel alloy 120.", "120"),
    ("9, 2009, Susan Holloman, a file assistant, pleaded guilty to unlawfully accessing confidential files.", "9"),
    ("Tsoodle, a former police officer with the Three Affiliated Tribes Police Department in New Town, N.D., was sentenced.",
     "Three"),
    ("Defendant Charges Maximum Sentence Court Date John Roe Garcia, 26 Charged with the following felony counts:", "26"),
    # an age after "then", names and terms glued to a number by a hyphen, a union local, a citation's page, a bill,
    # numbered counts and paragraphs, ages between two numbers
    ("Kevin Roe, then 37, formerly of Austin, Texas, pleaded guilty.", "37"),
    ("With the indictments of these seven alleged 8-Trey Crips gang members, we are delivering justice.", "8"),
    ("Although it appeared that 602-A had been inhabited, the apartment was now empty.", "602"),
    ("The company monitors the ambient levels of benzene and 1,3-butadiene at the fence line.", "3"),
    ("Roe is accused of facilitating three-way calls between her husband and gang members.", "three"),
    ("Roe directed over $580,000 in Local 657 funds to a contractor.", "657"),
    ("Id. at 2176.", "2176"),
    ("S.B. 1228, 69th Leg.", "1228"),
    ("Counts seven through 13 were listed on the previous indictment.", "13"),
    ("153.", "153"),
    ("The center provides services to children between the ages of three and 15.", "15"),
    # a chemical formula, a label glued to a bracket, a mailbox, children's ages, a number alone in a table cell
    ("Conversion is expected to approach carbon neutrality, meaning that CO 2 emissions released by burning biomass fuel "
     "will be offset.", "2"),
    (". . . 3[month] esp.", "3"),
    ("Contact the department at 1-800-896-7743, mailbox 97, or by e-mail.", "97"),
    ("He left behind a wife and three children, 7, 9, and 11.", "9"),
    ("Five", "Five"),
    ("The defendant, who was 20 at the time, was arrested immediately.", "20"),
    ("Under the SBAs 8(a) business development program, a business can apply for certification.", "8"),
    ("See United States v. Roe, 54 F.3d 261 (9th Cir. 1995).", "54"),
    ("The shooting happened at 2455 6th St.", "2455"),
    ("Team 6 is comprised of investigators and agents from the DA’s Bureau.", "6"),
    ("All of the students are in grades four through eight and were identified by their schools.", "eight"),
    ("See Adarand Constructors, Inc. v. Pena, 515 U.S. 200, 216 (1995) (classifications based on race).", "216"),
    ("THURSDAY, JUNE 4, 2009: 8 th ANNUAL ICN CONFERENCE (DAY 2)", "2"),
    ("Bank Sparhafen Zurich (439.96 KB)", "439.96"),
    ("The settlement addressed the 2.0 liter cars on the road.", "2.0"),
    ("He is charged with sexually assaulting two women, 60 and 84 years old, while they were in his care.", "60"),
    ("The abuse began when the victim was 10 and ceased when she turned 13.", "13"),
    ("The abuse began when the victim was 10 and ceased when she turned 13.", "10"),
    ("Generally, an electric bike that does not qualify as Class 1, 2 or 3, will be classified as an electric motorcycle.", "2"),
    ("The judge heard arguments on the constitutionality of Senate Bill (SB) 1437, given that it lacks a super majority.",
     "1437"),
    ("Roe set a new world record with a time of 2.00.21 in the 200 meter medley relay.", "200 meter"),
    ('The complaint alleges that the men promoted a so-called "90% Stock Loan" program.', "90%"),
    ("5.Javier A. Roe, businessman.", "5"),
    ("He asked the driver to take him to the nearby Wells Fargo Bank at 7902 Edinger in Huntington Beach.", "7902"),
    ("53 percent", "53 percent"),  # a table cell alone says nothing a reader can check
    ("The injunction also bars Roe’s business, 5 Star Tax LLC, from continuing to prepare tax returns.", "5"),
    ("At approximately 1:30 a.m., the defendant walked into the 78 precinct with his hand bleeding.", "78"),
    ("Applicants must submit a 300-word typed essay (12 pt. font and double-spaced).", "12"),
    ("The department alleged that the acquisition would violate Sections 1 and 2 of the Sherman Act.", "2"),
    ("1030(a)(2)(C), 1030(c)(2)(B)(i)-(iii), and 2", "2"),
    ("The California Supreme Court stated (In re Roe, supra, 1 Cal. 3rd 930, 946) that the section required more.", "946"),
    ("Between 2006 and 2009, 24 Hour sold prepaid memberships in a false and misleading manner.", "24 Hour"),
    ("The handguns include Glocks with extended ammunition magazines and 50 round ammunition drums.", "50"),
    ("Offense: 1.", "1"),
    ("at 2174.", "2174"),
    ("Anyone with tips may call Orange County Crime Stoppers at (855) TIP-OCCS or online.", "855"),
    ("The foundation is a non-profit 501(c)3 corporation.", "3"),
    ("The defendants repackaged over 350,000 bottles of 5-Hour ENERGY and sold them.", "5-Hour"),
    ("The IRS has listed return preparer fraud as one of the Dirty Dozen tax scams for 2012.", "Dozen"),
    ("The court later ordered the two to close their dental care businesses.", "two"),
    ('On Feb. 24, 2010, Jose Roe, aka "Chino," 31, of Lubbock, Texas, was found guilty.', "31"),
    ("During the investigation, Aaron Roe, aka Big A, 33; Carlos Doe, aka Bang Em, 34; and others were charged.", "33"),
    ("Antonio Roe, the National President of the Phantoms and the Three-Star General over the Vice Lords, was convicted.",
     "Three"),
    # list indexes inside a sentence; "the two" doing something, the people named before
    ("To obtain a waiver, states must 1) establish that these circumstances create an undue hardship, and 2) present a plan.", "1"),
    ("To obtain a waiver, states must 1) establish that these circumstances create an undue hardship, and 2) present a plan.", "2"),
    ("The two subsequently inflated tax refunds by placing false information on their clients tax returns.", "two"),
    # a page cited in brackets, a number alone in quotation marks, a numbered program, the Three Strikes law, ages
    ("“The OCGJ is confident there is no program of jailhouse informant use in the jails.” (p. 19).", "19"),
    ("When “4 to 5” associates ran in pursuit of the fleeing “900” members, Roe shot a “4 to 5” gang member.", "900"),
    ("When “4 to 5” associates ran in pursuit of the fleeing “900” members, Roe shot a “4 to 5” gang member.", "4"),
    ("The bank induced the SBA to fund a loan under the SBAs 504 loan program.", "504"),
    ("He was sentenced under California’s Three Strikes law.", "Three"),
    ("NEWPORT BEACH – Thirteen men, ages ranging from 19 to 51, were charged after an operation.", "51"),
    ("SE PIDE AYUDA PARA LOCALIZAR UN FUGITIVO ACUSADO DE ABUSAR A NIÑA DE 9 AÑOS Y AMENAZAR LA HERMANA DE 15 AÑOS", "15 AÑOS"),
    ("En el 2 de septiembre del 2006 la Victima # 4 invito a su amiga, Victima # 5 de 10 años de edad, a su casa.", "5"),
    ("Panel 1: Realities of Licensing and Litigation Practices", "1"),
    ("Jamal Roe Temple Hills, MD Offense: 1.", "1"),
    # calibres, numbered counts and stops listed together, gangs named by a number, code sections, links in brackets,
    # an age after a name without a comma or "when he was", a partner
    ("Agents stopped him from reaching a loaded 9 mm semi-automatic handgun, which he had hidden.", "9"),
    ("Police located his 9-millimeter pistol where he had tossed it.", "9-millimeter"),
    ("The charges apply as follows: Ann Roe on counts one through five and seven, Bo Poe on counts 1-7.", "seven"),
    ("Doe was speaking at Stops 4 and 5, the Department said.", "5"),
    ("Citizens are caught in the crossfire of groups like MS 13 and the 18th Street gang.", "13"),
    ("Fifteen members of two subsets of the 59 Brim Bloods street gang were charged.", "59"),
    ("Two years in County Jail and sex offender registration pursuant to penal code 290", "290"),
    ("[WATCH: 3 Things You Should Know About Safe Online Shopping] The FBI released a list.", "3"),
    ("John D. Roe 48, of Bayshore, New York, was found guilty.", "48"),
    ("Doe was arrested when he was 17 for evading arrest in a motor vehicle.", "17"),
    ("The app was marketed to spouses suspecting their other half of cheating.", "half"),
    # stages named by a number word; "one day" as some day
    ("Strike Force operations began in Miami (Phase One) and Tampa (Phase Six).", "Six"),
    ("Every parent should fear that one day they are going to find their child dead.", "one day"),
    # a number word that begins a company's name; 911 contacted; round the clock; ages listed with hyphens; state routes
    ("Larkin owned and operated Five Star Home Health Care Inc. (Five Star).", "Five"),
    ("Kieu is accused of then contacting 911.", "911"),
    ("The telephone line is staffed by a live operator 24 hours a day, 7 days a week.", "7 days a week"),
    ("The District Attorney said the defendants are 13- ,14- and 16-year-old boys.", "13"),
    ("Roe drove the wrong direction on westbound State Route 91 (SR 91) in her truck.", "91"),
    ("Roe owned Five Star Plastering, Inc. (Five Star) in Irvine.", "Five"),
])
def test_names_addresses_ages_and_indexes_are_not_figures(sentence, not_surface):
    assert not_surface not in [f["surface"] for f in figures_in_sentence(sentence)]


@pytest.mark.parametrize("sentence, surface", [
    # a not-figure rule must not take the real figures beside what it blocks
    ("He was fined $500, 100 hours of community service and three years of probation.", "100 hours"),
    ("Ann Roe (42) and 3 others were arrested.", "3"),
    ("Under Title 18, 25 defendants were charged in the scheme.", "25"),
    ("In Case 2, 15 victims lost their savings.", "15"),
    ("Room 5 and 200 guests were evacuated.", "200"),
    ("The counts were: wire fraud, 12; mail fraud, 7.", "12"),
    ("The judge imposed the two to five years requested by prosecutors.", "two"),
    ("The fine for an organizational defendant is not more than the greatest of $5,000,000 or twice the gain.", "$5,000,000"),
    # "the two" before an adverb of an adjective still counts; "second-degree" is no time; strikes that are not the law
    ("He sold the two illegally modified rifles to an agent.", "two"),
    ("He was convicted of 3 second-degree assault charges.", "3"),
    ("Coalition forces conducted three strikes near Raqqa.", "three"),
    # a count of gang members, a count of counts, a size in millimetres
    ("When my office indicted 83 Bloods gang members and senior leaders, the goal was to deliver a blow.", "83"),
    ("He pleaded guilty to two counts of wire fraud.", "two"),
    ("The storm dropped 40 mm of rain on the county.", "40"),
    # gang members counted, executives of a company counted
    ("Of the 24 Imperial Gangsters who were indicted in this case, 20 have pleaded guilty.", "24"),
    ("Two DENSO Corp. executives have agreed to plead guilty.", "Two"),
    # a second reader's findings: a count of gang members, a headline's term, executives of two companies
    ("Police arrested 30 Black Disciples in a sweep on Tuesday.", "30"),
    ("Drug Dealer Gets 15 to 30 Years in State Prison", "30 Years"),
    ("Three Acme Corp. and Beta LLC executives pleaded guilty.", "Three"),
])
def test_real_figures_beside_not_figures_are_kept(sentence, surface):
    assert surface in [f["surface"] for f in figures_in_sentence(sentence)]


def make_doc(text: str, doc_id: str = "t/doc", publisher=None) -> Document:
    return Document(id=doc_id, text=text, title="T", publisher=publisher, blocks=tuple(classify(text, body_blocks(text))))


def quotes(text: str, publisher=None):
    doc = make_doc(text, publisher=publisher)
    return [(q.text, q.speaker, q.role, q.utterance.split("#u")[1]) for q in quotes_of(doc, passages_of(doc))]


def test_quote_split_by_attribution_with_role_and_surname():
    text = ("Intro paragraph about Anna Borgström and more.\n\n"
            "“There is a perception that it is far away,” said Anna Borgström, CEO at NetClean. “In fact it is not.”\n\n"
            "“Encryption makes it more difficult to find material,” said Borgström. “However, it must be decrypted.”")
    assert quotes(text) == [
        ("There is a perception that it is far away,", "Anna Borgström", "CEO at NetClean", "1"),
        ("In fact it is not.", "Anna Borgström", "CEO at NetClean", "1"),
        ("Encryption makes it more difficult to find material,", "Anna Borgström", "CEO at NetClean", "2"),
        ("However, it must be decrypted.", "Anna Borgström", "CEO at NetClean", "2"),
    ]


@pytest.mark.parametrize("paragraph, speaker, role", [
    ('"This was a wide-scale, high volume enterprise," said Acting Assistant Attorney General Matthew Friedrich of the Criminal Division.',
     "Matthew Friedrich", "Acting Assistant Attorney General of the Criminal Division"),
    ('On the return of the verdicts, Acting U.S. Attorney Thomas Kirwin said, "This jury verdict signals it again."',
     "Thomas Kirwin", "Acting U.S. Attorney"),
    ('"General Mark Inch has served this country for 35 years," Attorney General Jeff Sessions said.',
     "Jeff Sessions", "Attorney General"),
    ('"Reefs are essential resources for fisheries," said Kent Robinson, Acting U.S. Attorney for the District of Oregon.',
     "Kent Robinson", "Acting U.S. Attorney for the District of Oregon"),
    ("“Human trafficking will not be tolerated here,” said City of Miami Police Chief Manuel Morales.",
     "Manuel Morales", "City of Miami Police Chief"),
    ("According to Jane Roe, the mayor, “the budget will be balanced this year.”", "Jane Roe", "the mayor"),
    ("“We are pleased,” said New York State Comptroller Thomas P. Roe.", "Thomas P. Roe", "New York State Comptroller"),
    ("“The jail is safe,” said Cook County Public Defender Jane Roe.", "Jane Roe", "Cook County Public Defender"),
    # a particle of a name is a word of its own: not "Poe de" from "Poe described"
    ("Author and economist Kevin Poe described, “Slavery is about one person controlling another.”", "Kevin Poe", None),
    # a name with a relative clause between commas keeps its whole title
    ("Retired Roe County Deputy District Attorney Rockne Poe, who worked closely with her, stated that, “On a personal level "
     "there was no kinder person.”", "Rockne Poe", "Retired Roe County Deputy District Attorney"),
])
def test_attribution_patterns(paragraph, speaker, role):
    [(_, got_speaker, got_role, _)] = quotes(paragraph)
    assert (got_speaker, got_role) == (speaker, role)


def test_pronoun_company_and_next_paragraph_attribution():
    text = ("“We will appeal the decision in every court,” said Jane Roe, the firm's lawyer. “We are confident.”\n\n"
            "“It was a long road for all of us,” she said.\n\n"
            "“Our products are safe for every family,” said the company.\n\n"
            "“There is no higher priority for this office than safety,”\n\n"
            "State’s Attorney Burke said . “At the same time, we must be smart about it.”")
    got = quotes(text, publisher="Acme")
    assert [g[1] for g in got] == ["Jane Roe", "Jane Roe", "Jane Roe", "Acme", "Burke", "Burke"]
    assert got[-1][3] == got[-2][3]


def test_quotation_over_paragraphs_and_unclosed_marks():
    text = ("“The first part of a long statement goes here,” said Sean Teare. “The second part starts here.\n\n"
            "A middle paragraph of the same statement without marks.\n\n"
            "And the end of the statement is here.”\n\n"
            "A plain paragraph with a stray “ opening mark and nothing else of note.\n\n"
            "The last paragraph, which is not quoted at all.")
    got = quotes(text)
    assert [g[0] for g in got[:4]] == ["The first part of a long statement goes here,", "The second part starts here.",
                                       "A middle paragraph of the same statement without marks.",
                                       "And the end of the statement is here."]
    assert {g[3] for g in got[:4]} == {"1"} and {g[1] for g in got[:4]} == {"Sean Teare"}
    assert all("not quoted at all" not in g[0] for g in got)


def test_apostrophes_and_scare_quotes_are_not_quotes():
    assert quotes("The company’s “Lovers’ Lane” case was reopened by the office’s staff.") == []


def test_contact_person_is_not_a_speaker(kb):
    names = [r["name"] for r in kb.json("speakers", "--limit", "0")["results"]]
    assert names == ["Anna Borgström"]


def test_facts_and_quotes_commands(kb):
    out = kb.json("facts", "encryption")
    top = out["results"][0]
    assert (top["surface"], top["value"], top["unit"], top["measure"]) == ("49 %", 49, "percent", "encryption")
    assert top["citation"]["paragraph"] == 8 and top["citation"]["start"] == 2955 and top["citation"]["end"] == 2959
    percent = kb.json("facts", "--unit", "percent", "police", "--limit", "0")["results"]
    assert percent and all(r["unit"] == "percent" for r in percent)
    q = kb.json("quotes", "--speaker", "Borgstrom", "--limit", "0")["results"]
    assert len(q) == 4 and {r["role"] for r in q} == {"CEO at NetClean"}
    assert [r["citation"]["paragraph"] for r in q] == [6, 6, 10, 10]
    assert len({r["utterance"] for r in q}) == 2
    result = kb("quotes", "--speaker", "Creutz")
    assert result.exit_code == 1
    md = kb("facts", "encryption", "--format", "md")  # a figure's line in Markdown, not an empty item
    assert md.exit_code == 0 and md.stdout.startswith("1. 49 %  = 49 percent  — encryption\n   — NetClean")


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="shared scorer not present")
def test_seed_extraction_scores_one(seed_corpus, seed_index):
    env = dict(os.environ, KB_CORPUS=str(seed_corpus), KB_INDEX=str(seed_index))
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "extraction", str(SHARED / "gold" / "seed.json"),
                          "--kb", f"{sys.executable} -m kb"], env=env, capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "extraction: min(figure F1, quote F1, speaker accuracy) = 1.000", out


@pytest.mark.parametrize("paragraph", [
    "The Orange County District Attorney released “OCDA Report Officer-Involved Shooting Investigation – John Roe” today.",
    "Read the earlier release, “Jury Convicts Man of Fraud Scheme in Federal Court,” on our website.",
    "He pleaded “not guilty by reason of insanity” to all counts.",
    "The statute defines the crime as “deprivation or violation of the personal liberty of another” with intent.",
    "The law is known as the “one strike and you are out” law.",
    "Sergeant Jane Roe testified about the “Special Handling Log.”",
    "Select the Nov. 7, 2008, press release entitled “Man faces trial for defrauding 125 investors, mostly seniors, of "
    "millions of dollars in a scheme” on the website.",
    # an acronym in quotation marks; the wording of a law after its citation
    'Charges were announced by John Roe, Special Agent in Charge of the Federal Bureau of Investigation ("FBI") Field Office.',
    "The company also regularly offered sales pricing promotions, including a “25% off” summer sale in 2013.",
    "The Final Rule requires covered district and county attorneys to produce the “case file for instances a "
    "recommendation made by a Reporting Entity is made to a judicial body that a person be released.”",
    "In violation of Texas Government Code Section 2001.033(1)(A), the Final Rule does not disclose “the names of "
    "interested groups or associations offering comment on the rule and whether they were for or against it.”",
    # a word or two in quotation marks with no cue next to it is a term; a short capitalised phrase a label; a nickname
    'Witnesses testified that the shootings took place after the Roe brothers had "disrespected" gang signs by calling '
    'them "fake."',
    "She added a notation on the checks, “Equity Due On Trade,” to disguise the theft.",
    'Judge Robert J. Roe today imposed the sentence on Alejandro Roe, aka "Wizard," announced Assistant Attorney General '
    'Lanny A. Breuer.',
    "The District Attorney said that Roe Grabba, LLC, is a company that produces and sells “grabba,” which is ground up tobacco.",
    # a word or two after an article or "or" inside a sentence is a term, even beside a cue
    "Shandie Roe also wrote 11 checks to herself or “cash” from this victim’s account.",
    "He is accused of inappropriate conversations, including asking her for an “exclusive” dating relationship.",
    "Today, I am pleased to announce two indictments against Jon Roe, also known by his gang moniker “Crow.”",
    # "described as" names a thing, it does not quote anyone
    'The indictment alleges that the bank split its portfolio into three tiers: "Tier I," which represented cash; '
    '"Tier II," which contained investments; and "Tier III," described as "other assets."',
])
def test_titles_and_terms_are_not_quotes(paragraph):
    assert quotes(paragraph) == []


@pytest.mark.parametrize("text, speaker", [
    # the defendant's words, the defendant named earlier in the release
    ("The District Attorney identified the defendant as John Roe, 32, of Brooklyn.\n\n"
     "Robinson was sitting in his car when the defendant approached him, pointed a handgun at him and yelled, "
     "“This is no joke, give me your money!”", "John Roe"),
    # a statement read in court, the victim named just before; "she told the court" is her, not the prosecutor
    ("“He must go to prison,” said District Attorney Todd Spitzer.\n\nJane Doe stated in part: “This situation has made my life "
     "very hard in every way.”\n\n“I had to run for my life,” she told the court. “Five years is not enough.”", "Jane Doe"),
    # "released the following statement:" then the statement in the next paragraph
    ("Chief of Staff Susan Kang Schroeder released the following statement:\n\n“We are asking the media to refrain from "
     "commenting on the relationship between the defendant and the victim.”", "Susan Kang Schroeder"),
    ("Attorney General Eric Holder released the following statement late Thursday after a federal district court ruled "
     "in favor of the Justice Department's lawsuit:\n\n\"We are extremely heartened by the court's decision.\"\n\n"
     "\"This Department will never yield in its commitment to protecting the right to vote.\"", "Eric Holder"),
    ("Below is a statement from Agriculture Secretary Tom Vilsack:\n\n\"USDA has made it a top priority to ensure all "
     "farmers are treated fairly and equally.\"", "Tom Vilsack"),
    # a statement paragraph after a bare attribution paragraph continues that speaker
    ("“We will not stand idly by when people are targeted,”\n\nState’s Attorney Eileen Burke said.\n\n"
     "“We must be ready to respond with the full range of legal tools at our disposal.”", "Eileen Burke"),
    # someone the release describes without a name, and "she" after that description
    ("The victim’s daughter said in part, “Not only do I miss him but my children miss him.” She went on to say, "
     "“He was one of a kind, amazing.”", "the victim’s daughter"),
    ("“Justice was served today,” said District Attorney Todd Spitzer.\n\nA victim impact letter was submitted to the court "
     "by the victim’s sister. She said in part, “Today, I am haunted by images of his murder.”", "the victim’s sister"),
    # a clause that ends in a cue: its subject, not the noun just before the cue
    ("John Roe, a close friend of the victim, spoke before the Court and said in part, “I will never forget her "
     "influence on my life.”", "John Roe"),
    ("The District Attorney identified the defendant as John Roe.\n\nProsecutors told jurors the defendant told the "
     "boy's mother, \"If I can't have you, nobody can have you,\" as the attack began.", "John Roe"),
    # a victim named in the paragraph, the last speaker not: "she stated" is the victim
    ("“Justice was done,” said District Attorney Todd Spitzer.\n\nThe defendant was linked to the crime by DNA.\n\n"
     "At a previous hearing, Jane Doe 1 gave an impact statement. “I’m unable to be alone,” she stated in part.", "Jane Doe 1"),
    ("At the sentencing, the victim’s daughter read impact statements. She stated, in part, “This is the most painful "
     "part for me and my mom.”", "the victim’s daughter"),
    ("The victim and inmate’s daughter gave an emotional statement, telling the Board, “My family is tired of reliving this.”",
     "inmate’s daughter"),
    ("Likewise, Judge Learned Hand wrote, “Courts have countenanced the use of informers from time immemorial.”",
     "Learned Hand"),
    ("\"Chris Wray will be an outstanding Director of the FBI, said Associate Attorney General Rachel Brand.\"", "Rachel Brand"),
    ('An attack on one is an attack on everyone, said U.S. Attorney McQuade. "By passing this statute, Congress made it clear '
     'that such attacks will be prosecuted."', "McQuade"),
    # a participle's subject is the sentence's, not the noun before it; a texted message
    ("Before the murder, Jane Roe wrote a text message to Allen stating, “We have only two options.”", "Jane Roe"),
    ("After the murder, Jane Roe texted Allen “I love you. Am I going to see you soon?”", "Jane Roe"),
    # the name after the cue, not a date after it
    ("“Beware: He’s not changed, nor will he change,” said Zudis as a warning to the community in a March 8, 2010, "
     "interview.", "Zudis"),
    ("“Parents play a critical role in keeping their children safe,” said Orange County Sheriff-Coroner Don Barnes.",
     "Don Barnes"),
    # victims named by number, their relatives, the court
    ("Jane Doe 2 said in part, “You may have pleaded guilty today, but you did not mean it.”", "Jane Doe 2"),
    ("The mother of Jane Doe 1 said in part, “Because of what you have done, the repercussions are great.” She continued, "
     "“A man who is repentant will make amends.”", "the mother of Jane Doe 1"),
    ("“The trouble with the argument is that this was not an informant case,” the court stated. “One might have "
     "difficulty gleaning this.”", "the court"),
    ("“From therapy to a safety plan to workforce support, it is all here” shared Mayor Rebecca Jones.", "Rebecca Jones"),
    # an organisation as speaker; a sentence-opening "Because" is not part of a name
    ("Because Plaintiff Harris County commented, “The proposed rules will significantly impact operations for this agency.”",
     "Harris County"),
    # reported speech before a partial quote; "According to X" without a comma; a name in apposition before "She explained"
    ("District Attorney Tony Roe announced the charges.\n\nRoe stated that the Office is “committed to protecting every "
     "victim in the county.”", "Tony Roe"),
    ("Courts have long defined the term. According to the Supreme Court a blanket paper “occurs when as a matter of policy "
     "a district attorney instructs his deputies to disqualify a certain judge.”", "the supreme court"),
    ("During the sentencing, the victim’s daughter, Jane Roe, gave an impact statement to the court. She explained, “I am "
     "left feeling angry, confused, numb, depressed and sick.”", "Jane Roe"),
    ("Jane Roe spoke at the sentencing.\n\nRoe went on to ask the court “to please sentence the defendant to the maximum "
     "sentence allowed under the law.”", "Jane Roe"),
    # a Spanish attribution; a title before the name that ends in "Member"; a lost closing mark before "said … Khin"
    ("“Los únicos derechos violados en este caso fueron los de la víctima,” dijo la fiscal principal Ana Roe en su "
     "argumento de cierre.", "Ana Roe"),
    ("Council Member Mark Roe said, “CLEAR is an innovative approach to solving the problem of substance misuse.”", "Mark Roe"),
    ('Special Agent in Charge John Khin announced the indictment.\n\n"Today\'s indictment is part of an ongoing effort to '
     'protect federal health care programs, said Special Agent in Charge Khin. DCIS will tirelessly pursue fraud."', "John Khin"),
    # a capitalised "Said"; a title with a number; "the People state"; a name admitted "that …"; whose impact statement
    ("“Police work is extremely dangerous, yet such a necessary function in our society.” Said SDPD Chief Scott Roe. "
     "“Every day, San Diego Police Officers take on the challenge of keeping San Diego safe.”", "Scott Roe"),
    ('"EPAs first priority is to protect the health of the people who live near these plants," said EPA Region 5 Acting '
     'Administrator Bharat Mathur.', "Bharat Mathur"),
    ("Wayne Hicks is serving a sentence.\n\nAccording to the complaint, Hicks admitted in his criminal case that his firm "
     "helped customers \"get out of the traditional banking system and shield their financial transactions.\"", "Wayne Hicks"),
    ("John Price testified.\n\nIn Price’s impact statement, he discussed the robbery, and in part described Taylor as, “Not "
     "an emotional robber … it is a business for him.”", "John Price"),
    ('"Robar bienes inmuebles es un crimen increíblemente serio y dañino", dijo el Fiscal de Distrito Penal del Condado de '
     'Dallas, John Roe.', "John Roe"),
    # a title, a comma, the name and more; a surname after a title before "of the District of"; "has stated that";
    # "responded:"; "provided a statement:"; an acronym is not a first name
    ('"We will not allow criminals abroad to commit fraud on the American public," said U.S. Postal Inspector in Charge, '
     'Henry Roe, based in Miami.', "Henry Roe"),
    ('U.S. Attorney Carmen M. Roe announced the verdict.\n\n"The conviction should serve as a reminder to hacker '
     'organizations," said U.S. Attorney Roe of the District of Massachusetts.', "Carmen M. Roe"),
    ("Attorney General Ken Roe proposed the rule. Attorney General Roe has stated that the purpose of the rule is “to "
     "enable citizens to hold prosecutors accountable.”", "Ken Roe"),
    ("The OAG Reporting Unit would collect the reports.\n\nIn response to comments, the OAG responded: “The OAG reviewed "
     "the comments and declines to make changes to the rule.”", "OAG"),
    ("In response, the OAG provided a non-responsive statement: “The rule implements Government Code 41.006 as it "
     "prescribes the time, form, and content of reports.”", "OAG"),
    # a relative clause says who spoke; a long run after "of" ends in the name; a capitalised "Said" after a name;
    # a report named by whose it is; an organisation keeps its "U.S."
    ("“This was a brutal attack,” said District Attorney Eric Roe.\n\nThe victim was grabbed from behind by Adam Poe, who "
     "put her in a chokehold and said: “I have a knife. I just got out of jail.”", "Adam Poe"),
    ('"Prescription drug abuse is the fastest-growing drug problem," said Director of National Drug Control Policy Gil Roe.',
     "Gil Roe"),
    ("“This very early release is unconscionable,” DA Summer Roe Said.", "Summer Roe"),
    ("According to Orange County Health Care Agency’s 2017 report, “Drug overdose is now the leading cause of accidental "
     "death in the U.S.”", "Orange County Health Care Agency"),
    ("The U.S. Supreme Court has opined that civil proceedings should be closed “only in the rarest of circumstances.”",
     "U.S. Supreme Court"),
    # a pronoun whose last speaker is two paragraphs away is not that speaker
    ("“This was a brutal attack,” said District Attorney Eric Roe.\n\nThe defendant allegedly kicked him down the stairs.\n\n"
     "He then left the building. He looked at the camera and said, “When I end this video, go and watch the video.”", None),
    # "the court" is the one court the release names, and stays "the court" when it names two
    ("The case was heard in Orange County Superior Court.\n\nThe court stated, “The defendant showed no remorse for the "
     "harm he caused.”", "the Orange County Superior Court"),
    ("The case went from Orange County Superior Court to the Court of Appeal.\n\nThe court stated, “The defendant showed "
     "no remorse for the harm he caused.”", "the court"),
    # the father of one of the victims is not one of the victims; a Spanish title before the name
    ("The father of one of the victims also delivered an impact statement. He said in part, “It is hard to believe that "
     "people like this exist.”", "the father of one of the victims"),
    ("“Estamos agradecidos por el trabajo de la fiscalía”, dijo el superintendente del Distrito Escolar Unificado de Santa "
     "Ana, Jerry Roe.", "Jerry Roe"),
    # a full name given before a paragraph break or in brackets' wake finds the surname's full name
    ("The case was investigated by U.S. Attorney Lawrence J. Roe for the Western District of Tennessee.\n\nIn U.S. District "
     "Court the defendant pleaded guilty.\n\n\"Fox admitted to preying upon young girls,\" said U. S. Attorney Roe.",
     "Lawrence J. Roe"),
    ("Partners include Orange County District Attorney (OCDA) Tony Roe. The program runs each year.\n\n“These students make "
     "me so proud,” said District Attorney Roe.", "Tony Roe"),
    # "according to the investigation" names a source, not who spoke
    ("The defendant, Gabino Roe, 30, was charged.\n\nAfter the shooting, the defendant was heard saying, “I killed her,” "
     "according to the investigation.", "Gabino Roe"),
    # a party in brackets after a name; "in sum and substance"; a statement issued in the same paragraph; a surname in a
    # subordinate clause; a title that names one person of the release; "a letter in which X advised"
    ("Council Member Mathieu Roe (D-Flatbush) said, “Virtually every week, people lose their lives to gun violence.”",
     "Mathieu Roe"),
    ("Arnold Roe, 30, was charged.\n\nThe defendant began threatening the victim, using slurs, stating, in sum and "
     "substance “Why are you standing like that.”", "Arnold Roe"),
    ('Attorney General Jeff Roe today issued the following statement on the FBI\'s report, which shows a rise in officers '
     'killed: "Every law enforcement officer goes to work knowing that today could be the day."', "Jeff Roe"),
    ('David Roe was charged.\n\nEven though Roe had never seen anyone shooting at the bridge, he told an officer, "It looks '
     'like him." Roe also admitted today that he lied.', "David Roe"),
    ('Tony Roe, Assistant Attorney General for the Civil Division, spoke.\n\n"Without Congress support in enacting this '
     'legislation," the Assistant Attorney General explained, "recovering the dollars lost would not be possible."',
     "Tony Roe"),
    ('Elizabeth Roe was charged.\n\nOne example cited in the complaint was a letter in which Roe allegedly advised a couple '
     '"to look for old personal checks that you wrote from 2002 to 2004."', "Elizabeth Roe"),
    # an organisation or a unit in reported speech; an organisation that "has pronounced"; a document that speaks
    ("The Federal Trade Commission (FTC) has called such settlements “a costly legal tactic to stifle competition from "
     "lower-cost generic medicines.”", "Federal Trade Commission"),
    ("The CRU found that his “demeanor and emotional state throughout the interview demonstrated that he was overwhelmed.”",
     "CRU"),
    ("The use of informants has been upheld by the United States Supreme Court, which has pronounced, “The informer is a "
     "vital part of society’s defensive arsenal.”", "United States Supreme Court"),
    ('According to the agreement, "throughout the course of the investigation, the United States received complete '
     'cooperation."', "the agreement"),
    # someone described, not named; one named beside the description
    ("In a 2007 motion, the defendant submitted a letter, sent to him from his former friend in 1991, in which the former "
     "friend alluded to the fact that he was responsible, writing in part: “I don’t think I deserve to walk the face of "
     "the earth.”", "the former friend"),
    ("One victim, a volunteer with the police department, stated that, “At my age of 92, there is little, if any, hope of "
     "recovery.”", "one victim"),
    ("Anita Roe, the victim’s sister, writes in her letter that “our family is still in pain due to the murder.”",
     "Anita Roe"),
    # names with initials: a victim given by first name and initial; "A.T."; "S.O."; "Mueller, III,"
    ("Crystal M. said in part, “This accident hurt me so much both physically and emotionally.”", "Crystal M."),
    ('"Cooperation and partnerships such as this have allowed us to focus our resources," said Secret Service Assistant '
     'Director A.T. Roe.', "A.T. Roe"),
    ('"He broke that trust to enrich himself," said Victor S.O. Roe, Chief, Internal Revenue Service Criminal '
     'Investigation.', "Victor S.O. Roe"),
    ('FBI Director Robert S. Roe, III, said: "This case illustrates the importance of continued global cooperation."',
     "Robert S. Roe III"),
    # a cue glued to the name; an acronym in brackets inside a title; the last words of a title before a surname
    ('"The sentence should serve as a deterrent to shipping companies and mariners," saidJoseph P. Roe, U.S. Attorney '
     'for the Northern District of California.', "Joseph P. Roe"),
    ('"Wheeler and the others abused their positions of trust," said Homeland Security Assistant Secretary for '
     'Immigration and Customs Enforcement (ICE) John Roe.', "John Roe"),
    ('"This case illustrates a coordinated effort," said Acting Assistant Secretary of Commerce for Export Enforcement '
     'Roe-Colli.', "Roe-Colli"),
    ('Brig. Gen. Rodney Roe of the U.S. Army Criminal Investigation Command spoke.\n\n"People who do business with the '
     'U.S. military should know by now that they will be caught," said Roe.', "Rodney Roe"),
    # a pronoun after the paragraph reports someone speaking; after the paragraph names its subject
    ("“We congratulate Jason Roe on the award,” said Assistant District Attorney Scott Doe.\n\n"
     "Without the support of his colleagues, Roe says, he would not be where he is today. He continued, “We do the right "
     "thing every day, that’s what it’s all about.”", "Jason Roe"),
    ('"Josias Roe stood guard with orders to shoot," said Acting Assistant Attorney General Rita M. Doe.\n\n'
     'Josias Roe joined the guard forces in 1942. If any of the prisoners attempted to escape, he stated his job was to '
     '"shoot them to kill."', "Josias Roe"),
    # a paragraph that only says who spoke, before the quote
    ("Axon CEO and founder Rick Roe said.\n\n“Axon’s mission is to protect life and when technology isn’t the answer, "
     "we must look for another solution.”", "Rick Roe"),
    # a title of several words; a sentence glued to the next; a name with its role in lower case before the cue
    ("“I am proud that our law protecting children is working,” stated Mayor Pro tem Tyler Roe.", "Tyler Roe"),
    ('Acting Assistant Attorney General Mary B. Roe announced the sentence.\n\n"John Doe is an extremist who planned an '
     'attack, said Acting Assistant Attorney General Roe.The National Security Division will continue to pursue justice."',
     "Mary B. Roe"),
    ("Glenn Roe, acting special agent in charge of Homeland Security Investigations, New York said, “These arrests are part "
     "of a comprehensive effort.”", "Glenn Roe"),
    # the described in reported speech; an official named only by a title
    ("The victim’s son talked about the damage that the defendant had caused and said in part that the defendant “did not "
     "break me; he broke only himself.”", "the victim’s son"),
    ("While addressing the inmate, the Commissioner stated, “I question your credibility.”", "the commissioner"),
    ("Jacob’s older sister, now 8, gave a victim impact statement in court on Friday, grieving the loss of her only brother "
     "who loved Paw Patrol. “I love Jacob so much,” she said.", "Jacob’s older sister"),
    # a statement announced in the paragraph before it, by a heading, or signed at the end of the release
    ("WASHINGTON The following statement may be attributed to Matthew Roe, Director, Office of Public Affairs:\n\n"
     '"In January 2008, the Attorney General appointed a prosecutor to investigate the destruction of videotapes."',
     "Matthew Roe"),
    ("Comments from Orange County District Attorney Tony Roe “When I became District Attorney, I wanted to make Orange County "
     "the un-Disneyland for gang members.”", "Tony Roe"),
    ("The Office’s Senior Assistant District Attorney Michael Roe has released a statement regarding the order issued "
     "Dec. 3, 2015.\n\n“We respectfully disagree with the judge’s opinion and we intend to seek immediate appellate "
     "review.”", "Michael Roe"),
    ("“The Office has endured years of unethical and inaccurate reporting by various staff members.\n\nAll calls should "
     "be directed to me.”\n\nSusan Kang Roe Chief of Staff", "Susan Kang Roe"),
    # a relative described by a possessive; marks paired the wrong way round leave the attribution out
    ("Jane Doe stated, “I was attacked.”\n\nDeputy Roe was killed in 2010. His daughter wrote in part, “Even today I "
     "struggle without my dad.”", "his daughter"),
    ('"The verdict allows those harmed to start the healing process, " said Thomas E. Roe, Assistant Attorney General. '
     '"We will continue."', "Thomas E. Roe"),
    # a name and a title standing as a heading before the quote; a title and name after the thing received; the defendants
    ("Superintendent Larry Roe, Chicago Police Department “Our partnership with the State’s Attorney is rooted in a shared "
     "mission.”", "Larry Roe"),
    ('In receiving the 2010 National Drug Threat Assessment, Attorney General Eric Roe stated, "This report presents a '
     'comprehensive analysis of the drug threat."', "Eric Roe"),
    ("In April 2014, the defendants are accused of sending an email stating, “margins on both products are much higher than "
     "50%.”", "the defendants"),
    ('"The plan is an important step in protecting migratory birds in these five states,"said John C. Roe, Acting '
     'Assistant Attorney General.', "John C. Roe"),
    # an attribution after a dash, in the paragraph or at the start of the next; a cue to someone described with a hyphen
    ("Senate Bill 620 – Firearm Sentencing Enhancements “In my lengthy experience as a judge and a prosecutor, the law has "
     "been simple and effective.” – District Attorney Tony Roe California’s law was enacted in 1997.", "Tony Roe"),
    ("Senate Bill 10 – Bail and Pretrial Release “This would result in significant and undue stress to the victim.”\n\n"
     "– District Attorney Tony Roe SB 10 would eliminate fixed bail schedules.", "Tony Roe"),
    ("Jose Roe, 32, was charged.\n\nOn the night of Nov. 28, 2005, Roe told his 10-year-old son, “tomorrow, I’m going to "
     "shoot someone in the head.”", "Jose Roe"),
    # a pronoun after someone reported speaking and then another named subject is the later one's
    ("Ann Roe said the case was hard. John Doe pleaded guilty. He said, “I am very sorry for what I did.”", "John Doe"),
    # two people with one first name: the one the paragraph names
    ("Police Chief Tom Roe thanked the detectives.\n\nTom Doe, who is the victim’s older brother, spoke. Tom added, “It is "
     "hard to fathom how anyone can do this.”", "Tom Doe"),
    # a joint statement
    ('"The study released today shines a light on youth violence," said Attorney General Eric Roe and Education Secretary '
     'Arne Doe.', "Eric Roe and Arne Doe"),
    # a possessive is no subject
    ("Dr. C. Hsien Roe, who serves as the Medical Director, authored a declaration supporting Randy Doe’s continued "
     "incarceration, stating “I am familiar with Randy Doe’s medical conditions and have complete confidence.”",
     "C. Hsien Roe"),
    # written sources quoted at length: an expert's declaration announced by whom it is recounted; a declaration by
    # its author's name; a court's opinion under an excerpt heading; a brief an office files; a report cited by page
    ("Residents told detectives about the fear. Those statements are recounted by SAPD Detective Jon Roe in a 145-page "
     "Expert Declaration. He writes, in part:\n\n“People talked about their fear of being outside after dark.”\n\n"
     "“I conducted an interview with a business person who works for a private security company.”", "Jon Roe"),
    ("Detective Roe’s Expert Declaration regarding gang behavior and crime states, in part:\n\n“Nuisance activities are "
     "often the most visible in neighborhoods and have significant effects on the quality of life.”", "Roe"),
    ("Excerpts of the ruling by the Court of Appeal, Fourth Appellate District, Division One “We do not agree with the "
     "trial court’s assessment of the significance of Roe’s actions.”\n\n“Even an extremely immature 19-year-old should "
     "understand that it is wrong.”", "Court of Appeal, Fourth Appellate District, Division One"),
    ("People v. Jon Roe (Case # 10WF0127) – the court found that the trial judge erred “Because we reverse for a new trial "
     "on this ground, we need not reach Roe’s other contention of error.” (Justice Fybel)", "Fybel"),
    ("The Orange County Grand Jury’s (OCGJ) report released today confirms the position of the office.\n\nKey points "
     "include:\n\n“The OCGJ found no evidence to support claims of a systemic, widespread informant program.” (p. 24)",
     "Orange County Grand Jury"),
    ("The award came from the California Welfare Fraud Investigator’s Association (CWFIA) on Monday.\n\nIn giving the "
     "award, CWFIA stated that Investigator Roe’s “mission is to protect the needy from the greedy.”",
     "California Welfare Fraud Investigator’s Association"),
    ("Lack of Rehabilitation The People explain in a 2011 parole opposition letter that “the commitment offense is "
     "calculated, callous, and excessively violent.”", "the People"),
    ("Today Attorney General Jon Roe issued the following memo to U.S. Attorneys providing guidance regarding drug "
     "prosecutions: \"The opioid epidemic has inflicted an unprecedented toll of addiction on communities.\"", "Jon Roe"),
    # reported speech: a participle after the subject's clause; an aside between the cue and the quote; "allegedly"
    ("The Orange County District Attorney’s Office objected to the release of Roe, arguing that he poses a significant "
     "risk due to the “massive network of body-brokers amassed by the defendant” and the span of time.",
     "Orange County District Attorney’s Office"),
    ("Attorney General Jon Roe said the allies have a mutual interest in confronting this trend, observing that the ability "
     "of citizens to travel freely means that \"the problem of fighters returning is a problem for all of our countries.\"",
     "Jon Roe"),
    ("The defendant, Jon Roe, 32, was charged.\n\nThe defendant admitted to setting the fire and told investigators, "
     "according to evidence submitted at trial, “I decided to take a lighter because I was bored.”", "Jon Roe"),
    ("On Sept. 20, 2009, Jon Roe allegedly told a family member words to the effect that they agreed that \"business "
     "must go on.\"", "Jon Roe"),
    # a cue to more than one listener; a cue with its object; the inmate a parole release is about; a described sister
    ("Judge Jon Roe, then 72, went outside and texted his court bailiff and clerk, “I just lost it. I won’t be in "
     "tomorrow.”", "Jon Roe"),
    ("Ann Roe, President of NCJW Dallas, shared her experiences, “I volunteered for Kids in Court for almost fifteen "
     "years.”", "Ann Roe"),
    ("Inmate Jon Adam Roe, 48, is serving a life term.\n\nThe inmate told the victim, “I told you not to hit my "
     "sister,” before shooting him.", "Jon Adam Roe"),
    ("One of the victim’s sisters said in part, “My sister was supposed to be a bridesmaid in my wedding.”",
     "one of the victim’s sisters"),
    # an attribution after a hyphen opening the next paragraph; the one heard
    # speaking, not the one who heard; a participle of speech without "that"; a quote as the sentence after someone's
    # reported speech
    ("“I’ve said it before, there’s no time limit on seeking justice. We owe it to Mr. Doe to clear his name.”\n\n"
     "- DA Roe 75-year-old Jon Doe was exonerated of his 1982 convictions.", "Roe"),
    ("According to trial testimony, the victim identified one of the masked men as the defendant, Jon Roe, when she heard "
     "him say “move, move” during the attack.", "Jon Roe"),
    ("According to the superseding indictment, Jon Roe possessed armor piercing ammunition, stating it was \"to attack "
     "the Americans.\"", "Jon Roe"),
    ("U.S. Attorney A. Courtney Roe for the Southern District of Illinois emphasized the importance of equal treatment "
     "under the law. \"The United States Attorneys Office will do everything in its power to assure equal treatment.\"",
     "A. Courtney Roe"),
    # a heading is no speaker; a sentence end is no name after someone described; the two defendants named with ages;
    # "It stated" is a document's words; Spanish subjects; "Selected excerpts:" under a title naming its author
    ("RESIDENTS IN THE SAFETY ZONE COMPLAINED TO LAW ENFORCEMENT “I do not let my kids go out and play freely. I think "
     "twice before I go out.”", None),
    ("Victim Impact Statement One of Roe’s victims wrote an impact statement, which was considered by the Parole Board. "
     "She stated in part, “I was a single mom with a 4-year-old daughter living in Huntington Beach.”", "one of Roe’s victims"),
    ("Ann Eileen Roe, 32, and Jon Brian Doe, 30, were charged.\n\nAt around the time that the victim was arrested, the "
     "defendants texted “YES ITS GONNA HAPPEN!”", "Ann Eileen Roe and Jon Brian Doe"),
    ("A statement was submitted on behalf of Frank F.’s family. It stated in part, “[Frank’s daughter] was glad to be able "
     "to tell her father before he died.”", None),
    ("El acusado, Salvador Roe, de 25 años, fue arrestado.\n\nEl acusado les dijo que se involucro en una pelea, y que “no "
     "se preocupen, el tipo ya no sigue en el mundo de los vivos.”", "Salvador Roe"),
    # "the officer" the release names; a paragraph after a statement that only says who said it; a time before the
    # reported speaker; an adverb before the cue; an organisation's finding after "investigated and"
    ("Police Officer Jon Roe testified at a hearing.\n\nIn that hearing, the officer repeatedly testified that the box "
     "was pushed “away from the bed.”", "Jon Roe"),
    ("“This has been a tremendous opportunity to proactively enforce the law and bring visibility to this problem,”\n\n"
     "MJB Deputy Bureau Chief, Assistant State’s Attorney Jon Roe, who leads CCROC, said.", "Jon Roe"),
    ("At the meeting, Mayor Jon Roe spoke passionately to convince his colleagues to pass the ordinance. “I don’t want to "
     "be sitting up here and say that I had the ability and didn’t use it.”", "Jon Roe"),
    ("Roe Ratings publicly stated that its ratings \"primarily address the expected credit loss an investor might incur,\" "
     "which included its assessment.", "Roe Ratings"),
    ("The Division of Occupational Safety and Health investigated and “determined the explosion had been caused by a failed "
     "safety valve.”", "Division of Occupational Safety and Health"),
    # a reported speaker who paid tribute or commended; a statement the first paragraph announces, later paragraphs of it;
    # "Lead Prosecutor" and "SA" are titles
    ("Assistant Attorney General Tony Roe announced the settlement.\n\nAssistant Attorney General Roe paid tribute to the "
     "amendments sponsors, saying: \"Without their foresight, these recoveries would not have been possible.\"", "Tony Roe"),
    ("Assistant Attorney General Tony Roe announced it.\n\nAssistant Attorney General Roe commended the efforts of the "
     "career attorneys, remarking that \"their dedication allows us to bring all of our resources to bear.\"", "Tony Roe"),
    ("Attorney General Eric Roe released the following statement today on Stuart Doe's nomination:\n\nI am delighted to "
     "join the President in congratulating Stuart Doe.\n\n\"In the last few years alone, Stuart has made significant "
     "contributions to ensure the integrity of the system.\"", "Eric Roe"),
    ("“She preyed upon some of most vulnerable victims in our community,” said Lead Prosecutor and Chief of the Elder "
     "Abuse Unit, Alicia Roe.", "Alicia Roe"),
    ("Cook County State’s Attorney Eileen O’Neill Roe spoke.\n\n“We knew immediately that we had to focus on domestic "
     "violence,” SA Roe told the crowd.", "Eileen O’Neill Roe"),
    # a paragraph that says more than who said it is no attribution; someone else's "its mission"; "States" in a name
    # heading is no cue; an office named in full
    ("“We are pleased,” said Jon Roe.\n\n“It shows what we can do together.”\n\nRoe thanked the FBI for its assistance, "
     "the office said.", "Jon Roe"),
    ("The fraudulent charity told donors its mission was “to help wounded veterans and their families.”", None),
    # a name before a description in apposition; an unnamed eyewitness; the subject of "while screaming", not the one
    # attacked; the one told is not who speaks
    ("Lenora Roe, the victim’s mother, told the Court that “Doug is sadly missed by me and all his family.”", "Lenora Roe"),
    ("An eyewitness approached and attempted to help, asking: “What is going on here?”", "an eyewitness"),
    ("The defendant, Abel Roe, 34, of Irvine, was convicted today.\n\nThe defendant lunged at Mr. Lawson repeatedly while "
     "screaming, “I’ll take care of you!”", "Abel Roe"),
    ("Brandon Roe kicked the victim.\n\nAfter Roe kicked him, he told a bystander who was married to a Latino man to "
     "\"tell your friends to get out of town or you will be lying next to him.\"", "Brandon Roe"),
    # a second reader's findings: a statement from someone described is theirs; a day before a description is no name
    ("Judge Amy Roe heard a statement from the victim’s daughter. She said, “My mother was everything to me.”",
     "the victim’s daughter"),
    ("Abel Roe was sentenced today.\n\nOn Friday, the victim’s mother, Jane Poe, told the court, “He took everything.”",
     "Jane Poe"),
    ("United States Attorney Jane Roe, Eastern District of Texas “Our office will continue to prosecute these cases.”",
     "Jane Roe"),
    ("The Office of the Inspector General investigated and “found that the agency failed to act.”",
     "Office of the Inspector General"),
    # a pronoun opening a paragraph: the one the paragraph before reports as speaking, "Jr." kept with the name
    ("Public Defender Jane R. Roe Jr. said the law is a step forward.\n\n“People want to be safe,” she said.",
     "Jane R. Roe Jr."),
    # words said to someone plural, a Spanish cue, the People stating
    ("Abel Roe, 29, was arrested on Friday.\n\nIn the patrol car, Roe said to officers, “Why doesn’t anybody feel sorry for me?”",
     "Abel Roe"),
    ("Jorge Roe, gerente del programa, habló con los estudiantes.\n\n\"Participar es más que los premios\", enfatizó Roe.",
     "Jorge Roe"),
    ("Abel Roe was convicted of murder in 1990.\n\nIn a letter of opposition, the People state, “The inmate is a high risk.”",
     "the People"),
    # "the court" of a release that names one judge and no court is that judge; "the Panel" the parole board it names
    ("Roe was sentenced by U.S. District Judge Amy B. Poe. Prosecutors said he hid income.\n\n"
     "The court said that his \"reasoning is so specious that he should have known it was wrong.\"", "Amy B. Poe"),
    ("Roe was sentenced by U.S. District Judge Amy B. Poe.\n\nAccording to the court, the \"end result\" of the "
     "arrangement was \"the creation of a series of phantom deductions.\"", "Amy B. Poe"),
    ("The Board of Parole Hearings heard the case.\n\nAt the hearing, the Panel denied Roe parole, stating in part, "
     "“the killing of a police officer supersedes time.”", "Board of Parole Hearings"),
    # who signed a note, not who found it; a quote under "Quote by …"
    ("Julius Roe, 30, was charged with murder.\n\nPolice recovered a note signed by the defendant that said, "
     "“Even if I am gone, I still love my daughters.”", "Julius Roe"),
    ("Jane Poe spoke at the hearing.\n\nQuote by District Attorney Tony Roe “These reviews are just fancy euphemisms.”",
     "Tony Roe"),
    ("The victim, Jane Poe, 24, was attacked in 2019.\n\nIn her written statement, the victim described the assault as "
     "“a bad dream that changed my life completely.”", "Jane Poe"),
    # a numbered Jane Doe speaks; a statement given on behalf of a county is the county's; a Spanish "reafirmó"
    ("Abel Roe was convicted.\n\nJane Doe #1 told the Court, “It makes me sick to know that you said this.”", "Jane Doe #1"),
    ("Abel Roe was convicted.\n\nJane Doe #1 said that she spent her childhood “stuck in a very lonely prison,” and more.",
     "Jane Doe #1"),
    ("Maria Roe was sentenced.\n\nA victim impact statement was given on behalf of the County of Orange at her sentencing "
     "today, and stated in part, “The defendant was given extraordinary opportunities.”", "County of Orange"),
    ("El fiscal Leighton Roe habló hoy.\n\nLeighton Roe, reafirmó: \"Cuando desarrollas una fórmula probada, no quieres "
     "dejar de usarla.\"", "Leighton Roe"),
    # "the District Attorney" is the District Attorney the release names, not one of its Assistant District Attorneys
    ("Brooklyn District Attorney Ken Roe today announced that a man has been sentenced.\n\nThe District Attorney said, "
     "“Robert Poe was sentenced to the maximum allowed by law.”\n\nThe case was prosecuted by Assistant District Attorney "
     "Gayle M. Doe, Chief of the District Attorney’s Vehicular Crimes Bureau.", "Ken Roe"),
    # the subject of a clause with a verb in the past that does not end in -ed; "stated to Kuo:"; an adverb before the cue
    ("John Smith, 30, of Brooklyn, was indicted.\n\nThe defendant struck the victim’s head and face with a sharp object and "
     "stated, “I am going to hurt you.” The defendant continued to strike him.", "John Smith"),
    ("Roe was charged.\n\nIn one instance, Fondren provided Kuo with a draft report on the PRC military and stated to Kuo: "
     "\"This is the report I did not want you to talk about over the phone.\"", "Fondren"),
    ("Roe spoke at the event.\n\nBabe Ruth once said, “it’s hard to beat a person who never gives up.” We will never give up.",
     "Babe Ruth"),
    ("Roe was charged.\n\nIn fact in one decision, the Court of Appeal explicitly stated, “We do not find fault with the "
     "prosecution,” yet the report included it anyway.", "Court of Appeal"),
    # words given as the subject's own without a verb of saying
    ("John Smith, 30, was charged.\n\nThe defendant allegedly approached a 59-year-old doctor on the bus and struck him "
     "while making anti-white comments including: “You think you got it like that.” The victim suffered bruising.", "John Smith"),
    ("Roe was charged.\n\nChesser ended the posting with the words, \"Boom! No more of them.\" Police read it.", "Chesser"),
    ("Roe was charged.\n\nDuring the fight inside the park Avery Poe made several comments, including “I’m ready to go to "
     "jail tonight” and referenced a gang.", "Avery Poe"),
    # a verb of telling with whom it was told: "informed the UCE,"; a boast after the quote
    ("Roe was charged.\n\nAt the conclusion of this meeting, Nozette allegedly informed the UCE, \"Well I should tell you "
     "my first need is that they should figure out how to pay me.\"", "Nozette"),
    ("John Smith, 30, was charged.\n\n“It’s not about committing the perfect crime, it’s about how well you clean it up,” "
     "the defendant boasted on the audiotape.", "John Smith"),
    # reported speech after a long opening phrase, or after a judge named with the court he sits on
    ("Roe was charged.\n\nJoining the majority of circuits which have ruled on the question, the Fifth Circuit held that "
     "\"a lack of economic substance is sufficient to invalidate the transaction.\"", "Fifth Circuit"),
    ("Roe was charged.\n\nIn granting the injunction, Judge Brian E. Poe of the U.S. District Court for the District of "
     "Nevada said that Roe failed to present \"any evidence to refute the government’s indication.\"", "Brian E. Poe"),
    ("Roe was charged.\n\nActing Assistant Attorney General Michael F. Poe announced the intervention in the suit and "
     "stated that the government joined the suit \"as a part of its continuing efforts to ensure integrity.\"", "Michael F. Poe"),
    # a sentence whose subject is a person and that ends in a colon; a name with a relative clause before the cue
    ("Roe was charged.\n\nNBPD Chief Jon Poe addressed the members of Ms. Roe’s family: “Last week would have marked her "
     "100th birthday.”", "Jon Poe"),
    ("Roe was charged.\n\nIn an email to the Dutch company, Khoshnevisroe provided the following instructions: \"You should "
     "give them an end user by yourself.\"", "Khoshnevisroe"),
    ("Roe was charged.\n\nTwo officers were in an unmarked vehicle when Victor Manuel Poe, whom they recognized from prior "
     "contacts, shouted “what’s up, homie, where you from?” and grabbed something.", "Victor Manuel Poe"),
    # a statement made to the court; a letter whose author the sentence before names
    ("Roe was sentenced.\n\nDuring the sentencing today, the couple’s eldest granddaughter, Christina Poe, made a "
     "statement to the court, “Four days prior, my family sat around the Christmas tree.”", "Christina Poe"),
    ("Roe was sentenced.\n\nKim’s daughter, Susan Poe, prepared a victim impact letter for the sentencing today. The letter "
     "read, “The defendant never gave me a chance to say goodbye to my dad.”", "Susan Poe"),
    ("Roe was sentenced.\n\nAn impact statement written by Leela Poe was read aloud by the prosecutor. The letter described "
     "the loss of her husband which said in part, “My husband was my soul mate and companion.”", "Leela Poe"),
    # "the Board" of a release that names one parole board
    ("Roe became eligible for parole in 2024.\n\nHis first request was denied by the Parole Board. In making its decision, "
     "the Board said it is unclear if Roe understands why he committed “this horrendous act of violence.”", "Parole Board"),
    # a paragraph that only names, after a dash, who said the quote before it
    ("The White House announced the nomination.\n\n\"Jane is a wonderful choice to lead the Bureau.\"\n\n"
     "--Larry Poe, Former Deputy Attorney General\n\n\"She is smart, careful, tough and kind.\"\n\n--Judge J. Michael Roe",
     "J. Michael Roe"),
    # a Spanish cue written without its accent
    ("El fiscal habló hoy.\n\nAndrew Roe, jefe de la División de Crimen Organizado, comento: \"Los fiscales de la División "
     "están comprometidos en la lucha\".", "Andrew Roe"),
    # a message named by who sent it; the one who told, in the passive; a saying named by whose it is
    ("Adam Poe, 30, was charged.\n\nPoe called the mother so she could say goodbye. One text message he sent read, “I told "
     "you, the girls are going with me.”", "Adam Poe"),
    ("Jamal Roe, 30, and Ann Poe, 25, were charged.\n\nThe victim was approached by Roe in Harlem and told by him “you could "
     "be working for me” and “I could put money in your pocket.”", "Jamal Roe"),
    ("Roe spoke at the dinner.\n\nPresident Reagan kept on his desk a saying by President Truman, “It is amazing how much "
     "you can accomplish when it doesn’t matter who gets the credit.”", "Truman"),
    # "said something like,"
    ("Two men approached.\n\nThe second man, later identified as Attorney James Poe, said something like, “What difference "
     "does it make? I was appointed by the judge.”", "James Poe"),
    # "The opinion stated" of a release that names one court; a statement of the Department after a dateline
    ("Roe was convicted.\n\nIn publishing this opinion, the Court of Appeal established for the first time that the rule "
     "applies. The opinion stated in part, “Appellant is correct that the landscape here is not lush.”", "the Court of Appeal"),
    # a statement whose closing mark was lost before "NAME said."; a statement the paragraph before announces
    ("The Department posted a solicitation.\n\n\"Sanctuary policies make all of us less safe because they protect "
     "illegal aliens, Attorney General Jeff Roe said. These policies also encourage illegal immigration.\"", "Jeff Roe"),
    ("The jury deliberated for three hours.\n\nFollowing sentencing, the girls’ mother, Patricia Poe, took the stand to "
     "deliver a victim impact statement.\n\n“I’m not scared of you anymore. You took my life.”", "Patricia Poe"),
    # a sentence of a few capitalised words is still a sentence; the inmate the release names "proclaimed"
    ("Glen Roe, 60, was denied parole.\n\nRoe responded, “I am not Charlie Manson.”", "Glen Roe"),
    ("Glen Roe, 60, was denied parole.\n\nThe inmate then looked over at the screen and proclaimed, “See you again in a "
     "couple of years!”", "Glen Roe"),
    # a pronoun that opens a paragraph is the subject of the paragraph before; a list of messages after the one who sent them
    ("Jade Poe, 39, was sentenced.\n\nOn December 31, Poe picked up her stepfather from a care facility.\n\nShe texted "
     "her friend, the fixer, that she “just dosed the hell out of him” and was bringing him home.", "Jade Poe"),
    ("Jade Poe, 39, was sentenced.\n\nBut the fixer never showed up, causing Poe to panic and send a flurry of text "
     "messages, including:\n\n“He’s waking up. I really don’t want to be the one to do this.”\n\n“He is waking up and I "
     "really need help.”", "Jade Poe"),
    # "according to affidavits" is a source, not who spoke; a statement named by whose it is, with a capital S
    ("Mohammed Roe, 50, was charged.\n\nMohammed Roe told his son that Poe would call him and he advised his son to speak "
     "with Poe \"before anything else,\" according to affidavits.", "Mohammed Roe"),
    ("Andrew Poe, 40, pleaded guilty.\n\nPoe’s Statement from the Advisement and Waiver of Rights for a Felony Guilty Plea "
     "“In Orange County, California, I did unlawfully conspire.”", "Andrew Poe"),
    # the words of courts: "As described by …", "the court feared,", "The decision noted that …" (the one judge named),
    # "the court of appeals explained that …", "used descriptions like"
    ("Roe was convicted.\n\nIt was his third burglary. As described by the California Supreme Court, “Unknown to him, she "
     "was by that time working as an undercover police agent.”", "California Supreme Court"),
    ("Roe was convicted.\n\nSuch a situation, the court feared, “could produce sharp disputes in open court.”", "the court"),
    ("Immigration Judge Charles M. Poe ordered Roe removed.\n\nJudge Poe found that Roe is removable. The decision noted "
     "that, through counsel, Roe had \"generally admitted all of the factual allegations\" in the charging document.",
     "Charles M. Poe"),
    ("Roe Corp. sued the Navy.\n\nIn a 29-page opinion, the court of appeals explained that the termination was justified "
     "because its record demonstrated that \"the government was justifiably insecure about the timely completion.\"",
     "the court of appeals"),
    ("The report cited seven reversals.\n\nAs a result, the Court of Appeal did not find the misconduct to be willful, and "
     "instead used descriptions like “a rather minor digression.”", "Court of Appeal"),
    # "The prosecutor read her statement in full:" ¶ “…”: the one the sentence before says wrote it
    ("Dean Roe, 40, was sentenced.\n\nFor the sentencing yesterday, Jane Doe 1 wrote a powerful victim impact statement "
     "to the court. The prosecutor read her statement in full:\n\n“I’ve been thinking what I want to say.”", "Jane Doe 1"),
    ("WASHINGTON The Department of Justice issued the following statement today after the companies abandoned the "
     "transaction:\n\n\"The Antitrust Division welcomes this decision.\"", "Department of Justice"),
])
def test_speaker_resolution(text, speaker):
    assert quotes(text)[-1][1] == speaker


def test_what_someone_received_before_a_colon_is_not_their_words():
    assert quotes("Ann Roe, 30, was charged.\n\nOn May 1, Roe received the following message: “Pay now or else.”")[-1][1] is None


def test_a_release_titled_as_someones_remarks_is_their_words():
    text = ("SANTA ANA, Calif. – “Thank you all for coming this morning. I want to thank the media for spreading the message.”"
            "\n\n“We are examining crimes that may have taken place from two decades ago to present day.”")
    doc = Document(id="t/remarks", text=text, title="REMARKS BY DISTRICT ATTORNEY TONY ROE – PEOPLE V. JON DOE CASE UPDATE",
                   blocks=tuple(classify(text, body_blocks(text))))
    assert [q.speaker for q in quotes_of(doc, passages_of(doc))] == ["Tony Roe", "Tony Roe"]


def test_a_document_quoted_by_excerpt_speaks_in_its_section_of_the_release():
    # the opinion's paragraphs are the court's, the brief's the People's (the publisher), up to the next section
    text = ("In an unpublished opinion, the Court of Appeal, Fourth Appellate District, Division Three, reversed the "
            "conviction.\n\nDirect Excerpts From the Opinion The following are direct excerpts; the entire opinion is "
            "available on request.\n\n“The first interview, which lasted approximately two hours, took place at the "
            "police station.”\n\nRoe’s Second Trial In early 2005, Roe’s counsel issued five subpoenas.\n\n“The records "
            "were turned over to the defense before the second trial began in 2006.”\n\nThe People’s Filed Brief "
            "Following the Hearing The People filed a brief on Feb. 22, 2016.\n\n• The records were cumulative.\n\n"
            "“The records contain five areas of information that the defendant already possessed.”")
    doc = Document(id="t/excerpts-opinion", text=text, title="OCDA TO APPEAL RULING", publisher="Orange County District Attorney",
                   blocks=tuple(classify(text, body_blocks(text))))
    assert [q.speaker for q in quotes_of(doc, passages_of(doc))] == [
        "Court of Appeal, Fourth Appellate District, Division Three", None, "Orange County District Attorney"]


def test_selected_excerpts_are_the_words_of_the_author_a_title_names():
    text = ("The editorial board looked at the first six months in office.\n\nSelected excerpts:\n\n“She has wasted no time "
            "beginning to whip the office into shape.”\n\n“Women aren’t being adequately protected from the men in their lives.”")
    doc = Document(id="t/excerpts", text=text, title="ICYMI — DAILY ROE EDITORIAL BOARD: “ANN ROE IS A MARVEL SO FAR.”",
                   blocks=tuple(classify(text, body_blocks(text))))
    assert [q.speaker for q in quotes_of(doc, passages_of(doc))] == ["Daily Roe Editorial Board"] * 2


def test_a_mission_the_office_calls_its_own_is_its_words():
    text = ("Therefore, the Office will continue on our Mission, which is “to enhance public safety and welfare and create a "
            "sense of security in the community.”")
    doc = make_doc(text, publisher="Roe County District Attorney (California)")
    assert [q.speaker for q in quotes_of(doc, passages_of(doc))] == ["Roe County District Attorney"]
    doc = make_doc(text)  # no publisher: no speaker
    assert [q.speaker for q in quotes_of(doc, passages_of(doc))] == [None]


def test_an_honorific_is_no_role():
    assert quotes("During the sentencing today, the Honorable Steven Roe told the defendant, “You are a despicable human "
                  "being.”")[-1][1:3] == ("Steven Roe", None)


def test_second_quote_of_a_paragraph_keeps_its_speaker_not_the_next_paragraphs():
    text = ('"The district is home to many hardworking immigrants," said U.S. Attorney Wifredo A. Ferrer. "Today\'s '
            'sentencing makes clear that perpetrators of human rights abuses cannot hide among us."\n\n'
            'ICE Director John Morton said, "Today\'s sentence sends a message to human rights violators worldwide."')
    assert [q[1] for q in quotes(text)] == ["Wifredo A. Ferrer", "Wifredo A. Ferrer", "John Morton"]


@pytest.mark.parametrize("who, name, role", [
    ("FBI Assistant Director for the Criminal Investigative Division Kevin L. Perkins", "Kevin L. Perkins",
     "FBI Assistant Director for the Criminal Investigative Division"),
    ("HSI New York Special Agent in Charge Ivan J. Arvelo", "Ivan J. Arvelo", "HSI New York Special Agent in Charge"),
    # a place after "for the District of" belongs to the role; "U. S." with a space is still the title
    ("U.S. Attorney Ronald W. Sharpe for the District of the U.S. Virgin Islands", "Ronald W. Sharpe",
     "U.S. Attorney for the District of the U.S. Virgin Islands"),
    ("U. S. Attorney Immergut", "Immergut", "U.S. Attorney"),
    ("Stuart W. Bowen, Jr. Special Inspector General for Iraq Reconstruction", "Stuart W. Bowen Jr.",
     "Special Inspector General for Iraq Reconstruction"),
    ("Wakefield, who led the investigation and testified during trial", "Wakefield", None),
    ("WASHINGTON Thomas E. Perez, Assistant Attorney General", "Thomas E. Perez", "Assistant Attorney General"),
    ("OCDA Tony Rackauckas", "Tony Rackauckas", "OCDA"),
    ("Paralegal Sandy Roe", "Sandy Roe", "Paralegal"),
    ("Director of the Sunburst Youth Challenge Academy, Lieutenant Colonel Joel Roe", "Joel Roe",
     "Director of the Sunburst Youth Challenge Academy, Lieutenant Colonel"),
    ("Mayor de Blasio", "de Blasio", "Mayor"),
    # an office of two words at the end of a title
    ("Assistant Attorney General for Civil Rights Jane Roe", "Jane Roe", "Assistant Attorney General for Civil Rights"),
    ("Secretary of Homeland Security Janet Roe", "Janet Roe", "Secretary of Homeland Security"),
    ("Acting U.S. Attorney for the Eastern District of New York John Roe", "John Roe",
     "Acting U.S. Attorney for the Eastern District of New York"),
    ("Chief of Staff Susan Kang Roe", "Susan Kang Roe", "Chief of Staff"),
    ("NDIC Director, Michael T. Roe", "Michael T. Roe", "NDIC Director"),
    ("Seal Beach Chief Roe", "Roe", "Seal Beach Chief"),
    ("DA Summer Stephan", "Summer Stephan", "DA"),
    ("Acting Assistant Attorney General for the Civil Division, Michael F. Hertz", "Michael F. Hertz",
     "Acting Assistant Attorney General for the Civil Division"),
    ("Inspector General of the U.S. Department of Health and Human Services Daniel R. Levinson", "Daniel R. Levinson",
     "Inspector General of the U.S. Department of Health and Human Services"),
    ("Assistant Director Kevin Perkins, FBI Criminal Investigative Division", "Kevin Perkins",
     "Assistant Director, FBI Criminal Investigative Division"),
    ("Deputy District Attorney Jane Roe in the District Attorney’s Felony Projects Unit", "Jane Roe",
     "Deputy District Attorney in the District Attorney’s Felony Projects Unit"),
    ("Mary Church Terrell", "Mary Church Terrell", None),
    ("John A DiCicco, Acting Assistant Attorney General", "John A DiCicco", "Acting Assistant Attorney General"),
    ("Orange County District Attorney’s Office", "Orange County District Attorney’s Office", None),
    ("Chambers, now 22-years-old", "Chambers", None),
])
def test_names_and_roles(who, name, role):
    from kb.quotes import split_who

    assert split_who(who) == (name, role)


def test_a_quotation_inside_a_quotation_stays_inside():
    text = ("“Mandated reporters typically won’t see the abuse, but they often notice “grooming behaviors” that precede "
            "the abuse,” DA Summer Stephan said.")
    assert [q[0] for q in quotes(text)] == ["Mandated reporters typically won’t see the abuse, but they often notice "
                                            "“grooming behaviors” that precede the abuse,"]


def test_an_organisation_is_not_resolved_to_another_of_the_same_kind():
    text = ("Bexar County said, “The rule is a burden on our office and on the courts.”\n\n"
            "Harris County commented: “The proposed rules will significantly impact operations for this agency.”")
    assert [q[1] for q in quotes(text)] == ["Bexar County", "Harris County"]


def test_a_role_given_in_apposition_earlier_in_the_release():
    text = ("The position was stated in a letter from Christine Varney, Assistant Attorney General in charge of the "
            "Antitrust Division.\n\n\"The initiative will likely provide greater information about costs,\" said Varney.")
    assert quotes(text)[0][1:3] == ("Christine Varney", "Assistant Attorney General in charge of the Antitrust Division")


def test_a_quote_whose_closing_mark_was_lost_before_its_attribution_is_cut_there():
    text = ('"Hate based crimes have no place in America, said Acting U.S. Attorney Carlie Christensen for the District '
            'of Utah. They not only hurt the individuals who are the object of such hate, but tear at the fabric of our society."')
    assert [(q[0], q[1]) for q in quotes(text)] == [
        ("Hate based crimes have no place in America,", "Carlie Christensen"),
        ("They not only hurt the individuals who are the object of such hate, but tear at the fabric of our society.",
         "Carlie Christensen")]


def test_a_capitalised_exclamation_with_a_cue_is_still_a_quote():
    assert [q[0] for q in quotes("The defendant John Roe ran at them. “Stop Right There,” he yelled.")] == ["Stop Right There,"]


def test_the_government_speaks_for_the_publisher():
    text = ("In a detention motion filed in the Eastern District of New York, the government stated, \"In furtherance of "
            "the conspiracy, Zazi received detailed bomb-making instructions in Pakistan.\"")
    assert quotes(text, publisher="U.S. Department of Justice")[0][1] == "U.S. Department of Justice"


def test_a_sentence_after_a_finished_quote_is_no_attribution_and_a_first_name_finds_the_full_name():
    text = ("“We will keep fighting,” said District Attorney Tony Rackauckas.\n\nJanelle Weinberg is the mother of Ariel.\n\n"
            "At the Rally yesterday, Janelle told the crowd, “This is the third speech I’ve given in the past few weeks.” She "
            "continued on and described the impact of losing her daughter and said, “Her brother was her other half.”")
    assert [q[1] for q in quotes(text)] == ["Tony Rackauckas", "Janelle Weinberg", "Janelle Weinberg"]


@pytest.mark.parametrize("meet, speaker, role", [
    ("Meet Confidential Legal Secretary Jane Roe", "Jane Roe", "Confidential Legal Secretary"),
    ("Meet the Chief of the DA’s Family Protection Division Melissa Roe", "Melissa Roe",
     "Chief of the DA’s Family Protection Division"),
])
def test_answers_in_an_interview_release_are_the_interviewees(meet, speaker, role):
    text = ("This month the office is featuring stories of its employees.\n\n"
            f"{meet}, who has been with our office since 2021.\n\n"
            "What inspired you to pursue a career at the office?\n\n"
            "“Before joining the office, I worked at the Board of Supervisors as a legislative assistant.”")
    doc = make_doc(text)
    [q] = quotes_of(doc, passages_of(doc))
    assert (q.speaker, q.role) == (speaker, role)


@pytest.mark.parametrize("sentence, surface, value, unit, extra", [
    # speeds and concentrations are measured amounts ("other"), not counts
    ("He then fled from officers at speeds exceeding 90-miles-per-hour.", "exceeding 90-miles-per-hour", 90, "other",
     {"counted": "miles per hour"}),
    ("Bilge water may be discharged overboard with no more than 15 parts per million (ppm) of oil.",
     "no more than 15 parts per million", 15, "other", {"counted": "parts per million", "qualifier": "up to"}),
    # sums in a currency named by a word
    ("Also today the Government of Mexico announced a reward of up to 10 million pesos for information leading to the arrest.",
     "up to 10 million pesos", 10_000_000, "money", {"currency": "MXN", "measure": "reward for information leading to the arrest"}),
    # a period written with the article, in a compound term and as the low end of a range
    ("Additionally, 12 individuals have been sentenced to pay criminal fines and to serve jail sentences ranging from a "
     "year and a day to two years each.", "a year and a day", 366, "duration", {"period": "day", "qualifier": "at least"}),
    ("Additionally, 12 individuals have been sentenced to pay criminal fines and to serve jail sentences ranging from a "
     "year and a day to two years each.", "two years", 2, "duration", {"qualifier": "up to", "measure": "serve jail sentences each"}),
    ("The defendants were sentenced to terms ranging from a year to three years in prison.", "a year", 1, "duration",
     {"period": "year", "qualifier": "at least"}),
    # a decimal without its leading zero; lengths, areas and tonnages written with a hyphen or "gross"
    ("Two hours after the crash, Roe had a blood alcohol level of .19 percent.", ".19 percent", 0.19, "percent", {}),
    ("Inspectors boarded the M/V Snow Flower, a 568-foot, Cook Island flagged ocean-going ship, at the marine terminal.",
     "568-foot", 568, "other", {"counted": "foot"}),
    ("The restoration project will include enhancing a six-acre wetland area through invasive species control.",
     "six-acre", 6, "other", {"counted": "acre", "measure": "wetland area through invasive species control"}),
    ("Defendants are the owner and operator of the 57,920 gross ton, 809-foot long, ocean-going, oil tank ship.",
     "57,920 gross ton", 57920, "other", {"counted": "gross ton"}),
    # a scale written without a space; a decimal after a word without a space; a sentence in Spanish
    ("A violation of the Sherman Act carries a maximum penalty of 10 years in prison and a $1million fine for individuals.",
     "$1million", 1_000_000, "money", {"qualifier": "up to"}),
    ("He was charged with driving with a blood alcohol level of.08 percent or more.", ".08 percent", 0.08, "percent",
     {"qualifier": "at least"}),
    ("Fue sentenciado a 15 años de prisión.", "15 años", 15, "duration", {"period": "year"}),
    # a multiplier; "one year and one day"; "could be fined"; "no greater than"; "or less"; a change is no range
    ("We sought a mandatory minimum penalty in two out of every three drug trafficking cases.", "two out of every three",
     66.67, "percent", {}),
    ("While both men and women can be victims of stalking, women are nearly three times more likely to be stalked.",
     "nearly three times", 3, "other", {"counted": "times", "qualifier": "almost"}),
    ("U.S. District Judge D. Brock Hornby sentenced Messier to serve one year and one day in prison.", "one year and one day",
     366, "duration", {"period": "day"}),
    ("Additionally, each defendant could be fined $250,000 for each count of conviction.", "$250,000", 250000, "money",
     {"qualifier": "up to"}),
    ("The statute provides for a sentence of no greater than one year in prison.", "no greater than one year", 1, "duration",
     {"qualifier": "up to"}),
    ("He billed for patients who did not have a life expectancy of six months or less.", "six months", 6, "duration",
     {"qualifier": "up to", "measure": "life expectancy"}),
    ("Since 2009, the Strike Force operations have expanded from two to nine locations throughout the United States.",
     "nine", 9, "count", {"qualifier": None}),
    # a number with its digits in brackets; "two-and-a-half-month"; "one to three years" is a most
    ("He was charged with purchasing more than nine (9) grams of ephedrine.", "more than nine (9) grams", 9, "other",
     {"counted": "grams", "qualifier": "more than"}),
    ("He was sentenced to five (5) years in prison.", "five (5) years", 5, "duration", {"period": "year"}),
    ("After a complicated two-and-a-half-month preliminary hearing, a judge found sufficient evidence.",
     "two-and-a-half-month", 2.5, "duration", {"period": "month"}),
    ("He was sentenced today by Justice Danny Chun to one to three years in state prison.", "three years", 3, "duration",
     {"qualifier": "up to"}),
    ("Charges Maximum Sentence Child endangerment by caretaker One year in county jail Pre-trial hearing Aug. 23, 2018.",
     "One year", 1, "duration", {"qualifier": "up to", "measure": "in county jail"}),
    ("He received a 14 1/2 year sentence.", "14 1/2 year", 14.5, "duration", {"period": "year", "measure": "sentence"}),
    ("Sentence: Western District of Texas; 11 years and one day in prison, three years of supervised release.",
     "11 years and one day", 4016, "duration", {"period": "day"}),
    ("He faces a maximum sentence of 6 years 8 months state prison if convicted on all counts.", "6 years 8 months", 80,
     "duration", {"qualifier": "up to"}),
    ("The investigation has resulted in more than two dozen executives serving prison time.", "more than two dozen", 24,
     "count", {"qualifier": "more than"}),
    ("One bullet struck inside the car less than four inches from the head of one of the officers.", "less than four inches",
     4, "other", {"counted": "inches"}),
    ("It reduced the number of full-service FBO providers from three to two at three others.", "two", 2, "count",
     {"qualifier": None}),
    ("The retail value of the authentic CDs and DVDs is at least $12 per CD and $19 per DVD.", "$19", 19, "money",
     {"qualifier": "at least"}),
    ("She was sentenced today by Justice Danny Chun to 3 ½ to 7 years in prison.", "3 ½", 3.5, "duration",
     {"qualifier": "at least"}),
    # "not more than" is a most; a sum per day keeps its day
    ("The charge is punishable by up to life in prison, supervised release of not more than five years, and a $250,000 fine.",
     "not more than five years", 5, "duration", {"qualifier": "up to", "measure": "supervised release"}),
    ("The maximum civil penalty for an HSR violation increased from $16,000 per day to $40,000 per day effective Aug. 1.",
     "$16,000 per day", 16000, "money", {"period": "day"}),
    # each end of a range carries the whole range as written
    ("The victim fell approximately 50 to 60 feet onto a concrete embankment.", "60 feet", 60, "other",
     {"qualifier": "up to", "range": "approximately 50 to 60 feet"}),
    ("Each consumer typically paid between $4,295 and $12,600, according to the evidence.", "$4,295", 4295, "money",
     {"qualifier": "at least", "range": "between $4,295 and $12,600"}),
    ("Witnesses said they lost amounts from $15,000 to $192,000 in the scheme.", "$192,000", 192000, "money",
     {"qualifier": "up to", "range": "from $15,000 to $192,000"}),
    ("He was sentenced to 87 months in prison.", "87 months", 87, "duration", {"range": None}),
    # a sum per week after its noun; a space after a thousands comma; weights in Spanish; "five additional years"
    ("During the internship participants will receive a $150 stipend per week.", "$150", 150, "money",
     {"period": "week", "measure": "stipend"}),
    ("Roe was also ordered to pay a $1, 250 fine.", "$1, 250", 1250, "money", {"measure": "fine"}),
    ("La víctima, de 7 años de edad, pesaba solo 34 libras.", "34 libras", 34, "other", {}),
    ("The report adds five additional years to the previous study.", "five additional years", 5, "duration",
     {"period": "year"}),
    # "over an additional", "could exceed", a space before a thousands comma, "between one year and life"
    ("They will be required to pay over an additional $2 million in restitution.", "$2 million", 2000000, "money",
     {"qualifier": "more than"}),
    ("Costs may exceed $500 million.", "$500 million", 500000000, "money", {"qualifier": "more than"}),
    # a temperature in degrees is no count
    ("The victim worked outside, including in 9-degree temperatures over the weekend.", "9-degree", 9, "other", {}),
    ("These flares burn in excess of 3,000 degrees Fahrenheit.", "in excess of 3,000 degrees Fahrenheit", 3000, "other",
     {"qualifier": "more than"}),
    ("Roe was ordered to pay $472 ,623 in restitution.", "$472 ,623", 472623, "money", {"measure": "in restitution"}),
    ("Roe embezzled $50,000 over a year.", "$50,000", 50000, "money", {"period": None}),
    ("The defendants are facing prison sentences between one year and life in prison.", "one year", 1, "duration",
     {"qualifier": "at least", "range": "between one year and life"}),
    # a change from one value to another is no range, also after "by 23.1%,"; a percent written with a hyphen
    ("Shooting victims in Brooklyn plunged by 23.1%, from 808 to 621.", "808", 808, "count",
     {"qualifier": None, "range": None, "measure": "Shooting victims in Brooklyn"}),
    ("The country witnessed a dramatic, 45-percent increase in heroin-related deaths.", "45-percent", 45, "percent",
     {"measure": "increase in heroin-related deaths"}),
    # "at least" of a drug quantity does not reach a term after a semicolon
    ("Offense: Possession with intent to distribute at least 50 grams of cocaine base; Southern District of Iowa "
     "Sentence: 223 months' imprisonment; 10 years' supervised release", "10 years", 10, "duration", {"qualifier": None}),
])
def test_units_currencies_and_article_periods(sentence, surface, value, unit, extra):
    found = {f["surface"]: f for f in figures_in_sentence(sentence)}
    assert surface in found, found
    f = found[surface]
    assert (f["value"], f["unit"]) == (pytest.approx(value), unit)
    assert {k: f.get(k) for k in extra} == extra


@pytest.mark.parametrize("sentence, surface, measure", [
    # a tail that turns to another matter ("although …", "should be …") or only says when: the words before say what
    ("According to the terms of their agreement, the companies had agreed to pay Clifton an additional $10,000, although "
     "he never received the payments.", "$10,000", "companies had agreed to pay Clifton an additional"),
    ("Next month, the Commission will vote on whether the change, which is estimated to reduce the average sentence by 23 "
     "months, should be applied retroactively to individuals who are already in prison.", "23 months",
     "is estimated to reduce the average sentence"),
    ("Overall, the department recovered $422 million in fiscal year 2011 in procurement fraud cases.", "$422 million",
     "department recovered in procurement fraud cases"),
    ("She also faces financial penalties of fines and restitution to the Internal Revenue Service (IRS) of more than "
     "$330,000 at her Sept. 15 sentencing.", "more than $330,000",
     "financial penalties of fines and restitution to the Internal Revenue Service (IRS)"),
    # a vague period noun: what was done in it
    ("He is accused of sending the victim more than 100 calls and text messages during a 1-month period.", "1-month",
     "calls and text messages"),
    # the subject says what a sum or a count is
    ("The maximum civil penalty for an HSR violation increased from $16,000 per day to $40,000 per day effective Aug. 1.",
     "$40,000 per day", "maximum civil penalty for an HSR violation"),
    ("The spill volume has been estimated at approximately 3,190 barrels, or 134,000 gallons.", "approximately 3,190",
     "spill volume in barrels"),
    # ranges: one measure read around the whole range
    ("The cost of membership ranged from $1,350 to $18,750, depending on the level of access.", "$1,350", "cost of membership"),
    ("The cost of membership ranged from $1,350 to $18,750, depending on the level of access.", "$18,750", "cost of membership"),
    ("He was sentenced today to an indeterminate term of 2 to 6 years in prison by Supreme Court Justice John Roe.", "2",
     "indeterminate term in prison"),
    ("The fraudulent credit amounts claimed ranged from $4,800 to $6,000 per return.", "$4,800",
     "fraudulent credit amounts claimed per return"),
    # a speed is a speed, whatever words lead to it
    ("Investigators determined that Roe was driving more than 60 mph.", "more than 60 mph", "speed"),
    ("Marce was stopped at a red light in Fullerton when Roe hit him from behind at more than 100 miles per hour.",
     "more than 100 miles per hour", "speed"),
    # a time clause after a term says when, not what lasts
    ("All jurisdictions that receive funding must plan to retain COPS-funded officer positions for at least one year "
     "after the grant ends.", "at least one year",
     "All jurisdictions that receive funding must plan to retain COPS-funded officer positions"),
    # a rate is part of the figure: "three days a week"
    ("Specifically, Mario Frias worked three days a week and was paid $600.", "three days a week", "Mario Frias worked"),
    # two sums of one thing in two forms: "bail of $500,000 bond or $250,000 cash"
    ("The defendant was ordered held on bail of $100,000 bond or $50,000 cash and to return to court next month.",
     "$50,000", "bail cash"),
    # "the number of X rose … in 2017 (2,637) from … in 2016 (2,149)": a bracketed count after a year is that number
    ("The number of defendants charged with fraud rose 10 percent in 2018 (1,100) from the same period in 2017 (1,000).",
     "1,000", "defendants charged with fraud"),
    # "27 of our biggest 35 cities": the second figure says what is counted
    ("Violent crime is on the rise, with 27 of our biggest 35 cities in the country coping with rising homicide rates, "
     "said Attorney General Jeff Sessions.", "27", "cities in the country coping with rising homicide rates"),
    # "…, respectively": each term of the list has the measure of the last
    ("ATC executives Lawrence Duran, Marianella Valera and Judith Negron were previously sentenced to 50 years, 35 years "
     "and 35 years in prison, respectively, for their roles in the fraud scheme.", "50 years", "in prison"),
    # a term that qualifies a noun ("a four week trial") and a tail that runs on to the next item
    ("After a four week trial, Michael Yaron and two companies owned by him were convicted.", "four week", "trial"),
    ("Patel also pleaded guilty to two counts of submitting false claims for refund and one count of false statements.",
     "two", "counts of submitting false claims for refund"),
    # a part of a sum named after it; a head that ends in words leading to the figure; how long a thing lasted
    ("Transocean paid $60 million in criminal penalties, and it paid $404 million of $1 billion in civil penalties imposed "
     "under the Clean Water Act.", "$404 million", "in civil penalties imposed under the Clean Water Act"),
    ("On April 11, 2012, the United States announced settlements with 41 tribes for about $1 billion.", "about $1 billion",
     "the United States announced settlements with 41 tribes"),
    ("In addition, the ship M/V BBC Magellan is banned from doing business in the United States for the next five years.",
     "five years", "banned from doing business in the United States"),
    ("Under the terms of the order, which lasts for ten years, the defendants must revise the policies of the office.",
     "ten years", "duration of the order"),
    ("Roe was identified after an exhaustive investigation by the Springfield Police Department that lasted for more than "
     "30 years.", "more than 30 years", "duration of the exhaustive investigation"),
    ("Morano pleaded guilty in connection with a scheme to defraud the Ex-Im Bank of approximately $5.2 million.",
     "approximately $5.2 million", "a scheme to defraud the Ex-Im Bank"),
    ("If convicted, he faces a maximum sentence of 25 years to life in state prison.", "25 years",
     "maximum sentence to life in state prison"),
    ("For the charged years 2005 through 2009, Grants partnership income was $509,339, $566,741 and $604,706, respectively.",
     "$566,741", "Grants partnership income"),
    # words after the figure that only say when, by whom or to whom; "of which"; "two of the …"; a price per quantity; a
    # clause after a comma that turns to something else
    ("EBS announced that it would report a loss of $60 million for the year 2000.", "$60 million",
     "EBS announced that it would report a loss for the year 2000"),
    ("Roe, Poe and Doe were held hostage in the jungles of Colombia for over five years by the FARC, said Special Agent Piro.",
     "over five years", "were held hostage in the jungles of Colombia by the FARC"),
    ("About 660 persons submitted petitions for remission, of which 466 were approved by AFMLS.", "466",
     "petitions for remission were approved by AFMLS"),
    ("Roe is accused of leaving his DNA at two of the crime scenes.", "two", "crime scenes"),
    ("Gaber charged $23.68 for 10 grams of the purported DCA, $45.52 for 20 grams or $110.27 for 100 grams.", "$45.52",
     "price of 20 grams"),
    ("Gaber charged $23.68 for 10 grams of the purported DCA, $45.52 for 20 grams or $110.27 for 100 grams.", "20 grams",
     "purported DCA"),
    ("Shooting victims declined by 33%, and murders went down by 21%, making up 88% of the citywide decline.", "21%",
     "murders went down"),
    ("The department has secured combined prison sentences of nearly 34 years, fines of over $2 million, and restitution.",
     "nearly 34 years", "prison sentences"),
    ("She is accused of paying him $5,000 to kill her husband of 15 years.", "15 years", "length of marriage"),
    # how long ago or later; how many times someone did something; counts in brackets; a list of recipients; a bracketed
    # count with its noun; a table's next cell
    ("Justice has prevailed and a man who committed two senseless murders nearly 20 years ago will now pay.",
     "nearly 20 years", "a man who committed two senseless murders ago"),
    ("Two days earlier, three of the co-defendants were involved in another gang-related shooting.", "Two days",
     "earlier: three of the co-defendants were involved in another gang-related shooting"),
    ("Roe is accused of stabbing his wife 25 times, and stabbing his mother-in-law 26 times.", "26", "stabbing his mother-in-law"),
    ("Roe Offense: Possession with intent to distribute cocaine base (two counts); distribution of cocaine base", "two",
     "counts of Possession with intent to distribute cocaine base"),
    ("Grants: the city of Salem, Massachusetts, $450,000; St. Louis County, Missouri, $750,000.", "$450,000",
     "the city of Salem, Massachusetts"),
    ("They are comparable to numbers from five-six years ago (146 homicides in 2015 and 520 shootings in 2014).", "146",
     "homicides in 2015"),
    ("Great bodily injury 11 years in state prison Sentencing Aug. 4, 2017, 9:00 a.m.", "11 years", "in state prison"),
    # "to the government" says to whom; a participle clause after a range says when; each year of a list has the first
    # one's measure
    ("Riekers, who had served as a federal law enforcement agent for over 15 years, stole ammunition from the armory.",
     "over 15 years", "had served as a federal law enforcement agent"),
    ("Roe was a program manager with WiFi Alliance for three years before he was terminated.", "three years",
     "Roe was a program manager with WiFi Alliance"),
    ("Roe called out the victim’s name from less than 15 feet away and when Poe rose to face him, Roe fired.",
     "less than 15 feet", "distance: Roe called out the victim’s name"),
    ("Because Mr. Roe is deceased, his heirs will receive $1.95 million plus interest as their share of the settlement.",
     "$1.95 million", "as their share of the settlement"),
    ("Citizens with an account in a foreign country with assets in excess of $10,000 are required to disclose it.",
     "in excess of $10,000", "an account in a foreign country with assets"),
    ("MoneyGram has agreed to forfeit $100 million and enter into a deferred prosecution agreement.", "$100 million",
     "MoneyGram has agreed to forfeit"),
    ("He was driving with a blood alcohol level of .08 percent or more causing bodily injury.", ".08 percent",
     "blood alcohol level causing bodily injury"),
    ("Under the plea agreement, Ellis agreed to forfeit $360,000 to the government.", "$360,000",
     "Ellis agreed to forfeit to the government"),
    ("They inflated the price of the contracts by 13 to 21 percent before submitting the contracts to the U.N.",
     "21 percent", "inflation of the price of the contracts"),
    ("He claimed that ELIV had annual investment returns of 36.38 percent for 2010, 44.56 percent for 2012 and 45.11 "
     "percent for 2013.", "45.11 percent", "annual investment returns for 2013"),
    ("A federal grand jury returned an indictment against two Fujikura Ltd. executives for their roles.", "two",
     "Fujikura Ltd. executives for their roles"),
    # what a count of times counts: the verb and its object, not where it happened
    ("A Bronx man was sentenced after his guilty plea to attempted murder for stabbing a subway conductor 11 times inside "
     "a Brooklyn subway station.", "11", "stabbing a subway conductor"),
    ("Byrd shot three times through the closed door.", "three", "Byrd shot"),
    # the verb done to a part of a whole: "arrested 4 of the 10 defendants"
    ("Investigators from the Department of Insurance arrested 4 of the 10 defendants yesterday across the county.", "4",
     "defendants arrested yesterday across the county"),
    # a size before the noun counted; two adjectives of one noun
    ("The defendant walked to a store on Broadway and purchased two 8-inch kitchen knives, the evidence showed.", "two",
     "8-inch kitchen knives purchased"),
    ("The department has agreed to a $4.9 million civil and criminal resolution with Roe Bank.", "$4.9 million",
     "civil and criminal resolution"),
    # a change a verb makes, and what changes when the clause begins with "which"
    ("The merger enabled them to increase hop-on, hop-off bus tour prices by approximately 10 percent.",
     "approximately 10 percent", "increase in hop-on, hop-off bus tour prices"),
    ("This has led to a decimation of the global rhinoceros population, which has declined by more than 90 percent "
     "since 1970.", "more than 90 percent", "global rhinoceros population declined"),
    ("South Africa has seen an escalation in poaching of live animals, rising from 13 in 2007 to more than 618 in 2012.",
     "13", "seen an escalation in poaching of live animals in 2007"),
    ("South Africa has seen an escalation in poaching of live animals, rising from 13 in 2007 to more than 618 in 2012.",
     "more than 618", "seen an escalation in poaching of live animals in 2012"),
    ("He was honoured for increasing the organizations recovery rate from 62 percent in 1990 to 97 percent today.",
     "97 percent", "the organizations recovery rate today"),
    # bail set or held on; a noun before "of" when the tail only says when; a possessive after a term; a bullet ends a measure
    ("The People will request bail be set at $500,000 for Roe and Poe.", "$500,000", "bail requested"),
    ("Roe is being held on $50,000 and must prove the money is from a legal source.", "$50,000", "bail"),
    ("Roe Media is one of the largest advertising companies in the country and reported revenues of $2.8 billion in 2015.",
     "$2.8 billion", "revenues"),
    ("Roe Mutual paid one year’s commission in advance.", "one year", "commission in advance"),
    ("Prosecutors will ask for: • Misdemeanor: Six months presumptive term • State jail felonies: Two years presumptive "
     "term • First-Degree Felonies: Five years", "Two years", "presumptive term"),
    # the second of two parallel sums takes the first's noun; a part "including the $21 million"; a sum of two things
    ("Roe misappropriated federal income tax refunds of $573,518 from one client and $202,143 from another client.",
     "$202,143", "income tax refunds from another client"),
    ("The defendant received over $200 million, and the net loss is over $53 million, including the $21 million from "
     "Orange County.", "$21 million", "net loss from Orange County"),
    ("The resolution includes a criminal fine and forfeiture totaling $233.5 million.", "$233.5 million",
     "criminal fine and forfeiture"),
    ("Roe falsified therapy files that supported claims to the Medicare program totaling approximately $6,250,000.",
     "approximately $6,250,000", "claims to the Medicare program"),
    ("The liens claimed a debt owed by the IRS employees to the defendants totalling $1,003,680,000,000.",
     "$1,003,680,000,000", "defendants"),
    # who paid a sum, and to whom, when the words after only say on what
    ("Roe Clinic submitted $488,331 in claims, and Medicare paid Roe Clinic approximately $153,333 on these claims.",
     "approximately $153,333", "Medicare paid Roe Clinic on these claims"),
    ("Medicare and Medicaid paid approximately $28 million on those claims.", "approximately $28 million",
     "Medicare and Medicaid paid on those claims"),
    # a share "equal to" a percent of a base; "the greater of"; a speed limit
    ("Most taxpayers in the program will pay a penalty equal to 27.5 percent of the high value of the accounts.",
     "27.5 percent", "penalty as a share of high value of the accounts"),
    ("For each count, Roe also faces a fine of the greater of $250,000 or twice the value gained from the scheme.",
     "$250,000", "fine"),
    ("The City adopted a safer 25 mph speed limit.", "25 mph", "speed limit"),
    # a term with a clause of its own after it: what lasted is said before it (not "spent six months prosecuting …")
    ("He served on active duty for seven months beginning in March 2007.", "seven months", "He served on active duty"),
    ("The defendant was on the run for over 10 years thinking he got away with murder.", "over 10 years",
     "defendant was on the run"),
    ("He also spent six months prosecuting drug cases before being promoted.", "six months",
     "prosecuting drug cases before being promoted"),
    ("In March, Jane Roe ended her two-year dating relationship with Doe.", "two-year", "dating relationship with Doe"),
    # a penalty's next item is not its measure; a change named by a noun, from one year's value to another's
    ("Roe faces a mandatory minimum sentence of five years in prison and a maximum sentence of 20 years in prison.",
     "five years", "mandatory minimum sentence in prison"),
    ("Holder pointed to a rise in the average guideline minimum sentence, from 96 months in FY2013 to 98 months this past "
     "year.", "98 months", "the average guideline minimum sentence this past year"),
    ("The program has increased recoveries over the past year, climbing from $2 billion in FY 2008 to over $4 billion.",
     "$2 billion", "recoveries over the past year in FY 2008"),
    # what may exceed a sum; a total of things counted; a sum paid "based on" claims; bail requested, not set
    ("The complaint estimates that the tax losses to the United States from Roe’s misconduct could exceed $1 million.",
     "$1 million", "the tax losses to the United States from Roe’s misconduct"),
    ("The defendant stole money by fraudulently forging 22 checks totaling $102,479.", "$102,479", "total of 22 checks"),
    ("From 2005 through 2011, Medicare paid Roe Home Health Care approximately $17.1 million based on these claims.",
     "approximately $17.1 million", "Medicare paid Roe Home Health Care based on these claims"),
    ("The People will be requesting Roe be held on $1 million bail at her arraignment today.", "$1 million",
     "bail requested"),
    ("Roe is being held on $1 million bail.", "$1 million", "bail"),
    # a term and what lasted, when the words after it say why, while or until; an age; times shot; a sum per violation
    ("The victim was hospitalized for 10 days as a result of the attack.", "10 days", "victim was hospitalized"),
    ("The blood was unidentified for almost 50 years until the police applied the new tool.", "almost 50 years",
     "blood was unidentified"),
    ("She worked for nearly 10 years as the spokesperson for the city.", "nearly 10 years",
     "as the spokesperson for the city"),
    ("Riders of E-motorcycles must be 16 years of age and possess a motorcycle license.", "16 years",
     "age: Riders of E-motorcycles"),
    ("He then shot Joshua Roe, 16, seven times in the face, chest, and stomach.", "seven", "times shot in the face, chest"),
    ("Roe Belgium agreed to pay a total of $1 million in criminal fines ($250,000 for each violation).", "$250,000",
     "criminal fines for each violation"),
    ("Two days later at 6:50 p.m., deputies were summoned to a location within the barracks.", "Two days",
     "later: at 6:50 p.m., deputies were summoned to a location within the barracks"),
    # a second reader's findings: a year or a count of people is no total; "fall" as a season is no change; a comma
    # ends the object of a change
    ("In 2019 fraudulent claims totaling $5 million were submitted.", "$5 million", "fraudulent claims"),
    ("Prosecutors charged 14 people in schemes totaling $20 million.", "$20 million", "schemes"),
    ("During the fall of 2019, the defendants stole from 10 to 15 cars.", "10", "cars"),
    ("The company boosted its revenue through fraud, which was inflated by 40 percent.", "40 percent", "was inflated"),
])
def test_measure_from_the_clause_before_the_subject_and_the_range(sentence, surface, measure):
    found = {f["surface"]: f for f in figures_in_sentence(sentence)}
    assert found[surface]["measure"] == measure, found


@pytest.mark.parametrize("title, speaker", [
    ("Remarks by District Attorney Tony Roe at the Press Conference", "Tony Roe"),
    ("Statement by the District Attorney on the Civil Complaint", "the District Attorney"),
    ("District Attorney Tony Roe’s Statement on the Verdict", "Tony Roe"),
    ("Statement from Matthew A. Roe, Director of the Office of Public Affairs, Regarding Issuance of the Report",
     "Matthew A. Roe"),
    ("Statement on Accused Arms Trafficker Viktor Poe by Acting Deputy Attorney General Gary G. Roe", "Gary G. Roe"),
])
def test_a_release_that_is_one_statement_is_its_authors(title, speaker):
    text = "SANTA ANA – “Today, the Office filed a civil complaint alleging unlawful and unfair business practices.”"
    doc = Document(id="t/doc", text=text, title=title, blocks=tuple(classify(text, body_blocks(text))))
    assert [q.speaker for q in quotes_of(doc, passages_of(doc))] == [speaker]


def test_a_statement_on_something_that_names_no_one_is_the_publishers():
    text = "“The Office commends the Angels for declaring the day.”\n\n“Since its inception, the Unit has filed 300 cases.”"
    title = "STATEMENT ON ANGELS OF ANAHEIM DECLARING SEPT. 16 “STRIKE OUT SLAVERY DAY”"
    doc = Document(id="t/doc", text=text, title=title, publisher="Roe County District Attorney (California)",
                   blocks=tuple(classify(text, body_blocks(text))))
    assert [q.speaker for q in quotes_of(doc, passages_of(doc))] == ["Roe County District Attorney"] * 2


@pytest.mark.parametrize("sentence, expected", [
    # a second reader's findings: no crash on a possessive before "later", "of" makes no ratio, an age is no duration,
    # a sum "a year ago" is no yearly sum
    ("Two years’ later, he returned to the bank.", [("Two years", "duration", "year")]),
    ("He completed 4 of 5 years of probation.", [("4", "count", None), ("5 years", "duration", "year")]),
    ("He held $5 million a year ago.", [("$5 million", "money", None)]),
])
def test_forms_that_once_went_wrong(sentence, expected):
    assert [(f["surface"], f["unit"], f.get("period")) for f in figures_in_sentence(sentence)] == expected


def test_a_title_or_a_sentence_start_is_not_a_speaker():
    from kb.quotes import NAMED_COURT_RE, STATEMENT_TITLE_RE, split_who

    assert split_who("Mike Roe, Secretary of State") == ("Mike Roe", "Secretary of State")
    assert STATEMENT_TITLE_RE.match("False Statement by Contractor Results in Guilty Plea") is None
    assert [m.group(0) for m in NAMED_COURT_RE.finditer("In Orange County Superior Court, the judge ruled.")] == \
        ["Orange County Superior Court"]


@pytest.mark.parametrize("sentence", [
    "Jane Roe, 17-year-old, and two women, 60 and 84 years old, were hurt when she turned 13.",
    "The executives paid six-figure bribes; students in grades four through eight; see 515 U.S. 200, 216; DAY 2.",
    "Counts seven through 13 were listed; CO 2 emissions rose; call mailbox 97; he left three children, 7, 9, and 11.",
    "Kevin Roe, then 37, visited www.example.com in 2019 under section 12 of the act, in class 3.",
    "Juan Roe, de 27 años de edad, llegó el 21 de mayo de 2026, en mayo de 2026.",
])
def test_not_figure_needles_skip_only_patterns_that_cannot_match(sentence):
    """A not-figure pattern is tried only on sentences holding a word it needs: the marks are those of every pattern."""
    from kb.figures import NOT_FIGURE_RES, blocked_spans

    every = bytearray(len(sentence))
    for pattern in NOT_FIGURE_RES:
        for m in pattern.finditer(sentence):
            every[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    assert blocked_spans(sentence) == every and any(every)
