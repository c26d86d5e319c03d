"""Numbers that matter in news: counts of people (30 قتيلا، 1200 نازح), money (5 ملايين
دولار), quantities (300 ألف برميل) and percentages (40%، 12 في المئة).

A number only counts with what it counts written right after it (a multiplier such as
ألف/مليون may come between): a bare number (a year, a page, a unit's number) is no fact.
The canonical form has ASCII digits and the words as written, spaces collapsed.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from store.analysis import HARAKAT

_DIGITS = "0-9٠-٩۰-۹"
_NUMBER = rf"[{_DIGITS}]+(?:[.,٫٬][{_DIGITS}]+)*"
_MULTIPLIER = "(?:آلاف|ألف|الف|ألفا|مليون|ملايين|مليونا|مليار|مليارات|مليارا|بليون|ترليون|تريليون)"

COUNTED = {
    "people": "قتيل قتيلا قتلى جريح جريحا جرحى مصاب مصابا مصابين إصابة إصابات شهيد شهيدا شهداء ضحية ضحايا "
    "أسير أسيرا أسرى معتقل معتقلا معتقلين سجين سجينا سجناء مفقود مفقودا مفقودين لاجئ لاجئا لاجئين "
    "نازح نازحا نازحين مهاجر مهاجرا مهاجرين شخص شخصا أشخاص مواطن مواطنا مواطنين طفل طفلا أطفال "
    "امرأة نساء جندي جنديا جنود عسكري عسكريا عسكريين مسلح مسلحا مسلحين مقاتل مقاتلا مقاتلين "
    "عنصر عنصرا عناصر فرد فردا أفراد حالة حالات وفاة وفيات",
    "money": "دولار دولارا دولارات يورو دينار دينارا دنانير ريال ريالا ريالات جنيه جنيها جنيهات درهم درهما دراهم "
    "ليرة ليرات فرنك روبل ين يوان",
    "quantity": "برميل برميلا براميل طن طنا أطنان كيلومتر كيلومترا كيلومترات كلم كم متر مترا أمتار "
    "ميغاواط ميجاوات هكتار هكتارا",
}
"""What a number counts, as written after it (singular, accusative and plural forms)."""

_WORDS = "|".join(sorted({re.escape(w) for words in COUNTED.values() for w in words.split()}, key=len, reverse=True))
_PERCENT = "(?:%|٪|بالمئة|بالمائة|بالمية|في المئة|في المائة)"
_MARKS = f"[{HARAKAT}]*"
_NUMBER_RUN = re.compile(f"[{_DIGITS}][{_DIGITS}.,٫٬]*")
"""Where a number may begin (a quick scan; the full pattern is then tried there only)."""
_SEPARATORS = frozenset(".,٫٬_")
"""Before a number, characters that make it the tail of another number or name (3.5, x_2)."""
_BARE_NUMBER = re.compile(rf"{_NUMBER}(?![{_DIGITS}\w])")
COUNTED_NUMBER = re.compile(
    rf"{_NUMBER}(?:\s*{_PERCENT}|\s+(?:{_MULTIPLIER}{_MARKS}\s+)?(?:{_WORDS}){_MARKS}(?!\w))(?![{_DIGITS}])"
)
_PERCENT_WORDS = re.compile(f"\\s*{_PERCENT}\\s*")
_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_DROP_MARKS = str.maketrans(dict.fromkeys(HARAKAT))


def _starts_word(text: str, begin: int) -> bool:
    """Is the number at ``begin`` a word of its own, or glued only to one-letter clitics
    (و1.5 مليار، وب30)? Not 7ر269 (a decimal written with ر) or other letters before it."""
    k = begin
    while k > 0 and begin - k < 2 and text[k - 1] in "وبلفك":
        k -= 1
    return not text[k - 1 : k].isalnum()


class TextNumber(NamedTuple):
    """A number with what it counts: offsets in the text and the canonical form."""

    start: int
    end: int
    canonical: str


def find_numbers(text: str) -> list[TextNumber]:
    """Counted numbers of a text, in order (a number glued to و/ب/ل counts too: و1.5 مليار دولار)."""
    found = []
    end = 0
    for run in _NUMBER_RUN.finditer(text):
        begin = run.start()
        if begin < end or text[begin - 1 : begin] in _SEPARATORS or not _starts_word(text, begin):
            continue
        percent_before = text[begin - 1 : begin] in ("%", "٪")  # %40, as often written before the number
        match = COUNTED_NUMBER.match(text, begin) or (_BARE_NUMBER.match(text, begin) if percent_before else None)
        if match is None:
            continue
        end = match.end()
        begin -= percent_before
        canonical = " ".join(text[begin:end].translate(_TO_ASCII).translate(_DROP_MARKS).split())
        if match.re is _BARE_NUMBER or _PERCENT_WORDS.search(canonical):
            canonical = _PERCENT_WORDS.sub("", canonical).strip() + "%"  # 12 في المئة = 12% = %12
        found.append(TextNumber(begin, end, canonical))
    return found
