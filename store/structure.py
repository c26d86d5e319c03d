"""The visible structure of an article body: headings, paragraphs, bullet lists, two-column tables.

Plain-text news bodies carry structure only by layout: a short line standing alone between blank
lines is a section heading, lines starting with a bullet are a list, and a blank-line-separated
block whose first line is two words ("العنصر الوصف") over rows "key rest-of-line" is a flattened
two-column table. Every block keeps character offsets into the original text, so callers can
highlight or extract without re-finding anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Span = tuple[int, int]
"""A [start, end) character range in the body text."""

HEADING, PARAGRAPH, LIST, TABLE = "heading", "paragraph", "list", "table"

_BULLET = re.compile(r"[ \t]*(?:[•·▪◦●‣∙\-*–]|\d{1,2}[.)]|[٠-٩]{1,2}[.)\-])[ \t]+(?=\S)")
_WORD = re.compile(r"\S+")
_TABLE_ROW_END = re.compile(r"[.!?؟:]\s*$")
_SENTENCE_END = re.compile(r"[.!?؟:،,;؛…]\s*$")

MAX_HEADING_WORDS = 14
"""A standalone line longer than this is a paragraph, not a heading."""
MAX_TABLE_ROW_WORDS = 20
"""A flattened table row longer than this is prose."""


@dataclass(frozen=True)
class Block:
    """One block of the body.

    ``parts`` holds spans: a heading or paragraph has one part ``(span,)``; a list has one
    part per item ``(item,)`` (the text after the bullet); a table has one part per row
    ``(key, value)``, the first row being the header.
    """

    kind: str
    parts: tuple[tuple[Span, ...], ...]

    def texts(self, text: str) -> list[list[str]]:
        """The parts as strings of ``text``."""
        return [[text[a:b] for a, b in part] for part in self.parts]


def blocks(text: str) -> list[Block]:
    """The blocks of ``text`` in reading order."""
    lines = _lines(text)
    found: list[Block] = []
    i = 0
    while i < len(lines):
        span, alone = lines[i]
        if _BULLET.match(text, span[0], span[1]):
            items = []
            while i < len(lines) and (bullet := _BULLET.match(text, lines[i][0][0], lines[i][0][1])):
                items.append(((bullet.end(), lines[i][0][1]),))
                i += 1
            found.append(Block(LIST, tuple(items)))
            continue
        rows = _table_rows(text, [line for line, _ in lines[i:]])
        if rows:
            found.append(Block(TABLE, tuple(rows)))
            i += len(rows)
            continue
        kind = HEADING if alone and i < len(lines) - 1 and _is_heading(text, span) else PARAGRAPH
        found.append(Block(kind, ((span,),)))
        i += 1
    return found


def table_rows(text: str) -> list[list[tuple[str, str]]]:
    """Every table of ``text`` as (key, value) rows, header first."""
    return [[(row[0], row[1]) for row in block.texts(text)] for block in blocks(text) if block.kind == TABLE]


def list_items(text: str) -> list[list[str]]:
    """Every bullet list of ``text`` as its item strings."""
    return [[item[0] for item in block.texts(text)] for block in blocks(text) if block.kind == LIST]


def _lines(text: str) -> list[tuple[Span, bool]]:
    """Non-blank lines as stripped spans, each with whether blank lines surround it."""
    found: list[tuple[Span, bool]] = []
    run_start = 0
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        span = _strip(text, start, end)
        if span is None:
            run_start = len(found)
        else:
            found.append((span, len(found) == run_start))
            if len(found) - run_start == 2:
                found[-2] = (found[-2][0], False)
        start = end + 1
    return found


def _strip(text: str, start: int, end: int) -> Span | None:
    """``(start, end)`` without surrounding whitespace, or None when only whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _words(text: str, span: Span) -> list[Span]:
    return [m.span() for m in _WORD.finditer(text, span[0], span[1])]


def _is_heading(text: str, span: Span) -> bool:
    line = text[span[0] : span[1]]
    return (
        len(_words(text, span)) <= MAX_HEADING_WORDS
        and not _SENTENCE_END.search(line)
        and not _BULLET.match(line)
    )


def _table_rows(text: str, lines: list[Span]) -> list[tuple[Span, Span]]:
    """The flattened table starting at ``lines[0]`` as (key, value) rows, or [] if none starts there."""
    rows: list[tuple[Span, Span]] = []
    for span in lines:
        line = text[span[0] : span[1]]
        words = _words(text, span)
        if (
            len(words) < 2
            or len(words) > MAX_TABLE_ROW_WORDS
            or (not rows and len(words) != 2)
            or _BULLET.match(line)
            or _TABLE_ROW_END.search(line)
        ):
            break
        rows.append(((words[0][0], words[0][1]), (words[1][0], span[1])))
    return rows if len(rows) >= 3 else []
