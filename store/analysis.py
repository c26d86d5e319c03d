"""Arabic-aware text analysis, the same for documents and queries (DESIGN §3).

normalize: NFKC, harakat/tatweel/controls dropped, alef and hamza carriers folded,
ى→ي, ة→ه, Persian letters and Eastern digits mapped, Latin lowercased.
stem: light stemming (Larkey's light10 family): definite-article and conjunction
prefixes, one-letter prepositions (ب ك ل) and the common suffixes, with minimum lengths.
index_forms / index_row: what the FTS5 index holds; stem_variants / prefix_starts: what a
query word is looked up as. store.matching finds the same words in original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"
TATWEEL = "\u0640"
INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff\u00ad"
)

FOLDS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",  # alef with hamza/madda/wasla
    "ؤ": "ء",
    "ئ": "ء",  # hamza carriers: مسؤول and مسئول are one word
    "ى": "ي",
    "ة": "ه",
    "ک": "ك",
    "ی": "ي",
    "ي": "ي",
    "ہ": "ه",
    "ۀ": "ه",  # Persian/Urdu letters
}
DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}

DROPPED = re.compile(f"[{HARAKAT}{TATWEEL}{INVISIBLE}]+")
_REPLACEMENTS = tuple({**FOLDS, **DIGITS}.items())

# A word: letters/digits, with harakat, tatweel and joiners allowed inside (they are dropped later).
WORD = re.compile(f"[^\\W_][\\w{HARAKAT}{TATWEEL}{INVISIBLE}]*")

DEFINITE_PREFIXES = ("وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال")
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")
SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
MIN_STEM = 3
"""No rule may leave fewer letters than this (2 for the definite article, as in light10)."""


_WORD_TABLE = str.maketrans({**dict.fromkeys(HARAKAT + TATWEEL + INVISIBLE), **FOLDS, **DIGITS})
SHORT = 24
"""Below this length str.translate beats the regex and the str.replace calls (single words)."""


def normalize(text: str) -> str:
    """The searchable form of a text (any length); see the module docstring."""
    if text.isascii():
        return text.lower()
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if len(text) < SHORT:
        return text.translate(_WORD_TABLE).lower()
    text = DROPPED.sub("", text)
    for old, new in _REPLACEMENTS:  # str.replace per letter is ~10x faster than str.translate
        if old in text:
            text = text.replace(old, new)
    return text.lower()


def _is_arabic(word: str) -> bool:
    return "\u0621" <= word[0] <= "\u064a"


_DEFINITE = frozenset(DEFINITE_PREFIXES)
_SUFFIXES_2 = frozenset(suffix for suffix in SUFFIXES if len(suffix) == 2)
_SUFFIXES_1 = frozenset(suffix for suffix in SUFFIXES if len(suffix) == 1)


def light_stem(word: str) -> str:
    """Light stem of one NORMALISED word; non-Arabic words are returned unchanged.

    The longest definite prefix (with clitics) that leaves 2 letters, else a conjunction and
    then a preposition that leave 3; then the longest suffix that leaves 3. Not cached: for
    callers that keep what they stem (the import's word caches); others call ``stem``.
    """
    if not word or not _is_arabic(word):
        return word
    for n in (4, 3, 2):  # the prefixes, longest first (set lookups: this runs for every new word)
        if word[:n] in _DEFINITE and len(word) - n >= 2:
            word = word[n:]
            break
    else:
        if word[0] in CONJUNCTIONS and len(word) - 1 >= MIN_STEM:
            word = word[1:]
        if word[0] in PREPOSITIONS and len(word) - 1 >= MIN_STEM:
            word = word[1:]
    if len(word) - 2 >= MIN_STEM and word[-2:] in _SUFFIXES_2:
        return word[:-2]
    if len(word) - 1 >= MIN_STEM and word[-1] in _SUFFIXES_1:
        return word[:-1]
    return word


stem = lru_cache(maxsize=100_000)(light_stem)
"""light_stem, remembered (highlighting and queries stem the same words again and again)."""

_STEM_CACHE: dict[str, str] = {}


def index_forms(text: str) -> tuple[str, str]:
    """(stems, normal forms) of a text as space-separated words, ready for FTS5.

    The same words store.matching finds in original text, analysed in one pass (fast path
    for importing).
    """
    words = WORD.findall(normalize(text))
    cache = _STEM_CACHE
    if len(cache) > 1_000_000:
        cache.clear()
    for word in set(words).difference(cache):
        cache[word] = light_stem(word)
    stems = list(map(cache.__getitem__, words))
    return " ".join(stems), " ".join(words)


def index_row(title: str, body: str, body_stems: str | None = None) -> tuple[str, str, str]:
    """The FTS5 columns of an article: title stems, body stems, title normal forms.

    ``body_stems``: the body's stems when the caller has them already (the import's facts pass).
    """
    title_stems, title_norms = index_forms(title)
    if body_stems is None:
        body_stems, _ = index_forms(body)
    return title_stems, body_stems, title_norms


CLITIC_PREFIXES = (
    "",
    "و",
    "ف",
    "ب",
    "ك",
    "ل",
    "ال",
    "وال",
    "فال",
    "بال",
    "كال",
    "لل",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
)
"""Proclitic combinations a word can carry in running text."""


ARTICLE_HOSTS = ("", "و", "ف", "ب", "ك", "وب", "وك", "فب", "فك")
"""Proclitics that can stand before the definite article (ل+ال is spelt لل)."""


@lru_cache(maxsize=50_000)
def stem_variants(norm: str) -> tuple[str, ...]:
    """Every stem under which a NORMALISED query word can appear in indexed text.

    The stemmer strips a leading و/ف/ب/ك/ل even when it belongs to the word (وزارة → زار,
    but ووزارة → وزار), so the text's stem of a word depends on the clitics in front of it.
    The variants are the stems of the word, and of the word without the clitics the user
    typed (بالوزارة → وزارة), each as it would be stemmed with every proclitic combination
    in front. The main stem comes first.
    """
    if not norm or not _is_arabic(norm):
        return (norm,)
    bases = [norm]
    typed = next(
        (p for p in sorted(CLITIC_PREFIXES[1:], key=len, reverse=True) if norm.startswith(p)), ""
    )
    if typed and len(norm) - len(typed) >= MIN_STEM:
        bases.append(norm[len(typed) :])
    variants = dict.fromkeys([stem(norm)])
    for base in bases:
        if base.startswith(DEFINITE_PREFIXES[:-1]):
            hosts: tuple[str, ...] = ("",)  # already carries its clitics
        elif base.startswith("ال"):
            hosts = ARTICLE_HOSTS
        else:
            hosts = CLITIC_PREFIXES
        for prefix in hosts:
            variants[stem(prefix + base)] = None
    return tuple(variants)


def prefix_stem(norm: str) -> str:
    """A NORMALISED word-start for prefix* search: proclitics stripped, suffixes kept."""
    if not norm or not _is_arabic(norm):
        return norm
    for prefix in DEFINITE_PREFIXES:
        if norm.startswith(prefix) and len(norm) - len(prefix) >= 2:
            return norm[len(prefix) :]
    return norm


def prefix_starts(norm: str) -> tuple[str, ...]:
    """The stem-column prefixes a NORMALISED prefix* query word stands for."""
    return tuple(dict.fromkeys((prefix_stem(norm), stem(norm))))
