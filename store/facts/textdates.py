"""Dates written in Arabic text, normalised to ISO 8601.

Month names of every regional set: Egyptian/Gulf (يناير…), Levantine/Iraqi (كانون الثاني…),
Algerian/Tunisian (جانفي…), Moroccan (يوليوز، غشت…), Libyan (أي النار… with day and year only)
and Hijri months (محرم… with a Hijri year, converted to the Gregorian day of the Umm al-Qura
calendar, see store.dates; so are numeric dates with a Hijri year). Numeric dates
(15/1/2024, 2024-01-15) and years (عام 2002) too. A month name needs a day or a year beside
it, so آب (August) is never taken for أب (father).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from store.dates import hijri_to_gregorian, parse_date
from store.facts.alternation import trie_pattern

GREGORIAN_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "جانفي", "جانفييه"),
    2: ("فبراير", "شباط", "فيفري"),
    3: ("مارس", "آذار", "اذار"),
    4: ("أبريل", "إبريل", "ابريل", "نيسان", "أفريل", "افريل"),
    5: ("مايو", "أيار", "ايار", "ماي"),
    6: ("يونيو", "يونيه", "حزيران", "جوان"),
    7: ("يوليو", "يوليه", "تموز", "جويلية", "يوليوز"),
    8: ("أغسطس", "اغسطس", "آب", "أوت", "اوت", "غشت"),
    9: ("سبتمبر", "أيلول", "ايلول", "شتنبر"),
    10: ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"),
    11: ("نوفمبر", "تشرين الثاني", "نونبر"),
    12: ("ديسمبر", "كانون الأول", "كانون الاول", "دجنبر"),
}
LIBYAN_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("أي النار", "آي النار"), 2: ("النوار",), 3: ("الربيع",), 4: ("الطير",), 5: ("الماء",),
    6: ("الصيف",), 7: ("ناصر",), 8: ("هانيبال",), 9: ("الفاتح",), 10: ("التمور",),
    11: ("الحرث",), 12: ("الكانون",),
}
HIJRI_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("محرم",), 2: ("صفر",), 3: ("ربيع الأول", "ربيع الاول"),
    4: ("ربيع الآخر", "ربيع الثاني", "ربيع الاخر"), 5: ("جمادى الأولى", "جمادى الاولى"),
    6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الاخرة"), 7: ("رجب",), 8: ("شعبان",),
    9: ("رمضان",), 10: ("شوال",), 11: ("ذو القعدة", "ذي القعدة"), 12: ("ذو الحجة", "ذي الحجة"),
}

_DIGIT = "[0-9٠-٩]"
_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def _alternation(months: dict[int, tuple[str, ...]]) -> tuple[str, dict[str, int]]:
    lookup = {_fold(name): number for number, names in months.items() for name in names}
    return trie_pattern({name for names in months.values() for name in names}), lookup


def _fold(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("أ", "ا").replace("إ", "ا").replace("ى", "ي").strip())


_G_ALT, _G_LOOKUP = _alternation(GREGORIAN_MONTHS)
_L_ALT, _L_LOOKUP = _alternation(LIBYAN_MONTHS)
_H_ALT, _H_LOOKUP = _alternation(HIJRI_MONTHS)

_B = r"(?<![\w])"  # not inside a word
_E = r"(?![\w])"
_DAY = rf"(?P<d>{_DIGIT}{{1,2}})"
_YEAR = rf"(?P<y>{_DIGIT}{{4}})"
_OF = r"(?:\s+من)?\s+"
_YEAR_LEAD = r"[\s,،]+(?:(?:من\s+)?(?:عام|العام|سنة)\s+)?"
_PAREN = rf"(?:\s*[(/]\s*(?:{_G_ALT})\s*\)?)?"

_FIRST = "".join(
    sorted(
        set("0123456789٠١٢٣٤٥٦٧٨٩وفبعاس")
        | {name[0] for months in (GREGORIAN_MONTHS, LIBYAN_MONTHS, HIJRI_MONTHS) for names in months.values() for name in names}
    )
)
"""Characters a date can start with (a digit, a month name, a year word): other places in
the text are passed over before any of the alternatives is tried."""

DATE_PATTERN = re.compile(
    _B + f"(?=[{_FIRST}])(?:" + "|".join(
        [
            # 15 يناير 2024 / 15 من كانون الثاني (يناير) 2024 / يناير 2024 / 15 يناير
            rf"(?:(?P<gd>{_DIGIT}{{1,2}}){_OF})?(?P<gm>{_G_ALT}){_PAREN}"
            rf"(?:{_YEAR_LEAD}(?P<gy>{_DIGIT}{{4}}))?{_E}",
            # Libyan months, day and year required: 7 ناصر 2005
            rf"(?P<ld>{_DIGIT}{{1,2}})\s+(?P<lm>{_L_ALT})[\s,،]+(?P<ly>{_DIGIT}{{4}}){_E}",
            # Hijri: 15 رمضان 1436 هـ / رمضان 1436هـ
            rf"(?:(?P<hd>{_DIGIT}{{1,2}}){_OF})?(?P<hm>{_H_ALT})[\s,،]+(?:(?:من\s+)?(?:عام|سنة)\s+)?"
            rf"(?P<hy>1[34]{_DIGIT}{{2}}|[١][٣٤]{_DIGIT}{{2}})\s*(?:هـ|ه|للهجرة|هجرية)?(?![\w])",
            # numeric: 15/1/2024, 15-01-2024, 2024-01-15, 2024/1/15
            rf"(?P<nd>{_DIGIT}{{1,2}})[/.\-](?P<nm>{_DIGIT}{{1,2}})[/.\-](?P<ny>{_DIGIT}{{4}}){_E}",
            rf"(?P<iy>{_DIGIT}{{4}})[/\-](?P<im>{_DIGIT}{{1,2}})[/\-](?P<id>{_DIGIT}{{1,2}}){_E}",
            # عام 2002 / سنة 1990
            rf"(?:[وفب]?(?:عام|العام|سنة))\s+(?P<yy>(?:1[89]|20|[١][٨٩]|[٢][٠]){_DIGIT}{{2}}){_E}",
        ]
    )
    + ")"
)


@dataclass(frozen=True, slots=True)
class TextDate:
    """A date found in a text: its span in the text and its ISO form."""

    start: int
    end: int
    iso: str


def _num(value: str) -> int:
    return int(value.translate(_TO_ASCII))


def _iso(y: int, m: int, d: int | None) -> str:
    if d is None:
        return f"{y:04d}-{m:02d}" if 1 <= m <= 12 else ""
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return ""


def find_dates(text: str, year: int | None = None, digit_runs: list[tuple[int, int]] | None = None) -> list[TextDate]:
    """Every date written in ``text``; a day and month without a year take ``year`` if given.

    ``digit_runs``: the (start, end) of the text's runs of 0-9 and ٠-٩ when the caller has
    them (TextWords.digits), else they are searched here."""
    found: list[TextDate] = []
    for match in _candidates(text, digit_runs):
        g = match.groupdict()
        iso = ""
        if g["gm"]:
            month = _G_LOOKUP.get(_fold(g["gm"]), 0)
            y = _num(g["gy"]) if g["gy"] else year
            day = _num(g["gd"]) if g["gd"] else None
            if y is not None and (day is not None or g["gy"]):
                iso = _iso(y, month, day)
            elif day is not None:
                iso = f"--{month:02d}-{day:02d}" if 1 <= day <= 31 else ""
        elif g["lm"]:
            iso = _iso(_num(g["ly"]), _L_LOOKUP.get(_fold(g["lm"]), 0), _num(g["ld"]))
        elif g["hm"]:
            month = _H_LOOKUP.get(_fold(g["hm"]), 0)
            day = _num(g["hd"]) if g["hd"] else None
            hy = _num(g["hy"])
            if 1 <= month <= 12 and (day is None or 1 <= day <= 30):
                first = hijri_to_gregorian(hy, month, day or 1)
                iso = first.isoformat() if day else (first + timedelta(days=14)).strftime("%Y-%m")
        elif g["nm"]:
            iso = parse_date(f"{_num(g['nd'])}/{_num(g['nm'])}/{_num(g['ny'])}")
        elif g["im"]:
            iso = parse_date(f"{_num(g['iy']):04d}-{_num(g['im'])}-{_num(g['id'])}")  # (Hijri years too)
        elif g["yy"]:
            iso = f"{_num(g['yy']):04d}"
            found.append(TextDate(match.start("yy"), match.end(), iso))
            continue
        if iso:
            found.append(TextDate(match.start(), match.end(), iso))
    return found


_NUMBER = re.compile(f"{_DIGIT}+")


def find_digit_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of the digits a date is written with (0-9, ٠-٩)."""
    return [number.span() for number in _NUMBER.finditer(text)]

