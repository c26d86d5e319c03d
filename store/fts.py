"""Compiling a parsed query into an FTS5 MATCH expression over the analysed columns."""

from __future__ import annotations

from itertools import islice, product

from store.analysis import prefix_starts, stem_variants
from store.query import Node, Or, Term

_STEM_COLUMNS = {None: "{title body}", "title": "{title}"}
_EXACT_COLUMNS = {None: "{title_x}", "title": "{title_x}"}
"""Unstemmed normal forms are indexed for titles only (see store.schema.RANK_WEIGHTS)."""


PHRASE_FORMS = 16
"""Most stem sequences a phrase is looked up as (its words' clitic readings combined)."""


def quote(term: str) -> str:
    """An FTS5 string literal."""
    return '"' + term.replace('"', '""') + '"'


def compile_term(term: Term) -> str:
    """Stems (with clitic variants) OR the exact title form: exact forms add to the score."""
    stems, exact = _STEM_COLUMNS[term.field], _EXACT_COLUMNS[term.field]
    if term.prefix:
        (word,) = term.words
        starts = " OR ".join(f"{quote(s)}*" for s in prefix_starts(word))
        return f"({stems} : ({starts}) OR {exact} : {quote(word)}*)"
    if term.is_phrase:  # each word as the text may stem it (وزارة الدفاع: بوزارة الدفاع too)
        readings = islice(product(*(stem_variants(w) for w in term.words)), PHRASE_FORMS)
        phrases = " OR ".join(quote(" ".join(reading)) for reading in readings)
        return f"({stems} : ({phrases}) OR {exact} : {quote(' '.join(term.words))})"
    (word,) = term.words
    variants = " OR ".join(quote(v) for v in stem_variants(word))
    return f"({stems} : ({variants}) OR {exact} : {quote(word)})"


def compile_title_words(words: list[str]) -> str:
    """Every one of these normalised words, as written, in the title (exact forms only)."""
    return "(" + " AND ".join(f"{_EXACT_COLUMNS['title']} : {quote(word)}" for word in words) + ")"


def compile_node(node: Node) -> str:
    """The FTS5 expression for any query node."""
    if isinstance(node, Term):
        return compile_term(node)
    if isinstance(node, Or):
        return "(" + " OR ".join(compile_node(part) for part in node.parts) + ")"
    return compile_and(node.include, node.exclude)


def compile_and(include: tuple[Node, ...], exclude: tuple[Node, ...]) -> str:
    """All of ``include`` and none of ``exclude``."""
    expression = "(" + " AND ".join(compile_node(part) for part in include) + ")"
    if exclude:
        expression += " NOT (" + " OR ".join(compile_node(part) for part in exclude) + ")"
    return expression


def compile_any(include: tuple[Node, ...], exclude: tuple[Node, ...]) -> str:
    """Any of ``include`` and none of ``exclude``: the partial-match expression."""
    return compile_and((Or(include),), exclude)
