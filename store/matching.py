"""Finding a query's hits in ORIGINAL text, with the same analysis as the index.

The text is normalised once (C-speed string operations) and each term is found with a
regular expression over the normal form that picks out candidate words, which are then
checked with the stemmer. Offsets are mapped back to the original text, so highlights land
on what the article really says (harakat, hamza and all).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

from store.analysis import HARAKAT, INVISIBLE, TATWEEL, WORD, normalize, prefix_starts, stem, stem_variants
from store.query import And, Node, Or, Query, Term

Span = tuple[int, int]


# Blocks holding the characters whose normal form is not themselves one for one
# (compatibility forms NFKC rewrites, spaces, ligatures, presentation forms).
_COMPATIBILITY_BLOCKS = [
    (0x00A0, 0x00BF), (0x0132, 0x0149), (0x017F, 0x017F), (0x02B0, 0x02FF), (0x0374, 0x037E),
    (0x0587, 0x0587), (0x0675, 0x0678), (0x0E33, 0x0EB3), (0x1D2C, 0x1DBF), (0x1E9A, 0x1E9B),
    (0x1FBD, 0x1FFE), (0x2000, 0x24FF), (0x2C7C, 0x2C7D), (0x2D6F, 0x2D6F), (0x2E9F, 0x33FF),
    (0xA69C, 0xA69D), (0xA770, 0xA7F9), (0xAB5C, 0xAB69), (0xF900, 0xFAFF), (0xFB00, 0xFEFF),
    (0xFF00, 0xFFEF), (0x1D400, 0x1D7FF), (0x1EE00, 0x1EEFF), (0x1F100, 0x1F2FF),
]


@lru_cache(maxsize=1)
def _special_characters() -> re.Pattern[str]:
    """Characters whose normal form is not one character: dropped marks and NFKC expansions."""
    chars = {
        chr(code)
        for low, high in _COMPATIBILITY_BLOCKS
        for code in range(low, high + 1)
        if len(normalize(chr(code))) != 1
    }
    chars.update(HARAKAT + TATWEEL + INVISIBLE)
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


class NormalText:
    """A text's normal form, with the way back to offsets in the original.

    Letters are mostly replaced one for one; the map records only where that is not so
    (a dropped mark, a ligature or compatibility form that expands), as segments.
    """

    def __init__(self, text: str) -> None:
        self.norm = normalize(text)
        self._norm_starts = [0]
        self._orig_starts = [0]
        self._after_drop: dict[int, int] = {}
        offset = 0  # norm length minus original length so far
        for match in _special_characters().finditer(text):
            position = match.start()
            width = len(normalize(match.group()))
            for k in range(width):  # each produced character maps to the one it came from
                self._norm_starts.append(position + offset + k)
                self._orig_starts.append(position)
            self._norm_starts.append(position + offset + width)
            self._orig_starts.append(position + 1)
            if width == 0:
                self._after_drop[position] = self._after_drop.get(position + 1, position + 1)
            offset += width - 1
        if len(self.norm) != len(text) + offset:  # an unusual sequence NFKC composes: stay safe
            self.norm = "".join(normalize(c) for c in text)

    def _origin(self, offset: int) -> int:
        segment = bisect_right(self._norm_starts, offset) - 1
        return self._orig_starts[segment] + offset - self._norm_starts[segment]

    def original(self, start: int, end: int) -> Span:
        """The original span of normal-form offsets [start, end), trailing marks included."""
        last = self._origin(end - 1) + 1
        while last in self._after_drop:
            last = self._after_drop[last]
        return self._origin(start), last


def _needles(needles: Iterable[str]) -> re.Pattern[str]:
    """Any of ``needles``, longest first."""
    return re.compile("|".join(re.escape(n) for n in sorted(set(needles), key=len, reverse=True) if n))


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def candidate_words(pattern: re.Pattern[str], norm: str) -> Iterable[tuple[int, int]]:
    """Spans of the whole words of ``norm`` that contain a match of ``pattern``."""
    last_end = -1
    for match in pattern.finditer(norm):
        start, end = match.span()
        if start < last_end:
            continue
        while start > 0 and _is_word_char(norm[start - 1]):
            start -= 1
        while end < len(norm) and _is_word_char(norm[end]):
            end += 1
        last_end = end
        yield start, end


class _TermFinder:
    """Finds one term's occurrences in normal text."""

    def __init__(self, term: Term) -> None:
        self.term = term
        if term.prefix:
            (word,) = term.words
            self.starts = prefix_starts(word)
            self.word = word
            self.pattern = _needles((word, *self.starts))
        elif term.is_phrase:  # each word under any of its stems, as the index is searched
            self.stems = [set(stem_variants(w)) for w in term.words]
            self.pattern = _needles(self.stems[0])
        else:
            (word,) = term.words
            self.variants = set(stem_variants(word))
            self.pattern = _needles(self.variants)

    def spans(self, norm: str) -> list[Span]:
        found: list[Span] = []
        for start, end in candidate_words(self.pattern, norm):
            word = norm[start:end]
            if self.term.prefix:
                if word.startswith(self.word) or stem(word).startswith(self.starts):
                    found.append((start, end))
            elif not self.term.is_phrase:
                if stem(word) in self.variants:
                    found.append((start, end))
            elif stem(word) in self.stems[0]:
                phrase_end = self._phrase_end(norm, end)
                if phrase_end is not None:
                    found.append((start, phrase_end))
        return found

    def _phrase_end(self, norm: str, position: int) -> int | None:
        for wanted in self.stems[1:]:
            following = WORD.search(norm, position)
            if following is None or stem(following.group()) not in wanted:
                return None
            if norm[position : following.start()].strip(" \t\n،,:؛;-"):
                return None  # a phrase does not run across punctuation such as a full stop
            position = following.end()
        return position


