"""Who a statement's words belong to when its heading or its sign-off names the author, not a quote or a label.

A press statement, a set of remarks or a letter gives its author once and then speaks in the author's voice:

- a heading line names the author ("Statement by Zora Petkan, section leader", "Statement from the chair, Beatrix
  Holloway-Nye", "Statement by the Minister of Finance, Rafael Odum, on ...", "## Statement by Marguerite
  Lanskov", "Summary of sentencing remarks of Judge Miriam Osei"). A heading is a Markdown heading, or a line
  that does not end like a sentence and stands in the document's title block, closes on a colon, or opens on the
  statement itself ("Statement by the chair"); a line of prose that mentions a statement is none. Its statement runs
  from the line after it to the next such heading, the next Markdown heading of the same or a higher level, a
  closing line ("Notes for editors", "ENDS", "About ..."), or the end of the text.
- a heading names a role, not a person ("## From the chair's opening statement", "Statement by the chair"): the
  author is the one person the document names in that role ("chaired by Her Honour Honora Vesey", "Jonas Ekberg,
  chair of the council"); nobody when it names none or several.
- a sign-off line names the author after a dash ("— Ada Voss, mayor") and owns the words above it, back to the
  previous heading or sign-off.

Only a person is an author: the name opens with a title or a known first name, or a role or an age stands beside it
("Hamid Seyran, mediator for the talks", "the chair, Beatrix Holloway-Nye", "Emil Radanic, 34,"), and it does not
end like an organisation ("Statement from Bridgewell Aid Foundation" credits nobody). Pure functions over the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.extract.quotes import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, ORGANISATION_WORDS, ROLE_ENDINGS, TITLES

__all__ = ["Statement", "author_at", "document_author", "find_statements"]

MAX_HEADING_CHARS = 200
HEAD_LINES = 6  # a document's title block: organisation, document kind, author, date

_KIND = r"(?:remarks|statement|speech|address|testimony|letter|submission|evidence|interview)"
_INTRODUCED = re.compile(rf"\b{_KIND}\s+(?:of|by|from|with)\s+(?P<rest>.*)$", re.IGNORECASE)
_NAME = r"(?:[A-Z][\w'\u2019.-]*\s+){1,4}?[A-Z][\w'\u2019-]*"
_NAME_END = r"\s*(?:$|[,;:(\u2013\u2014-]|\s(?:on|about|regarding|following|after|to|at|in)\s)"
# "Summary of sentencing remarks of Judge Miriam Osei", "Statement by Jonas Aldane, mediator ...": the name first.
_NAME_FIRST = re.compile(rf"(?P<name>{_NAME})(?={_NAME_END})")
# "the chair, Beatrix Holloway-Nye", "the Minister of Finance, Rafael Odum, on ...": a role, then the name.
_ROLE_FIRST = re.compile(rf"the\s+[^,\n]{{1,60}},\s*(?P<name>{_NAME})(?={_NAME_END})")
# "Hamid Seyran, mediator for ...", "Zora Petkan, section leader", "Declan Murrow, chair, on behalf of ..."
_ROLE_AFTER = re.compile(r"\s*,\s*(?:the\s+)?([a-z]+(?:[ ][a-z]+)*)")
_ROLE_WORDS = frozenset({"chair", "head", "chief", "spokesperson", "envoy", "aide", "lawyer", "expert"})
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|me)\b")
_AGE_AFTER = re.compile(r"\s*,\s*\d{1,3}\s*,")  # "Emil Radanic, 34, one of the rescued miners"
# "## From the chair's opening statement, 27 October", "Statement by the chair": a role, not a name.
_ROLE_HEADING = re.compile(
    rf"(?i:\bthe\s+)(?P<role>[a-z]+(?:\s[a-z]+)?)['\u2019]s\s+(?:[a-z]+\s+)?(?i:{_KIND})\b"
    rf"|(?i:\b{_KIND}\s+(?:of|by|from)\s+the\s+)(?P<by>[a-z]+(?:\s[a-z]+)?)\s*$"
)
_HONOURS = frozenset({"Her", "His", "Honour", "Honor", "Excellency", "Lady", "Lord", "Dame", "Sir"})
_SIGN_OFF = re.compile(rf"^\s*(?:[\u2013\u2014]|--?)\s*(?P<name>{_NAME})\s*(?:,[^\n]{{1,80}})?\s*$")
_CLOSING = re.compile(r"^\s*(?:#+\s*)?(?:notes?\s+(?:for|to)\s+editors|-*\s*ends\s*-*|about\s+\w.*)\s*:?\s*$", re.I)
_OPENS_ON_KIND = re.compile(rf"\s*(?:\w+\s+)?{_KIND}\b", re.IGNORECASE)
_MARKDOWN = re.compile(r"^\s*(#{1,6})\s")
_SENTENCE_END = re.compile(r"[.!?\"\u201d\u2019]\s*$")


@dataclass(frozen=True, slots=True)
class Statement:
    """The words of one author: their span in the text and the author's name as the heading or sign-off gives
    it."""

    author: str
    start: int
    end: int


def author_at(text: str, position: int) -> str | None:
    """The author of the statement whose words contain `position`, or None."""
    statements = _statements(text)
    index = bisect.bisect_right([s.start for s in statements], position) - 1
    while index >= 0:
        if statements[index].start <= position < statements[index].end:
            return statements[index].author
        index -= 1
    return None


def document_author(text: str) -> str | None:
    """The author of the first statement a heading or sign-off in `text` names, or None."""
    statements = _statements(text)
    return statements[0].author if statements else None


@lru_cache(maxsize=64)
def _statements(text: str) -> tuple[Statement, ...]:
    return tuple(find_statements(text))


def find_statements(text: str) -> list[Statement]:
    """Every statement whose author a heading or a sign-off line names, in order (module docstring).

    Raises:
        TypeError: when `text` is not a str.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected the text as a str, found {type(text).__name__}")
    lines = _lines(text)
    statements: list[Statement] = []
    boundary = 0  # where the words a sign-off may own begin
    for number, (start, end, line) in enumerate(lines):
        heading = _is_heading(line, number)
        author = _heading_author(line) if heading else None
        if author is not None:
            statements.append(Statement(author, end, _section_end(lines, number, text)))
            boundary = end
            continue
        author = _heading_author(line, text=text) if heading else None
        if author is not None:  # "## From the chair's opening statement": the chair the document names
            statements.append(Statement(author, end, _section_end(lines, number, text)))
            boundary = end
            continue
        author = _heading_author(line, first_person=True) if heading else None
        if author is not None:  # a bare name ("## Statement by Marguerite Lanskov") over words that say "I"
            section_end = _section_end(lines, number, text)
            if _FIRST_PERSON.search(text, end, section_end):
                statements.append(Statement(author, end, section_end))
                boundary = end
                continue
        signed = _SIGN_OFF.match(line)
        if signed is not None and _names_a_person(signed.group("name"), line[signed.end("name") :]):
            statements.append(Statement(signed.group("name").strip(), boundary, start))
            boundary = end
        elif heading and (_MARKDOWN.match(line) or _CLOSING.match(line)):
            boundary = end
    return sorted(statements, key=lambda s: s.start)


