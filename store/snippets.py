"""Choosing the passage of an article that best shows why it matched."""

from __future__ import annotations

from dataclasses import dataclass

from store.matching import Span

SNIPPET_CHARS = 220
"""About how long a snippet is, in characters of original text."""


@dataclass(frozen=True)
class Snippet:
    """A one-line passage of original text and the hit spans inside it."""

    text: str
    highlights: list[Span]


def make_snippet(text: str, spans: list[Span], size: int = SNIPPET_CHARS) -> Snippet:
    """The window of about ``size`` characters holding the most hits (earliest on ties).

    The window is widened to whole words; newlines become spaces; cuts are marked with '…'.
    """
    if not spans:
        start, end = 0, min(len(text), size)
    else:
        best, best_start = -1, 0
        j = 0
        for i, (first, _) in enumerate(spans):
            j = max(j, i)
            while j + 1 < len(spans) and spans[j + 1][1] - first <= size:
                j += 1
            if j - i + 1 > best:
                best, best_start = j - i + 1, i
        first = spans[best_start][0]
        last = spans[best_start + best - 1][1]
        slack = max(0, size - (last - first))
        start = max(0, first - slack // 3)
        end = min(len(text), max(last, start + size))
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    passage = text[start:end]
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    stripped = passage.lstrip()
    offset = start + (len(passage) - len(stripped)) - len(lead)
    flat = lead + " ".join(stripped.rstrip().split("\n")).replace("\t", " ") + tail
    shown = [(s - offset, e - offset) for s, e in spans if s >= start and e <= end]
    return Snippet(flat, shown)