class Matcher:
    """Where a query's terms occur in a text, and which of its clauses a text satisfies."""

    def __init__(self, query: Query) -> None:
        self.query = query
        self.terms = query.terms()
        self._finders = [_TermFinder(term) for term in self.terms]
        self._numbers = {id(term): number for number, term in enumerate(self.terms)}

    def tagged_spans(self, text: str, in_title: bool = False) -> list[tuple[int, int, int]]:
        """(start, end, term number) of every positive term's occurrences, sorted."""
        normal = NormalText(text)
        tagged: list[tuple[int, int, int]] = []
        for number, finder in enumerate(self._finders):
            if finder.term.field == "title" and not in_title:
                continue
            for start, end in finder.spans(normal.norm):
                tagged.append((*normal.original(start, end), number))
        tagged.sort()
        return tagged

    def spans(self, text: str, in_title: bool = False) -> list[Span]:
        """Sorted, non-overlapping spans of every positive term in ``text``."""
        return merge_spans([(s, e) for s, e, _ in self.tagged_spans(text, in_title)])

    def missing(self, present: set[int]) -> list[str]:
        """The top-level clauses (as typed) not satisfied, given the numbers of terms present."""

        def satisfied(node: Node) -> bool:
            if isinstance(node, Term):
                return self._numbers[id(node)] in present
            if isinstance(node, Or):
                return any(satisfied(p) for p in node.parts)
            return all(satisfied(p) for p in node.include)

        return [describe(node) for node in self.query.clauses if not satisfied(node)]


def merge_spans(spans: list[Span]) -> list[Span]:
    """Sorted spans with overlapping ones joined."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def describe(node: Node) -> str:
    """A query node as the user would type it."""
    if isinstance(node, Term):
        text = f'"{node.text}"' if node.is_phrase and " " in node.text else node.text
        return f"title:{text}" if node.field == "title" else text
    if isinstance(node, Or):
        return " OR ".join(describe(p) for p in node.parts)
    assert isinstance(node, And)
    return "(" + " ".join(describe(p) for p in node.include) + ")"
