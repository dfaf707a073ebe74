"""The words that mark a figure as planned, hoped for, allowed, forecast or an early estimate rather than what
happened (`figure_kinds.kind_at` reads them around a figure). Vocabulary only, no I/O."""

from __future__ import annotations

import re

__all__ = [
    "CAPACITY",
    "DURATION",
    "EARLY_ESTIMATE",
    "FORESEEN",
    "PLANNED_AFTER",
    "PLANNED_BEFORE",
    "PLANNED_LABEL",
    "PROSPECTIVE",
    "continued_request",
    "hours_against_one_time",
    "expected_before",
    "plan_against_done",
    "planned_before",
    "proposed_in",
]

# A figure planned, aimed at or hoped for, budgeted, forecast, allowed or able to be served, not one that happened:
# words before it in its clause ("hopes to reach 300 by the spring", "had aimed for 1,000 families", "set a budget of
# £135,000"), or a participle or "budget" right after it ("gusts of up to 90 km/h forecast", "a survey of 60 sites
# is planned", "its £32 million budget"; not "143 planned operations", operations booked ahead, which took place or
# not).
PLANNED_BEFORE = re.compile(
    r"\b(?:aim(?:s|ed|ing)?\s+(?:to|for)|aims?\s+of"
    r"|hop(?:e|es|ed|ing)\s+to\s+(?:reach|hit|get|have|raise|recruit|train|attract|sell|plant|build|host|welcome"
    r"|double|grow|open|restore|complete|finish|add|create|expand|increase|collect)"
    r"|targets?|targeted|goal|budgeted|budgets?\s+of|forecast(?:s|ers?)?|forecasting|predicts?|predicted"
    r"|request(?:s|ed|ing)?|certified|designed|built\s+(?:for|to)|(?<!of\s)capacity|(?:seats|places)\s+available|limit\s+value|(?<!suspended\s)ceiling|planned"
    # "plans a mural about 40 metres high", "is planning to recruit 300": what someone means to do
    r"|plans\s+(?:to|an?|for)|planning\s+(?:to|an?|for)"
    # "a cap on entries at 250 teams", "capped at 12": a limit put forward
    r"|\bcap(?:s|ped)?\s+(?:on|of|at)"
    # a time or day set beforehand: "the ribbon is due to be cut at 11 a.m.", "the vote is scheduled for 6 p.m."
    r"|due\s+to\s+(?:be|open|start|begin|arrive|close|finish|end|launch|run|resume|reopen|sail|leave|land|depart)"
    r"|scheduled\s+(?:to|for)"
    # the most (or least) a law allows: "the maximum sentence for the offence is 10 years", "a penalty of up to"
    r"|(?:maximum|minimum)\s+(?:(?:prison|jail|custodial)\s+)?(?:sentences?|penalt(?:y|ies)|fines?|terms?)"
    r"|penalt(?:y|ies)\s+of)\b",
    re.IGNORECASE,
)
PLANNED_AFTER = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:(?:is|are|was|were)\s+(?:forecast|predicted|planned|scheduled)|forecast|predicted)\b"
    # "its £32 million budget", "a £4.8 million gritting budget" (not "£192 million over budget")
    r"|\s+(?:(?!(?:over|under|within|above|below|on)\b)[a-z-]+\s+){0,2}?budgets?\b"
    # the time allowed: "three hours to finish it", "90 minutes to complete the course", "a three-hour limit"
    r"|\s+to\s+(?:finish|complete)\b|\s+(?:time\s+)?limits?\b",
    re.IGNORECASE,
)
# An early estimate told as a hedge before the figure: "Early measurements suggest a skeleton about 5 metres long",
# "Preliminary returns ... suggest ... about 9.5 kg a hive". A later account that gives another value supersedes it;
# it does not contradict it. An early figure told plainly ("Preliminary assessments show that 18,600 houses were
# destroyed", "Our first estimate of the damage is €4.2 million") is the figure of its day, and still compared.
EARLY_ESTIMATE = re.compile(
    r"\b(?:early|earlier|initial|first|preliminary|provisional)\s+(?:\w+\s+)?(?:measurements?|estimates?|figures?"
    r"|returns?|counts?|results?|reports?|tally|tallies|findings|assessments?)\b(?:\s+\w+){0,6}?\s+"
    r"(?:suggest(?:s|ed)?|indicated?|indicates|point(?:s|ed)?\s+to)\b"
    # "The draft put the number of notices at about 95,000": a draft's figure, before the final one
    r"|\bdrafts?\s+(?:\w+\s+){0,2}?(?:put|puts|gave|gives|estimated|estimates|suggest(?:s|ed)?)\b",
    re.IGNORECASE,
)
# Words that make a figure prospective without naming a plan ("will reach", "could be", "expected to"): enough to
# say the other side of a planned figure is not what happened, not enough to mark a plan.
PROSPECTIVE = re.compile(
    r"\b(?:will|would|could|can|may|might|shall|should|expect(?:s|ed|ing)?|projected|plan(?:s|ned|ning)?|due"
    r"|hop(?:e|es|ed|ing)|want(?:s|ed)?|intend\w*|estimat\w*|hold|holds|seat\w*|places|limit\w*|propos\w*"
    r"|set\s+(?:at|to)"
    r"|allow(?:s|ed)?|permit(?:s|ted)?|certificate|request(?:s|ed)?|promis(?:e|es|ed)"
    # "is spending £13.5 million this year": a year's money still being spent; "licensed for up to 12,000": allowed
    r"|(?:is|are)\s+spending|licen[cs]ed\s+for)\b",
    re.IGNORECASE,
)

