"""Laying an article out in rows of a given width, still in logical order.

Layout decides, per block, the paragraph direction (once, from the first strong character)
and where rows break (measured on the shaped text, or on the text as it is for a terminal that
does its own bidi); it does not shape or reorder — that
happens per row, only for rows that are drawn (see ``tui.rtl.render``), so opening a long
article or re-wrapping on resize costs one pass over word widths.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rich.cells import cell_len

from store.sanitize import clean_text
from store.structure import HEADING, LIST, TABLE, Block, blocks
from tui.rtl.bidi import base_direction, mostly_rtl
from tui.rtl.shape import word_width

TITLE = "title"
"""Block kind of an article's title (the other kinds come from store.structure)."""

BULLET = "• "
TABLE_SEPARATOR = " │ "
MIN_TABLE_WIDTH = 16
"""Below this width a table is laid out as "key value" paragraphs."""

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Cell:
    """Logical text ``[start, end)`` of the document, aligned within ``width`` cells."""

    start: int
    end: int
    rtl: bool
    width: int
    role: str = "text"


@dataclass(frozen=True)
class Deco:
    """Decoration drawn around text: a bullet, an indent, a table rule or separator."""

    text: str
    role: str = "decoration"


@dataclass(frozen=True)
class Row:
    """One screen row: parts in reading order; a right-to-left row draws them right to left."""

    parts: tuple[Cell | Deco, ...] = ()
    rtl: bool = False

    @property
    def cells(self) -> list[Cell]:
        """The text cells of the row."""
        return [part for part in self.parts if isinstance(part, Cell)]


@dataclass
class Document:
    """Text to render and its blocks; ``text`` is cleaned of escapes and bidi controls."""

    text: str
    blocks: list[Block]
    rtl: bool = field(init=False)
    """Direction of paragraphs that have no strong character of their own."""

    def __post_init__(self) -> None:
        self.rtl = base_direction(self.text, default="L") == "R"

    @classmethod
    def from_text(cls, text: str) -> Document:
        """A document for a body text."""
        text = clean_text(text)
        return cls(text, blocks(text))

    @classmethod
    def from_article(cls, title: str, body: str) -> Document:
        """The title as a heading-like first block, then the body's blocks."""
        title = " ".join(clean_text(title).split())
        body = clean_text(body)
        if not title:
            return cls(body, blocks(body))
        offset = len(title) + 2
        shifted = [
            Block(block.kind, tuple(tuple((a + offset, b + offset) for a, b in part) for part in block.parts))
            for block in blocks(body)
        ]
        return cls(f"{title}\n\n{body}", [Block(TITLE, (((0, len(title)),),)), *shifted])


def measure(visual: bool) -> Callable[[str], int]:
    """The cells a text takes as drawn: shaped, marks dropped (``visual``: the app's own order)
    or as it is (logical order for a terminal that does bidi, where lam-alef is two cells)."""
    return word_width if visual else cell_len


def layout(document: Document, width: int, *, visual: bool = True) -> list[Row]:
    """All rows of ``document`` at ``width`` cells, blocks separated by one empty row
    (``visual``: measured as the app draws them; False: as a bidi terminal is handed them)."""
    width = max(width, 4)
    rows: list[Row] = []
    for block in document.blocks:
        if rows:
            rows.append(Row())
        if block.kind == LIST:
            rows.extend(_list_rows(document, block, width, visual))
        elif block.kind == TABLE:
            rows.extend(_table_rows(document, block, width, visual))
        else:
            role = block.kind if block.kind in (TITLE, HEADING) else "text"
            rows.extend(_paragraph_rows(document, block.parts[0][0], width, role, visual))
    return rows


