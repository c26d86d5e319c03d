"""The C word pass (store/facts/_wordscan.c, built by `pip install .`) gives exactly what its
Python twin store.facts.words._scan gives: compiled here with the C compiler Python was built
with (skipped without one), then run side by side on every code point and on real texts."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from store.facts.extract import extractor
from store.facts.words import BREAK, GAP_KINDS, LIVE_INDEX, NORM_INDEX, STEM_INDEX, _scan
from tests.c_build import built_module

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "store" / "facts" / "_wordscan.c"
SAUDINEWSNET = ROOT.parent / "shared" / "corpora" / "saudinewsnet"
INDEXES = (NORM_INDEX, STEM_INDEX, LIVE_INDEX)

TEXTS = [
    "",
    " ",
    "\n\n",
    "وبطرابلس، «اللواء 444»\n- جهاز “333” والكتيبة (112)",
    "قال الرئيسُ محمّد ــ في بيانٍ: «نعم» ...",  # harakat, tatweel, quotes
    "a\u200cb \u200e c\u0640d \u200f e",  # joiners inside words, marks between them
    "ﺍﻷﺭﻛﺎﻥ ﷺ ²½ İstanbul x_y _lead trail_",  # presentation forms, NFKC-changing signs, "_"
    "\U0001d400\U0001d401 c \U0001f600 d",  # astral letters and an emoji
    "\ud800a b",  # a lone surrogate
    "  leading and trailing  ",
    "é\u0301 ñ \u064e\u064f x",  # combining marks after a letter and alone
    "1,250.5 km² في ٢٠١٥/٠١/١٥",
]


@pytest.fixture(scope="module")
def wordscan(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """_wordscan.c compiled into a temporary directory and loaded."""
    return built_module(SOURCE, tmp_path_factory.mktemp("wordscan"))


class _Stand(dict):
    """A cache whose new words are plain (norm, stem, live) tuples."""

    def __missing__(self, surface: str) -> tuple[str, str, bool]:
        word = (surface.lower(), surface[1:], len(surface) > 1)
        self[surface] = word
        return word


def test_every_code_point_is_split_as_the_python_word_pass_splits_it(wordscan: ModuleType) -> None:
    text = " ".join(map(chr, range(0x110000)))  # each word character a word of its own, or part of a gap
    expected = _scan(text, _Stand(), GAP_KINDS, BREAK, 0, 1, 2)
    assert len(expected[0]) > 100_000
    assert wordscan.scan(text, _Stand(), GAP_KINDS, BREAK, 0, 1, 2) == expected


@pytest.mark.parametrize("text", TEXTS)
def test_words_offsets_gaps_and_fields_agree(wordscan: ModuleType, text: str) -> None:
    cache = extractor().cache
    expected = _scan(text, cache, GAP_KINDS, BREAK, *INDEXES)
    assert wordscan.scan(text, cache, GAP_KINDS, BREAK, *INDEXES) == expected


def test_new_words_are_analysed_through_the_cache(wordscan: ModuleType) -> None:
    cache = _Stand()
    words, starts, ends, gaps, norms, stems, live, digits = wordscan.scan("Ab ، c", cache, GAP_KINDS, BREAK, 0, 1, 2)
    assert words == [("ab", "b", True), ("c", "", False)] and set(cache) == {"Ab", "c"}
    assert (starts, ends, gaps) == ([0, 5, 6], [2, 6], [BREAK, GAP_KINDS[" ، "]])
    assert (norms, stems, live, digits) == (["ab", "c"], ["b"], [0], [])


def test_digit_runs_are_found_inside_words(wordscan: ModuleType) -> None:
    text = "عام 2015م و١٤٣٦هـ x12y3 ۱۲"  # (Persian digits are no date digits)
    digits = wordscan.scan(text, _Stand(), GAP_KINDS, BREAK, 0, 1, 2)[7]
    assert [text[start:end] for start, end in digits] == ["2015", "١٤٣٦", "12", "3"]


def test_a_cache_of_the_wrong_shape_is_an_error_not_a_crash(wordscan: ModuleType) -> None:
    with pytest.raises(TypeError):
        wordscan.scan("word", {"word": "not a tuple"}, GAP_KINDS, BREAK, 0, 1, 2)
    with pytest.raises(TypeError):
        wordscan.scan("word", {"word": ("short",)}, GAP_KINDS, BREAK, 0, 1, 2)
    with pytest.raises(TypeError):
        wordscan.scan("word", [], GAP_KINDS, BREAK, 0, 1, 2)


@pytest.mark.skipif(not SAUDINEWSNET.exists(), reason="SaudiNewsNet not in ../shared")
def test_news_articles_agree(wordscan: ModuleType) -> None:
    with zipfile.ZipFile(sorted(SAUDINEWSNET.glob("*.zip"))[0]) as archive:
        articles = json.loads(archive.read(archive.namelist()[0]))[:1500]
    cache = extractor().cache
    for article in articles:
        text = article.get("content") or ""
        assert wordscan.scan(text, cache, GAP_KINDS, BREAK, *INDEXES) == _scan(text, cache, GAP_KINDS, BREAK, *INDEXES)


class _Upper(_Stand):
    """Another cache: its words map to other values than _Stand's."""

    def __missing__(self, surface: str) -> tuple[str, str, bool]:
        word = (surface.upper(), surface[:1], False)
        self[surface] = word
        return word


