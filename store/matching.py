"""Finding a query's hits in ORIGINAL text, with the same analysis as the index."""

from __future__ import annotations

from collections.abc import Sequence

from store.analysis import Token, prefix_stem, stem, stem_variants, tokens
from store.query import And, Node, Or, Query, Term

Span = tuple[int, int]


class Matcher:
    """Where a query's terms occur in a text, and which of its clauses a text satisfies."""

    def __init__(self, query: Query) -> None:
        self.query = query
        self.terms = query.terms()

    def term_spans(self, term: Term, toks: Sequence[Token], in_title: bool = True) -> list[Span]:
        """Spans of ``term`` in tokenised text (a phrase only where its words are consecutive)."""
        if term.field == "title" and not in_title:
            return []
        if term.prefix:
            (word,) = term.words
            starts = (prefix_stem(word), stem(word))
            return [(t.start, t.end) for t in toks if t.norm.startswith(word) or t.stem.startswith(starts)]
        if not term.is_phrase:
            (word,) = term.words
            wanted = set(stem_variants(word))
            return [(t.start, t.end) for t in toks if t.stem in wanted or t.norm == word]
        stems = [stem(w) for w in term.words]
        size = len(stems)
        spans: list[Span] = []
        for i in range(len(toks) - size + 1):
            if all(toks[i + k].stem == stems[k] for k in range(size)):
                spans.append((toks[i].start, toks[i + size - 1].end))
        return spans

    def tagged_spans(self, text: str, in_title: bool = False) -> list[tuple[int, int, int]]:
        """(start, end, term number) of every positive term's occurrences, sorted."""
        toks = list(tokens(text))
        return sorted(
            (start, end, number)
            for number, term in enumerate(self.terms)
            for start, end in self.term_spans(term, toks, in_title)
        )

    def spans(self, text: str, in_title: bool = False) -> list[Span]:
        """Sorted, non-overlapping spans of every positive term in ``text``."""
        return merge_spans([(s, e) for s, e, _ in self.tagged_spans(text, in_title)])

    def missing(self, title: str, body: str) -> list[str]:
        """The top-level clauses (as typed) that neither title nor body satisfies."""
        title_toks, body_toks = list(tokens(title)), list(tokens(body))

        def present(node: Node) -> bool:
            if isinstance(node, Term):
                return bool(
                    self.term_spans(node, title_toks, True) or self.term_spans(node, body_toks, False)
                )
            if isinstance(node, Or):
                return any(present(p) for p in node.parts)
            return all(present(p) for p in node.include)

        return [describe(node) for node in self.query.clauses if not present(node)]


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
