"""Finding units and currency signs in text around a figure, and settling ambiguous ones by context."""

from __future__ import annotations

import re

from factcheck.extract.figures.units import UNITS

_TABLE = tuple(UNITS.values())


# Symbols that only count written against the number ("45C", "5pc"): after a space they are usually a letter.
ATTACHED_ONLY = frozenset({"C", "F", "pc", "pp", "bp", "h", "t", "g", "l", "x", "rad", "p"})
# Currency words that are ordinary English words too; they count only after a scale word ("5 billion won").
_WEAK_CURRENCY_WORDS = frozenset({"won", "rand", "real"})
_MONEY_CONTEXT = re.compile(
    r"£|\b(?:cost\w*|paid|pay\w*|spen[dt]\w*|worth|pric\w*|fund\w*|budget\w*|salar\w*|wages?|fined?|bill"
    r"|debts?|tax\w*|raised?|donat\w*|invest\w*|loans?|revenue|profits?|sold|sell\w*|buy\w*|bought|earn\w*"
    r"|cash|money|sterling|compensation|grant\w*|owe[sd]?)\b",
    re.IGNORECASE,
)
# More words of money, enough for "pounds" not followed by "of" ("a reward of 250,000 pounds"); not for "pounds of",
# where a value beside a seized weight is common ("20 pounds of cocaine valued at ...").
_MORE_MONEY_CONTEXT = re.compile(
    r"\b(?:reward\w*|insur\w*|valu\w*|award\w*|fees?|fares?|tolls?|dividends?|deficits?|surplus\w*|income"
    r"|turnover|premiums?|payouts?|ransom|bonus\w*|penalt\w*|settle\w*)\b",
    re.IGNORECASE,
)
# Pence told after the pounds, as people say a price ("seven pounds eighty", "six pounds twenty-five."): money.
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_PENCE_AFTER = re.compile(
    rf"\s+(?:\d{{1,2}}|(?:{_TENS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|five|nine)(?=\s*(?:[.,;:!?)]|$|\s+(?:a|an|each|per|for)\b))",
    re.IGNORECASE,
)
# A spaced "h" is hours when minutes follow it ("2 h 40 min"), as a table writes a duration.
_HOURS_THEN_MINUTES = re.compile(r"\s+\d{1,2}\s?min(?:s|utes?)?\b")
# A one-letter symbol that ends a table cell ("| 58,400 t |", "| 6 h |"): in a cell nothing else can be written so.
_CELL_END = re.compile(r"[ \t]*\|")
_CELL_SYMBOLS = frozenset({"t", "h", "g", "l"})
_WEIGHT_CONTEXT = re.compile(r"\b(?:weigh\w*|heav\w*|light\w*|lost|lose|losing|gain\w*|obes\w*)\b", re.I)
_OF = re.compile(r"\s+of\b", re.IGNORECASE)
_TEMPERATURE_CONTEXT = re.compile(
    r"\b(?:temperatures?|degrees?|heat\w*|hot\w*|cold\w*|warm\w*|cool\w*|freez\w*|highs?|lows?|weather"
    r"|thermometer|fever|climate|celsius|fahrenheit|°"
    # what is fired or heated to a temperature: "the new kiln will fire to 1,280C"
    r"|kilns?|ovens?|furnaces?|smelt\w*|melt\w*|boil\w*)",
    re.IGNORECASE,
)
_MINUS_BEFORE = re.compile(r"\bminus\s+$", re.IGNORECASE)
_OTHER_SCALE_AFTER = re.compile(r"\s*\(\s*(?:minus\s+|-|\u2212)?\d{1,3}(?:,\d{3})*(?:\.\d+)?\s?[CF]\)")  # "(2,372F)"
_OTHER_SCALE_BEFORE = re.compile(r"\d\s?[CF]\s*\(\s*(?:minus\s+|-|\u2212)?$")
_SCALE_THEN_FIGURE = re.compile(r"\d\s?[CF]\s*\(\s*(?:minus\s+|-|\u2212)?\d[\d,.]*\s*$")  # "6 C (21| F)"
_ANGLE_CONTEXT = re.compile(
    r"\b(?:angle|rotat\w*|turn\w*|tilt\w*|slope|inclin\w*|bearing|latitude|longitude|arc|pivot\w*|spin\w*)\b",
    re.IGNORECASE,
)
_COMPARATIVE = re.compile(
    r"[ \t\u00a0]+(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|faster|slower|as|the|that"
    r"|likely|worse|better|cheaper|richer|poorer|over)\b",
    re.IGNORECASE,
)