# What could not be without what was ("The event would not happen without the 260 volunteers", "could not have been
# done without"): the figure after it happened; no modal there foretells it, and no "not" there denies it.
COUNTERFACTUAL = re.compile(
    r"\b(?:would|could)(?:\s+not|n't|\s+never)\s+(?:have\s+)?(?:[a-z]+\s+){0,3}?without\b", re.I
)

# What may or will happen, told before a figure in its clause: a modal verb or an expectation.
# "may" in lower case only: "In May, 40 homes were approved" names a month.
FORESEEN = re.compile(r"\b(?:[Ww]ill|[Ww]ould|[Cc]ould|may|[Mm]ight|[Ee]xpect(?:s|ed|ing)?|[Ll]ikely)\b")


# A verb told as done, in the words right before a time of day: "Racing started at", "The ducks were released at",
# "First starters left at", "The bell was rung at" (not "will start at", "opens at").
_DONE = re.compile(
    r"\b(?:[a-z]+ed|began|begun|ran|rang|rung|left|set\s+off|went|came|was|were|stayed|kept|held|took|met|sat|flew"
    r"|rose|shut|struck|broke|got|made|drove|swam|led|won|threw|thrown|rode|sang|spoke|fought|stood)\b"
    r"(?:\s+[a-z]+){0,3}\s+(?:at|from|by|until|till)\s+$"
)
# What follows a modal up to a time of day, when it tells a plan: no verb told as done and no "that" between them
# ("will show that the fire started at 1.52 a.m." and "will know the clock stopped at 15:17" tell what happened).
_PLANNED_TIME = re.compile(
    r"\b(?:will|would|is\s+due\s+to|are\s+due\s+to|was\s+due\s+to|planned\s+for|scheduled\s+(?:for|to)|expected\s+to)"
    r"\b(?:(?!\bthat\b)(?![a-z]+ed\b)(?!(?:began|ran|rang|left|was|were|took)\b)[^,;.])*$",
    re.IGNORECASE,
)


# A row label that tells a plan, a target or a design figure ("| Patients per day, first fortnight (planned) |").
PLANNED_LABEL = re.compile(
    r"\b(?:plan|planned|target|forecast|expected|projected|design|capacity|estimate|estimated|budget|proposed)\b",
    re.IGNORECASE,
)


def plan_against_done(claim_text: str, claim_surface: str, passage_text: str, passage_start: int) -> bool:
    """Whether the claim tells a time of day something was done at ("Racing started at 8 a.m.", the words right before
    its `claim_surface`) and the passage a time set for it beforehand ("Racing will begin at 8 a.m.", "is due to start
    at", the words of its clause before `passage_start`; not "will show that the fire started at"): a plan, kept or
    not (`figure_kinds.kind_difference`)."""
    at = claim_text.find(claim_surface)
    return (
        at >= 0
        and bool(_DONE.search(claim_text[max(0, at - 60) : at]))
        and bool(_PLANNED_TIME.search(passage_text[max(0, passage_start - 80) : passage_start]))
    )


