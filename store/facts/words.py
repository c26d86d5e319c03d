"""Words of a text as the entity rules see them: each distinct surface word analysed once.

A Word knows its normal form, its clitic-stripped readings (وبطرابلس → طرابلس) and which
gazetteer/trigger lists each reading belongs to; TextWords splits a text into words with
offsets and the kind of gap before each (spaces, quotes, punctuation or a line break).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import itemgetter, not_
from typing import NamedTuple

from store.analysis import INVISIBLE, light_stem, normalize
from store.facts.gazetteer import Lexicon, Trie
from store.facts.textdates import find_digit_runs

ARTICLE_FORMS = ("ال", "لل", "وال", "فال", "بال", "كال", "ولل", "فلل", "وبال", "فبال", "وكال", "فكال")
"""How a word with the definite article can begin (clitics included), as written."""
QUOTES = frozenset("\"'“”«»‘’„")
MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u200c\u200d]")
MAX_CACHE = 200_000
"""Distinct words per generation of the word cache (two generations: about 150 MB at most)."""

SPACE, QUOTE, BREAK = 0, 1, 2
"""Gap kinds before a word: spaces only; quotes (and spaces); anything else or a line break."""


class Word(NamedTuple):
    """What the lexicon knows about one surface word (computed once per distinct word).

    Offsets (``first``, ``title``, ``org``…) are the clitic prefix length of the reading
    that matched, None when none did. A tuple of plain values, so that the hundreds of
    thousands of cached words cost the garbage collector nothing.
    """

    norm: str
    forms: tuple[tuple[int, str], ...]
    digit: bool
    tanween: bool
    """مشتبهاً: written with tanween, an indefinite noun, not a name."""
    has_al: bool
    """Written with the article (after any clitics); ألعاب has none."""
    stop: bool
    conj: bool
    """Starts with the conjunction و/ف (before a known word or the article)."""
    stem: str
    """store.analysis.stem of ``norm``: the word in the search index, so that an import
    analyses each distinct word once for the index and the facts."""
    names: tuple[tuple[int, Trie], ...] = ()
    first: int | None = None
    first_ambiguous: bool = False
    first_foreign: bool = False
    title: int | None = None
    title_adjectives: bool = False
    org: int | None = None
    org_definite: int | None = None
    org_descriptor: int | None = None
    unit: int | None = None
    unit_named: int | None = None
    security_head: int | None = None
    army: int | None = None
    place: int | None = None
    place_compound: int | None = None
    speech: int | None = None
    family: int | None = None
    """A family or dynasty head (أسرة، عائلة)."""
    misc: bool = False
    security: bool = False
    nisba: bool = False
    """A nationality adjective (الليبي، الأمريكية)."""
    connector: bool = False
    generic: bool = False
    transient: bool = False
    rules: tuple[str, ...] = ()
    """The entity rules that can start at this word, in the order they are tried."""
    live: bool = False
    """True when any rule can start at this word."""


def analyse(surface: str, lex: Lexicon) -> Word:
    """The Word for one surface word."""
    norm = normalize(surface)
    forms = clitic_forms(norm)
    stop = lex.stop
    is_stop = norm in stop or (len(forms) > 1 and forms[1][1] in stop) or len(norm) < 2
    index = lex.index
    hits = [(off, base, tags) for off, base in forms if (tags := index.get(base)) is not None]
    conj = norm[:1] in ("و", "ف") and (
        norm[1:3] == "ال" or norm[1:3] == "لل" or norm[2:4] == "ال" or any(off > 0 for off, _, _ in hits)
    )
    written = surface if unicodedata.is_normalized("NFKC", surface) else unicodedata.normalize("NFKC", surface)
    has_al = written.startswith(ARTICLE_FORMS)  # (presentation forms ﺍﻷﺭﻛﺎﻥ: decided on the letters they stand for)
    plain = (norm, forms, norm.isdigit(), "\u064b" in surface, has_al, is_stop, conj, light_stem(norm))
    return _make_word(plain + _UNKNOWN) if not hits else _known(surface, lex, hits, plain)


_UNKNOWN = tuple(Word._field_defaults[name] for name in Word._fields[len(Word._fields) - len(Word._field_defaults) :])
"""The fields of a word no list knows (most words): all defaults."""
_make_word = Word._make


def _known(surface: str, lex: Lexicon, hits: list[tuple[int, str, frozenset[str]]], plain: tuple) -> Word:
    def at(*tags: str) -> int | None:
        return next((off for off, _, have in hits if not have.isdisjoint(tags)), None)

    norm, is_stop = plain[0], plain[5]
    first = at("first", "first?")
    if first and len(norm) - first < 4:
        first = None  # ورود is not و + رود
    if first == 0 and plain[4] and not norm.startswith("ال"):
        plain = (*plain[:4], False, plain[5], False, plain[7])  # فالتر، والتر، فالح: no و/ف + ال
    if first is not None and norm[first:] in lex.ta_marbuta and surface.endswith("ه"):
        first = None  # ناديه، لناديه (his club), not نادية
    revives = first is not None and norm[first:] == "يحيي" and not surface.endswith("ى")
    # يحيي (revives, salutes) and يحيى (Yahya) normalise alike: as علي, the written ى decides
    if first is not None and is_stop:
        # على (on) and علي (Ali) normalise alike: the written ى decides; else stop wins
        if norm.endswith("ي") and not surface.endswith("ى") and len(norm) > 1:
            is_stop = False
        else:
            first = None
    fields = {
        "names": tuple((off, lex.names[base]) for off, base, tags in hits if "name" in tags),
        "first": first,
        "first_ambiguous": first is not None and (revives or at("first?") is not None),
        "first_foreign": first is not None and norm[first:] in lex.foreign_first,
        "title": at("title", "title+"),
        "title_adjectives": at("title+") is not None,
        "org": at("org"),
        "org_definite": at("org-definite"),
        "org_descriptor": at("org-descriptor"),
        "unit": at("unit"),
        "unit_named": at("unit-named"),
        "security_head": at("unit") if norm.endswith("جهاز") else None,
        "army": at("army"),
        "place": at("place"),
        "place_compound": at("place-compound"),
        "speech": at("speech"),
        "family": at("family"),
        "misc": at("misc") is not None,
        "security": at("security") is not None,
        "nisba": at("nisba") is not None,
        "connector": hits[0][0] == 0 and hits[0][1] == norm and "connector" in hits[0][2],
        "generic": at("generic") is not None,
        "transient": at("transient") is not None,
    }
    def have(*names: str) -> bool:
        return any(fields[name] is not None and fields[name] is not False and fields[name] != () for name in names)

    rules = tuple(
        rule
        for rule, applies in (
            ("unit_number", have("unit")),
            ("acronym", norm in lex.section("letter")),
            ("company", norm in lex.section("org-suffix")),
            ("gazetteer", have("names")),
            ("titled", have("title")),
            ("named_unit", have("security_head", "unit_named", "army")),
            ("org", have("org", "org_descriptor", "org_definite")),
            ("place", have("place", "place_compound")),
            ("family", have("family")),
            ("given_name", have("first") or (fields["connector"] and norm in ("عبد", "ابو")) or _kunya(plain[1])),
            ("spoken", have("speech")),
            ("patronymic", norm in lex.section("patronymic")),
            ("nationality", have("nisba")),
        )
        if applies
    )
    return Word(*plain[:5], is_stop, *plain[6:], **fields, rules=rules, live=bool(rules))  # type: ignore[misc, arg-type, call-arg]


KUNYA = ("ابو", "ابي", "ابا")
"""أبو in its cases (أبي زكريا، أبا بكر): a name starts with it, clitics included (وأبو، لأبي)."""


def _kunya(forms: tuple[tuple[int, str], ...]) -> bool:
    return any(base in KUNYA for _, base in forms)


@lru_cache(maxsize=20_000)
def written_forms(base: str) -> tuple[tuple[str, int], ...]:
    """The normal forms of words whose clitic-stripped readings include ``base``, with the
    clitic length of that reading: the inverse of clitic_forms (طرابلس → وبطرابلس, 3 …)."""
    tails = [base]
    if base.startswith("ال"):
        tails.append("لل" + base[2:])
    found = []
    for conjunction in ("", "و", "ف"):
        for preposition in ("", "ب", "ك", "ل"):
            for tail in tails:
                norm = conjunction + preposition + tail
                off = next((off for off, form in clitic_forms(norm) if form == base), None)
                if off is not None:
                    found.append((norm, off))
    return tuple(dict.fromkeys(found))


def clitic_forms(norm: str) -> tuple[tuple[int, str], ...]:
    """(prefix length, base) for the word and its clitic-stripped readings, unstripped first."""
    forms = [(0, norm)]
    if len(norm) > 3 and norm[0] in "وف":
        forms.append((1, norm[1:]))
    elif len(norm) == 3 and norm[0] == "و":
        forms.append((1, norm[1:]))  # وأم كلثوم، وتل أبيب، ومن: و + a two-letter word
    for off, base in list(forms):
        if len(base) > 3 and base[0] in "بكل":
            if base.startswith("لل"):
                forms.append((off, "ا" + base[1:]))  # للعراق = ل + العراق
            else:
                forms.append((off + 1, base[1:]))
    return tuple(forms)


_IN_WORD = "\\w\u064b-\u065f\u0670\u0640\u200c\u200d"
_SPLIT = re.compile(f"([{_IN_WORD}]+)")
"""Words (letters, digits, marks inside) as split groups: faster than store.analysis.WORD, same words."""
_DROPPED_BETWEEN = INVISIBLE.replace("\u200c", "").replace("\u200d", "")
_SPLITS_ELSEWHERE = re.compile(f"(?<![^\\W_])_|[{_IN_WORD}][{_DROPPED_BETWEEN}]+[{_IN_WORD}]|\u0130")
"""Where store.analysis.WORD over the normalised text splits differently from _SPLIT: a
word starting with "_", an invisible character that normalize() drops inside a word, or
İ (its lower case carries a combining dot, which WORD leaves out of words)."""
_RARE = re.compile(f"[_{_DROPPED_BETWEEN}\u0130]")
"""What _SPLITS_ELSEWHERE needs to be tried at all (a quick scan: most texts have none)."""


_WORD_CHAR = re.compile(f"[{_IN_WORD}]")
_NO_WORD_CHAR = re.compile(f"[^{_IN_WORD}]")


def _nfkc_keeps_words(text: str) -> bool:
    """True when NFKC, which store.analysis.normalize applies to the whole text, moves no word
    boundary: each character it changes stays within a word (ﻻ → لا) or within a gap (… → ...,
    a no-break space → a space). Not so for ﷺ (one letter → four words) or ² (a gap → a digit).

    Only the characters that NFKC changes on their own matter, and a stretch of text that NFKC
    leaves as it is holds none: halves are checked until the stretches are short."""
    if unicodedata.is_normalized("NFKC", text):
        return True
    if len(text) > _SHORT_STRETCH:
        half = len(text) // 2
        return _nfkc_keeps_words(text[:half]) and _nfkc_keeps_words(text[half:])
    return all(map(_keeps_words, text))


_SHORT_STRETCH = 48


@lru_cache(maxsize=4096)
def _keeps_words(ch: str) -> bool:
    """Does NFKC leave this character where it is as to words (see _nfkc_keeps_words)?"""
    if unicodedata.is_normalized("NFKC", ch):
        return True
    folded = unicodedata.normalize("NFKC", ch)
    if _WORD_CHAR.match(ch):  # (never "_" itself: NFKC keeps it)
        return not (_NO_WORD_CHAR.search(folded) or "_" in folded)
    return not _WORD_CHAR.search(folded)


NORM_INDEX = Word._fields.index("norm")
STEM_INDEX = Word._fields.index("stem")
LIVE_INDEX = Word._fields.index("live")


def _scan(
    text: str, cache: WordCache, gap_kinds: dict[str, int], first_gap: int, norm: int, stem: int, live: int
) -> tuple[list, list, list, list, list, list, list, list]:
    """(words, starts, ends, gap kinds, normal forms, non-empty stems, live positions, digit
    runs) of ``text`` (the items ``norm``, ``stem`` and ``live`` of its words; the (start, end)
    of each run of 0-9 and ٠-٩): the Python twin of _wordscan.scan, which gives the same in
    one loop."""
    parts = _SPLIT.split(text)  # gap, word, gap, word, ..., gap
    surfaces = parts[1::2]
    found = list(map(cache.get, surfaces))  # (dict.get: faster than a subclass's [])
    if None in found:
        for i in compress(count(), map(not_, found)):  # the words not cached yet
            found[i] = cache[surfaces[i]]
    words: list[Word] = found  # type: ignore[assignment]  # (every None replaced above)
    gaps = list(map(gap_kinds.__getitem__, parts[0:-1:2]))
    if gaps:
        gaps[0] = first_gap
    offsets = list(accumulate(map(len, parts)))
    norms = list(map(itemgetter(norm), words))
    stems = list(filter(None, map(itemgetter(stem), words)))  # (marks alone have no stem)
    live_at = list(compress(count(), map(itemgetter(live), words)))
    digits = find_digit_runs(text)
    return words, offsets[0::2], offsets[1::2], gaps, norms, stems, live_at, digits


try:  # the C word pass, built by `pip install .` (setup.py) beside the mypyc modules
    from store.facts._wordscan import scan  # type: ignore[import-not-found]

    C_SCAN = True
except ImportError:
    scan = _scan
    C_SCAN = False


class TextWords:
    """The words of one text with their analyses and the gaps between them."""

    def __init__(self, text: str, cache: WordCache) -> None:
        self.text = text
        if len(cache) > MAX_CACHE:
            cache.age()
        # norms: each word's normal form; live: the positions of the words where a rule can
        # start; digits: (start, end) of each run of 0-9 or ٠-٩ (where dates are looked for)
        found = scan(text, cache, GAP_KINDS, BREAK, NORM_INDEX, STEM_INDEX, LIVE_INDEX)
        self.words, self.starts, self.ends, self.gaps, self.norms, self._stems, self.live, self.digits = found
        self.used = [False] * len(self.words)

    def index_stems(self) -> str | None:
        """The text's stems as store.analysis.index_forms gives them, from the words already
        analysed; None when the text splits differently there (then call index_forms)."""
        text = self.text
        if _RARE.search(text) and _SPLITS_ELSEWHERE.search(text):
            return None
        plain = text.replace("\xa0", " ") if "\xa0" in text else text  # (a gap either way)
        if not unicodedata.is_normalized("NFKC", plain) and not _nfkc_keeps_words(plain):
            return None
        return " ".join(self._stems)

    def joined(self, i: int) -> bool:
        """True when word i follows word i-1 with only spaces between (same phrase)."""
        return self.gaps[i] == SPACE


class WordCache(dict):
    """Surface word → Word, analysing each new word on first sight.

    Two generations keep memory bounded without forgetting the common words: when the
    current one is full it becomes the older one, and words met again move back from it.
    """

    def __init__(self, lex: Lexicon) -> None:
        super().__init__()
        self.lex = lex
        self.older: dict[str, Word] = {}

    def __missing__(self, surface: str) -> Word:
        word = self.older.get(surface)
        if word is None:
            word = analyse(surface, self.lex)
        self[surface] = word
        return word

    def age(self) -> None:
        """Start a new generation: words of the older one not met since are forgotten."""
        self.older = dict(self)
        self.clear()


class _GapKinds(dict):
    """Gap text → its kind (SPACE, QUOTE or BREAK), remembered."""

    def __missing__(self, gap: str) -> int:
        kind = _gap_kind(gap)
        if len(self) < 10_000:
            self[gap] = kind
        return kind


GAP_KINDS = _GapKinds()


def _gap_kind(gap: str) -> int:
    stripped = gap.strip().strip(INVISIBLE).strip()  # an RLM/LRM between words is no break
    if not stripped:
        return BREAK if "\n" in gap else SPACE
    return QUOTE if all(ch in QUOTES or ch.isspace() for ch in stripped) else BREAK


def surface_offset(text: str, start: int, norm_chars: int) -> int:
    """Characters of the surface word at ``start`` that hold its first ``norm_chars`` letters."""
    if norm_chars == 0:
        return 0
    offset = 0
    seen = 0
    while seen < norm_chars:
        if not MARKS.match(text[start + offset]):
            seen += 1
        offset += 1
    return offset


def block(t: TextWords, spans: Sequence[tuple[int, int]]) -> None:
    """Mark the words inside ``spans`` as used (dates found before the entity pass)."""
    for start, end in spans:
        i = bisect_left(t.starts, start)
        while i < len(t.starts) and t.starts[i] < end:
            t.used[i] = True
            i += 1