WINDOW = 40
"""Characters around a number that a date containing it can reach (month names, هـ)."""


_TRIGGER = re.compile(
    trie_pattern(
        {word for months in (GREGORIAN_MONTHS, LIBYAN_MONTHS, HIJRI_MONTHS) for names in months.values() for name in names
         for word in name.split()} | {"عام", "سنة"}
    )
)  # fmt: skip
"""Any word of a month name, or a year word: a number without one nearby is no written date."""
NEAR = 24


def _may_be_date(text: str, start: int, end: int) -> bool:
    """Is the number at [start, end) part of a numeric date or next to a month name/year word?"""
    if text[end : end + 1] in ("/", ".", "-") and text[end + 1 : end + 2].isdigit():
        return True
    if text[start - 1 : start] in ("/", "-") and start > 1 and text[start - 2].isdigit():
        return True
    return _TRIGGER.search(text, max(0, start - NEAR), end + NEAR) is not None


def _candidates(text: str, digit_runs: list[tuple[int, int]] | None) -> Iterator[re.Match[str]]:
    """Date matches, searched only near numbers (every date has one) that have a month name,
    a year word or a date separator beside them: fast on long texts."""
    end = -1
    for start, stop in digit_runs if digit_runs is not None else find_digit_runs(text):
        if start < end or not _may_be_date(text, start, stop):
            continue
        window_end = min(len(text), stop + WINDOW)
        for match in DATE_PATTERN.finditer(text, max(end, start - WINDOW, 0), window_end):
            yield match
            end = match.end()
        end = max(end, stop)