# A time of day kept again and again: "open from 08:00 to 21:00 daily", "to 22:00 on Fridays", "every morning at 7".
_RECURRING = re.compile(
    r"\b(?:daily|nightly|every\s+(?:day|morning|afternoon|evening|night)|each\s+(?:day|morning|afternoon|evening|night)"
    r"|on\s+(?:weekdays|weekends|(?:mon|tues|wednes|thurs|fri|satur|sun)days))\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<![ap]\.m)[.;](?:\s|$)")  # (not the stop of "10 a.m.")


def hours_against_one_time(
    claim_text: str, claim_start: int, passage_text: str, passage_start: int
) -> tuple[str, str] | None:
    """How two times of day differ when one is kept every day or every week (opening hours: "The park has been open
    from 08:00 to 21:00 daily") and the other is not ("opened at 10 a.m. on April 4", the day it first opened): the
    passage's way and the claim's, read in the words around each time up to its sentence's end; None otherwise."""

    def recurring(text: str, start: int) -> bool:
        low = max(start - 60, 0)
        opened = list(_SENTENCE_END.finditer(text, low, start))
        high = min(len(text), start + 60)
        stop = _SENTENCE_END.search(text, start, high)
        return bool(_RECURRING.search(text, opened[-1].end() if opened else low, stop.start() if stop else high))

    kept = recurring(passage_text, passage_start)
    if kept == recurring(claim_text, claim_start):
        return None
    daily, once = "as a time kept day after day", "as the time of one day"
    return (daily, once) if kept else (once, daily)


# "... asked that road closures start no earlier than 3 p.m., and that stalls stretch 350 metres": a "that" clause
# joined by "and" or "or" goes on with what the clause before it asks, proposes or recommends
_JOINED_THAT = re.compile(r"\s*that\b", re.IGNORECASE)
_JOINING = re.compile(r"\b(?:and|or)\s*$", re.IGNORECASE)


def continued_request(sentence: str, clause_start: int, clause_before: str) -> str:
    """The words before a figure read through to the clause its "and that" clause goes on from (up to 150
    characters back), or "" when its clause does not open with a joined "that"."""
    if not _JOINED_THAT.match(clause_before) or not _JOINING.search(sentence[:clause_start]):
        return ""
    return sentence[max(0, clause_start - 150) : clause_start] + clause_before


# A figure that is a length of time ("roughly 120 days", "six weeks").
DURATION = re.compile(
    r"(?:(?:about|around|roughly|some|nearly|almost|up\s+to)\s+)?[\d.,]+\s*(?:days?|weeks?|months?|years?|hours?)"
    r"|(?:(?:about|around|roughly|some|nearly|almost|up\s+to)\s+)?[a-z-]+\s+(?:days?|weeks?|months?|years?|hours?)",
    re.IGNORECASE,
)
# "enough food for 15,000 people", "to feed 40,000 people", "can hold up to 3,000 people", "room for 500 cars": what
# something can serve or hold, not who or what is counted.
CAPACITY = re.compile(
    r"(?:\benough\b[^,;:]*|\b(?:to|could|can|would)\s+(?:feed|serve|supply|house|shelter)|\bfeed(?:s|ing)?"
    r"|\b(?:can|could|is\s+able\s+to|are\s+able\s+to)\s+(?:hold|carry|accommodate|seat|handle|process|host|store|fit)"
    r"|\b(?:capacity|room|space|places)\s+(?:of|for)|\bmaximum\s+(?:payload|load|occupancy|capacity)\b[^,;:]*)"
    r"\s*(?:(?:up\s+to|as\s+many\s+as|about|around|roughly|some|nearly|almost)\s+)?$",
    re.IGNORECASE,
)


