"""Word tokens of a quote and its source, where the quote's words line up with the source's, and what changed.

Normalisation (the only differences treated as layout, not wording):

- Quote marks and apostrophes: curly, low-9, prime and guillemet marks count as the straight `'` / `"`.
- Dashes: em, en, figure and horizontal-bar dashes count as `-`.
- Ellipsis: the character `…` counts as `...`.
- Unicode: each word and each run of punctuation is NFKC-normalised (ligatures, full-width letters, no-break
  spaces); words are compared case-folded, so "The" = "the".
- Whitespace: words are compared as tokens, so spacing and line breaks never matter.
- `%` is the word "percent".

Words are runs of letters and digits, with an inner apostrophe or hyphen ("it's", "12-month") and digit groups
("12,000", "1.5"). Everything between two words is that pair's *gap*: its punctuation, compared apart from the
words, with whitespace and quotation marks removed (quotation marks are where a quote starts, not its wording).

Offsets: the translation above maps one character to one, so every token keeps its offsets into the text as given.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from factcheck.corroborate.signals import DiffOp

_TRANSLATION = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": "'",
        "\u203a": "'",
        "\u2014": "-",
        "\u2013": "-",
        "\u2012": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_TOKEN = re.compile(r"\w+(?:(?:['\-]|(?<=\d)[.,:](?=\d))\w+)*|%")
_GAP_DROP = re.compile(r"[\s\"']+")
REGION_BREAK = "\x00"  # the norm of the token between two separately tokenised regions
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million "
    "billion trillion half third thirds quarter quarters dozen dozens double twice percent first second".split()
)
_NEGATIONS = frozenset(
    {"not", "no", "never", "cannot", "nobody", "nothing", "none", "nor", "neither", "nowhere", "without"}
)
ELLIPSIS = re.compile(r"\.\s*\.\s*\.|\u2026")


@dataclass(frozen=True, slots=True)
class Token:
    """One word: its comparison form and where it is in the text as given."""

    norm: str
    start: int
    end: int
    surface: str = ""  # the word as written


def tokenize(text: str) -> list[Token]:
    """The words of `text` (see the module docstring) with offsets into `text`."""
    translated = text.translate(_TRANSLATION)
    tokens = []
    for match in _TOKEN.finditer(translated):
        surface = match.group()
        if surface == "%":
            norm = "percent"
        elif surface.isascii():
            norm = surface.lower()
        else:
            norm = unicodedata.normalize("NFKC", surface).casefold()
        tokens.append(Token(norm, match.start(), match.end(), text[match.start() : match.end()]))
    return tokens


def tokenize_regions(text: str, regions: list[tuple[int, int]]) -> list[Token]:
    """The words of the given [start, end) regions of `text` (offsets into `text`), with a token that matches no
    word between regions so that no run of words crosses from one region into the next."""
    tokens: list[Token] = []
    for start, end in regions:
        if tokens:
            tokens.append(Token(REGION_BREAK, start, start))
        tokens.extend(Token(t.norm, t.start + start, t.end + start, t.surface) for t in tokenize(text[start:end]))
    return tokens


def candidate_regions(needles: list[str], text: str, margin: int, min_score: float) -> list[tuple[int, int]]:
    """Merged regions of `text` (each `margin` characters either side of where a needle fits best, by
    rapidfuzz's partial ratio) worth tokenising; a long document is then never tokenised whole."""
    haystack = text.translate(_TRANSLATION)
    lowered = haystack.lower()
    haystack = lowered if len(lowered) == len(haystack) else haystack
    spans = []
    for needle in needles:
        if not needle:
            continue
        found = fuzz.partial_ratio_alignment(needle, haystack, score_cutoff=min_score)
        if found is not None:
            spans.append((max(0, found.dest_start - margin), min(len(text), found.dest_end + margin)))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def gap_punctuation(text: str, start: int, end: int) -> str:
    """The punctuation between two words, normalised: dashes as `-`, `…` as `...`, no spaces or quote marks."""
    gap = unicodedata.normalize("NFKC", text[start:end].translate(_TRANSLATION))
    return _GAP_DROP.sub("", gap)


def index_words(tokens: list[Token]) -> dict[str, list[int]]:
    """Positions of each word form, for finding a quote's words in a long source without scanning it."""
    positions: dict[str, list[int]] = defaultdict(list)
    for position, token in enumerate(tokens):
        positions[token.norm].append(position)
    return positions


def find_runs(words: list[str], source: list[Token], index: dict[str, list[int]]) -> list[int]:
    """Every position where `words` occur contiguously in `source`."""
    if not words:
        return []
    length = len(words)
    return [
        position
        for position in index.get(words[0], ())
        if position + length <= len(source) and all(source[position + k].norm == words[k] for k in range(1, length))
    ]


def find_run(words: list[str], source: list[Token], index: dict[str, list[int]], not_before: int = 0) -> int | None:
    """The first position at or after `not_before` where `words` occur contiguously in `source`, or None."""
    if not words:
        return None
    length = len(words)
    for position in index.get(words[0], ()):
        if position < not_before:
            continue
        if position + length <= len(source) and all(source[position + k].norm == words[k] for k in range(1, length)):
            return position
    return None


def longest_run_at(
    words: list[str], start: int, source: list[Token], index: dict[str, list[int]], not_before: int
) -> tuple[int, int]:
    """The longest prefix of `words[start:]` found contiguously in `source`: (length, source position).
    Among equally long occurrences the first at or after `not_before` wins, so pieces keep their order when
    they can."""
    best_length, best_position = 0, -1
    for position in index.get(words[start], ()):
        length = 0
        while (
            start + length < len(words)
            and position + length < len(source)
            and source[position + length].norm == words[start + length]
        ):
            length += 1
        better_place = best_position < not_before <= position
        if length > best_length or (length == best_length and better_place):
            best_length, best_position = length, position
    return best_length, best_position


def best_window(words: list[str], source: list[Token], index: dict[str, list[int]]) -> tuple[int, int] | None:
    """The source words [start, end) that line up best with `words`, allowing changed, added and dropped words.

    Candidate places come from diagonal votes (each shared word votes for where the quote would start); the few
    best are refined with a semi-global word alignment (free source words before and after). None when the
    quote and the source share no word.
    """
    votes: dict[int, int] = defaultdict(int)
    for offset, word in enumerate(words):
        for position in index.get(word, ()):
            votes[position - offset] += 1
    if not votes:
        return None
    smoothed = {d: votes[d] + (votes.get(d - 1, 0) + votes.get(d + 1, 0)) / 2 for d in votes}
    candidates = sorted(smoothed, key=lambda d: (-smoothed[d], d))[:3]
    slack = max(3, len(words) // 2)
    best: tuple[int, int, int] | None = None  # cost, start, end
    for diagonal in candidates:
        low = max(0, diagonal - slack)
        high = min(len(source), diagonal + len(words) + slack)
        cost, start, end = _semi_global(words, [t.norm for t in source[low:high]])
        if best is None or cost < best[0]:
            best = (cost, low + start, low + end)
    return (best[1], best[2]) if best and best[2] > best[1] else None


def _semi_global(words: list[str], window: list[str]) -> tuple[int, int, int]:
    """Edit distance of `words` against the best stretch of `window` (leading and trailing window words free):
    (cost, start, end) of that stretch. On equal costs a substitution is preferred to a dropped quote word, and that
    to an added source word. (The inner loop is written for speed: it runs for every candidate window of every
    quote not found verbatim.)"""
    previous = [0] * (len(window) + 1)
    starts = list(range(len(window) + 1))
    for row, word in enumerate(words, start=1):
        current = [row]
        current_starts = [0]
        left, left_start = row, 0
        for source_word, diagonal, diagonal_start, above, above_start in zip(
            window,
            previous,
            starts,
            previous[1:],
            starts[1:],
            strict=False,  # the row is one column longer
        ):
            substitute = diagonal if source_word == word else diagonal + 1
            drop = above + 1  # a quote word missing from the source
            add = left + 1  # a source word missing from the quote
            if substitute <= drop and substitute <= add:
                left, left_start = substitute, diagonal_start
            elif drop <= add:
                left, left_start = drop, above_start
            else:
                left = add
            current.append(left)
            current_starts.append(left_start)
        previous, starts = current, current_starts
    end = min(range(len(window) + 1), key=lambda column: (previous[column], -column))
    return previous[end], starts[end], end


def change_blocks(diff: tuple[DiffOp, ...]) -> list[tuple[str, str, str]]:
    """Runs of non-equal steps merged, with the quote word before each as context: (context, quote, source)."""
    blocks: list[tuple[str, str, str]] = []
    claim_side: list[str] = []
    source_side: list[str] = []
    context, open_block = "", False
    for op in diff:
        if op.op == "equal":
            if open_block:
                blocks.append((context, " ".join(claim_side), " ".join(source_side)))
                claim_side, source_side, open_block = [], [], False
            context = op.claim_words.split()[-1] if op.claim_words else ""
            continue
        open_block = True
        if op.claim_words:
            claim_side.append(op.claim_words)
        if op.source_words:
            source_side.append(op.source_words)
    if open_block:
        blocks.append((context, " ".join(claim_side), " ".join(source_side)))
    return blocks


def _words(text: str) -> list[str]:
    return [t.norm for t in tokenize(text)]


OMISSION_WORDS = 4  # a run this long on one side only is a part of the quote the source lacks, not a change


def _omission(claim_side: str, source_side: str) -> bool:
    """One side empty and the other a run of words: the source has only part of the quote (read elsewhere)."""
    return not (claim_side and source_side) and len(_words(claim_side or source_side)) >= OMISSION_WORDS


SWAP_WORDS = 3  # a substitution of at most this many words on each side is a changed word, not a rewrite
_FUNCTION_WORDS = frozenset(
    """a an the and or but of to in on at by for with from as that this these those it its is are was were be been
    will would shall should can could may might must do does did has have had i we you he she they me us him her
    them my our your his their so very just really also too then there here""".split()
)


def word_swapped(block: tuple[str, str, str]) -> bool:
    """A content word replaced by another ("accepts" -> "respects", "month" -> "week"): the meaning changed."""
    _, claim_side, source_side = block
    claim_words, source_words = _words(claim_side), _words(source_side)
    if not claim_words or not source_words or max(len(claim_words), len(source_words)) > SWAP_WORDS:
        return False
    return any(w not in _FUNCTION_WORDS for w in claim_words + source_words)


def has_number(block: tuple[str, str, str]) -> bool:
    _, claim_side, source_side = block
    if _omission(claim_side, source_side):
        return False
    return any(w[0].isdigit() or w in _NUMBER_WORDS for w in _words(claim_side) + _words(source_side))


def _negations(text: str) -> int:
    return sum(1 for w in _words(text) if w in _NEGATIONS or w.endswith("n't"))


def negation_changed(block: tuple[str, str, str]) -> bool:
    _, claim_side, source_side = block
    if _omission(claim_side, source_side):
        return False
    return _negations(claim_side) != _negations(source_side)


# Words that say how sure or how close a statement is: "will" and "could", "at" and "close to" breaking point.
_CERTAINTY_WORDS = frozenset(
    """will would shall should can could may might must won't wouldn't can't couldn't almost nearly close
    probably possibly perhaps maybe likely unlikely certainly definitely""".split()
)


def certainty_changed(block: tuple[str, str, str]) -> bool:
    """A modal or a hedge replaced, added or dropped ("will" -> "could", "at" -> "close to"): the quote makes the
    speaker surer, or less sure, than they were."""
    _, claim_side, source_side = block
    if _omission(claim_side, source_side):
        return False
    claim_words, source_words = _words(claim_side), _words(source_side)
    if max(len(claim_words), len(source_words)) > SWAP_WORDS:
        return False
    certainty = [sorted(w for w in side if w in _CERTAINTY_WORDS) for side in (claim_words, source_words)]
    return certainty[0] != certainty[1]


def describe_change(block: tuple[str, str, str]) -> str:
    """ "two -> three"; a word only added or dropped is shown with the quote word before it ("is -> is not")."""
    context, claim_side, source_side = block
    if claim_side and source_side:
        return f"{claim_side} -> {source_side}"
    return f"{' '.join(filter(None, [context, claim_side]))} -> {' '.join(filter(None, [context, source_side]))}"


_PUNCTUATION_NAMES = {
    ",": "a comma",
    ".": "a full stop",
    ";": "a semicolon",
    ":": "a colon",
    "!": "an exclamation mark",
    "?": "a question mark",
    "-": "a dash",
    "...": "an ellipsis",
}


def punctuation_name(mark: str) -> str:
    """ "," -> "a comma"; "" -> "no punctuation"."""
    if not mark:
        return "no punctuation"
    return _PUNCTUATION_NAMES.get(mark, f"\u201c{mark}\u201d")


def span_text(text: str, tokens: list[Token]) -> str:
    return text[tokens[0].start : tokens[-1].end] if tokens else ""


def pieces_diff(
    claim_pieces: list[list[Token]], found: list[tuple[int, int]], source_text: str, source: list[Token]
) -> tuple[DiffOp, ...]:
    """Equal pieces, with the source words the quote skips between consecutive in-order pieces as inserts."""
    ops: list[DiffOp] = []
    for k, (piece, (start, end)) in enumerate(zip(claim_pieces, found, strict=True)):
        if k > 0 and start > found[k - 1][1]:
            ops.append(DiffOp("insert", "", span_text(source_text, source[found[k - 1][1] : start])))
        ops.append(DiffOp("equal", " ".join(t.surface for t in piece), span_text(source_text, source[start:end])))
    return tuple(ops)


def altered_reason(
    blocks: list, numbers: tuple[str, ...], negations: tuple[str, ...], where: str, certainty: tuple[str, ...] = ()
) -> str:
    if certainty and not (numbers or negations):
        claim_side, source_side = certainty[0].split(" -> ", 1)
        return f"The quote changes how sure the words are: the {where} says '{source_side}', not '{claim_side}'."
    if numbers or negations:
        claim_side, source_side = (numbers or negations)[0].split(" -> ", 1)
        kind = "a number" if numbers else "a negation"
        return f"The quote changes {kind}: the {where} says '{source_side}', not '{claim_side}'."
    context, claim_side, source_side = blocks[0] if blocks else ("", "", "")
    if claim_side and source_side:
        return f"The quote changes the wording: the {where} says '{source_side}', not '{claim_side}'."
    if claim_side:
        return f"The quote adds '{claim_side}', which is not in the {where}."
    return f"The quote leaves out '{source_side}' from the {where} without an ellipsis."