def _lines(text: str) -> list[tuple[int, int, str]]:
    found, position = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        if stripped.strip():
            found.append((position, position + len(stripped), stripped))
        position += len(line)
    return found


def _is_heading(line: str, number: int = 0) -> bool:
    """A Markdown heading, or a short line that does not end like a sentence and stands where a heading stands:
    among the document's first `HEAD_LINES` lines, closing on a colon (words read out follow), or opening on the
    statement itself ("Statement by the chair", "Joint statement from ..."); not a line of prose that mentions one
    ("Read the full statement by Mayor Ada Voss")."""
    if _MARKDOWN.match(line):
        return True
    if len(line) > MAX_HEADING_CHARS or _SENTENCE_END.search(line):
        return False
    return number < HEAD_LINES or line.rstrip().endswith(":") or bool(_OPENS_ON_KIND.match(line))


def _heading_author(line: str, first_person: bool = False, text: str = "") -> str | None:
    """The person a heading line names as the author; with `first_person`, also a bare name of two or more words
    that could be an organisation's, for a statement whose words say "I"; with `text`, the person the document
    names in the role a heading gives ("From the chair's opening statement", "Statement by the chair")."""
    if text:
        role = _ROLE_HEADING.search(line)
        return person_in_role(text, role.group("role") or role.group("by")) if role else None
    introduced = _INTRODUCED.search(line.rstrip(" :"))
    if introduced is None:
        return None
    rest = introduced.group("rest")
    role_first = _ROLE_FIRST.match(rest)
    if role_first is not None and rest[:1].islower():
        name = role_first.group("name").strip()
        return name if len(name.split()) >= 2 and name.split()[-1] not in ORGANISATION_WORDS else None
    name_first = _NAME_FIRST.match(rest)
    if name_first is None:
        return None
    name = name_first.group("name").strip()
    if _names_a_person(name, rest[name_first.end("name") :]):
        return name if not first_person else None
    bare = len(name.split()) >= 2 and not set(name.split()) & ORGANISATION_WORDS
    return name if first_person and bare else None