_BY_WORD = {word.lower(): unit.code for unit in _TABLE for word in unit.words}
_BY_SYMBOL = {symbol: unit.code for unit in _TABLE for symbol in unit.symbols}


def _alternation(forms, *, words: bool) -> str:
    parts = []
    for form in sorted(forms, key=len, reverse=True):
        pattern = re.escape(form).replace(r"\ ", r"[\s-]+" if words else r"\s+")  # "a 290-nautical-mile passage"
        # A form ending in a letter or digit must not run into the next word ("km" does not start "kmart").
        if form[-1].isalnum():
            pattern += r"(?![\w²³/])" if not words else r"(?![\w])"
        parts.append(pattern)
    return "|".join(parts)


_WORD_RE = re.compile(_alternation(_BY_WORD, words=True), re.IGNORECASE)
_SYMBOL_RE = re.compile(_alternation(_BY_SYMBOL, words=False))

_CURRENCY_PREFIXES = {
    **dict.fromkeys(["US$", "U.S.$", "$", "USD"], "USD"),
    **dict.fromkeys(["A$", "AU$", "AUD"], "AUD"),
    **dict.fromkeys(["C$", "CA$", "CAD"], "CAD"),
    **dict.fromkeys(["₹", "Rs.", "Rs", "INR"], "INR"),
    **dict.fromkeys(["₦", "N", "NGN"], "NGN"),
    **dict.fromkeys(["€", "EUR"], "EUR"),
    **dict.fromkeys(["£", "GBP"], "GBP"),
    **dict.fromkeys(["¥", "JPY"], "JPY"),
    **dict.fromkeys(["RMB", "CNY"], "CNY"),
    **dict.fromkeys(["₪", "NIS"], "ILS"),
    **dict.fromkeys(["Ksh", "KSh"], "KES"),
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "R$": "BRL",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "₱": "PHP",
    "₴": "UAH",
    "CHF": "CHF",
    "ZAR": "ZAR",
    **dict.fromkeys(["P", "PHP"], "PHP"),
    **dict.fromkeys(["usd", "Usd"], "USD"),
    "rmb": "CNY",
    "eur": "EUR",
    **{
        symbol: code
        for symbol, code in (
            ("₿", "BTC"),
            ("₫", "VND"),
            ("฿", "THB"),
            ("₵", "GHS"),
            ("৳", "BDT"),
            ("₸", "KZT"),
            ("₡", "CRC"),
            ("₾", "GEL"),
            ("₭", "LAK"),
            ("₲", "PYG"),
            ("₮", "MNT"),
            ("₼", "AZN"),
        )
    },
}
# Symbols need no boundary before them; codes and "Rs" must not be the tail of a longer word.
_PREFIX_RE = re.compile(
    "(?:"
    + "|".join(
        (re.escape(p) if not p[0].isalpha() else r"(?<![\w.])" + re.escape(p))
        for p in sorted(_CURRENCY_PREFIXES, key=len, reverse=True)
    )
    + r")[ \u00a0]?$"
)
# A sign may follow the number too ("15€", "100 ₡"): every one-character sign of the prefix table.
_SUFFIX_SYMBOLS = {sign: code for sign, code in _CURRENCY_PREFIXES.items() if len(sign) == 1 and not sign.isalpha()}


# "second" opening a compound adjective ("second-hand", "second-rate", "second-class"), not the unit.
_SECOND_COMPOUND = re.compile(r"-(?:hand|rate|class|guess|best|largest|biggest|highest|lowest|tier|string|half)\b")


def match_unit(text: str, pos: int, *, attached: bool) -> tuple[str, int] | None:
    """The unit written at `text[pos:]` as `(code, end)`, or None.

    `attached` says whether the unit touches the number ("45C") rather than follows a space ("45 C"); some
    one-letter symbols only count attached. The longest matching surface form wins.
    """
    best: tuple[str, int] | None = None
    word = _WORD_RE.match(text, pos)
    if word and word.group().lower() == "second" and _SECOND_COMPOUND.match(text, word.end()):
        word = None  # "two second-hand tanks", "a second-class stamp": an adjective, not a unit
    if word:
        best = (_BY_WORD[" ".join(word.group().lower().replace("-", " ").split())], word.end())
    symbol = _SYMBOL_RE.match(text, pos)
    if symbol and (best is None or symbol.end() > best[1]):
        form = symbol.group()
        if (
            attached
            or " ".join(form.split()) not in ATTACHED_ONLY
            or _HOURS_THEN_MINUTES.match(text, symbol.end())
            or (form in _CELL_SYMBOLS and _CELL_END.match(text, symbol.end()))
            or (form in ("C", "F") and _spaced_temperature(text, pos, symbol.end()))
        ):
            best = (_BY_SYMBOL[_normalise_symbol(form)], symbol.end())
    if best is None and text[pos : pos + 1] in _SUFFIX_SYMBOLS and not text[pos + 1 : pos + 2].isalnum():
        best = (_SUFFIX_SYMBOLS[text[pos]], pos + 1)  # "15€", "10 €" (but "5 $10" is a new figure)
    return best


