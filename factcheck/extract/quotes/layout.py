"""Where a quote's context ends: sentence, paragraph and line boundaries of one text, looked up by offset."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from factcheck.extract.quotes.lexicon import TITLES
from factcheck.extract.values import Sentence

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
MAX_AFTER_WINDOW_CHARS = 400  # an attribution after a quote is never further away than this


class Layout:
    """Sentence and paragraph boundaries of one text, for the context windows around quotes.

    Sentences come from `split_sentences` (syntok); a paragraph is text between blank lines.
    """

    def __init__(self, text: str, sentences: Sequence[Sentence]):
        self.text = text
        self.sentences = list(sentences)
        self._sentence_starts = [s.start for s in self.sentences]
        self._paragraph_starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]

    def sentence_index(self, position: int) -> int | None:
        index = bisect.bisect_right(self._sentence_starts, position) - 1
        return index if index >= 0 else None

    def sentence_start(self, position: int) -> int:
        """Start of the sentence holding `position`, or of its paragraph if that is later."""
        index = self.sentence_index(position)
        start = self.sentences[index].start if index is not None else 0
        return max(start, self.paragraph_start(position))

    def previous_sentence(self, position: int) -> Sentence | None:
        """The sentence before the one holding `position`, if it is in the same paragraph."""
        index = self.sentence_index(position)
        if index is None or index == 0:
            return None
        previous = self.sentences[index - 1]
        return previous if self.paragraph_start(previous.start) == self.paragraph_start(position) else None

    def paragraph_start(self, position: int) -> int:
        return self._paragraph_starts[bisect.bisect_right(self._paragraph_starts, position) - 1]

    def paragraph_end(self, position: int) -> int:
        index = bisect.bisect_right(self._paragraph_starts, position)
        if index < len(self._paragraph_starts):
            return self.text.rfind("\n", 0, self._paragraph_starts[index] - 1)
        return len(self.text)

    def after_window_end(self, close_end: int) -> int:
        """Where the words that may attribute a quote end: the end of the sentence holding the closing mark,
        or of the next sentence when the closing mark ends its own (`"...?" Vitter demanded.`); never past a
        line end."""
        paragraph_end = self.paragraph_end(close_end)
        line_end = self.text.find("\n", close_end)
        line_end = len(self.text) if line_end == -1 else line_end
        limit = min(paragraph_end, line_end, close_end + MAX_AFTER_WINDOW_CHARS)
        index = self.sentence_index(max(close_end - 1, 0))
        if index is None:
            return limit
        end = self.sentences[index].end
        if end <= close_end + 1 and index + 1 < len(self.sentences):
            index += 1
            end = self.sentences[index].end
        # A sentence splitter may stop after a title ("said Rep." | "Elijah Cummings"): read on.
        while index + 1 < len(self.sentences) and _ends_with_title(self.sentences[index].text):
            index += 1
            end = self.sentences[index].end
        return min(max(end, close_end), limit)


def _ends_with_title(sentence: str) -> bool:
    words = sentence.split()
    last = words[-1] if words else ""
    return last in TITLES or (len(last) == 2 and last[0].isupper() and last[1] == ".")
