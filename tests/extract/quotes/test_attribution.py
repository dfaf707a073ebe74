"""Quote attribution: where the speaker stands, titles and descriptions, pronouns, one name per person."""

from __future__ import annotations

import pytest

from factcheck.extract.quotes.finding import find_quotes
from factcheck.extract.quotes.phrases import SpeakerKind, parse_speaker
from factcheck.extract.quotes.reporting_cues import find_cues
from factcheck.extract.sentences import split_sentences

Q = "“We want a ceasefire now,”"  # the quote most cases attribute


def attributions(text: str) -> list[tuple[str | None, str | None, str | None]]:
    """(speaker, speaker_surface, cue) of each quote in `text`."""
    return [(q.speaker, q.speaker_surface, q.cue) for q in find_quotes(text, split_sentences(text))]


# (case, text, (speaker, speaker_surface, cue) of its one quote)
PATTERNS = [
    (
        "Statement by X: before",
        "Statement by Dana Whitlow, regional organiser:\n\n“We want a ceasefire now.”",
        ("Dana Whitlow", "Dana Whitlow", ":"),
    ),
    ("X said after", f"{Q} Kerry said.", ("Kerry", "Kerry", "said")),
    ("said X after", f"{Q} said Kerry.", ("Kerry", "Kerry", "said")),
    ("X said: before", "Kerry said: “We want a ceasefire now.”", ("Kerry", "Kerry", "said")),
    ("X said, before", "Kerry said, “We want a ceasefire now.”", ("Kerry", "Kerry", "said")),
    ("X said that before", "Kerry said that “we want a ceasefire now.”", ("Kerry", "Kerry", "said")),
    ("X told reporters", f"{Q} Kerry told reporters.", ("Kerry", "Kerry", "told")),
    (
        "X told reporters: before",
        "Kerry told reporters: “We want a ceasefire now.”",
        ("Kerry", "Kerry", "told"),
    ),
    ("X added", f"{Q} Kerry added.", ("Kerry", "Kerry", "added")),
    ("X insisted", f"{Q} Kerry insisted on Friday.", ("Kerry", "Kerry", "insisted")),
    ("X warned", f"{Q} Kerry warned.", ("Kerry", "Kerry", "warned")),
    ("X wrote on Twitter", "Kerry wrote on Twitter: “We want a ceasefire now.”", ("Kerry", "Kerry", "wrote")),
    ("X tweeted", f"{Q} Kerry tweeted.", ("Kerry", "Kerry", "tweeted")),
    ("X said in a statement", f"{Q} Kerry said in a statement.", ("Kerry", "Kerry", "said")),
    ("X also said", f"{Q} Kerry also said.", ("Kerry", "Kerry", "said")),
    ("question, X asked", "“Why do we wait?” Kerry asked.", ("Kerry", "Kerry", "asked")),
    ("according to X after", f"{Q} according to Kerry.", ("Kerry", "Kerry", "according to")),
    (
        "according to X before",
        "According to Kerry, “we want a ceasefire now.”",
        ("Kerry", "Kerry", "According to"),
    ),
    (
        "according to a description with a relative clause",
        f"{Q} according to a senior official who briefed reporters.",
        ("a senior official", "a senior official", "according to"),
    ),
    (
        "X, a spokeswoman for Y, said",
        f"{Q} Jane Roe, a spokeswoman for the ministry, said.",
        ("Jane Roe", "Jane Roe", "said"),
    ),
    (
        "said X, a spokeswoman for Y",
        f"{Q} said Jane Roe, a spokeswoman for the ministry.",
        ("Jane Roe", "Jane Roe", "said"),
    ),
    (
        "dash credit with a title",
        "“We want a ceasefire now.” -Commissioner Jane Roe",
        ("Jane Roe", "Commissioner Jane Roe", "-"),
    ),
    ("em dash credit", "“We want a ceasefire now.” — Jane Roe, Acme Corp.", ("Jane Roe", "Jane Roe", "—")),
    (
        "headline colon",
        "Warren to Stumpf: ‘You Should Be Criminally Investigated.’\n\nSen. Elizabeth Warren said it twice.",
        ("Elizabeth Warren", "Warren", ":"),
    ),
    (
        "inside a split quote",
        '"We want," said the envoy, "a ceasefire now."',
        ("the envoy", "the envoy", "said"),
    ),
    (
        "mid-sentence attribution",
        "The second point, he said, “is to feed the west of the city too”.",
        (None, "he", "said"),
    ),
    (
        "participle",
        "Trump attacked Clinton on Monday, saying “she is unfit for the job.”",
        ("Trump", "Trump", "saying"),
    ),
    (
        "subject after an aside",
        "President Obama, opening the museum on Saturday, said it would tell “a story of suffering and delight.”",
        ("Obama", "President Obama", "said"),
    ),
    (
        "naming verb",
        "Christie described Clinton as a “disgrace” on Tuesday.",
        ("Christie", "Christie", "described"),
    ),
    (
        "closing attribution of the previous sentence",
        "Russia may act again, Schiff said. “We know at least two states have been hacked.”",
        ("Schiff", "Schiff", "said"),
    ),
    (
        "colon sentence with no verb of saying",
        "Sanders made the following comment:\n\n“For young people the unemployment rate is 51 percent.”",
        ("Sanders", "Sanders", ":"),
    ),
    # Titles and roles stay out of the name; descriptions are kept as written.
    (
        "Deputy Minister",
        f"{Q} Deputy Minister Ivan Petrov said.",
        ("Ivan Petrov", "Deputy Minister Ivan Petrov", "said"),
    ),
    ("Dr.", f"{Q} Dr. Ann Lee said.", ("Ann Lee", "Dr. Ann Lee", "said")),
    ("Col.", f"{Q} Col. John Smith said.", ("John Smith", "Col. John Smith", "said")),
    (
        "Secretary of State",
        f"{Q} Secretary of State John Kerry said.",
        ("John Kerry", "Secretary of State John Kerry", "said"),
    ),
    ("President", f"{Q} President Barack Obama said.", ("Barack Obama", "President Barack Obama", "said")),
    (
        "Sen. with party and state",
        f"{Q} Sen. Claire McCaskill (D-Mo.) said.",
        ("Claire McCaskill", "Sen. Claire McCaskill (D-Mo.)", "said"),
    ),
    ("Mr. with a surname that is a title", f"{Q} Mr. King, 82, told me.", ("King", "Mr. King", "told")),
    (
        "role before the name",
        f"{Q} Clinton campaign spokesman Jesse Lehrich said.",
        ("Jesse Lehrich", "Clinton campaign spokesman Jesse Lehrich", "said"),
    ),
    (
        "place after the name",
        f"{Q} said Rep. Elijah Cummings of Maryland.",
        ("Elijah Cummings", "Rep. Elijah Cummings of Maryland", "said"),
    ),
    (
        "affiliation with a possessive after the name",
        f"{Q} Col. Viktor Ostrov of the Russian military's reconciliation centre told reporters in Damascus.",
        ("Viktor Ostrov", "Col. Viktor Ostrov of the Russian military's reconciliation centre", "told"),
    ),
    (
        "an institution named with of is not split",
        f"{Q} said the University of Chicago.",
        ("the University of Chicago", "the University of Chicago", "said"),
    ),
    (
        "a coalition official",
        f"{Q} a coalition official said.",
        ("a coalition official", "a coalition official", "said"),
    ),
    ("the ministry", f"{Q} the ministry said.", ("the ministry", "the ministry", "said")),
    ("officials", f"{Q} officials said.", ("officials", "officials", "said")),
    (
        "Officials at a sentence start",
        "Officials say “the ceasefire will hold for now.”",
        ("Officials", "Officials", "say"),
    ),
    (
        "an organisation",
        f"{Q} the Justice Department said.",
        ("the Justice Department", "the Justice Department", "said"),
    ),
    (
        "no attribution",
        "The talks ended. “We have discussed how the trucks will be sealed.”",
        (None, None, None),
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in PATTERNS], ids=[c[0] for c in PATTERNS])
def test_attribution_patterns(text: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert attributions(text) == [expected]


# (case, text, speakers of its quotes in order)
RESOLUTION = [
    (
        "he takes the nearest named speaker",
        "“We want peace,” Kerry said. “We want a pause for 48 hours,” he said.",
        ["Kerry", "Kerry"],
    ),
    (
        "she skips a man",
        "“We want peace,” Kerry said. “So do we,” Jane Roe said. “Now,” he said. “Soon,” she said.",
        ["Kerry", "Jane Roe", "Kerry", "Jane Roe"],
    ),
    (
        "Mr. and Ms. give the gender before anyone speaks",
        "Mr. Smith spoke first. “I am tired of this war,” he said. Ms. Jones disagreed. “We must go on,” she said.",
        ["Smith", "Jones"],
    ),
    (
        "a pronoun chain fixes a gender",
        "“Peace,” Kerry said. “Now,” he added. “Wait,” Lee said. “Later,” she said. “No,” he said.",
        ["Kerry", "Kerry", "Lee", "Lee", "Kerry"],
    ),
    (
        "a spokeswoman is a she",
        "“We wait,” said Jane Roe, a spokeswoman for the ministry. “We will keep waiting,” she added.",
        ["Jane Roe", "Jane Roe"],
    ),
    ("no named speaker: unresolved", "Kerry met Lavrov. “We want a pause for 48 hours,” he said.", [None]),
    (
        "they stays unresolved",
        "“We want a pause for 48 hours,” Kerry said. “We agree,” they said.",
        ["Kerry", None],
    ),
    (
        "an unnamed person described before",
        "A UN logistics officer said the trucks were ready. “The food is sitting in the warehouses,” she said.",
        ["A UN logistics officer"],
    ),
    (
        "reported speech makes a speaker",
        "Stumpf said on Tuesday that the bank would pay. “We accept responsibility,” he said.",
        ["Stumpf"],
    ),
    (
        "a person introduced with an age is who a later she stands for",
        "“We were told to trust the system,” said Lea Brandvold, president of the union. Among those waiting is "
        "Nora Elling, 18, from the town of Askby. “I did everything my teachers asked of me,” she said.",
        ["Lea Brandvold", "Nora Elling"],
    ),
    (
        "names inside a quote are not speakers",
        "Kerry left. “Lavrov told me to wait,” he said.",
        [None],
    ),
]


# (case, text, speakers of its quotes in order): one rule each, added after reading PolNeAR dev misses.
SPEAKER_RULES = [
    (
        "a quote that is a sentence of its own goes on with the paragraph's last speaker",
        "“We have had problems with Russia,” Obama said after meeting Putin. He did not threaten retaliation. "
        "“Our goal is to set norms so that everybody acts responsibly.”",
        ["Obama", "Obama"],
    ),
    (
        "but not over another cue",
        "“We have had problems with Russia,” Obama said. Putin said nothing of the kind. “Our goal is to set "
        "norms so that everybody acts responsibly.”",
        ["Obama", None],
    ),
    (
        "a possessive makes a cue word a noun",
        "“Since the first day, he was open to working with Congress,” Josh Earnest said before Bill Clinton’s "
        "comments. “And we have seen a sustained effort to tear down that law.”",
        ["Josh Earnest"],  # one quote: only the attribution and where it was said stand between the parts
    ),
    (
        "a relative pronoun stands for the phrase before it",
        "They turned to the Chicago Police Department which reported “2,521 shooting incidents” in the city.",
        ["the Chicago Police Department"],
    ),
    (
        "who after an aside",
        'He met McConnell, now the majority leader, who in 2010 said he would make Obama a "one-term president."',
        ["McConnell"],
    ),
    (
        "that with a subject of its own is not a relative pronoun",
        'He said that Obama said it was "a mistake."',
        ["Obama"],
    ),
    (
        "a participle that asserts",
        "Mr. Trump hardly clarified the matter, asserting, “Of course, I pay federal taxes.”",
        ["Trump"],
    ),
    (
        "a participle after a verb shares its subject",
        '"The people do not agree with Trump," Sanders said, suggesting a few questions, including, "Do you '
        'really think that billionaires need a tax break?"',
        ["Sanders", "Sanders"],
    ),
    (
        "a description next to the quote, named in an aside",
        '"This is a big year for our senator!" Scott\'s niece, state Del. Marcia Price, shouted to the crowd.',
        ["Marcia Price"],
    ),
    (
        "a headline's speaker before its colon",
        "Pat Caddell: Democrat Voters Worried About Hillary Clinton’s Health; It’s ‘in Their Heads.’\n\nText.",
        ["Pat Caddell"],
    ),
    (
        "a headline's speaker with a topic",
        "Obama on Climate Change: The Trends Are 'Terrifying.'\n\nABSTRACT.",
        ["Obama"],
    ),
    (
        "an aside, then a perfect tense",
        'Councillor Priya Nair, who chairs the transport committee, has called the line "a monument to bad '
        'planning" and said residents deserved answers.',
        ["Councillor Priya Nair"],
    ),
    (
        "a role in apposition, then a past perfect",
        'Mira Joss, chief economist at Harbourline Bank, had said before the meeting that "a half-point move '
        'would be a clear signal."',
        ["Mira Joss"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in SPEAKER_RULES], ids=[c[0] for c in SPEAKER_RULES])
def test_speaker_rules(text: str, expected: list[str | None]) -> None:
    assert [speaker for speaker, _, _ in attributions(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in RESOLUTION], ids=[c[0] for c in RESOLUTION])
def test_pronoun_resolution(text: str, expected: list[str | None]) -> None:
    assert [speaker for speaker, _, _ in attributions(text)] == expected


def test_unresolved_pronoun_keeps_its_surface() -> None:
    (quote,) = find_quotes(text := "Kerry met Lavrov. “We want a pause,” he said.", split_sentences(text))
    assert (quote.speaker, quote.speaker_surface, quote.cue) == (None, "he", "said")


# (case, text, speakers of its quotes in order)
NAMES = [
    (
        "one person under three names",
        "Secretary of State John Kerry arrived. “We want peace,” Kerry said. “Now,” John Kerry said.",
        ["John Kerry", "John Kerry"],
    ),
    (
        "the most mentioned full name wins",
        "Hillary Clinton spoke. Hillary Clinton won. Bill Clinton waved. “We will win,” Clinton said.",
        ["Hillary Clinton"],
    ),
    (
        "a gender picks among full names",
        "Hillary Clinton spoke. Hillary Clinton won. Bill Clinton waved. “I agree,” Mr. Clinton said.",
        ["Bill Clinton"],
    ),
    (
        "labels are not part of a name",
        "Republican Donald Trump spoke. Donald Trump left. “We will win,” Trump said.",
        ["Donald Trump"],
    ),
    (
        "organisation words end a name",
        "The editorial board of the Washington Post Trump met said little. “We will win,” Trump said.",
        ["Trump"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in NAMES], ids=[c[0] for c in NAMES])
def test_names_are_normalised_within_a_document(text: str, expected: list[str]) -> None:
    assert [speaker for speaker, _, _ in attributions(text)] == expected


# (phrase, kind, name) for the phrase reader
PHRASES = [
    ("Secretary of State John Kerry", SpeakerKind.NAME, "John Kerry"),
    ("Wells Fargo CEO John Stumpf", SpeakerKind.NAME, "John Stumpf"),
    ("Massachusetts Sen. Elizabeth Warren", SpeakerKind.NAME, "Elizabeth Warren"),
    ("Minister of Foreign Affairs Sergei Lavrov", SpeakerKind.NAME, "Sergei Lavrov"),
    ("Mr. King", SpeakerKind.NAME, "King"),
    ("Mayor Bill de Blasio", SpeakerKind.NAME, "Bill de Blasio"),
    ("But Kerry also", SpeakerKind.NAME, "Kerry"),
    ("Warren on Tuesday", SpeakerKind.NAME, "Warren"),
    ("he", SpeakerKind.PRONOUN, None),
    ("a coalition official", SpeakerKind.DESCRIPTION, None),
    ("the UN’s deputy envoy for Syria", SpeakerKind.DESCRIPTION, None),
    ("senior US officials", SpeakerKind.DESCRIPTION, None),
    ("Scott's family", SpeakerKind.DESCRIPTION, None),
    ("the White House", SpeakerKind.DESCRIPTION, None),
]


@pytest.mark.parametrize(("phrase", "kind", "name"), PHRASES, ids=[p[0] for p in PHRASES])
def test_parse_speaker(phrase: str, kind: SpeakerKind, name: str | None) -> None:
    parsed = parse_speaker(phrase, 0, len(phrase))
    assert parsed is not None
    assert (parsed.kind, parsed.name) == (kind, name)


NOT_SPEAKERS = [
    "shortly after Trump",
    "Kerry met Lavrov",
    "Trump attacked Clinton",
    "Blige sings to Clinton before",
    "the trucks would be",
    "Warren's",
    "Rep.",
    "In a statement",
    "Tuesday",
]


@pytest.mark.parametrize("phrase", NOT_SPEAKERS)
def test_not_a_speaker(phrase: str) -> None:
    assert parse_speaker(phrase, 0, len(phrase)) is None


CUES = [
    ("Kerry said on Friday", ["said"]),
    ("the report said", ["said"]),
    ("his claims were false", []),
    ("the Washington Post reported", ["reported"]),
    ("Secretary of State Kerry", []),
    ("according to officials", ["according to"]),
    ("Obama Says Museum Will Tell", ["Says"]),
    ("as he put it", ["put it"]),
    ("before Bill Clinton’s comments", []),
    ("he's said it before", ["said"]),
    ("Trump told the forum, insisting on it", ["told", "insisting"]),
]


@pytest.mark.parametrize(("text", "expected"), CUES, ids=[c[0] for c in CUES])
def test_find_cues(text: str, expected: list[str]) -> None:
    assert [cue.text for cue in find_cues(text, 0, len(text))] == expected
