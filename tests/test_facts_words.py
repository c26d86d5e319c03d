"""Word-level behaviour of the facts extractor: presentation forms, surnames followed."""

from __future__ import annotations

from store.facts.extract import extract_facts
from store.facts.gazetteer import ORG, PERSON


def entities(body: str) -> list[tuple[str, str]]:
    return [(e.type, e.text) for e in extract_facts("", body).entities]


def test_presentation_forms_keep_the_article() -> None:
    """ﻭﺯﺍﺭﺓ ﺍﻟﺪﻓﺎﻉ (presentation forms, as some sites publish) is وزارة الدفاع."""
    assert (ORG, "ﻭﺯﺍﺭﺓ ﺍﻟﺪﻓﺎﻉ") in entities("أعلنت ﻭﺯﺍﺭﺓ ﺍﻟﺪﻓﺎﻉ أمس")
    assert (ORG, "وزارة الدفاع") in entities("أعلنت وزارة الدفاع أمس")


def test_weekday_surnames_are_not_followed_alone() -> None:
    found = entities("قال محمد جمعة إن الاجتماع يعقد يوم جمعة المقبل. وأضاف جمعة أن الموعد ثابت.")
    assert found.count((PERSON, "محمد جمعة")) == 1
    assert (PERSON, "جمعة") not in found
    # other surnames still are
    assert (PERSON, "السراج") in entities("قال فايز السراج إن الحكومة مستعدة. وأضاف السراج أن الحوار مستمر.")


def test_regnal_numbers_are_not_followed_as_surnames() -> None:
    found = entities("استقبل الملك محمد السادس الوفد في اليوم السادس من الزيارة.")
    assert found == [(PERSON, "محمد السادس")]


def test_set_phrases_are_not_surnames() -> None:
    """بفضل الله (thanks to God) and أولا بأول (step by step) name nobody."""
    assert entities("نتابع الأمور أولا بأول، وتحقق ذلك بفضل الله.") == []
    assert (PERSON, "كولن باول") in entities("قال وزير الخارجية كولن باول إن الزيارة تمت.")


def test_a_surname_shared_by_several_people_links_only_within_its_article() -> None:
    """كارتر alone is a person of its own; after آشتون كارتر it is that Carter."""
    def people(body: str) -> list[tuple[str, str]]:
        return [(e.text, e.canonical) for e in extract_facts("", body).entities if e.type == PERSON]

    assert people("وقال كارتر في البيان إن القوات جاهزة.") == [("كارتر", "كارتر")]
    assert people("قال وزير الدفاع آشتون كارتر إن كارتر سيزور المنطقة.") == [
        ("آشتون كارتر", "آشتون كارتر"),
        ("كارتر", "آشتون كارتر"),
    ]
