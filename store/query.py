"""The query language: parsing what a user types into a small tree, or a clear QueryError.

The syntax is QUERY_SYNTAX (which the browser's help lists too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from store.analysis import WORD, normalize
from store.dates import date_bounds

QUERY_SYNTAX = [
    ("words", "all must match, any spelling (best partial matches follow when few match all)"),
    ('"a phrase"', "the words in this order (each with or without clitics)"),
    ("prefix*", "words starting with prefix"),
    ("a OR b", "either"),
    ("-word, NOT word", "exclude"),
    ("( ... )", "grouping"),
    ("title:w", 'in the title (title:"a phrase", title:pre*)'),
    ("source:name", "source starts with name (-source:name excludes)"),
    ("from:D to:D", "date range; D is YYYY, YYYY-MM or YYYY-MM-DD, inclusive (given twice, both hold);"
     " a year 1343-1500 is Hijri: from:1436-09 to:1436-09 is Ramadan 1436"),
]  # fmt: skip
"""(what you type, what it finds) for every form of the query language."""


class QueryError(ValueError):
    """A query that cannot be run; the message is one line meant for the user."""


@dataclass(frozen=True)
class Term:
    """A word, prefix or phrase, with the normalised words it stands for."""

    text: str
    words: tuple[str, ...]
    prefix: bool = False
    field: str | None = None  # None: title and body; "title": title only

    @property
    def is_phrase(self) -> bool:
        """A quoted phrase or a word that analyses into several words."""
        return len(self.words) > 1


@dataclass(frozen=True)
class Or:
    """Any of its parts."""

    parts: tuple[Node, ...]


@dataclass(frozen=True)
class And:
    """All of ``include``, none of ``exclude``."""

    include: tuple[Node, ...]
    exclude: tuple[Node, ...] = ()


Node = Term | Or | And


@dataclass
class Query:
    """A parsed query: the text condition plus metadata filters."""

    text: str
    match: And | None
    sources: list[str] = field(default_factory=list)
    excluded_sources: list[str] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None
    """Exclusive upper bound (ISO text)."""

    def within(self, period: str | None) -> Query:
        """This query, its dates narrowed to ``period`` (YYYY, YYYY-MM or YYYY-MM-DD) too."""
        if not period:
            return self
        low, high = date_bounds(period)
        return replace(self, date_from=_later(self.date_from, low), date_to=_earlier(self.date_to, high))

    @property
    def clauses(self) -> tuple[Node, ...]:
        """The top-level conditions that must all match."""
        return self.match.include if self.match else ()

    def terms(self) -> list[Term]:
        """Every positive term, for highlighting."""
        found: list[Term] = []

        def walk(node: Node) -> None:
            if isinstance(node, Term):
                found.append(node)
            elif isinstance(node, Or):
                for part in node.parts:
                    walk(part)
            else:
                for part in node.include:
                    walk(part)

        if self.match:
            walk(self.match)
        return found


_LEXER = re.compile(
    r'\s*(?:(?P<quote>"[^"]*"?)|(?P<paren>[()])|(?P<word>[^\s"()]+))',
)
_FIELDS = ("title", "source", "from", "to")
_OPERATORS = ("OR", "AND", "NOT")


@dataclass
class _Token:
    kind: str  # "quote", "paren", "word", "op"
    text: str
    negated: bool = False
    field: str | None = None


def _lex(text: str) -> list[_Token]:
    result: list[_Token] = []
    pending_field: str | None = None
    pending_negation = False
    for match in _LEXER.finditer(text):
        kind = match.lastgroup
        if kind is None:
            continue
        value = match.group(kind)
        if kind == "quote":
            if len(value) < 2 or not value.endswith('"'):
                raise QueryError('unclosed quote: add the closing " to end the phrase')
            result.append(_Token("quote", value[1:-1], negated=pending_negation, field=pending_field))
            pending_field, pending_negation = None, False
            continue
        if pending_field is not None:
            raise QueryError(f'"{pending_field}:" needs a word or "phrase" right after it')
        if kind == "paren":
            result.append(_Token("paren", value, negated=pending_negation and value == "("))
            pending_negation = False
            continue
        pending_negation = False
        if value in _OPERATORS:
            result.append(_Token("op", value))
            continue
        negated = value.startswith("-") and len(value) > 1
        if negated:
            value = value[1:]
        name, colon, rest = value.partition(":")
        if colon and name.lower() in _FIELDS:
            if not rest:
                if negated:
                    raise QueryError(f'"-{name}:" needs a value right after it')
                pending_field = name.lower()
                continue
            result.append(_Token("word", rest, negated=negated, field=name.lower()))
        elif value == "-":
            pending_negation = match.end() < len(text) and text[match.end()] in '"('
            continue
        else:
            result.append(_Token("word", value, negated=negated))
    if pending_field is not None:
        raise QueryError(f'"{pending_field}:" needs a word or "phrase" right after it')
    return result


def _words_of(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(normalize(text)))


class _Parser:
    """Recursive descent over lexed tokens; collects metadata filters into the Query."""

    def __init__(self, tokens: list[_Token], query: Query) -> None:
        self.tokens = tokens
        self.pos = 0
        self.query = query

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def sequence(self, depth: int) -> And | None:
        include: list[Node] = []
        exclude: list[Node] = []
        while (token := self.peek()) is not None:
            if token.kind == "paren" and token.text == ")":
                if depth == 0:
                    raise QueryError('unbalanced ")": there is no "(" before it')
                break
            if token.kind == "op" and token.text == "AND":
                self.take()
                if (not include and not exclude) or self._at_end_of_group():
                    raise QueryError('"AND" needs a search term on each side')
                continue
            if token.kind == "op" and token.text == "OR":
                raise QueryError('"OR" needs a search term on each side')
            negated = False
            if token.kind == "op" and token.text == "NOT":
                self.take()
                if self._at_end_of_group():
                    raise QueryError('"NOT" needs a search term after it')
                negated = True
            node, node_negated = self.alternatives(depth)
            if node is not None:
                (exclude if negated or node_negated else include).append(node)
        if not include and not exclude:
            return None
        if not include:
            raise QueryError("a query cannot only exclude: add a word to search for")
        return And(tuple(include), tuple(exclude))

    def _at_end_of_group(self) -> bool:
        token = self.peek()
        return token is None or (token.kind == "paren" and token.text == ")") or token.kind == "op"

    def alternatives(self, depth: int) -> tuple[Node | None, bool]:
        """One unit or several joined by OR; says whether it was a -negated unit."""
        first, first_negated = self.unit(depth)
        parts = [first] if first is not None else []
        any_negated = first_negated
        while (token := self.peek()) is not None and token.kind == "op" and token.text == "OR":
            self.take()
            if self._at_end_of_group():
                raise QueryError('"OR" needs a search term on each side')
            if not parts:
                raise QueryError('"OR" needs a search term on each side')
            node, node_negated = self.unit(depth)
            any_negated = any_negated or node_negated
            if node is not None:
                parts.append(node)
        if any_negated and len(parts) > 1:
            raise QueryError("an exclusion (-word) cannot be one side of OR")
        if not parts:
            return None, False
        return (parts[0], first_negated) if len(parts) == 1 else (Or(tuple(parts)), False)

    def unit(self, depth: int) -> tuple[Node | None, bool]:
        token = self.take()
        if token.kind == "paren":
            inner = self.sequence(depth + 1)
            closing = self.peek()
            if closing is None:
                raise QueryError('unbalanced "(": add the closing ")"')
            self.take()
            if inner is None:
                raise QueryError('"( )" is empty: put search terms inside')
            node = inner if inner.exclude or len(inner.include) > 1 else inner.include[0]
            return node, token.negated
        if token.field in ("source", "from", "to"):
            self.filter(token, depth)
            return None, False
        return self.term(token), token.negated

    def filter(self, token: _Token, depth: int) -> None:
        if depth > 0 or self._inside_or():
            raise QueryError(f'"{token.field}:" applies to the whole query: put it outside ( ) and OR')
        if token.field == "source":
            (self.query.excluded_sources if token.negated else self.query.sources).append(token.text)
            return
        if token.negated:
            raise QueryError(f'"-{token.field}:" is not supported: use from:/to: to bound dates')
        try:
            low, high = date_bounds(token.text)
        except ValueError as exc:
            raise QueryError(f"{token.field}: {exc}") from None
        if token.field == "from":  # (given twice, both hold)
            self.query.date_from = _later(self.query.date_from, low)
        else:
            self.query.date_to = _earlier(self.query.date_to, high)

    def _inside_or(self) -> bool:
        before = self.tokens[self.pos - 2] if self.pos >= 2 else None
        after = self.peek()
        return any(t is not None and t.kind == "op" and t.text == "OR" for t in (before, after))

    def term(self, token: _Token) -> Term | None:
        text = token.text
        prefix = token.kind == "word" and text.endswith("*")
        if prefix:
            text = text.rstrip("*")
            if not text:
                raise QueryError("a * must follow the start of a word, as in تحرك*")
        if "*" in text:
            raise QueryError("* goes only at the end of a word, as in تحرك*")
        words = _words_of(text)
        if not words:
            if token.kind == "quote":
                raise QueryError('the phrase "" has no words in it')
            return None
        if prefix and len(words) > 1:
            raise QueryError(f"{token.text}: a prefix* must be a single word")
        field = "title" if token.field == "title" else None
        return Term(token.text, words, prefix=prefix, field=field)


def _later(date: str | None, other: str) -> str:
    return other if date is None else max(date, other)


def _earlier(date: str | None, other: str) -> str:
    return other if date is None else min(date, other)


def parse(text: str) -> Query:
    """Parse a query string; raises QueryError with a one-line explanation when malformed."""
    query = Query(text=text, match=None)
    parser = _Parser(_lex(text), query)
    query.match = parser.sequence(0)
    if query.date_from and query.date_to and query.date_from >= query.date_to:
        raise QueryError("from: is after to: — nothing can match; swap the two dates")
    if query.match is None and not (query.sources or query.date_from or query.date_to):
        raise QueryError('nothing to search for: type a word, a "phrase" or a filter such as from:2017')
    return query
