"""Every normalisation and stemming rule, with real examples."""

import pytest

from store.analysis import WORD, index_forms, normalize, stem, stem_variants
from store.matching import NormalText


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مُحَمَّد", "محمد"),  # harakat dropped
        ("اجتمـــاع", "اجتماع"),  # tatweel dropped
        ("أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"),  # alef forms folded
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("مدينة", "مدينه"),  # taa marbuta
        ("مسؤول مسئول", "مسءول مسءول"),  # hamza carriers
        ("٤٤٤ ۱۲", "444 12"),  # Arabic-Indic and Persian digits
        ("کتاب یوم", "كتاب يوم"),  # Persian kaf and yeh
        ("ﻃﺮﺍﺑﻠﺲ", "طرابلس"),  # presentation forms (pasted from PDFs): NFKC
        ("طرا\u200bبلس\u200f", "طرابلس"),  # zero-width and bidi controls
        ("NATO Tripoli", "nato tripoli"),  # Latin lowercased
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("الامميه", "امم"),  # article + suffix
        ("بطرابلس", "طرابلس"),  # one-letter preposition
        ("وبطرابلس", "طرابلس"),  # conjunction + preposition
        ("والحكومه", "حكوم"),  # conjunction + article
        ("للامم", "امم"),  # لل
        ("اجتماعات", "اجتماع"),  # plural suffix
        ("مهندسون", "مهندس"),
        ("بحث", "بحث"),  # too short to strip
        ("nato", "nato"),  # non-Arabic unchanged
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_variants_cover_clitic_spellings() -> None:
    # Whatever clitics the text puts on a word, its stem is among the query word's variants.
    for word in ("وزاره", "فرنسا", "لبنان", "كتاب", "طرابلس"):
        variants = set(stem_variants(word))
        for prefix in ("", "و", "ب", "ال", "وال", "بال", "لل", "وب"):
            assert stem(normalize(prefix + word)) in variants, (prefix, word)


def test_typed_clitics_are_stripped_from_query_words() -> None:
    assert stem("طرابلس") in stem_variants("بطرابلس")


def test_normal_text_maps_words_back_to_original_offsets() -> None:
    text = "قال مُحَمَّدٌ: «بطرابلس» … ﻻ"
    normal = NormalText(text)
    words = [(m.group(), text[slice(*normal.original(*m.span()))]) for m in WORD.finditer(normal.norm)]
    assert words == [("قال", "قال"), ("محمد", "مُحَمَّدٌ"), ("بطرابلس", "بطرابلس"), ("لا", "ﻻ")]


def test_index_forms_are_space_separated_parallel_lists() -> None:
    stems, norms = index_forms("وزارة الدفاع")
    assert norms.split() == ["وزاره", "الدفاع"]
    assert len(stems.split()) == 2