def wrap(text: str, start: int, end: int, width: int, *, visual: bool = True) -> list[tuple[int, int]]:
    """Row spans of ``text[start:end]`` at ``width`` shaped cells (unshaped: ``visual=False``),
    broken at whitespace.

    A word wider than the row is cut between characters (never inside a lam-alef).
    """
    size_of = measure(visual)
    rows: list[tuple[int, int]] = []
    row_start = row_end = -1
    used = 0
    for match in _WORD.finditer(text, start, end):
        word_start, word_end = match.span()
        size = size_of(match.group())
        gap = word_start - row_end  # whitespace: one cell per character
        if row_start >= 0 and used + gap + size <= width:
            row_end, used = word_end, used + gap + size
            continue
        if row_start >= 0:
            rows.append((row_start, row_end))
        if size > width:
            pieces = _cut_word(text, word_start, word_end, width, size_of)
            rows.extend(pieces[:-1])
            (row_start, row_end), used = pieces[-1], size_of(text[slice(*pieces[-1])])
        else:
            row_start, row_end, used = word_start, word_end, size
    if row_start >= 0:
        rows.append((row_start, row_end))
    return rows


def _cut_word(text: str, start: int, end: int, width: int, size_of: Callable[[str], int]) -> list[tuple[int, int]]:
    """A word wider than ``width`` cut into pieces that fit.

    A mark or an alef after lam adds no cell, so a piece never ends just before one.
    """
    pieces = []
    piece_start = start
    for i in range(start + 1, end):
        if size_of(text[piece_start : i + 1]) > width:
            pieces.append((piece_start, i))
            piece_start = i
    pieces.append((piece_start, end))
    return pieces


def _direction(document: Document, start: int, end: int) -> bool:
    """True when the paragraph ``[start, end)`` is right-to-left: rules P2/P3, except that in a
    right-to-left document a paragraph mostly in right-to-left letters is right-to-left even if
    it opens with a Latin word ("Pixels فيلم …", a film's or a firm's name first: rule HL1, a
    higher-level protocol, lets the reader's context decide)."""
    default = "R" if document.rtl else "L"
    text = document.text[start:end]
    return base_direction(text, default) == "R" or (document.rtl and mostly_rtl(text))


def _paragraph_rows(document: Document, span: tuple[int, int], width: int, role: str, visual: bool) -> list[Row]:
    rtl = _direction(document, *span)
    return [Row((Cell(a, b, rtl, width, role),), rtl) for a, b in wrap(document.text, *span, width, visual=visual)]


def _list_rows(document: Document, block: Block, width: int, visual: bool) -> list[Row]:
    inner = max(width - cell_len(BULLET), 1)
    indent = " " * cell_len(BULLET)
    rows = []
    for ((start, end),) in block.parts:
        rtl = _direction(document, start, end)
        for number, (a, b) in enumerate(wrap(document.text, start, end, inner, visual=visual)):
            marker = Deco(BULLET, "bullet") if number == 0 else Deco(indent)
            rows.append(Row((marker, Cell(a, b, rtl, inner)), rtl))
    return rows


def _table_rows(document: Document, block: Block, width: int, visual: bool) -> list[Row]:
    text = document.text
    header_start, header_end = block.parts[0][0][0], block.parts[0][-1][1]
    rtl = _direction(document, header_start, header_end)
    widest_key = max(measure(visual)(text[a:b]) for (a, b), _ in block.parts)
    key_width = min(widest_key, (width - cell_len(TABLE_SEPARATOR)) // 3)
    value_width = width - key_width - cell_len(TABLE_SEPARATOR)
    if width < MIN_TABLE_WIDTH or key_width < 1:
        rows = []
        for (key_start, _), (_, value_end) in block.parts:
            rows.extend(_paragraph_rows(document, (key_start, value_end), width, "text", visual))
        return rows
    rows = []
    for number, ((k0, k1), (v0, v1)) in enumerate(block.parts):
        role = "header" if number == 0 else "text"
        keys = wrap(text, k0, k1, key_width, visual=visual)
        values = wrap(text, v0, v1, value_width, visual=visual)
        key_rtl, value_rtl = _direction(document, k0, k1), _direction(document, v0, v1)
        for line in range(max(len(keys), len(values))):
            key = keys[line] if line < len(keys) else (k1, k1)
            value = values[line] if line < len(values) else (v1, v1)
            parts = (
                Cell(*key, key_rtl, key_width, role),
                Deco(TABLE_SEPARATOR),
                Cell(*value, value_rtl, value_width, role),
            )
            rows.append(Row(parts, rtl))
        if number == 0:
            rule = "─" * key_width + "─┼─" + "─" * value_width
            rows.append(Row((Deco(rule),), rtl))
    return rows