# A figure put forward, asked for or offered, not one in force: the words before it in its clause.
_PROPOSED = re.compile(
    r"\b(?:extend\w*\s[^,;]*?\bto\b|propos\w*|call(?:s|ed|ing)?\s+for|demand(?:s|ed|ing)?\s+(?:for|that|a|an)\b"
    r"|demanded|demanding|urg(?:e|es|ed|ing)|want(?:s|ed)?|ask(?:s|ed|ing)?"
    # "asked the town council for £8,000", "applied to Westwray Town Council for a grant of £2,500": a request
    r"\s+(?:(?:the|a|an|its|our|their|[a-z]+)\s+){0,3}?for|applied\s+(?:[^\s,;.]+\s+){0,5}?for"
    # "has asked that road closures start no earlier than 3 p.m.": a request told with "that"
    r"|(?:ask|request|recommend)(?:s|ed|ing)?\s+that"
    r"|seek\w*|sought|(?<!on\s)offer\w*|plan(?:s|ned)?\s+to|would\s+like|should|consult(?:s|ed|ing)?\s+on"
    r"|consultation\s+on|negotiat(?:e|es|ed|ing)|in\s+talks\s+(?:over|on|about))\b",
    re.IGNORECASE,
)
# A main verb after the asking words: "A petition asking for the lights to go off an hour earlier was signed by 312
# residents" asks for the lights, and counts its signatures as a fact. A copula is no such verb ("Our offer is a 3.5
# percent rise"), nor a passive that still looks ahead ("The proposal is expected to save").
_MAIN_VERB = re.compile(
    r"\b(?:was|were|is|are|has|have|had)\s+(?:been\s+)?"
    r"(?!(?:expected|estimated|projected|planned|scheduled|designed|intended|meant|set|due)\b)"
    r"(?:\w+ed|signed|given|taken|seen|shown|written|made|paid|sent|held|won|backed)\b",
    re.IGNORECASE,
)


def proposed_in(clause_before: str) -> bool:
    """Whether the words before a figure in its clause put it forward (`_PROPOSED`), with no main verb after the
    asking words (`_MAIN_VERB`)."""
    found = _PROPOSED.search(clause_before)
    if found is not None and re.match(r"\s+[a-z]+ed\b", clause_before[found.end() :]):
        return False  # "a community share offer raised £412,000": the offer is the subject of what happened
    return found is not None and not _MAIN_VERB.search(clause_before, found.end())


# An expectation told as said before, in the words before a figure: "Earlier this month organisers had expected
# around 90 riders", "In July the guild had said it expected about 9,000 visitors", "had then been expected to be".
# What came to pass is no evidence of what was expected, close or not; an account of the expectation is.
_EXPECTED_BEFORE = re.compile(
    r"\bhad\s+(?:(?:then|earlier|previously|originally|initially|first)\s+)?"
    r"(?:(?:said|told\s+\w+|indicated)\s+(?:that\s+)?(?:the\s+)?\w+\s+)?"
    r"(?:been\s+)?(?:expected|anticipated)\b",
    re.IGNORECASE,
)
# What ends the expectation's reach before the figure: a clause of its own ("and had received about 280 entries",
# ", but the storm stalled about 90 km offshore", "with 42 registered").
_EXPECTATION_ENDS = re.compile(
    r",\s|[;:]|\b(?:had|has|have|was|were|is|are|said|says|but|while|whereas|when|though|although|which|who|that"
    r"|with|after|until)\b",
    re.IGNORECASE,
)


def expected_before(sentence: str, start: int) -> bool:
    """Whether the figure at `start` of `sentence` is what someone had expected (`_EXPECTED_BEFORE`), its clause
    reaching the figure with no other verb or clause between (`_EXPECTATION_ENDS`)."""
    ends = [found.end() for found in _EXPECTED_BEFORE.finditer(sentence, 0, start)]
    return bool(ends) and not _EXPECTATION_ENDS.search(sentence, ends[-1], start)


# A hedge set off by commas after what it qualifies: "a cap on entries, possibly at 250 teams"
_HEDGE_APART = re.compile(r"\s*(?:possibly|perhaps|probably|maybe)\s+(?:at|of|to)?\s*$", re.IGNORECASE)


def planned_before(sentence: str, start: int, clause_before: str) -> bool:
    """Whether the words before a figure in its clause (`clause_before`) mark a plan (`PLANNED_BEFORE`), read back
    through a comma when the clause is only a hedge on the phrase before it."""
    if PLANNED_BEFORE.search(clause_before):
        return True
    if not _HEDGE_APART.fullmatch(clause_before):
        return False
    before = sentence[max(0, start - len(clause_before) - 80) : start - len(clause_before)].rstrip(" ,")
    return bool(PLANNED_BEFORE.search(before))
