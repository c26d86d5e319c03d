"""Choosing the passage of an article that best shows why it matched."""

from __future__ import annotations

from dataclasses import dataclass

from store.matching import Span, merge_spans

SNIPPET_CHARS = 160
"""About how long a snippet is, in characters of original text."""


@dataclass(frozen=True)
class Snippet:
    """A one-line passage of original text and the hit spans inside it."""

    text: str
    highlights: list[Span]


def make_snippet(text: str, tagged: list[tuple[int, int, int]], size: int = SNIPPET_CHARS) -> Snippet:
    """The window of about ``size`` characters showing the most distinct query terms, then
    the most hits (earliest on ties). ``tagged`` holds (start, end, term number), sorted.

    The window is widened to whole words; newlines become spaces; cuts are marked with '…'.
    """
    spans = merge_spans([(s, e) for s, e, _ in tagged])
    if not spans:
        start, end = 0, min(len(text), size)
    else:
        best: tuple[int, int] = (-1, -1)
        best_range = (0, 0)
        j = 0
        for i, (first, _, _) in enumerate(tagged):
            j = max(j, i)
            while j + 1 < len(tagged) and tagged[j + 1][1] - first <= size:
                j += 1
            score = (len({t[2] for t in tagged[i : j + 1]}), j - i + 1)
            if score > best:
                best, best_range = score, (i, j)
        first = tagged[best_range[0]][0]
        last = tagged[best_range[1]][1]
        slack = max(0, size - (last - first))
        start = max(0, first - slack // 3)
        end = min(len(text), max(last, start + size))
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    chars: list[str] = [lead] if lead else []
    position: dict[int, int] = {}  # original offset -> offset in the snippet
    for offset in range(start, end):
        char = text[offset]
        if char.isspace():
            if not chars or chars[-1] == " " or chars[-1] == lead:
                position[offset] = len(chars)
                continue
            char = " "
        position[offset] = len(chars)
        chars.append(char)
    position[end] = len(chars)
    flat = "".join(chars).rstrip() + tail
    shown = [(position[s], position[e]) for s, e in spans if s >= start and e <= end]
    return Snippet(flat, shown)
