"""Numbers that matter: counted people, money, quantities and percentages, with offsets."""

from __future__ import annotations

from store.facts.extract import extract_facts
from store.facts.gazetteer import NUMBER
from store.facts.numbers import find_numbers
from store.facts.sidebar import sidebar_groups


def numbers(text: str) -> list[tuple[str, str]]:
    return [(text[n.start : n.end], n.canonical) for n in find_numbers(text)]


def test_counted_numbers_with_what_they_count() -> None:
    text = "قتل 30 شخصاً وأصيب ١٢ جريحا، وخسائر بقيمة 5 ملايين دولار و1.5 مليار يورو ونحو 300 ألف برميل."
    assert numbers(text) == [
        ("30 شخصاً", "30 شخصا"),
        ("١٢ جريحا", "12 جريحا"),
        ("5 ملايين دولار", "5 ملايين دولار"),
        ("1.5 مليار يورو", "1.5 مليار يورو"),
        ("300 ألف برميل", "300 ألف برميل"),
    ]


def test_percentages_in_every_spelling_are_one_form() -> None:
    text = "ارتفعت النسبة إلى 40% ثم 12 في المئة و٪7 و9 بالمائة ثم %40"
    assert [canonical for _, canonical in numbers(text)] == ["40%", "12%", "7%", "9%", "40%"]


def test_bare_numbers_are_no_facts() -> None:
    assert numbers("في عام 2015 وفي الصفحة 12 تحرك اللواء 444 بطائرة A320 دولار") == []


def test_a_number_glued_to_letters_other_than_a_clitic_is_not_read() -> None:
    """7ر269 مليون (a decimal written with ر) is not 269 million; و1.5 and ب30 are numbers."""
    assert numbers("خسائر 7ر269 مليون دولار") == []
    assert [c for _, c in numbers("و1.5 مليار يورو وب30 دولارا")] == ["1.5 مليار يورو", "30 دولارا"]


def test_numbers_are_entities_and_a_sidebar_group() -> None:
    body = "أعلنت وزارة الصحة وفاة 12 شخصا وإصابة 40 آخرين، ورصدت 2 مليون دينار للعلاج، أي 12 شخصا في اليوم."
    facts = extract_facts("", body)
    found = [(e.text, e.canonical) for e in facts.entities if e.type == NUMBER]
    assert found == [("12 شخصا", "12 شخصا"), ("2 مليون دينار", "2 مليون دينار"), ("12 شخصا", "12 شخصا")]
    group = next(g for g in sidebar_groups(facts) if g.kind == NUMBER)
    assert group.label == "Numbers" and group.items[0].label == "12 شخصا" and group.items[0].count == 2