def test_words_met_again_come_from_the_word_table_unchanged(wordscan: ModuleType) -> None:
    """The second scan of a text with the same cache finds its words in the module's table (not
    the cache): the same results, also for words too long or too wide for the table."""
    text = "وبطرابلس اللواء 444 والاستراتيجياتالعسكريةالجديدة \U0001d400\U0001d401 ومن وبطرابلس"
    cache = _Stand()
    first = wordscan.scan(text, cache, GAP_KINDS, BREAK, 0, 1, 2)
    cache.clear()  # (the table still knows every short word)
    again = wordscan.scan(text, cache, GAP_KINDS, BREAK, 0, 1, 2)
    assert first == again == _scan(text, _Stand(), GAP_KINDS, BREAK, 0, 1, 2)
    assert set(cache) == {"والاستراتيجياتالعسكريةالجديدة", "\U0001d400\U0001d401"}  # asked the cache again


def test_another_cache_or_other_indexes_are_never_answered_from_the_table(wordscan: ModuleType) -> None:
    text = "alpha beta alpha"
    assert wordscan.scan(text, _Stand(), GAP_KINDS, BREAK, 0, 1, 2)[4] == ["alpha", "beta", "alpha"]
    other = wordscan.scan(text, _Upper(), GAP_KINDS, BREAK, 0, 1, 2)
    assert other == _scan(text, _Upper(), GAP_KINDS, BREAK, 0, 1, 2) and other[4] == ["ALPHA", "BETA", "ALPHA"]
    cache = _Stand()
    wordscan.scan(text, cache, GAP_KINDS, BREAK, 0, 1, 2)
    assert wordscan.scan(text, cache, GAP_KINDS, BREAK, 1, 0, 2)[4] == ["lpha", "eta", "lpha"]  # items swapped


def test_a_full_table_starts_again_and_stays_right(wordscan: ModuleType) -> None:
    """More distinct words than half the table holds (2**17): it is emptied and filled again."""
    words = [f"w{n:06d}" for n in range(140_000)]
    text = " ".join(words)
    cache = _Stand()
    assert wordscan.scan(text, cache, GAP_KINDS, BREAK, 0, 1, 2) == _scan(text, _Stand(), GAP_KINDS, BREAK, 0, 1, 2)
    again = " ".join(words[:5] + words[-5:])
    assert wordscan.scan(again, cache, GAP_KINDS, BREAK, 0, 1, 2) == _scan(again, _Stand(), GAP_KINDS, BREAK, 0, 1, 2)
