"""The query language: every form parses, every malformed query explains itself."""

import pytest

from store.dates import date_bounds
from store.query import And, Or, QueryError, Term, parse


def test_words_phrases_prefixes_fields() -> None:
    query = parse('جنزور "وزارة الدفاع" تحرك* title:اجتماع')
    first, phrase, prefix, titled = query.clauses
    assert isinstance(first, Term) and first.words == ("جنزور",)
    assert isinstance(phrase, Term) and phrase.is_phrase and phrase.words == ("وزاره", "الدفاع")
    assert isinstance(prefix, Term) and prefix.prefix
    assert isinstance(titled, Term) and titled.field == "title"


def test_or_not_and_grouping() -> None:
    query = parse("(ليبيا OR تونس) -طرابلس NOT بنغازي")
    assert isinstance(query.clauses[0], Or)
    assert isinstance(query.match, And) and len(query.match.exclude) == 2


def test_filters() -> None:
    query = parse("source:aawsat -source:okaz from:2015-07 to:2015-08-15 نفط")
    assert query.sources == ["aawsat"] and query.excluded_sources == ["okaz"]
    assert query.date_from == "2015-07"
    assert query.date_to == "2015-08-15\uffff"


def test_a_date_filter_given_twice_and_a_period_narrow_together() -> None:
    query = parse("نفط from:2013-10 from:2016 to:2017-03 to:2016-06")
    assert (query.date_from, query.date_to) == (date_bounds("2016")[0], date_bounds("2016-06")[1])
    narrowed = parse("نفط from:2016").within("2016-05")
    assert (narrowed.date_from, narrowed.date_to) == date_bounds("2016-05")
    assert parse("نفط from:2016").within(None).date_from == "2016"
    apart = parse("نفط from:2016").within("2013-10")  # nothing can match: no error, no results
    assert apart.date_from >= apart.date_to


def test_filters_alone_are_a_query() -> None:
    assert parse("from:2016").match is None


@pytest.mark.parametrize(
    ("text", "explains"),
    [
        ('"unclosed', "unclosed quote"),
        ("AND", "AND"),
        ("*", "*"),
        ("(", "unbalanced"),
        (")", "unbalanced"),
        ("title:", "title:"),
        ("-طرابلس", "only exclude"),
        ("a OR", "OR"),
        ("OR a", "OR"),
        ("NOT", "NOT"),
        ("a OR -b", "OR"),
        ("from:2015-13", "month"),
        ("to:yesterday", "YYYY"),
        ("(a from:2015)", "whole query"),
        ("، ؛", "nothing to search"),
        ("تح*رك", "end of a word"),
        ("نفط from:2016-03 to:2016-01", "after to:"),
    ],
)
def test_malformed_queries_explain_themselves(text: str, explains: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse(text)
    message = str(caught.value)
    assert explains in message and "\n" not in message
