"""Direct quotes and who said them: quotation marks, reporting cues, speaker phrases, transcript turns.

`find_quotes` is the pipeline (`finding.py`); the other modules are its steps: `marks.py` pairs quotation marks,
`filters.py` drops quoted words that are not speech, `reporting_cues.py` finds "said" and "according to",
`attribution.py`, `colon_attribution.py` and `phrases.py` read the speaker beside a cue, `resolution.py` resolves
pronouns across the document, `turns.py` reads transcript speaker labels, `roles.py` the roles an article gives a
speaker, `layout.py` the text's boundaries and `lexicon.py` the word lists. What the rest of factcheck uses is
exported here.
"""

from factcheck.extract.quotes.attribution import speaker_after_cue, speaker_before_cue
from factcheck.extract.quotes.finding import find_quotes
from factcheck.extract.quotes.lexicon import (
    FEMALE_FIRST_NAMES,
    MALE_FIRST_NAMES,
    ORGANISATION_WORDS,
    ROLE_ENDINGS,
    TITLES,
)
from factcheck.extract.quotes.reporting_cues import find_cues
from factcheck.extract.quotes.roles import ROLE_LABELS, roles_of
from factcheck.extract.quotes.turns import Turn, find_turns, speaker_at, turn_at

__all__ = [
    "FEMALE_FIRST_NAMES",
    "MALE_FIRST_NAMES",
    "ORGANISATION_WORDS",
    "ROLE_ENDINGS",
    "ROLE_LABELS",
    "TITLES",
    "Turn",
    "find_cues",
    "find_quotes",
    "find_turns",
    "roles_of",
    "speaker_after_cue",
    "speaker_at",
    "speaker_before_cue",
    "turn_at",
]