@lru_cache(maxsize=64)  # asked for each passage of a document that gives a quote to a role
def person_in_role(text: str, role: str) -> str | None:
    """The one person `text` names in `role` ("chaired by Her Honour Honora Vesey", "Jonas Ekberg, chair of the
    council", "Chair Jonas Ekberg", "the Prisons Minister, Elaine Fairweather", "Mayor Ottoline Brackwater (in the
    chair)"), or None when it names nobody or several people."""
    role = re.escape(role.lower())
    name = r"(?:[A-Z][\w'\u2019.-]*[ ]){0,4}[A-Z][\w'\u2019-]*"  # as many capitalised words as are written
    mixed = r"(?:[A-Z][a-z][\w'\u2019.-]*[ ]){0,4}[A-Z][a-z][\w'\u2019-]*"
    patterns = (
        rf"(?i:\b{role}(?:ed|s)?\s+by)\s+(?P<name>{name})",
        # "Judge Helena Marsk (retired), chair": a bracketed aside may stand between the name and the role
        rf"(?P<name>{name})(?:\s+\([^)\n]{{1,30}}\))?,\s+(?:the\s+)?(?i:{role})\b",
        # a record's list of who was there: "Present: Mayor Ottoline Brackwater (in the chair)", "... (Chair)"
        rf"(?P<name>{name})\s+\((?i:(?:in\s+the\s+)?{role})\)",
        rf"(?i:\b{role})\s+(?P<name>{name})",
        # "The Minister for Social Security, Helen Pascoe, today announced": the role's office, then the name
        rf"(?i:\bthe\s+{role})\s+(?:for|of)\s+[^,\n]{{1,40}},\s+(?P<name>{name})",
        # "Statement from the Prisons Minister, Elaine Fairweather": the role, a comma, then a name written in mixed
        # case (not a transcript label's "[THE VERY REV ANSEL PRYDERI, DEAN OF TRESSWOLD]")
        rf"(?i:\b{role}),\s+(?P<name>{mixed})",
    )
    found = set()
    for pattern in patterns:
        for match in re.finditer(pattern, text):
            words = [w for w in match.group("name").split() if w not in TITLES and w not in _HONOURS]
            if len(words) >= 2 and words[-1] not in ORGANISATION_WORDS:
                found.add(" ".join(words[-2:]))
    return found.pop() if len(found) == 1 else None


def _section_end(lines: list[tuple[int, int, str]], number: int, text: str) -> int:
    """Where the statement under heading `lines[number]` ends (module docstring)."""
    own = _MARKDOWN.match(lines[number][2])
    level = len(own.group(1)) if own else 2  # a plain heading gives way to a top or second-level Markdown heading
    for later, (start, _, line) in enumerate(lines[number + 1 :], start=number + 1):
        markdown = _MARKDOWN.match(line)
        if markdown is not None and len(markdown.group(1)) <= level:
            return start
        if _CLOSING.match(line) or (_is_heading(line, later) and _heading_author(line) is not None):
            return start
    return len(text)


def _names_a_person(name: str, after: str) -> bool:
    """A name is a person's when a title or a known first name opens it or stands before its surname ("Health
    Minister Daniel Kovic"), or when a role or an age follows it ("Hamid Seyran, mediator for the talks"); never
    when it ends like an organisation ("Bridgewell Aid Foundation")."""
    words = name.split()
    if words[-1] in ORGANISATION_WORDS:
        return False
    if any(w in TITLES or w in MALE_FIRST_NAMES or w in FEMALE_FIRST_NAMES for w in words[:-1]):
        return True
    if len(words) < 2:
        return False
    if _AGE_AFTER.match(after):
        return True
    role = _ROLE_AFTER.match(after)
    if role is None:
        return False
    last = role.group(1).split()[-1]  # "section leader", "chair", "mediator for the talks"
    return role.group(1).split()[0].endswith(ROLE_ENDINGS) or last.endswith(ROLE_ENDINGS) or last in _ROLE_WORDS
