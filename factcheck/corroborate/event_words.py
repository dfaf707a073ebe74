"""Event words: the stems of a text's content words, read to tell whether two figures' words share an event
("8,000 remaining residents" and "4,000 civilians remained"). Pure functions, no I/O."""

from __future__ import annotations

import re

__all__ = ["STOPWORDS", "WORD_RUN", "content_stems", "one_event_before", "stem"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*")
# Function words, reporting verbs and words that say how a figure is known rather than what it counts; "county" and
# "country" are places, and their stem would meet "count".
STOPWORDS = frozenset(
    """a an the and or but of to in into on at by for with from as that this these those there their its it his her our
    your my we they he she you i them us him me is are was were be been being has have had do does did will would
    could should can may might must shall not no than then so such some about around almost nearly roughly
    approximately over under more less fewer most least only just also still already even each every per all any
    both either neither other another same more up down out off new first last next said say says saying told tells
    according reported reports report estimated estimates estimate figure figures total totals number numbers count
    counted counts official officials data statistics show shows showed shown put puts according while when where
    which who whom whose what how why if eastern western northern southern central east west north south monday
    tuesday wednesday thursday friday saturday sunday january february march april june july august september
    october november december after before during since until within between among across near thought believed
    expected likely least more than another one two three four five six seven eight nine ten hundred thousand
    million billion percent per cent people person persons time times year years month months week weeks day days
    today yesterday tomorrow morning evening night now here well like much many few several mr mrs ms dr
    county counties country countries praised praise praises praising""".split()
)
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ures", "ure", "ied", "ies", "ed", "es", "s", "ly", "e")


# Words news copy uses by turns for one event, met as one event word ("a 72-hour halt" and "a 48-hour pause";
# "taken to hospital" and "admitted").
_SAME_EVENT = {
    word: "pause" for word in ("halt", "halts", "pause", "pauses", "truce", "truces", "ceasefire", "ceasefires")
}
_SAME_EVENT.update(
    {
        word: "hospi"
        for word in ("admitted", "admission", "admissions", "hospitalised", "hospitalized", "hospitalisation")
    }
)
# Money won: "Nattrass won £800" and "a prize of £600".
_SAME_EVENT.update(
    {word: "prize" for word in ("prize", "prizes", "won", "winnings", "prizewinnings", "winner", "winners")}
)
# Money put into something: "has spent £68 million" and "we have invested £86 million".
_SAME_EVENT.update(
    {word: "spend" for word in ("spent", "spend", "spends", "spending", "invested", "invest", "invests", "investing")}
)

# Taking part in a contest: "58 growers entered" and "52 growers took part" (`_TOOK_PART` reads the phrase).
_SAME_EVENT.update(
    {
        word: "enter"
        for word in (
            "entered",
            "enter",
            "enters",
            "entering",
            "competed",
            "compete",
            "competes",
            "competing",
            "participated",
            "participating",
        )
    }
)
# Things given: "visitors donated 4,200 blankets" and "handed over 5,200 blankets".
_SAME_EVENT.update({word: "donat" for word in ("donated", "donate", "donates", "donating", "handed")})
# Goods given: "Cloverlay Farm supplied 9,600 eggs" and "We sent six thousand nine hundred eggs".
_SAME_EVENT.update(
    {
        word: "suppl"
        for word in ("supplied", "supply", "supplies", "supplying", "provided", "provide", "provides", "providing")
        + ("sent", "send", "sends", "sending")
    }
)
# Coming to an event: "4,200 spectators passed through the gates" and "4,800 spectators attended".
_SAME_EVENT.update(
    {word: "atten" for word in ("attended", "attend", "attends", "attending", "attendance", "gate", "gates", "turnout")}
)
# Money lost: "the club lost £146,000" and "a net loss of £164,000".
_SAME_EVENT.update({word: "loss" for word in ("lost", "loss", "losses", "losing")})
_TOOK_PART = re.compile(r"\b(?:took|take|takes|taking)\s+part\b", re.IGNORECASE)
# "About 6,200 people passed through the Guildhall" and "6,900 people attended": coming through a venue's doors
_PASSED_THROUGH = re.compile(r"\b(?:passed|pass|passes|passing|came|come|comes|coming)\s+through\b", re.IGNORECASE)


def content_stems(text: str, skip: set[str] | frozenset[str] = frozenset(), lower_only: bool = False) -> frozenset[str]:
    """The stems of `text`'s content words, capitalised ones too ("Website visits" -> "websi", "visit"), or with
    `lower_only` only those written in lower case (the event words of a frame); words in `skip` left out."""
    if "part" in text or "Part" in text:  # a cheap test first: stems are read for every pair of frames
        text = _TOOK_PART.sub("participated", text)
    if "through" in text:
        text = _PASSED_THROUGH.sub("attended", text)
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(text) if not (lower_only and w[0].isupper())]
    words = [_POSSESSIVE.sub("", w) for w in words]  # "the club's 280 members": the club
    return frozenset(stem(w) for w in words if w not in skip and w not in STOPWORDS and len(w) > 2)


_POSSESSIVE = re.compile(r"'s?$")


def stem(word: str) -> str:
    """A crude stem good enough to meet inflections: remained/remaining/remain -> "remai", evacuated/evacuation
    -> "evacu" (the suffix cut, then at most five letters kept); words for one event meet (`_SAME_EVENT`)."""
    if word in _SAME_EVENT:
        return _SAME_EVENT[word]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:5]


WORD_RUN = re.compile(r"[A-Za-z][\w'\u2019-]*")  # a word as written, digits and hyphens kept ("B2", "co-op")


def one_event_before(claim_text: str, claim_at: int, passage_text: str, passage_at: int) -> bool:
    """Whether the three words right before two figures (at `claim_at` and `passage_at`) share an event word: "is due
    to reopen on October 31" and "will reopen on 7 November" (not "at their meeting on October 8" and "will meet
    board managers on 22 September")."""

    def before(text: str, end: int) -> frozenset[str]:
        return content_stems(" ".join(WORD_RUN.findall(text[max(0, end - 60) : end])[-3:]))

    return bool(before(claim_text, claim_at) & before(passage_text, passage_at))