def _spaced_temperature(text: str, start: int, end: int) -> bool:
    """A "C" or "F" set apart from its figure that is still a temperature: told with its other scale ("31 C (88 F)")
    or after a word of weather ("temperatures reached 31 C"), as some wire styles write it."""
    return bool(
        _OTHER_SCALE_AFTER.match(text, end)
        or _SCALE_THEN_FIGURE.search(text, max(0, start - 30), start)
        or _TEMPERATURE_CONTEXT.search(text, max(0, start - 120), start)
    )


# A drink served by the cup: "2,400 cups of tea", "900 cups of coffee" count servings, not a volume measured.
_SERVED = re.compile(r"\s+of\s+(?:tea|coffee|hot\s+chocolate|cocoa|soup)\b", re.IGNORECASE)


def unit_in_context(
    text: str, code: str, start: int, end: int, *, scale: float = 1.0, figure_start: int | None = None
) -> str | None:
    """The unit `text[start:end]` (read by `match_unit` as `code`) names where it stands; None if no unit.

    "pounds" are sterling near money words or after a scale word ("3 million pounds"), else weight ("pounds of
    drugs"; "pounds of" is money only beside a money word: "3.4 million pounds of the utility's money");
    "45C" is a temperature only near temperature words ("13F filing" is a name); "won" and "rand" are
    money only after a scale word; "times" is a ratio only before a comparison ("three times higher", not
    "visited three times"); "degrees" are an angle near words of turning ("rotate 90 degrees"). `scale` is the
    figure's scale word; `figure_start` where the figure starts.
    """
    written = text[start:end]
    figure_start = start if figure_start is None else figure_start
    if written.lower() in _WEAK_CURRENCY_WORDS and scale < 1e6:
        return None
    if code == "times":
        return code if _COMPARATIVE.match(text, end) else None
    if code == "cup" and _SERVED.match(text, end):
        return None  # "served 2,400 cups of tea": cups counted, as a table counts them ("| Cups of tea served |")
    if written in ("C", "F"):
        if (
            _MINUS_BEFORE.search(text, max(0, figure_start - 8), figure_start)
            or _OTHER_SCALE_AFTER.match(text, end)
            or _OTHER_SCALE_BEFORE.search(text, max(0, figure_start - 16), figure_start)
        ):
            return code  # "minus 5C", "28C (82.4F)": a temperature told with no word of weather
        return code if _TEMPERATURE_CONTEXT.search(text, max(0, start - 120), end + 80) else None
    if code == "degree" and _ANGLE_CONTEXT.search(text, max(0, figure_start - 40), end + 20):
        return "arc_degree"  # "rotate 90 degrees", "a 180-degree turn"
    if code == "lb" and written.lower().startswith("pound"):
        window = text[max(0, figure_start - 50) : end + 30]
        weight, money = _WEIGHT_CONTEXT.search(window), _MONEY_CONTEXT.search(window)
        if _OF.match(text, end):
            # "pounds of cocaine" is a weight; "3.4 million pounds of the utility's money" is money
            return "GBP" if money and not weight else code
        if scale >= 1e6 or (not weight and (money or _MORE_MONEY_CONTEXT.search(window))):
            return "GBP"
        if not weight and _PENCE_AFTER.match(text, end):
            return "GBP"
    return code


def _normalise_symbol(form: str) -> str:
    return form if form in _BY_SYMBOL else " ".join(form.split())


def match_currency_prefix(text: str, end: int) -> tuple[str, int] | None:
    """The currency sign or code just before `text[end]` ("$", "US$", "£", "Rs ") as `(code, start)`."""
    found = _PREFIX_RE.search(text, max(0, end - 6), end)
    if not found:
        return None
    return _CURRENCY_PREFIXES[found.group().rstrip(" \u00a0")], found.start()
