"""Drawing laid-out rows: drop marks, shape, reorder, mirror, align, carry highlights.

Each row is rendered on its own (rows are drawn lazily), in this order per text cell: drop
harakat, shape with letter ligatures only, run the bidi algorithm with the paragraph's
direction, then pad to the cell's width on the side the paragraph starts from. Highlights
are logical spans of the document; each visual character knows the logical characters it
came from, so a hit is painted wherever its letters end up after reordering.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from rich.cells import cell_len

from store.sanitize import clean_line
from tui.rtl.bidi import base_direction, reorder
from tui.rtl.layout import Cell, Deco, Document, Row, layout, measure
from tui.rtl.shape import drop_marks, shape

ELLIPSIS = "…"


class Piece(NamedTuple):
    """A run of drawn text with one role ("text", "title", "heading", "header", "bullet",
    "decoration", "pad") and whether it is a search hit."""

    text: str
    role: str
    hit: bool = False


class Highlights:
    """Logical ``[start, end)`` spans of a document, for "does this range touch a hit?"."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(s for s in spans if s[1] > s[0]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def __bool__(self) -> bool:
        return bool(self._starts)

    def touches(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a highlighted span."""
        i = bisect_right(self._starts, end - 1) - 1
        return i >= 0 and self._ends[i] > start


NO_HIGHLIGHTS = Highlights()


def visual_text(logical: str, rtl: bool) -> tuple[str, list[tuple[int, int]]]:
    """One row's visual string and, per visual character, the logical range it shows.

    Harakat and ZWJ are dropped; a lam-alef ligature shows two logical characters.
    """
    visible, kept = drop_marks(logical)
    shaped, sources = shape(visible)
    drawn, order = reorder(shaped, "R" if rtl else "L")
    starts = [kept[i] for i in sources]
    ranges = [(s, starts[j + 1] if j + 1 < len(starts) else len(logical)) for j, s in enumerate(starts)]
    return drawn, [ranges[j] for j in order]


def render_row(
    document: Document, row: Row, highlights: Highlights = NO_HIGHLIGHTS, *, visual: bool = True
) -> list[Piece]:
    """The pieces of one row, left to right as the screen shows them.

    ``visual=False`` gives the row in logical order (for terminals that do their own bidi):
    unshaped, marks kept, parts in reading order and no alignment padding.
    """
    parts = row.parts[::-1] if visual and row.rtl else row.parts
    pieces: list[Piece] = []
    for number, part in enumerate(parts):
        if isinstance(part, Deco):
            text = part.text[::-1] if visual and row.rtl else part.text
            pieces.append(Piece(text, part.role))
        elif visual:
            pieces.extend(_visual_cell(document.text, part, highlights))
        else:
            last = number == len(parts) - 1
            pieces.extend(_logical_cell(document.text, part, highlights, pad=not last))
    return pieces


def render(
    document: Document, width: int, spans: Iterable[tuple[int, int]] = (), *, visual: bool = True
) -> list[list[Piece]]:
    """Every row of ``document`` at ``width``, drawn."""
    highlights = Highlights(spans)
    return [render_row(document, row, highlights, visual=visual) for row in layout(document, width, visual=visual)]


def plain_rows(document: Document, width: int, *, logical: bool = False) -> list[str]:
    """The rows as plain strings (what ``show --width`` prints): trailing spaces removed."""
    return [
        "".join(piece.text for piece in pieces).rstrip()
        for pieces in render(document, width, visual=not logical)
    ]


def label(
    text: str,
    width: int,
    spans: Sequence[tuple[int, int]] = (),
    *,
    role: str = "text",
    visual: bool = True,
    default: str = "L",
    rtl: bool | None = None,
) -> list[Piece]:
    """A one-row rendering of ``text`` (a title or snippet), cut with "…" to fit ``width``.

    ``default``: the direction of a text without letters ("24%", "1967-10"), "R" among Arabic rows;
    ``rtl``: the row's direction when it is part of a longer text (the whole text's direction).
    """
    text = clean_line(text)
    size_of = measure(visual)
    if size_of(text) > width:
        text = _fit(text, max(width - 1, 0), size_of) + ELLIPSIS
    if rtl is None:
        rtl = base_direction(text, default) == "R"
    document = Document(text, [])
    row = Row((Cell(0, len(text), rtl, width, role),), rtl)
    return render_row(document, row, Highlights(spans), visual=visual)


def _fit(text: str, width: int, size_of: Callable[[str], int]) -> str:
    """The longest prefix of ``text`` that takes at most ``width`` cells as ``size_of`` measures."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if size_of(text[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip()


def _visual_cell(text: str, cell: Cell, highlights: Highlights) -> list[Piece]:
    logical = text[cell.start : cell.end].replace("\t", " ")
    drawn, ranges = visual_text(logical, cell.rtl)
    pad = " " * max(cell.width - cell_len(drawn), 0)
    pieces = [Piece(pad, "pad")] if cell.rtl and pad else []
    pieces.extend(_runs(drawn, [(cell.start + a, cell.start + b) for a, b in ranges], cell.role, highlights))
    if pad and not cell.rtl:
        pieces.append(Piece(pad, "pad"))
    return pieces


def _logical_cell(text: str, cell: Cell, highlights: Highlights, *, pad: bool) -> list[Piece]:
    logical = text[cell.start : cell.end].replace("\t", " ")
    ranges = [(cell.start + i, cell.start + i + 1) for i in range(len(logical))]
    pieces = _runs(logical, ranges, cell.role, highlights)
    if pad and cell.width > cell_len(logical):
        pieces.append(Piece(" " * (cell.width - cell_len(logical)), "pad"))
    return pieces


def _runs(chars: str, ranges: list[tuple[int, int]], role: str, highlights: Highlights) -> list[Piece]:
    """``chars`` split into runs of equal highlight state."""
    if not highlights:
        return [Piece(chars, role)] if chars else []
    pieces: list[Piece] = []
    run_start = 0
    state = False
    for i, (a, b) in enumerate(ranges):
        hit = highlights.touches(a, b)
        if i and hit != state:
            pieces.append(Piece(chars[run_start:i], role, state))
            run_start = i
        state = hit
    if chars:
        pieces.append(Piece(chars[run_start:], role, state))
    return pieces
