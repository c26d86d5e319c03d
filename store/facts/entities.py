"""Named entities in Arabic text: gazetteer names plus trigger patterns, clitic-aware.

One left-to-right pass over the words of a text (store.facts.words analyses each distinct
word once, so the pass is a few dict hits per word). Rules, in order, at each word that
can start one:

1. armed unit + number (اللواء 444، جهاز “333”);
2. gazetteer names, longest first (places, organisations, well-known people); a city
   followed by a nationality, or in a results listing, is the club (برشلونة الإسباني،
   ليون ( فرنسا ) - روما ( إيطاليا )); a place in «guillemets» is the paper;
3. title (+ office adjectives) + name (الرئيس الأمريكي جورج بوش → جورج بوش), or one
   ال-word after a dynastic title or honorific (الإمام الرضا، الشيخ الشعراوي);
4. named units (قوات الردع، جهاز الأمن الداخلي، الجيش الليبي);
5. organisation heads + a definite phrase (وزارة الدفاع، المجلس الاقتصادي والاجتماعي)
   or a foreign name (جامعة ريكو), and descriptors before an organisation's own name
   (شركة "أرامكو" → أرامكو); حكومة + a country is the country;
6. place heads + a name (مدينة إيلات → إيلات، قرية النخيل);
7. family or dynasty heads + a name (أسرة مينغ، عائلة الحريري);
8. given name + more name words (محمد بن سلمان), a kunya (لأبي خليل القباني), or a known
   given name alone;
9. verb of saying (or يدعى، بزعامة) + an unknown name (وقال بلير إن …);
10. X بن Y with an unknown X; a nationality used as a noun + a name (الفرنسي تييري هنري،
   والروسية سفتلانا كوزنتسوفا), not a nationality adjective (غارة إسرائيلية استهدفت).

After each person, و or a comma + the next name of a list is taken too (ادم ساندلر وكيت
بيكنسيل، إيلي صعب، دوناتيلا فرساتشي); a name right before a comma and an office is a person
(كيسلي دافنبورت، رئيسة قسم …).

A name ends at its family name: one with ة (علي جمعة) or of the nisba form (فيصل السويدي,
محمد مقلد المريخي), a regnal number (الثالث عشر) or an initial (محمد ب.), but not at a
verbal noun, an accusative or a word with a pronoun (مها أحمد برنامجا، هنري التقدم).

Then surnames of people found are followed through the rest of the text (بوش after
جورج بوش). Words are "name-like" unless they are function words, numbers, triggers,
verb-looking or nationalities; see the helpers at the end.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress, count
from typing import NamedTuple

from store.analysis import normalize
from store.facts.gazetteer import ORG, PERSON, PLACE, UNIT, Entry, Lexicon, Trie, entity_key, lexicon
from store.facts.words import (
    BREAK,
    KUNYA,
    MARKS,
    QUOTE,
    QUOTES,
    TextWords,
    Word,
    WordCache,
    block,
    surface_offset,
    written_forms,
)

NISBA_ENDINGS = ("ي", "يه")
"""Proper adjectives (الليبي، الأمريكية) end so once normalised."""

RULES = ("unit_number", "acronym", "company", "gazetteer", "titled", "named_unit", "org", "place", "family", "given_name", "spoken",
         "patronymic", "nationality")  # fmt: skip
"""Rule methods (``_name``) in the order they are tried at a word; see the module docstring."""
MAX_PHRASE = 4
MAX_NAME = 4
MAX_QUOTED = 5
"""Words of a quoted organisation name after its head (more is a quotation)."""


class Entity(NamedTuple):
    """A named entity: type, surface text, canonical form and offsets in the text.

    A plain tuple: cheap to send back from the import's worker processes.
    """

    type: str
    text: str
    canonical: str
    start: int
    end: int


_QUOTES_DROPPED = str.maketrans(dict.fromkeys(QUOTES))


def _canonical(text: str) -> str:
    """Display form of an entity's text: marks, quotes and extra spaces dropped, presentation
    forms (ﺍﻟﺘﻮﺍﻫﻲ، اﻻحمر) written as the letters they stand for."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = MARKS.sub("", text).translate(_QUOTES_DROPPED)
    return " ".join(text.split())


class Extractor:
    """Finds entities in texts; keep one per process (it caches word analyses)."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or lexicon()
        self.cache = WordCache(self.lex)
        self._rules = {name: getattr(self, "_" + name) for name in RULES}
        self._norms: dict[str, str] = {}

    def words(self, text: str) -> TextWords:
        """The words of ``text``, analysed (through this extractor's cache)."""
        return TextWords(text, self.cache)

    def entities(
        self, text: str, blocked: Sequence[tuple[int, int]] = (), words: TextWords | None = None
    ) -> list[Entity]:
        """Entities of ``text`` in order; words inside ``blocked`` spans (dates) are skipped.

        ``words``: ``self.words(text)`` when the caller needs them too (the import's index).
        """
        t = words if words is not None else TextWords(text, self.cache)
        self.first_word = 0
        """First word of the entity made last (rules may look ahead before any is made)."""
        self.trusted: dict[int, bool] = {}
        """End offsets of people found by given name (False) or gazetteer (True): their
        surnames are followed through the text."""
        if blocked:
            block(t, blocked)
        found: list[Entity] = []
        all_words = t.words
        used = t.used
        rules = self._rules
        for i in t.live:
            if used[i]:
                continue
            for rule in all_words[i].rules:
                hit = rules[rule](t, i)
                if hit is not None:
                    break
            else:
                continue
            entity, last = hit
            found.append(entity)
            for k in range(min(i, self.first_word), last + 1):
                used[k] = True
            while entity.type == PERSON and (
                hit := self._comma_listed(t, last + 1)
                if last + 1 < len(all_words) and t.gaps[last + 1] == BREAK
                else self._listed(t, last + 1)
            ):  # a name after a comma, or و + a name after a space
                entity, last = hit  # كلارنس سيدورف وروي ماكاي وإدغار دافيدز
                found.append(entity)
                for k in range(self.first_word, last + 1):
                    used[k] = True
        if "(" in t.text:
            found.extend(self._bracketed(t, found))
        found.extend(self._follow_surnames(t, found))
        found.sort(key=lambda e: e.start)
        return found

    # -- building entities ---------------------------------------------------------------

    def _make(
        self, t: TextWords, type_: str, first: int, last: int, off: int, canonical: str | None = None
    ) -> tuple[Entity, int]:
        self.first_word = first
        start = t.starts[first] + surface_offset(t.text, t.starts[first], off)
        end = t.ends[last]
        surface = t.text[start:end]
        if canonical is None:
            canonical = _canonical(surface)
            if canonical.startswith("لل") and t.words[first].forms[-1][1].startswith("ال"):
                canonical = "ا" + canonical[1:]
        return Entity(type_, surface, canonical, start, end), last

    def _person(self, t: TextWords, first: int, last: int, off: int) -> tuple[Entity, int]:
        """A person found by a cue or a given name (not as listed): its surname is followed
        through the text (see _follow_surnames) unless a listed name already ends there."""
        self.trusted.setdefault(t.ends[last], False)
        return self._make(t, PERSON, first, last, off)

    # -- rules -----------------------------------------------------------------------------

    def _unit_number(self, t: TextWords, i: int) -> tuple[Entity, int] | None:
        w = t.words[i]
        if w.unit is None or i + 1 >= len(t.words) or not t.words[i + 1].digit or t.gaps[i + 1] == BREAK:
            return None
        head = _canonical(t.text[t.starts[i] + surface_offset(t.text, t.starts[i], w.unit) : t.ends[i]])
        if not head.startswith("ال") and head in ("لواء", "كتيبة", "فرقة", "سرية", "فيلق"):
            head = "ال" + head
        return self._make(t, UNIT, i, i + 1, w.unit, f"{head} {t.words[i + 1].norm}")

    def _gazetteer(self, t: TextWords, i: int) -> tuple[Entity, int] | None:
        best: tuple[int, int, Entry] | None = None
        words, used, gaps = t.words, t.used, t.gaps
        n = len(words)
        given = words[i].first == 0
        node: Trie | None
        for off, node in words[i].names:
            if off and given:
                continue  # كلاوس، فلوريان: the given name, not ك + لاوس, ف + لوريان
            k = i
            while True:
                entry = node.get(None)
                if entry is not None and (best is None or k > best[0]):
                    best = (k, off, entry)
                k += 1
                if k >= n or gaps[k] or used[k]:
                    break
                node = node.get(words[k].norm)
                if node is None:
                    break
        if best is None:
            k = i + 1  # (a nationality after it: rare, so the club check runs seldom)
            return self._club(t, i) if k < n and words[k].nisba and not gaps[k] else None
        last, off, entry = best
        if (
            last > i and words[last].nisba and entry.type == ORG and _club_nationality(t, last)
            and not _federation(t, last + 1) and not self._names_nationality(entry, last, t)
        ):  # fmt: skip
            last -= 1  # الهلال السعودي (listed so): the club is الهلال; the nationality is not its name
        elif (
            last > i and entry.type == ORG and words[last].nisba and words[last].has_al
            and words[last].norm.endswith("يه") and not self._names_nationality(entry, last, t)
            and not _whole_place_or_org(words[last])
        ):  # fmt: skip
            last -= 1  # الحياة اللندنية (listed so, canonical الحياة): the paper is الحياة (not أرامكو السعودية)
        if off > 1 and entry.type != PLACE and len(t.words[i].norm) - off < 4:
            return None  # فلكيا is not ف + ل + كيا: two clitics before a short name
        if off and last == i and t.words[i].norm[off - 1] == "ك" and len(t.words[i].norm) - off < 4:
            return None  # كسرت (broke) is not ك + سرت
        if t.words[i].first_ambiguous and entry.type == PERSON and last == i:
            return None
        if entry.type != PERSON and t.text[t.ends[last] - 1] == "ى" and not entry.canonical.endswith("ى"):
            return None  # أودى بحياة (a verb), not أودي (Audi): the written ى decides
        if (
            entry.type == PLACE and last == i and t.text[t.ends[i] - 1] == "ه" and entry.canonical.endswith("ة")
            and len(words[i].norm) - off <= 5 and not words[i].has_al
            and not (i > 0 and t.joined(i) and words[i - 1].forms[-1][1] in LAND_NOUNS)
        ):  # fmt: skip
            return None  # زواره، جده الأكبر، ما وجده: a short word and ه, a pronoun (but لشبونه، محافظة صعده)
        if off and entry.type == ORG and last == i and _with_noun(t, i, off):
            return None  # بحماس كبير، بحماس الجماهير: "with enthusiasm", not ب + Hamas
        if entry.type == PERSON:
            k = last + 1
            if k + 1 < n and words[k].norm in CHAIN and not gaps[k] and not used[k] and _chained(t, k):
                last = self._name_end(t, k)  # حمدان بن محمد (listed) بن راشد آل مكتوم: one person
            elif k < n and not gaps[k] and not used[k] and words[k].has_al and self._family_after(t, last, i):
                last = k  # أحمد يوسف (listed) الجفيري
            self.trusted[t.ends[last]] = True
        if entry.type == PLACE and i > 0 and t.joined(i):
            before = t.words[i - 1]
            if before.misc or (
                last == i and off == 0 and before.has_al and not before.stop and t.words[i].norm.endswith(NISBA_ENDINGS)
            ):
                return None  # كأس ألمانيا، بطولة الولايات المتحدة المفتوحة; الحكومة السعودية (an adjective)
        if entry.type == ORG and last > i and off == 0 and words[i].norm in NAME_ALONE:
            inner = self._gazetteer(t, i + 1)
            if inner is not None and inner[1] == last:  # حركة حماس، قناة الجزيرة: the name alone
                if _club_nationality(t, last + 1):
                    return inner[0]._replace(type=ORG), last  # نادي النصر العماني: its own canonical
                return inner[0]._replace(type=ORG, canonical=entry.canonical), last
        if (
            entry.type == ORG and last == i + 1 and words[i].norm[off:] in NAME_ALONE and words[i].norm[off:] not in LISTED_WHOLE
            and not _whole_place_or_org(words[last]) and not _club_nationality(t, last + 1)
        ):  # fmt: skip
            return self._make(t, ORG, last, last, 0, entry.canonical)  # حركة فتح، لصحيفة السفير (listed so)
        type_ = entry.type
        if type_ == PLACE and last == i and _club_nationality(t, i + 1) and not (i > 0 and words[i - 1].forms[-1][1] in LAND_NOUNS):
            type_ = ORG  # برشلونة الإسباني, هامبورغ الألماني: the club, not the city (but منتجع سوسة التونسي)
        elif type_ == PLACE and off == 0 and (_guillemets(t, i, last) or self._listed_club(t, i, last)):
            type_ = ORG  # «الشرق الأوسط» (the paper); ليون ( فرنسا ) - روما ( إيطاليا ) (the clubs)
        elif type_ == ORG and last == i and off == 0 and i > 0 and t.joined(i) and words[i - 1].forms[-1][1] in REGION_HEADS:
            return self._make(t, PLACE, i, last, 0)  # شرق الأناضول، شمال الجزيرة: the land, not the agency or channel
        elif (
            type_ == PLACE and last > i and words[i].forms[-1][1] in SPAN_HEADS
            and entity_key(entry.canonical).split(" ", 1)[0] != words[i].forms[-1][1]
        ):  # fmt: skip
            return self._make(t, PLACE, i + 1, last, 0, entry.canonical)  # (مدينة) وجدة، (محافظة) عمران: the name
        return self._make(t, type_, i, last, off, entry.canonical)

    def _acronym(self, t: TextWords, i: int) -> tuple[Entity, int] | None:
        """Latin letters spelt out in Arabic, two or more, with spaces or dots between (بي بي سي،
        إن بي سي، إتش. إس. بي. سي): an organisation's acronym, not that of a thing (دي في دي)."""
        words = t.words
        first = last = i
        while first > 0 and not t.used[first - 1] and _spelt_on(t, first) and words[first - 1].norm in LETTERS:
            first -= 1
        while last + 1 < len(words) and not t.used[last + 1] and _spelt_on(t, last + 1) and words[last + 1].norm in LETTERS:
            last += 1
        if first < i and words[first].norm == "ال" and t.text[t.starts[first]] == "آ":
            first += 1  # آل (a family), not إل (L)
        while first < last and _letter_word(t, first) and t.joined(first):
            first += 1  # في بي بي سي: "in", then BBC (but «دي جيه آي»، ( أن أس أيه ))
        after = _gap(t, last + 1).strip()[:1] if last + 1 < len(words) else ""
        while last > first and _letter_word(t, last) and after not in QUOTES and after != ")":
            last -= 1  # إف بي آي إن: إنّ after FBI
        known = self._peek(t, first) if words[first].names else None
        if known is not None and known[1] >= last:
            return self._gazetteer(t, first)  # سي إن إن، إف بي آي: as listed
        if last == first or " ".join(w.norm for w in words[first : last + 1]) in NOT_ORG_ACRONYMS:
            return None
        if _numbered(t, first, last) or (first > 0 and any(base in THING_HEADS for _, base in words[first - 1].forms)):
            return None  # رحلة «إم إتش 17»، من طراز «إم بي دي إيه»، نظام «آي أو إس»: a thing's code
        return self._make(t, ORG, first, last, 0)

    def _company(self, t: TextWords, i: int) -> tuple[Entity, int] | None:
        """A foreign company or institute name with a word such as كورب، إنترناشيونال،
        University (سياك موتور كورب، Free University of Berlin): in Arabic letters one to three
        foreign-looking or known name words before it and the suffixes after it; in Latin
        letters the run of capitalised words around it."""
        first: int | None
        if t.words[i].norm.isascii():
            first, last = _latin_run(t, i)
            return self._make(t, ORG, first, last, 0) if last > first else None
        first = None
        k = i - 1
        while k >= 0 and i - k <= 3 and t.joined(k + 1) and not t.used[k]:
            w = t.words[k]
            if w.stop or w.digit or w.has_al or w.nisba or w.conj or not (
                _foreign_word(w, accusative_ok=True) or w.names or w.first is not None or w.norm in LETTERS
            ):
                break
            if "company" not in w.rules:  # (هولدينغز ليميتد: suffixes alone are no name)
                first = k
            k -= 1
        return None if first is None else self._make(t, ORG, first, _suffix_end(t, i), 0)

    def _family_after(self, t: TextWords, last: int, first: int) -> bool:
        """Does a family nisba follow the known person at first..last whose last word is a
        given name, bare or with the article (أحمد يوسف الجفيري، سعود الفيصل السديري)?"""
        w, k = t.words[last], last + 1
        if w.first is None and not (w.has_al and w.norm[2:] in self.lex.first_names):
            return False
        after = t.words[k]
        if after.conj or after.forms[-1][0] > 0 or after.names or after.first is not None or not _name_like(after):
            return False  # (سعود الفيصل الوزير)
        if _participle(after.norm[2:]):
            return False  # علي حسن المجيد الملقب بـ …
        return _family_nisba(after)

    def _club(self, t: TextWords, i: int) -> tuple[Entity, int] | None:
        """A club whose name is a common word (النصر), listed only with its nationality (النصر
        السعودي, canonical النصر), before another nationality (النصر العماني): a club too."""
        if not _club_nationality(t, i + 1) or t.used[i + 1] or t.words[i].org_definite is not None:
            return None  # (الاتحاد الكويتي: the federation)
        if _federation(t, i + 2) or (i > 0 and t.joined(i) and not _club_may_follow(t.words[i - 1])):
            return None
        k = i + 2
        if k < len(t.words) and t.joined(k) and t.words[k].has_al and not t.words[k].stop:
            return None  # العهد السعودي الزاهر: a noun and its adjectives
        nisba = self.lex.section("nisba")
        for off, node in t.words[i].names:
            base = t.words[i].norm[off:] if off else t.words[i].norm
            if not base.startswith("ال") or len(base) < 4 or _verbal_noun(base[2:]) or base[2] == "ت":
                return None  # الاتفاق الإيراني، التعاون السوري: the agreement, the cooperation
            for key, child in node.items():
                entry = child.get(None) if key in nisba else None
                if entry is not None and entry.type == ORG and self._normalize(entry.canonical) == base:
                    name = _canonical(t.text[t.starts[i] : t.ends[i + 1]])
                    return self._make(t, ORG, i, i, off, name[off:] if off else name)
        return None

    def _names_nationality(self, entry: Entry, last: int, t: TextWords) -> bool:
        """Does the canonical name of ``entry`` end with the nationality at word ``last`` (الهلال
        السوداني, الاتحاد الأوروبي), not only an alias (الهلال السعودي → الهلال)?"""
        return self._normalize(entry.canonical.rsplit(" ", 1)[-1]) == t.words[last].norm

    def _listed_club(self, t: TextWords, i: int, last: int) -> bool:
        """Is the place at i..last a club in a results listing: followed by its country in
        brackets, with a dash before it, or after the brackets when another listed club comes
        before it (ليون ( فرنسا ) - روما ( إيطاليا ))?"""
        k = last + 1
        if k + 1 >= len(t.words) or _gap(t, k).strip() != "(" or not _gap(t, k + 1).strip().startswith(")"):
            return False
        before = _gap(t, i).strip()
        if not before.endswith("-"):
            if not _gap(t, k + 1).replace(" ", "").startswith(")-"):
                return False
            paired = k + 2 < len(t.words) and _gap(t, k + 2).strip() == "("  # X ( c ) - Y ( c )
            if not (before.endswith(")") or paired):
                return False  # a dateline: ساو باولو ( البرازيل ) - أعلن …
        country = self._peek(t, k) if not t.used[k] else None
        return country is not None and country[1] == k and country[0].type == PLACE

    def _name_after(
        self, t: TextWords, j: int, type_: str = PERSON
    ) -> tuple[int, None] | tuple[None, tuple[Entity, int] | None]:
        """Word j right after a head word (title, verb of saying, family or place head):
        ``(j, None)`` when it is free and no gazetteer name starts there (the rule goes on),
        ``(None, hit)`` for a known name of ``type_`` at j, ``(None, None)`` when there is
        nothing to take (end, punctuation, a used word or a known name of another type)."""
        if j >= len(t.words) or t.gaps[j] or t.used[j]:  # (gaps[j] == SPACE: t.joined(j), inlined)
            return None, None
        if t.words[j].names and (known := self._gazetteer(t, j)) is not None:
            return None, known if known[0].type == type_ else None
        return j, None

    def _titled(self, t: TextWords, i: int) -> tuple[Entity, int] | None:
        w = t.words[i]
        if w.title is None or _names_a_place(t, i):
            return None
        j = i + 1
        if w.title_adjectives:
            skipped = 0
            while (
                skipped < 3 and j < len(t.words) and t.joined(j) and t.words[j].has_al
                and t.words[j].first is None and not t.words[j].stop and not t.words[j].conj
                and t.words[j].title is None
                and (
                    not t.words[j].names
                    or (t.words[j].norm.endswith(NISBA_ENDINGS) and self._no_name_at(t, j))
                    or (_name_follows(t, j + 1) and self._no_name_at(t, j))
                )
                # رئيس النادي رامون …، وزير الدفاع جوونو …, but not النادي الإفريقي or للقوات
            ):  # fmt: skip
                j += 1
                skipped += 1
        if j == i + 1 and j < len(t.words) and t.joined(j) and t.words[j].norm == BI_ISM:
            spokesman = self._spokesman(t, j + 1)
            if spokesman is not None:
                return spokesman
        if j == i + 1 and j < len(t.words) and t.joined(j) and _pronoun_complement(t, j):
            j += 1  # المتحدث باسمها عبد الرحمن ديناري، وزير خارجيتها سيرغي لافروف
        found = self._titled_name(t, i, j)
        if found is None and j > i + 1:
            found = self._titled_word(t, i, i + 1)  # الإمام الرضا في …: the "adjective" was the name
        if found is None and i > 1 and t.gaps[i] == BREAK and _gap(t, i).strip() in COMMAS:
            found = self._apposed(t, i)
        return found

    def _spokesman(self, t: TextWords, k: int) -> tuple[Entity, int] | None:
        """The name after المتحدث/الناطق باسم + one to three definite words naming no listed
        body (المتحدث باسم الخارجية التركية ناميك تان، … باسم الحكومة كريم ساجدي): a given name
        or two foreign-looking words, ending where the phrase does."""
        skipped = 0
        while skipped < 3 and k < len(t.words) and t.joined(k) and not t.used[k]:
            w = t.words[k]
            if not w.has_al or w.stop or w.conj or w.names or w.first is not None or w.org_definite is not None:
                break
            k += 1
            skipped += 1
        if skipped == 0 or k >= len(t.words) or not t.joined(k) or t.used[k]:
            return None
        start = t.words[k]
        if start.has_al or start.conj or not _name_like(start):
            return None
        if start.first is None and not (_foreign_name(t, k) and _foreign_pair(t, k)):
            return None
        last = self._name_end(t, k, foreign=start.first is None)
        if last == k and start.first is None and _phrase_ends(t, k + 2):
            last = k + 1  # (… ناميك تان ان: two foreign words, then the phrase ends)
        if last == k or not (_phrase_ends(t, last + 1) or t.words[last + 1].title is not None):
            return None
        return self._person(t, k, last, start.first or 0)

    def _peek(self, t: TextWords, j: int) -> tuple[Entity, int] | None:
        """The gazetteer name starting at word j, leaving ``first_word`` as it was."""
        first = self.first_word
        hit = self._gazetteer(t, j)
        self.first_word = first
        return hit

    def _no_name_at(self, t: TextWords, j: int) -> bool:
        """Does no gazetteer name start at word j (a word only beginning one, الدفاع of الدفاع
        المدني)? The rule's state is left as it was."""
        return self._peek(t, j) is None

    def _apposed(self, t: TextWords, i: int) -> tuple[Entity, int] | None:
        """A name before a comma and the title of its office (أنيت براون، مسؤولة …، وأكد رباح
        المهنا، عضو المكتب السياسي): one to three unknown name words back from the comma,
        after a clear start (punctuation, a function word, a verb of saying, a title or an
        adjective of one)."""
        last = i - 1
        if t.used[last] or (i + 1 < len(t.words) and not t.joined(i + 1)):
            return None  # (a title alone before punctuation is no office)
        first = None
        k = last
        while k >= 0 and last - k < 3 and not t.used[k] and _apposed_word(t, k, k == last):
            first = k
            if not t.joined(k):
                break
            k -= 1
        if first is None:
            return None
        if t.joined(first):
            before = t.words[first - 1]
            if t.used[first - 1] or not (
                before.stop or before.speech is not None or before.title is not None or before.nisba
            ):
                return None  # اقترحه سبيكتر: a verb or noun may be part of it
        start = t.words[first]
        if first == last and start.first is not None and not start.first_foreign and not start.first_ambiguous:
            pass
        elif first == last and (start.first is not None or not _foreign_word(start, accusative_ok=True)):
            return None  # one word: a foreign-looking name (سبيكتر), not a noun or a name also a word
        return self._person(t, first, last, start.first or 0)

    def _titled_name(self, t: TextWords, i: int, j: int) -> tuple[Entity, int] | None:
        """The name starting at word j after title i (and any office adjectives)."""
        after, known = self._name_after(t, j)
        if after is None:
            return known
        j = after
        w = t.words[i]
        start = t.words[j]
        if start.first is None and (start.has_al or not _foreign_name(t, j)):
            return self._titled_word(t, i, j)
        if not _name_like(start) or (start.has_al and start.first_ambiguous and not w.norm.endswith(DYNASTIC)):
            return None  # but الملك الحسين
        if w.norm in TEAM_TITLES and (start.first is None or start.first_ambiguous):
            return None  # الفريق جاهز: the team, not a general
        nxt = t.words[j + 1] if j + 1 < len(t.words) and t.joined(j + 1) else None
        if start.first is None and not _foreign_pair(t, j) and not (nxt and (nxt.first is not None or nxt.connector)):
            # one unknown word after the title (not دينا عبدالله)
            kin = not w.has_al and t.text[t.ends[i] - 1] == "ه"  # زوجته ميلفا، زميله أوكولاجا
            if start.norm.endswith("ا") and (j > i + 1 or not kin):
                return None  # لم يحرك الملك ساكنا، وكان الملك الشرعي غائبا: an accusative
            if not w.has_al and not kin and j == i + 1:
                return None  # مدير فني، وزير خارجية: a construct head and its complement
            if _three_consonants(start.norm):
                return None  # اللاعب رقم واحد: a noun (but الرئيس بوش، الرئيس بري)
        last = self._name_end(t, j)
        if last == j and self._office_of_land(t, j):
            return None  # إبراهيم السلطان أمين منطقة الرياض: a family name, then an office
        end = t.words[last]
        if (
            last > j and end.has_al and w.norm.endswith(ROYAL) and end.first is None and not end.names
            and not _family_nisba(end) and end.norm[2:] not in self.lex.first_names and end.norm not in ORDINALS
            and not t.words[last - 1].connector
        ):  # fmt: skip
            last -= 1  # استقبل الملك حسين الوفد: the object (but الأمير خالد الفيصل، الأمير بندر السديري)
        if start.has_al and start.first_ambiguous and last > j and not t.words[j + 1].connector:
            last = j  # الملك الحسين طيب الله ثراه, but الملك الحسين بن طلال
        if w.norm.endswith(REGNAL):
            last = _regnal_number(t, last)  # الملك ألفونسو الثالث عشر، الشاه عباس الأول
        person, end = self._person(t, j, last, start.first or 0)
        if j == i + 1:  # الملك سلمان, listed with its title: that canonical name, not سلمان alone
            listed = self.lex.titled.get(f"{w.norm[w.title or 0 :]} {entity_key(person.canonical)}")
            if listed is not None:
                person = person._replace(canonical=listed)
        return person, end

    def _titled_word(self, t: TextWords, i: int, j: int) -> tuple[Entity, int] | None:
        """A one-word name right after a title, with nothing name-like after it: an ال-word
        after a dynastic title (الإمام الرضا، الملك الحسين) or a family nisba after an
        honorific (الشيخ الخراساني); a foreign name ending in ون/ين after a title
        (الحارس هيلتون)."""
        if j >= len(t.words) or not t.joined(j) or t.used[j] or not _alone(t, j):
            return None
        w, start = t.words[i], t.words[j]
        if start.first is not None or w.norm in TEAM_TITLES:
            return None
        if start.has_al:
            if w.norm.endswith(HONORIFICS) and _family_nisba(start):
                return self._make(t, PERSON, j, j, 0)
            if w.norm.endswith(LEADERS) and j == i + 1 and len(start.norm) == 5 and _three_consonants(start.norm[2:]):
                return self._make(t, PERSON, j, j, 0)  # الرئيس الأسد (not الرئيس الجديد، الرئيس الأفغاني)
            if (
                w.norm.endswith(DYNASTIC) and not start.norm.startswith("الم") and not start.norm.endswith("ي")
                and start.norm not in QUANTIFIERS
            ):  # fmt: skip
                return self._make(t, PERSON, j, j, 0)  # not الملك المفدى، الملك الشرعي
            return None
        norm = start.norm
        if j == i + 1 and norm.endswith(("ون", "ين")) and len(norm) > 5 and not norm.startswith(VERB_PREFIXES):
            return self._make(t, PERSON, j, j, 0)
        if (
            j == i + 1 and w.norm.endswith(STYLES) and len(norm) >= 4 and not start.conj and not start.tanween
            and not norm.endswith(("ها", "هم", "ات")) and t.text[t.ends[j] - 1] != "ه" and not start.names
        ):  # fmt: skip
            return self._make(t, PERSON, j, j, 0)  # اللورد ستيفنز، السيدة حسينة، السلطان قلاوون: a name alone
        return None

    def _named_unit(self, t: TextWords, i: int) -> tuple[Entity, int] | None:
        w = t.words[i]
        if w.security_head is not None and i + 1 < len(t.words) and t.joined(i + 1) and t.words[i + 1].security:
            last = self._phrase_end(t, i + 1, need_nisba=False)
            if last is not None:
                return self._make(t, UNIT, i, last, w.security_head)  # جهاز الأمن الداخلي
        if w.unit_named is not None and (found := self._headed(t, i, UNIT, w.unit_named)):
            return found  # قوات الردع، or قوات الأمم المتحدة (the named organisation)
        if w.army is not None:
            last = self._phrase_end(t, i + 1, need_nisba=True)
            if last is not None:
                return self._make(t, UNIT, i, last, w.army)
        return None

    def _org(self, t: TextWords, i: int) -> tuple[Entity, int] | None:
        w = t.words[i]
        if w.norm.endswith("نادي") and t.text[t.ends[i] - 1] == "ى":
            return None  # نادى آخرون (called), not نادي (a club)
        if (
            i + 1 < len(t.words) and t.gaps[i + 1] == QUOTE and not w.has_al and not w.norm.endswith("ديوان")
            and (found := self._quoted(t, i + 1)) is not None
        ):  # fmt: skip
            return found  # صحيفة "السفير"، مؤسسة « سكور بلس » (not المجلس «يصادق»، ديوان «…», a book)
        if w.org_descriptor is not None:
            return self._described(t, i)
        if w.org is not None and (found := self._headed(t, i, ORG, w.org)):
            return found  # وزارة الدفاع، or مفوضية الأمم المتحدة (the named organisation)
        if w.org_definite is not None:
            last = self._phrase_end(t, i + 1, need_nisba=True)
            if last is None:
                j = i + 1  # الهيئة العامة للتأمين الصحي: a general adjective, then what the body is for
                if j < len(t.words) and t.joined(j) and not t.used[j] and t.words[j].generic and t.words[j].has_al:
                    last = _complement_end(t, j + 1)
            else:
                last = _complement_end(t, last + 1) or last  # الاتحاد الصيني لشركات صناعة السيارات
            if last is not None:
                return self._make(t, ORG, i, last, w.org_definite)
        return None

    def _quoted(self, t: TextWords, j: int) -> tuple[Entity, int] | None:
        """The name in quotes from word j after an organisation head: one to five words
        between an opening and a closing quote, not a quoted adjective (منظمة "إرهابية")."""
        if t.used[j] or _gap(t, j).rstrip()[-1:] not in QUOTES:
            return None
        last = j
        while last + 1 < len(t.words) and t.joined(last + 1) and not t.used[last + 1]:
            last += 1
            if last - j >= MAX_QUOTED:
                return None  # a quotation, not a name
        after = _gap(t, last + 1) if last + 1 < len(t.words) else t.text[t.ends[last] :]
        if after.lstrip()[:1] not in QUOTES or t.words[j].stop or t.words[last].stop:
            return None
        w = t.words[j]
        if last == j and not w.names and (w.nisba or w.tanween or w.generic or w.digit or w.norm.endswith(("يه", "ي"))):
            return None  # شركة "وهمية"، مجلس "شكلي": scare quotes on an adjective
        known = self._peek(t, j) if w.names else None
        return self._make(t, ORG, j, last, 0, known[0].canonical if known and known[1] == last else None)

    def _headed(self, t: TextWords, i: int, kind: str, head: int) -> tuple[Entity, int] | None:
        """A head word and the phrase after it; a known organisation right after it wins."""
        last: int | None
        gaz = self._gazetteer(t, i + 1) if i + 1 < len(t.words) and t.joined(i + 1) else None
        if gaz is not None and gaz[0].type == ORG:
            if t.words[i].norm[head:] == "منظمه":  # منظمة الأمم المتحدة، منظمة أوبك: named with the head
                return self._make(t, ORG, i, gaz[1], head, gaz[0].canonical)
            return gaz
        if t.words[i].norm[head:] in KNOWN_ONLY:
            return None  # وتنظيم الهجرة، جماعة التقدميين: organising, a group (but تنظيم القاعدة, listed)
        if i + 1 < len(t.words) and t.words[i + 1].norm in PANELS.get(t.words[i].norm[head:], ()):
            return None  # هيئة الدفاع، هيئة المحكمة، لجنة التحكيم: a panel of a case or contest
        base = t.words[i].norm[head:]
        named = None
        if gaz is not None and gaz[0].type == PLACE and base in NAMED_BY_PLACE:
            named = gaz[1]  # جامعة القاهرة، جامعة بيونغ يانغ: the university
        elif base in NAMED_AFTER_PEOPLE and i + 1 < len(t.words) and t.joined(i + 1):
            person = gaz if gaz is not None and gaz[0].type == PERSON else self._given_name(t, i + 1)
            if person is not None and person[0].type == PERSON and person[1] > i + 1:
                named = person[1]  # مؤسسة محمد بن راشد، مستشفى حمد العام: named after a person
        if named is not None:
            last = k = named  # and its adjectives (not its nationality: جامعة وارسو البولندية)
            while k + 1 < len(t.words) and k - named < 3 and t.joined(k + 1) and not t.used[k + 1]:
                w = t.words[k + 1]
                if not (w.has_al or w.norm.startswith("لل")) or w.nisba or w.stop or w.transient or w.names:
                    break
                last = k = k + 1
            return self._make(t, ORG, i, last, head)
        last = self._phrase_end(t, i + 1, need_nisba=False)
        if gaz is not None and gaz[0].type == PLACE and t.words[i].norm[head:] in PLACE_ITSELF and (
            last is None or last <= gaz[1] or not t.words[gaz[1] + 1].norm.endswith(NISBA_ENDINGS)
        ):
            return gaz  # حكومة السودان، حكومة تونس التعامل مع …، خارج مركز لندن: the country, the city
        if last is None and kind == ORG and gaz is None:
            last = _foreign_org_name(t, i + 1)  # جامعة هارفارد، معهد ماساتشوستس
        return self._make(t, kind, i, last, head) if last is not None else None

    def _described(self, t: TextWords, i: int) -> tuple[Entity, int] | None:
        """The name after an organisation descriptor, quoted or not (شركة "أرامكو")."""
        last: int | None
        j = i + 1
        if j >= len(t.words) or t.gaps[j] == BREAK or t.used[j]:
            return None
        gaz = self._acronym(t, j) if t.words[j].norm in LETTERS else None  # وكالة بي. تي. إيه
        if gaz is None:
            gaz = self._gazetteer(t, j)
        if gaz is not None:
            entity, last = gaz
            if entity.type == PLACE and t.words[j].nisba and last == j and not t.words[j].has_al:
                return None  # مجلة سورية: a Syrian magazine (سورية is also the country)
            if entity.type == PLACE and t.words[i].norm.endswith(MEDIA_AND_CLUBS):
                return entity._replace(type=ORG), last  # صحيفة الشرق الأوسط، فريق برشلونة
            return gaz if entity.type == ORG else None
        if t.words[j].nisba or t.words[j].tanween or t.words[j].generic:
            return None  # شركة سعودية، فريق مشترك: a kind of company or team
        if t.words[j].norm[0] == "و" and not t.words[j].norm.startswith(FOREIGN_W):
            return None  # حركة وخطوة: و + a noun
        if t.words[j].first is None and not t.words[j].names and _adjective_form(t.words[j].norm):
            return None  # فريق علمي، مسجد رائع، حركة هائلة، فريق خطير: an adjective
        if t.joined(j) and not t.words[j].names and _descriptor_noun(t.words[j].norm):
            return None  # حركة تحرير، شركة تأمين، شركة لتأجير، فريق عملها، شركة غذاء: a common noun
        last = None
        k = j
        while k < len(t.words) and k - j < 2 and (k == j or t.joined(k)) and not t.used[k]:
            w = t.words[k]
            if not _name_like(w) or w.conj or (k > j and (w.nisba or w.has_al != t.words[j].has_al)):
                break
            if k > j and (
                t.text[t.ends[k] - 1] == "ه" or (len(w.norm) == 4 and w.norm.endswith("ت"))
                or (len(w.norm) <= 4 and w.norm.startswith(VERB_PREFIXES) and w.first is None)
                or (w.norm[0] in "لب" and w.norm.endswith("ه")) or _fem_participle(w.norm)
            ):  # fmt: skip
                break  # شركة صلة قامت، فريق … تقوده، مسجد هوبان يقع، سجن صيدنايا لفترة: no name word
            last = k
            k += 1
        if last is not None and last > j and t.words[last].connector:
            last = self._name_end(t, j)  # لشركة سليمان بن صالح المهيلب: a person's name, whole
        if last is None or (last == j and t.words[j].has_al and t.joined(j) and t.words[j].generic):
            return None
        if t.joined(j) and t.words[j].has_al:
            if t.words[i].norm.endswith(PAPERS) and _paper_name(t, j, self.lex.section("org")):
                return self._make(t, ORG, j, j, 0)  # صحيفة الحياة، جريدة الوفاق اللبنانية
            return None  # شركة الكهرباء: a kind of company, not a name (known ones matched above)
        if last == j and t.text[t.ends[j] - 1] == "ه" and t.joined(j):
            return None  # منتخب بلاده: a noun with a pronoun, not a name
        norm = t.words[j].norm
        if t.joined(j) and (
            (norm.endswith("يه") and len(norm) >= 6) or _fem_participle(norm)
            or (len(norm) >= 5 and norm[0] in "تا" and norm.endswith("ت"))
        ):
            return None  # صحيفة أسبوعية هندوسية، سجن مزدوجة، شركة محاماة، لشركة تراجعت مبيعاتها، جريدة أفردت
        if last == j and t.joined(j) and (norm.endswith("يه") or (norm[0] in "بل" and len(norm) == 4)):
            return None  # قناة تلفزيونية، حركة عفوية، فريق بعرض: an adjective or a preposition
        if t.joined(j) and (_common_noun_shape(norm) or (norm[0] in "وف" and norm[1:] in self.lex.stop)):
            return None  # شركة سيارات، شركة إنتاج، حركة عدم الانحياز، منتخب يشرف، مجلة وما …
        return self._make(t, ORG, j, last, 0)

    def _nationality(self, t: TextWords, i: int) -> tuple[Entity, int] | None:
        """الفرنسي تييري هنري: a nationality as a noun before a two-word or known given name;
        an unknown foreign word before a masculine nationality is a club (بيهورا الروماني)."""
        if (
            i > 0 and t.joined(i) and not t.used[i - 1] and _club_nationality(t, i) and _phrase_ends(t, i + 1)
            and (club := self._club_before(t, i - 1))
        ):  # fmt: skip
            return club
        j = i + 1
        if not t.words[i].nisba or j >= len(t.words) or not t.joined(j) or t.used[j]:
            return None
        start = t.words[j]
        if not _name_like(start) or start.has_al or start.conj or len(start.norm) < 3:
            return None
        if len(start.norm) < 4 and start.first is None and not _foreign_pair(t, j):
            return None  # التشيكي يان هاييك, but not a short word alone
        # سدد البرازيلي …، للكيني …، العداء الهولندي …: "the Brazilian" X, an unknown foreign name
        noun = _as_noun(t, i)
        foreign = start.first is None and noun and _foreign_start(t, j)
        described = noun or _after_pronoun_noun(t, i)  # نظيره الروماني تارايان باسيسكو
        family = described and j + 1 < len(t.words) and t.joined(j + 1) and _family_nisba(t.words[j + 1])
        if start.first is None and not (described and _foreign_name(t, j) and _foreign_start(t, j)) and not foreign and not family:
            return None  # غارة إسرائيلية استهدفت منزلا: an adjective, then a verb (but الكويتي طالب الدوسري)
        last = self._name_end(t, j, foreign=foreign)
        if last == j and start.first is None and not (foreign and t.words[i].norm.endswith("ي") and _phrase_ends(t, j + 1)):
            return None  # but والبرتغالي تياغو في …، الاسباني فابريغاس الى …
        if last == j and start.first_ambiguous:
            return None  # الشرطة الإسرائيلية صباح الأحد: a given name that is also a word, alone
        if start.norm == ALI and not (t.words[j + 1].first is not None or t.words[j + 1].connector):
            return None  # الصحف العراقية علي صدر صفحاتها: على spelt علي, not Ali
        return self._person(t, j, last, start.first or 0)  # its surname is followed (… كوزنتسوفا)

    def _club_before(self, t: TextWords, k: int) -> tuple[Entity, int] | None:
        """Word k, right before a masculine nationality, as a club: an unknown foreign-looking
        word, with و or not (تعادل مع بيهورا الروماني، وغيمناستيك الإسباني); known names and
        Arabic nouns are left to their rules (نظيره الفرنسي، بالاقتصاد الإسرائيلي)."""
        w = t.words[k]
        if w.rules or w.names or w.first is not None or k == 0 or not t.joined(k):
            return None
        before = t.words[k - 1]
        if not (before.stop or before.digit or before.nisba or before.forms[-1][1] in MATCH_WORDS):
            return None  # (الباشا ( بوشتى البغدادي ): a family name; a club comes after مع، أمام، تعادل …)
        off = 1 if w.norm[:1] == "و" and not w.norm.startswith(FOREIGN_W) else 0
        bare = self.cache[t.text[t.starts[k] + off : t.ends[k]]] if off else w
        norm = bare.norm
        if (
            bare.rules or bare.first is not None or bare.stop or bare.tanween or bare.nisba or len(norm) < 5
            or any(base.startswith("ال") for _, base in bare.forms) or norm.startswith(("ل", *VERB_PREFIXES))
            or norm.endswith(("ات", "ون", "ين", "ها", "هم", "نا")) or t.text[t.ends[k] - 1] == "ه"
            or _common_noun_shape(norm) or _verbal_noun(norm) or _participle(norm) or _descriptor_noun(norm)
            or _fem_participle(norm) or (norm[0] in "بك" and (_verbal_noun(norm[1:]) or _descriptor_noun(norm[1:])))
        ):  # fmt: skip
            return None  # (صناعة الحلي، بإقامة المجرى، مهاجمنا الجزائري: nouns before an adjective)
        return self._make(t, ORG, k, k, off)

    def _place(self, t: TextWords, i: int) -> tuple[Entity, int] | None:
        w = t.words[i]
        if w.place is None and w.place_compound is None:
            return None
        if w.norm.endswith("بلده") and t.text[t.ends[i] - 1] == "ه":
            return None  # من بلده (his country), not بلدة (a town)
        if w.norm.endswith("وادي") and "أ" in t.text[t.starts[i] : t.ends[i]]:
            return None  # وأدى الصلاة (and performed), not وادي (a valley)
        j, known = self._name_after(t, i + 1, PLACE)
        if j is None:
            return known
        name = t.words[j]
        if name.norm == "لا" and j + 1 < len(t.words) and t.words[j + 1].norm.startswith(VERB_PREFIXES):
            return None  # شارع لا تسقط: a negated verb
        if (
            (name.connector or (w.place_compound is None and name.norm in PLACE_PREFIXES))
            and j + 1 < len(t.words) and t.joined(j + 1) and _name_like(t.words[j + 1])
        ):  # fmt: skip
            # بلدة دير القمر، بلدة كفر داعل: a place name of two words
            if w.place_compound is not None:  # قرية آل جبير
                return self._make(t, PLACE, i, j + 1, w.place_compound)
            return self._make(t, PLACE, j, j + 1, 0)
        if not _name_like(name) or name.generic or name.conj or name.digit or name.tanween or name.norm in DIRECTIONS:
            return None  # …, محافظة شمال سيناء
        if (name.norm[0] == "و" and not name.norm.startswith(FOREIGN_W)) or name.norm.startswith(("لل", "بال", "كال")):
            return None  # عصرية ومحافظة وتظل، مخيم للنازحين، قرية باليتمة: و/ل/ب + a word, no name
        if w.place_compound is not None:
            if not name.has_al:
                return None
            return self._make(t, PLACE, i, j, w.place_compound)
        if name.norm.startswith(VERB_PREFIXES) or name.norm.endswith(("ه", "ها", "هم")) or name.nisba:
            return None  # مدينة تميزت, مدينة كبيرة, مدينة سعودية, جزيرة أزورها
        if name.has_al and len(name.norm) == 7 and name.norm[2] == "م" and name.norm[4] == "ا":
            return None  # جزيرة المعابد، مدينة المساجد: a broken plural, no name
        return self._make(t, PLACE, j, j, 0)

    def _family(self, t: TextWords, i: int) -> tuple[Entity, int] | None:
        """The name after a family or dynasty head: a known given name or person, a family
        nisba (عائلة الحريري) or a foreign-looking word (أسرة مينغ), not a common noun (أسرة
        شهيد، عائلة مسلم، أسرة كبيرة)."""
        j, known = self._name_after(t, i + 1)
        if j is None:
            return known
        w = t.words[j]
        if not _name_like(w) or w.conj or w.tanween or w.nisba:
            return None
        if w.first is not None:
            if w.first_ambiguous or w.has_al:
                return None  # أسرة طالب: a student's family
            last = self._name_end(t, j)
        elif w.has_al:
            if not _family_nisba(w):
                return None
            last = j
        elif _dynasty_like(w.norm):
            last = j
        else:
            return None
        nxt = t.words[j + 1] if j + 1 < len(t.words) else None
        if last == j and not (
            _phrase_ends(t, j + 1) or nxt is None or nxt.norm[0] == "و" or (nxt.has_al and len(w.norm) > 3) or w.norm.endswith("نغ")
        ):  # fmt: skip
            return None  # a one-word name ends there (أسرة مينغ الملكية، أسرتي سونغ ويوان)
        return self._make(t, PERSON, j, last, w.first or 0)

    def _given_name(self, t: TextWords, i: int) -> tuple[Entity, int] | None:
        w = t.words[i]
        if _names_a_place(t, i):
            self._skip_name(t, i)  # مطار جون كنيدي، كأس الشيخ جاسم: the place's or prize's name
            return None
        if w.first is None and not (w.connector and w.norm in ("عبد", "ابو")):
            return self._kunya_name(t, i)
        last = self._name_end(t, i)
        if last == i and w.first_foreign and not w.first_ambiguous:
            last = _regnal_number(t, i)  # تشارلز الأول، خايمي الثاني
        if last == i:
            if w.first_ambiguous or w.first is None or w.first_foreign or _idiom_word(t, i, w.first):
                return None
            if self._office_of_land(t, i):
                return None
            return self._make(t, PERSON, i, i, w.first)
        if w.first_ambiguous or w.first is None:
            nxt = t.words[i + 1]
            if (
                w.first_ambiguous and nxt.first_ambiguous and last == i + 1
                and t.text[t.ends[i] - 1] == "ة" and t.text[t.ends[last] - 1] == "ة"
            ):  # fmt: skip
                return None  # حياة كريمة (a decent life): a noun and its adjective, both also given names
            if (
                nxt.first is None and not nxt.connector and nxt.norm != DIN and w.first is not None
                and not (nxt.norm == ALLAH and _before_allah(t, i))
                and not (_family_nisba(nxt) and not w.has_al and w.norm != ALI)
                and not (
                    last == i + 1 and not w.has_al and not w.conj and self._office_at(t, last + 1)
                    and (not nxt.has_al or len(nxt.norm) >= 6)  # (but شرَّف الحفل محافظ …)
                )
            ):  # fmt: skip
                return None  # (but عمر بكري زعيم الحركة: an office after the name)
        return self._person(t, i, last, w.first or 0)

    def _skip_name(self, t: TextWords, i: int) -> None:
        """Leave the name at word i out (it names a place or a prize), its later words too:
        شارع محمد محمود is no mention of محمود."""
        for k in range(i, self._name_end(t, i) + 1):
            t.used[k] = True

    def _office_at(self, t: TextWords, k: int) -> bool:
        """Is word k, right after a name, the indefinite noun of an office (زعيم، مدير، رئيس)?"""
        if k >= len(t.words) or not t.joined(k) or t.used[k]:
            return False
        w = t.words[k]
        return not (w.has_al or w.conj or w.stop) and (w.title is not None or "ال" + w.norm in self.lex.titles)

    def _office_of_land(self, t: TextWords, k: int) -> bool:
        """Is word k a given name that is also an office (أمين) before the land it is the
        office of (أمين منطقة الرياض: the mayor of the region)?"""
        w = t.words[k]
        return not w.has_al and "ال" + w.norm in self.lex.titles and _land_noun_at(t, k + 1)

    def _kunya_name(self, t: TextWords, i: int) -> tuple[Entity, int] | None:
        """أبو/أبي/أبا with a clitic or in the genitive + a name (لأبي خليل القباني، أبي زكريا،
        أبي وقاص, وأبو عبد الله); after أبي (also "my father") only a known or foreign-looking
        name (not أبي رحمه الله)."""
        w = t.words[i]
        off = next((off for off, base in w.forms if base in KUNYA), None)
        j = i + 1
        if off is None or j >= len(t.words) or not t.joined(j) or t.used[j]:
            return None
        hamza = t.text[t.starts[i] + surface_offset(t.text, t.starts[i], off)] in "أإ"
        if off > 0 and not hamza and not (w.norm[0] in "وف" and w.norm[off:] == "ابو"):
            return None  # بابا نويل is no ب + أبا (but لأبي خليل، وابو عبد الله)
        nxt = t.words[j]
        known = self._gazetteer(t, j) if nxt.names else None
        if known is not None and known[0].type == PERSON and known[1] == j:
            return self._make(t, PERSON, i, j, off, known[0].canonical if w.norm[off:] == "ابو" else None)
        if nxt.stop or nxt.digit or nxt.conj or not (_name_like(nxt) or nxt.connector):
            return None
        if w.norm[off:] != "ابو" and not (nxt.first is not None or nxt.connector):
            return None  # but not وأبي عريش (a town), أبي رحمه الله
        last = self._name_end(t, i, connector=True)
        if last == i:
            return None
        return self._person(t, i, last, off)

    def _spoken(self, t: TextWords, i: int) -> tuple[Entity, int] | None:
        if t.words[i].speech is None:
            return None
        if (found := self._told_paper(t, i + 1)) is not None:
            return found
        j, known = self._name_after(t, i + 1)
        if j is None:
            return known
        start = t.words[j]
        if not _name_like(start) or start.has_al or start.conj or start.nisba or start.norm in FORMS_OF_ADDRESS:
            return None  # (بقيادة سعودي: a nationality; وأكد سعادة السفير: a form of address)
        if start.first is None and "ال" + start.norm in self.lex.titles and _construct_follows(t, j + 1):
            return None  # وأكد محافظ هيئة الكهرباء: an office, not a name
        if start.norm == ALI and not _name_follows(t, j + 1):
            return None  # ليؤكد علي أن …: على spelt علي
        if (start.first is None or start.first_ambiguous) and not _foreign_name(t, j, addressed=True):
            return None
        two_given = (
            start.first is not None and not start.first_ambiguous and j + 1 < len(t.words)
            and t.words[j + 1].first is not None
        )  # fmt: skip
        last = self._name_end(t, j, max_words=3 if two_given else 2)  # وقال جان بيير رافاران
        if last == j and start.first is None and (start.norm.endswith("ا") or start.norm in NUMBER_WORDS):
            return None  # أكدت مجددا، أعرب اثنان: adverbs and numbers
        if (
            last > j and start.first is None and t.words[last].norm.endswith("ي") and not t.words[last].names
            and t.words[last].first is None
        ):  # fmt: skip
            return None  # وحذر طالب جامعي: a noun and its adjective
        after = last + 1
        if (
            last == j and start.first is None and start.norm.endswith("ي") and after < len(t.words) and t.joined(after)
            and t.words[after].norm.endswith("ي") and not t.words[after].has_al
        ):  # fmt: skip
            return None  # وصرح دبلوماسي غربي: a noun of the nisba form and its adjective
        if (
            start.first is None and after < len(t.words) and t.joined(after) and not t.words[after].stop
            and t.words[after].title is None and not _addressee(t.words[after])
        ):  # fmt: skip
            return None  # but وحذر إبنيزر نجوي مدير البرنامج: the office follows the name
        return self._person(t, j, last, 0)  # (its surname is followed)

    def _told_paper(self, t: TextWords, k: int) -> tuple[Entity, int] | None:
        """The paper or channel a speaker told, one word in guillemets right after the verb of
        saying (وأوضح لـ«اليوم»، قال «للديار»): an organisation even when it is a common word."""
        if k >= len(t.words) or t.gaps[k] == BREAK or t.used[k]:
            return None
        if t.words[k].norm == "ل" and k + 1 < len(t.words) and not t.used[k + 1]:
            k += 1  # لـ«اليوم»
        elif not (t.words[k].norm.startswith("لل") and len(t.words[k].norm) > 4):
            return None  # (but «للديار»: ل + the paper's name in one word)
        w = t.words[k]
        after = _gap(t, k + 1) if k + 1 < len(t.words) else t.text[t.ends[k] :]
        if "«" not in _gap(t, k) or "»" not in after or w.digit or not w.norm.startswith(("ال", "لل")):
            return None
        return self._make(t, ORG, k, k, 0)

    def _listed(self, t: TextWords, k: int) -> tuple[Entity, int] | None:
        """The next person in a list: و + an unknown two-word foreign name right after a person
        (… وكيت بيكنسيل), not و + a noun, verb or a noun and its adjective (وفدا كبيرا)."""
        if k + 1 >= len(t.words) or not t.joined(k) or t.used[k] or not t.joined(k + 1) or t.used[k + 1]:
            return None
        w = t.words[k]
        if w.norm[:1] != "و" or len(w.norm) < 4 or w.stop:
            return None
        if not _name_like(w) or (w.has_al and w.first_ambiguous):
            return None  # والأمين التنفيذي: a title
        if w.first is not None:  # وسعيد الفرا، وخلف سالم: in a list an ambiguous given name is one
            last = self._name_end(t, k)
            if last == k:
                return None
            return self._person(t, k, last, w.first)
        bare = self.cache[t.text[t.starts[k] + 1 : t.ends[k]]]
        if not _name_like(bare):
            return None  # ونجم الوسط: a title
        if w.names and (known := self._gazetteer(t, k)) is not None:
            return known if known[0].type == PERSON else None  # وواشنطن is the place
        if bare.first is not None:  # وكيت بيكنسيل (كيت is too short to be read after و alone)
            last = self._name_end(t, k)
            if last == k and (bare.first_foreign or bare.first_ambiguous):
                return None
            return self._person(t, k, last, 1)
        second = t.words[k + 1]
        if w.conj or not (_foreign_word(bare, accusative_ok=True) and _name_like(second)):
            return None
        if second.rules:  # وغانلوكا زامبروتا: a known surname may end it
            known = self._gazetteer(t, k + 1) if second.rules == ("gazetteer",) else None
            if known is None or known[0].type != PERSON or known[1] != k + 1:
                return None
            return self._make(t, PERSON, k, k + 1, 1, known[0].canonical if " " in known[0].canonical else None)
        if not _listed_surname(bare, second):
            return None
        return self._person(t, k, k + 1, 1)

    def _comma_listed(self, t: TextWords, k: int) -> tuple[Entity, int] | None:
        """The next person of a list after a comma: an unknown two-word foreign name that ends
        there (… ياسر القحطاني، التون خوسيه، …); known names are found by their own rules."""
        if k + 1 >= len(t.words) or t.gaps[k] != BREAK or t.words[k].rules or t.used[k]:
            return None  # (most words after a person: joined, or live)
        w, second = t.words[k], t.words[k + 1]
        if second.rules or w.norm[:1] == "و" or t.gaps[k + 1] or t.used[k + 1] or not _foreign_word(w, accusative_ok=True):
            return None
        if _gap(t, k).strip() not in COMMAS:
            return None
        if (len(w.norm) == 4 and w.norm[2] == "ي") or second.norm.endswith("ايا"):
            return None  # خبير اقتصادي، زعيم خلايا: a فعيل noun, a plural
        if not (_name_like(second) and _listed_surname(w, second) and _phrase_ends(t, k + 2)):
            return None
        return self._person(t, k, k + 1, 0)

    def _patronymic(self, t: TextWords, i: int) -> tuple[Entity, int] | None:
        """X بن Y with X not a known given name (معاوية بن أبي سفيان)."""
        if t.words[i].norm not in self.lex.section("patronymic") or i == 0 or i + 1 >= len(t.words):
            return None
        first = t.words[i - 1]
        if t.used[i - 1] or not t.joined(i) or not t.joined(i + 1) or first.has_al or not _name_like(first):
            return None
        if _names_a_place(t, i - 1):
            self._skip_name(t, i - 1)  # ملعب ثاني بن جاسم
            return None
        if not _name_like(t.words[i + 1]) or first.conj:
            return None
        last = self._name_end(t, i - 1)
        if last <= i:
            return None
        return self._person(t, i - 1, last, 0)

    # -- extents -----------------------------------------------------------------------------

    def _name_end(
        self, t: TextWords, j: int, max_words: int = MAX_NAME, foreign: bool = False, connector: bool | None = None
    ) -> int:
        """Last word of a name starting at word j: given names and connectors, then one surname
        (``foreign``: an unknown name after a nationality, whose surname may look un-Arabic)."""
        last = j
        k = j + 1
        after_connector = t.words[j].connector if connector is None else connector
        words = 1
        while k < len(t.words) and words < max_words and t.joined(k) and not t.used[k]:
            w = t.words[k]
            if len(w.norm) == 1 and not after_connector and t.text[t.ends[k] : t.ends[k] + 1] == ".":
                last = k  # محمد ب.: an initial ends the name
                break
            if (
                w.norm == SAYYID and not after_connector and t.words[k - 1].first is not None
                and (_phrase_ends(t, k + 1) or t.words[k + 1].conj)
            ):  # fmt: skip
                last = k  # طارق السيد وتامر: the family name (the honorific comes before a name)
                break
            if not after_connector and w.first is not None and w.title is not None and not w.has_al and not w.conj:
                if words == 1 and not _construct_follows(t, k + 1):
                    last = k  # ماجد نجم رئيس القسم: a given name that is also a title (not محمد نجم الفريق)
                    words += 1
                    k += 1
                    continue
                if words > 1 and not _phrase_ends(t, k + 1):
                    break  # سمير عوض مساعد وزير الداخلية: after two name words, the office
            if not after_connector and k + 1 < len(t.words) and t.words[k + 1].norm == ALLAH and t.joined(k + 1):
                compound = _before_allah(t, k) or (w.has_al and not w.norm.endswith("ي"))
                if not compound and not w.has_al:
                    break  # محمد صلى الله عليه وسلم، عمر رضي الله عنه: a formula after the name
                if compound and not t.used[k + 1]:
                    last = k + 1  # حسن نصر الله، إبراهيم بن محمد الجار الله: a name compound with الله
                    words += 1
                    k += 2
                    continue
            if _land_noun(w) or (not after_connector and self._office_of_land(t, k)):
                break  # موسى بمنطقة تبوك، مساعد أمين منطقة المدينة: a land, or the office of one, is no name
            if after_connector:
                if w.stop or w.digit or w.conj:
                    break
            elif not _name_like(w) or w.conj or (
                w.names and not w.connector and self._non_person_at(t, k, w.has_al and not w.nisba)
                and not (k == j + 1 and (t.words[j].first_foreign or _nisba_shape(w)) and self._company_at(t, k))
            ):  # (غوران إريكسون، هاريسون فورد: a company named after a family)
                break
            if (
                w.norm == ALI and k + 1 < len(t.words) and t.joined(k + 1) and t.words[k + 1].stop
                and t.words[k + 1].norm not in RELATIVES
            ):  # fmt: skip
                break  # علي ذلك: على spelt علي, not a second given name (but محمد علي الذي)
            if (
                w.first_ambiguous and not after_connector and not w.has_al and "ال" + w.norm in self.lex.titles
                and k + 1 < len(t.words) and t.joined(k + 1) and t.words[k + 1].names
                and self._non_person_at(t, k + 1, t.words[k + 1].has_al)
            ):  # fmt: skip
                break  # خوان كارلوس ملك إسبانيا: an office (ملك is also a given name) and its land
            if (
                after_connector or w.connector or w.first is not None or w.norm == DIN
                or (w.norm == ALLAH and _before_allah(t, k - 1))
            ):
                last = k
                words += not w.connector
                if after_connector and t.words[k - 1].norm == "ال":
                    break  # آل ثاني ends a name
                after_connector = w.connector
                k += 1
                continue
            if (
                t.words[j].first_foreign and not w.names and not _foreign_surname_shape(t, k)
                and not (k == j + 1 and _participle(w.norm) and "ال" + w.norm not in self.lex.titles and _surname_before_end(t, k))
            ):  # fmt: skip
                break  # ألفارو النهج، أنطوني سجل، رايمون دومينيك مدرب: no surname
            if not w.has_al and not w.names and "ال" + w.norm in self.lex.titles and _construct_follows(t, k + 1):
                break  # خوان كارلوس ملك إسبانيا، مشعل بن ماجد محافظ جدة: an office (but عماد مغنية الذي)
            if _surname_at(t, k, j) or (
                (foreign or t.words[j].first_foreign)
                and (
                    _foreign_surname(w, True) or _french_surname(t, k)
                    or (all(t.words[m].first is not None for m in range(j, k)) and _surname_before_end(t, k))
                )
            ):
                last = k
                nxt = k + 1  # محمد مقلد المريخي: a father's name, then the family nisba
                if w.has_al and w.norm[2:] in self.lex.first_names:
                    last = self._gulf_name_end(t, k, words)  # صباح الأحمد الجابر الصباح
                elif (
                    words < max_words and nxt < len(t.words) and t.joined(nxt) and not t.used[nxt]
                    and not t.words[nxt].conj and t.words[nxt].forms[-1][0] == 0
                    and not w.has_al and _family_nisba(t.words[nxt])
                ):  # fmt: skip
                    last = nxt
                elif (
                    words < max_words and t.words[j].first_foreign and not w.has_al and nxt < len(t.words)
                    and t.joined(nxt) and not t.used[nxt] and not t.words[nxt].rules and _second_surname(t, nxt)
                ):  # fmt: skip
                    last = nxt  # فيليب دوست بلازي أثناء: a second unknown surname word where the phrase ends
            break
        while t.words[last].connector and last > j:
            last -= 1
        return last

    def _gulf_name_end(self, t: TextWords, k: int, words: int) -> int:
        """Last word of a Gulf-style name whose word k is a father's given name with the article
        (صباح الأحمد): more such names, the last one often the family (الجابر الصباح), or a
        family nisba (الفاسي)."""
        last = k
        while words < MAX_NAME and last + 1 < len(t.words) and t.joined(last + 1) and not t.used[last + 1]:
            w = t.words[last + 1]
            if w.conj or not w.has_al or w.forms[-1][0] or w.stop or w.nisba or not _name_like(w):
                break
            if w.norm[2:] not in self.lex.first_names or w.norm[2:] in WEEKDAYS:
                return last + 1 if _family_nisba(w) else last
            last += 1
            words += 1
        return last

    def _company_at(self, t: TextWords, k: int) -> bool:
        """Is word k, as written and alone, an organisation of the gazetteer (فورد، إريكسون؛
        with the article only a family nisba: الراجحي)?"""
        hit = self._peek(t, k) if not t.words[k].has_al or _nisba_shape(t.words[k]) else None
        return hit is not None and hit[0].type == ORG and hit[1] == k and t.words[k].names[0][0] == 0

    def _non_person_at(self, t: TextWords, k: int, definite: bool) -> bool:
        """Does a place or organisation of the gazetteer start at word k? For a word without
        the article, only where one really matches (لوك of لوك أويل, but نيكولاس لوك); a
        definite word that begins one is a common noun anyway (عضو شرف النادي), but for a
        family nisba (محمد الراجحي, not الراجحي المصرفية)."""
        if not _starts_non_person(t.words[k].names[0][1]):
            return False
        if definite and not _nisba_shape(t.words[k]):
            return True
        hit = self._peek(t, k)
        return hit is not None and hit[0].type != PERSON

    def _phrase_end(self, t: TextWords, j: int, need_nisba: bool) -> int | None:
        """Last word of the definite phrase after a head at j-1, or None when there is none."""
        last = None
        k = j
        while k < len(t.words) and k - j < MAX_PHRASE and t.joined(k) and not t.used[k]:
            w = t.words[k]
            definite = (w.has_al and (k > j or not w.norm.startswith("لل"))) or (k > j and w.norm.startswith("لل"))
            # (مؤسسة للسلام، تحالف للمعارضة: a body for something, no name)
            if (
                k > j and w.norm.startswith("لل") and k + 1 < len(t.words) and t.joined(k + 1)
                and t.words[k + 1].norm in PURPOSE_LINKS
            ):  # fmt: skip
                break  # البرلمان الألماني للسفر إلى: a purpose, not the body's name
            if w.conj and not (k > j and _paired_adjective(t.words[k - 1], w)):
                break
            if w.stop or w.title is not None or w.unit is not None or w.norm in PURPOSE_PARTICIPLES:
                break  # (المؤسسة الرامية لتطوير الشبكة: what the body aims at, not its name)
            if w.transient or (w.generic and (k == j or need_nisba)) or w.norm in LINKING:
                break
            if not definite and (w.first is not None or not _whole_place_or_org(w)):
                break  # (… الألمانيات ريجينا سايدل: a person's name after the phrase)
            if k == j and need_nisba and (not w.norm.endswith(NISBA_ENDINGS) or _disagrees(t.words[j - 1].norm, w.norm)):
                break  # (الحزب السياسية، البنك الرأسمالية: the adjective does not agree with the head)
            if k > j and w.norm.endswith(("ين", "ون")):
                break  # الجيش الأميركي المعتقلين: a plural starts a new phrase
            if (
                k > j and (need_nisba or t.words[j].security) and not w.norm.endswith(NISBA_ENDINGS)
                and w.norm != "الحر" and not w.norm.startswith("لل") and not t.words[k - 1].norm.startswith("لل")
            ):  # fmt: skip
                break  # سيطر الجيش الوطني الشرعي السيطرة، أطلقت قوات الأمن الغاز: a body is named by its adjectives
                # (and by what it is for: المفوضية السامية للأمم المتحدة)
            if k > j and w.norm.startswith("ال") and _described_by(w.norm[2:]):
                break  # قوات الحرس الوطني الموجودة، وزارة الشؤون الإسلامية المنشورة: what it is, not its name
            if (
                k > j and definite and w.norm.startswith("ال") and w.norm[2:5] != "متح" and not w.norm.endswith(NISBA_ENDINGS)
                and (
                    _adjective_shape(w) or (len(w.norm) == 6 and w.norm[4] == "ي" and w.norm[-1] != "ا")
                    or (len(w.norm) == 7 and w.norm[2:4] == "من" and w.norm[-1] != "ه")
                )  # (المنعقد: an منفعل participle)
            ):  # fmt: skip
                break  # لجنة الشؤون القضائية النافذ، مركز التكوين العريق: an adjective of the body (but … المتحد)
            if k > j and t.words[k - 1].nisba and definite and (
                _verbal_noun(w.norm[2:]) or (w.norm.startswith("ال") and not w.norm.endswith(NISBA_ENDINGS) and w.norm != "الحر")
            ):
                break  # أحالت وزارة الخارجية الأميركية الاتفاق، أعلنت وزارة الداخلية السعودية القبض: the object
            if k > j and w.has_al and w.norm.startswith(("بال", "كال", "وبال", "وكال", "فبال")):
                break  # اتحاد الكرة بالسماح، اتحاد الطلبة بالجامعة: a preposition starts another phrase
            last = k
            k += 1
        return last

    def _bracketed(self, t: TextWords, found: list[Entity]) -> list[Entity]:
        """Latin-letter names in brackets right after an organisation: its name as written in
        Latin letters (مؤسسة " سيمبيوسيس " ( Symbiosis ), منظمة الصحة العالمية (WHO))."""
        extra = []
        for entity in found:
            if entity.type != ORG:
                continue
            k = bisect_left(t.ends, entity.end) + 1
            if k >= len(t.words) or t.used[k] or not _gap(t, k).rstrip(" " + "".join(QUOTES)).endswith("("):
                continue
            last = k
            while last + 1 < len(t.words) and t.joined(last + 1) and not t.used[last + 1] and last - k < 5:
                last += 1
            after = _gap(t, last + 1) if last + 1 < len(t.words) else t.text[t.ends[last] :]
            latin = all(w.norm.isascii() and not w.digit for w in t.words[k : last + 1])
            if latin and after.lstrip()[:1] == ")" and t.text[t.starts[k]].isupper():
                extra.append(self._make(t, ORG, k, last, 0)[0])
                for m in range(k, last + 1):
                    t.used[m] = True
        return extra

    def _follow_surnames(self, t: TextWords, found: list[Entity]) -> list[Entity]:
        """Later single-word mentions of the surnames of people already found, and of
        one-word places and organisations found (often through a head word) earlier."""
        surnames: dict[str, tuple[str, str]] = {}
        for entity in found:
            words = entity.canonical.split()
            if entity.type != PERSON or len(words) < 2 or entity.end not in self.trusted:
                continue
            last, before = self._normalize(words[-1]), self._normalize(words[-2])
            if (
                last not in self.lex.stop and last not in self.lex.first_names and last not in (ALLAH, DIN)
                and last not in LAND_NOUNS
                and last.removeprefix("ال") not in self.lex.stop  # (not الكبير: an adjective)
                and not (last.startswith("ال") and last.endswith("يه"))  # (not الخيرية)
                and last.removeprefix("ال") not in WEEKDAYS and last not in ORDINALS
                and last not in self.lex.section("nisba")
                and before not in self.lex.section("connector")
            ):  # fmt: skip
                surnames.setdefault(last, (PERSON, entity.canonical))
            given = self._normalize(words[0])
            if given in self.lex.foreign_first and not self.lex.first_names[given]:
                surnames.setdefault(given, (PERSON, entity.canonical))  # مايكل after مايكل بالاك
        for entity in found:  # places and organisations named once by a head (مدينة تشوانتشو)
            if entity.type in (PLACE, ORG) and " " not in entity.canonical and len(entity.canonical) > 3:
                name = self._normalize(entity.canonical)
                if (
                    name not in self.lex.stop and name not in self.lex.first_names and not name.startswith("ال")
                    and not name.endswith(("ي", "ه", "ات", "ون", "ين"))
                ):  # fmt: skip
                    surnames.setdefault(name, (entity.type, entity.canonical))
        if not surnames:
            return []
        for n, entity in enumerate(found):  # كارتر after جيمي كارتر: that Carter, not "a Carter"
            if entity.type == PERSON and " " not in entity.canonical:
                full = surnames.get(self._normalize(entity.canonical))
                if full is not None and full[0] == PERSON and full[1] != entity.canonical:
                    found[n] = entity._replace(canonical=full[1])
        wanted: dict[str, tuple[int, str, str]] = {}  # normal form → (clitic length, type, canonical)
        for surname, (type_, canonical) in surnames.items():
            for norm, off in written_forms(surname):
                wanted[norm] = (off, type_, canonical)
        extra = []
        text_words = t.words
        for i in compress(count(), map(wanted.__contains__, t.norms)):  # (C loops: runs per article)
            if not t.used[i] and not text_words[i].stop:
                off, type_, canonical = wanted[text_words[i].norm]
                if off and type_ == ORG and _with_noun(t, i, off):
                    continue
                first = self._full_name_start(t, i, canonical) if type_ == PERSON else i
                extra.append(self._make(t, type_, first, i, off if first == i else 0, canonical)[0])
                for k in range(first, i + 1):
                    t.used[k] = True
        return extra

    def _normalize(self, word: str) -> str:
        """normalize(word), remembered in a plain dict (names recur across articles)."""
        norms = self._norms
        norm = norms.get(word)
        if norm is None:
            if len(norms) > 100_000:
                norms.clear()
            norm = norms[word] = normalize(word)
        return norm

    def _full_name_start(self, t: TextWords, i: int, canonical: str) -> int:
        """First word of the whole name when the words before surname i repeat the given
        names of ``canonical`` (a later رامون كالديرون after رئيس النادي رامون كالديرون)."""
        given = canonical.split()[:-1]
        k = i
        while given and k > 0 and t.joined(k) and not t.used[k - 1]:
            if t.words[k - 1].norm != self._normalize(given[-1]):
                break
            given.pop()
            k -= 1
        return k if not given else i


def _name_like(w: Word) -> bool:
    """Could this word be part of a name? (not a function word, number, title or trigger)"""
    return not (
        w.stop or w.digit or w.title is not None or w.org is not None or w.unit is not None
        or w.org_descriptor is not None or w.unit_named is not None or w.army is not None
        or w.org_definite is not None
        or w.speech is not None or w.place is not None or w.generic
    )  # fmt: skip


WEEKDAYS = frozenset(normalize(day) for day in "سبت أحد اثنين ثلاثاء أربعاء خميس جمعة".split())
"""Also surnames (محمد جمعة), but a later جمعة alone is mostly Friday: not followed alone."""

DIN = "الدين"
"""Second word of compound given names (صلاح الدين، بهاء الدين، محيي الدين)."""
ALLAH = "الله"
"""Second word of names compound with الله (نصر الله، حسب الله، غرم الله)."""
NOT_BEFORE_ALLAH = frozenset(normalize(word) for word in (
    "رحم رحمة رضي رضا رضوان قدس كرم سبحان حفظ بارك أدام أطال عز جل أمد سامح رسول بيت كتاب سبيل شرع دين ذكر "
    "خلق وجه أمر إذن بسم حمد لعنة نعمة صلى"
).split())  # fmt: skip
"""Words that make a formula with الله after a name or alone (علي كرم الله وجهه، عمر رضي
الله عنه، محمد رسول الله، انتقل إلى رحمة الله)."""


FORMS_OF_ADDRESS = frozenset(normalize(word) for word in "سماحة سيادة سعادة".split())
"""Forms of address that are also family names (ميشال سماحة), so not stop words as سمو and معالي
are: after a verb of saying they start no name (وأكد سعادة السفير)."""


VERB_PREFIXES = ("ي", "ت", "ن", "سي", "ست", "سن", "است")
"""Imperfect and future verbs, and the استفعل form, start so; unknown names rarely do."""


ALI = "علي"
"""Also على (on) as often spelt in Egyptian text: as a name it needs a second name word."""
TEAM_TITLES = ("الفريق", "اللواء", "والفريق", "واللواء")
"""Ranks that are also common nouns (team, brigade): a person only with a known given name."""


DYNASTIC = ("الامام", "الملك", "السلطان", "الامير", "الخليفه")
"""Titles whose holder is often named by one ال-word (الإمام الرضا، الملك الحسين)."""
ROYAL = ("الملك", "الملكه", "السلطان", "الامير", "الاميره", "الخليفه")
"""Titles of royals named by given names, بن-chains and آل (an ال-word after is seldom theirs)."""
RELATIVES = frozenset(("الذي", "التي", "الذين", "اللذين", "اللذان"))

NOT_SURNAMES = frozenset(
    ("نجل", "شقيق", "شقيقه", "زوج", "زوجه", "والد", "والده", "حفيد", "صهر", "نسيب", "ابنه", "عم", "خال", "اثناء", "الابن", "الاب",
     "البالغ", "البالغه")
)
"""Kinship nouns (محمد نجل الفنان), اثناء (during) and البالغ (aged) after a name are no family name."""

PATRONYMIC = frozenset(("بن", "ابن", "بنت", "ولد"))
"""The son/daughter-of words: the word after the father's name may be the family name."""
CHAIN = frozenset(("بن", "ابن", "بنت", "ال"))
"""Words that carry a known person's name on (… بن راشد، … آل مكتوم)."""


def _chained(t: TextWords, k: int) -> bool:
    """Does the بن/آل at word k go on with a name: a known given name or connector after
    بن (not ابن أخيه, his nephew), any name-like word after آل?"""
    w = t.words[k + 1]
    if not t.joined(k + 1) or t.used[k + 1] or w.conj or not (_name_like(w) or w.connector):
        return False
    return t.words[k].norm == "ال" or w.first is not None or w.connector

QUANTIFIERS = frozenset(("العديد", "الكثير", "البعض", "الجميع", "الكل", "العشرات", "المئات", "الالاف"))

HONORIFICS = ("الشيخ", "الشيخه", "السيد", "السيده")
SPAN_HEADS = frozenset(normalize(word) for word in "مدينة محافظة ولاية منطقة إقليم".split())
"""Heads listed with a place only to tell it from a like word (مدينة وجدة، محافظة عمران):
the mention is the name alone, as annotated corpora mark it."""
BI_ISM = "باسم"
"""المتحدث باسم …: "on behalf of", before what the spokesman speaks for."""
STYLES = ("السيد", "السيده", "الشيخ", "الشيخه", "اللورد", "السير", "الليدي", "السلطان", "الامبراطور", "الامبراطوره")
"""Styles that only ever precede a person's name: one unknown word alone after one is the name."""
LEADERS = ("الرءيس", "الزعيم", "العقيد", "المشير", "الجنرال")
"""Titles of leaders named by a family name with the article (الرئيس الأسد): a nisba after
them is as often a nationality no list knows (الرئيس الأفغاني، الزعيم الطارقي)."""
SAYYID = "السيد"
"""Honorifics before a one-word family name (الشيخ الخراساني)."""


PANELS = {
    "هيءه": frozenset(("الدفاع", "المحكمه", "التدريس", "المحلفين", "التحرير", "المقابلات", "الادعاء")),
    "لجنه": frozenset(("التحكيم", "المحلفين")),
}
"""Head + complement that name the panel of a case, a contest or a school, not a body of
its own (هيئة الدفاع عن المتهمين، لجنة التحكيم)."""

KNOWN_ONLY = frozenset(("تنظيم", "جماعه", "تيار"))
"""Heads that are as often a verbal or common noun (organising, a group, a current): an
organisation only with a listed name after them (تيار المستقبل; not تيار الدم)."""

NAMED_BY_PLACE = frozenset(("جامعه", "معهد", "كليه", "اكاديميه", "مستشفى"))
"""Heads named with a place as a whole (جامعة زيورخ is the university, not a mention of Zurich)."""

NAMED_AFTER_PEOPLE = frozenset(("مءسسه", "جامعه", "مستشفى", "مركز", "مكتبه", "كليه", "معهد", "اكاديميه", "جمعيه"))
"""Heads of bodies named after a person of two words or more (مؤسسة محمد بن راشد للمعرفة)."""

PLACE_ITSELF = frozenset(("حكومه", "مركز"))
"""Heads that name a country's state or a city's centre by the place itself (حكومة كوبا → كوبا،
مركز لندن → لندن), unless an adjective follows (مركز دبي المالي العالمي)."""

LINKING = frozenset(("التابع", "التابعه", "الموالي", "المواليه", "المدعوم", "المدعومه", "المنبثق", "المنبثقه"))
"""Participles that link an organisation to another (… التابع للأمم المتحدة): they end its name."""


def _paired_adjective(before: Word, w: Word) -> bool:
    """Is w و + a definite adjective agreeing with the adjective before it (المجلس الاقتصادي
    والاجتماعي، وزارة الشؤون الإسلامية والأوقاف is not), neither a nationality?"""
    if not (before.has_al and w.has_al) or before.nisba or w.nisba:
        return False
    ending = "يه" if before.norm.endswith("يه") else "ي" if before.norm.endswith("ي") else None
    return ending is not None and w.norm.endswith(ending) and (ending == "يه" or not w.norm.endswith("يه"))


LETTERS = frozenset(normalize(letter) for letter in (
    "بي سي تي جي إف إتش إيتش آر إس يو دبليو إكس كيو كيه زد إيه جيه في أو إن أم إم أي آي كي كاي كا دي إل واي جاي زي"
).split())  # fmt: skip
"""Latin letters as spelt in Arabic; those that are also common words only next to another."""
NOT_ORG_ACRONYMS = frozenset(normalize(acronym) for acronym in (
    "دي في دي|سي دي|جي بي إس|إس إم إس|إم إم إس|في آي بي|تي في|يو إس بي|دي إن إيه|إتش آي في|سي إي أو|آي كيو"
    "|بي دي إف|إف إم|إيه إم|إل إي دي|إل سي دي|آر بي جي|تي إن تي|إم آر آي|إس يو في|إيه تي إم|جي إس إم|دي جي"
    "|في إكس|بي إتش دي|سي في|آي بي|بي سي|يو إس|يو إس إيه|إيه كيه|جي تي|إم بي|جي بي|كي جي|إس إم|بي جي"
).split("|"))  # fmt: skip
"""Spelt-out acronyms of things, not organisations (DVD, GPS, SMS, DNA, RPG, LCD, PhD …)."""


LETTER_WORDS = frozenset(("في", "أو", "او", "إن", "ان", "أن", "أم", "ام", "أي", "اي", "كي", "دي"))
"""Letters spelt as common words (في، أو، إن، أم، أي، كي، دي): not at an acronym's ends."""


def _letter_word(t: TextWords, k: int) -> bool:
    """Is word k, as written, a letter that is also a common word (إن, not إم)?"""
    return t.text[t.starts[k] : t.ends[k]] in LETTER_WORDS


THING_HEADS = frozenset(normalize(word) for word in (
    "طراز نوع نظام أنظمة اختبار جهاز موديل فئة صاروخ صواريخ طائرة طائرات مقاتلة مقاتلات دبابة سيارة رحلة "
    "تقنية تكنولوجيا معيار بروتوكول يسمى تسمى اسم شريحة معالج جين التشغيل"
).split())  # fmt: skip
"""Words before the spelt code of a thing, not an organisation (من طراز «إف إيه»، نظام «آي أو إس»)."""


def _numbered(t: TextWords, first: int, last: int) -> bool:
    """Does a number stand right before or after words first..last (إم إتش 17، 777 - 200 إي آر):
    a model, flight or postcode, not an organisation?"""
    for k, gap in ((last + 1, last + 1), (first - 1, first)):
        if 0 <= k < len(t.words) and t.words[k].digit and _gap(t, gap).strip() in ("", "-", "–", "»", "«"):
            return True
    return False


def _suffix_end(t: TextWords, i: int) -> int:
    """Last word of a company name from its suffix at word i: more suffixes (موتورز إندستريز)."""
    last = i
    while last + 1 < len(t.words) and t.joined(last + 1) and not t.used[last + 1] and "company" in t.words[last + 1].rules:
        last += 1
    return last


LATIN_LINKS = frozenset(("of", "for", "and", "the", "de", "&"))


def _latin_run(t: TextWords, i: int) -> tuple[int, int]:
    """First and last word of the run of capitalised Latin words (and of/for/and between)
    around word i: Inlingua International Language School, Institute of Management Technology."""
    def name_word(k: int) -> bool:
        return not t.used[k] and t.words[k].norm.isascii() and (t.text[t.starts[k]].isupper() or t.words[k].norm in LATIN_LINKS)

    first = last = i
    while first > 0 and i - first < 5 and t.joined(first) and name_word(first - 1):
        first -= 1
    while last + 1 < len(t.words) and last - i < 5 and t.joined(last + 1) and name_word(last + 1):
        last += 1
    while first < i and t.words[first].norm in LATIN_LINKS:
        first += 1
    while last > i and t.words[last].norm in LATIN_LINKS:
        last -= 1
    return first, last


def _spelt_on(t: TextWords, k: int) -> bool:
    """Do words k-1 and k follow each other as spelt letters do: spaces or a dot between?"""
    gap = _gap(t, k)
    return "\n" not in gap and gap.strip() in ("", ".")


def _gap(t: TextWords, k: int) -> str:
    """The text between word k-1 and word k (before the first word: the text's start)."""
    return t.text[t.ends[k - 1] if k > 0 else 0 : t.starts[k]]


def _guillemets(t: TextWords, i: int, last: int) -> bool:
    """Is words i..last exactly a «quoted» name not named by a head before it? Places so
    quoted are papers (قال لـ«الشرق الأوسط»), not مدينة «برمنغهام» or قمة «كامب ديفيد»."""
    if not ("«" in _gap(t, i) and last + 1 < len(t.words) and "»" in _gap(t, last + 1)):
        return False
    if not all(t.joined(k) for k in range(i + 1, last + 1)):
        return False
    if i == 0:
        return True
    before = t.words[i - 1]
    return not (
        before.place is not None or before.place_compound is not None or before.misc
        or before.org is not None or before.org_descriptor is not None or before.norm.endswith(NAMING)
    )  # fmt: skip


NAMING = ("اسم", "قمه", "اتفاقيه", "اتفاق", "منطقه", "عمليه", "معركه", "مؤتمر", "مءتمر", "لقب")
"""Nouns that name what is quoted after them (باسم «…», قمة «…»)."""


REGNAL = ("ملك", "ملكه", "سلطان", "شاه", "بابا", "امبراطور", "امبراطوره", "خليفه")
"""Titles whose holders are numbered (الملك عبد الله الثاني، البابا بنديكت السادس عشر)."""
ORDINALS = frozenset(
    "الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الحادي الاولي الثانيه".split()
)
"""Regnal numbers end names (محمد السادس) but alone they are ordinals (اليوم السادس)."""


def _regnal_number(t: TextWords, last: int) -> int:
    """The name's last word, taking a regnal number after word ``last`` (الثالث عشر)."""
    k = last + 1
    if t.words[last].norm not in ORDINALS:
        if not (k < len(t.words) and t.joined(k) and not t.used[k] and t.words[k].norm in ORDINALS):
            return last
        last, k = k, k + 1
    if k < len(t.words) and t.joined(k) and not t.used[k] and t.words[k].norm in ("عشر", "عشره"):
        last = k
    return last


def _as_noun(t: TextWords, i: int) -> bool:
    """Is the nationality at word i a noun ("the Brazilian": سدد البرازيلي، للكيني) or after a
    title (العداء الهولندي), not an adjective of a noun (الجيش الإسرائيلي)?"""
    w = t.words[i]
    if not w.has_al:
        return False  # قصف إسرائيلي: an adjective of an indefinite noun
    before = t.words[i - 1] if i > 0 and t.joined(i) else None
    if w.forms[-1][0] > 0 or w.norm[0] in "وف":
        return not (w.conj and before is not None and before.nisba)  # والصربية، للكيني; not الأميركي والعراقي
    if before is not None and before.stop and not before.has_al:
        return True  # على الألماني، أمام الفرنسية (not الدين العام اليوناني)
    if not w.norm.endswith("ي"):  # اللبنانية - السورية، وزير الداخلية: an adjective
        return before is not None and not before.has_al and not before.names and before.norm.endswith("ت")
        # (but after a feminine verb the nisba is its subject: فازت الروسية)
    if before is None or before.title is not None:
        return True  # العداء الهولندي سوم برام
    if before.has_al and before.norm.endswith("ه") and t.text[t.ends[i - 1] - 1] == "ة" and not before.nisba:
        return True  # وسيكتب القصة الكويتي …: a feminine noun has no masculine adjective
    return (  # سدد البرازيلي (a verb), not نظيره الفرنسي, برشلونة الإسباني or قاعدة اندروز الأمريكي
        not before.has_al and not before.names and not before.nisba and not before.norm.endswith("ه")
    )  # fmt: skip


def _foreign_org_name(t: TextWords, j: int) -> int | None:
    """Last word of a one- or two-word foreign name right after an organisation head (جامعة
    هارفارد), ending at a break, a function word, a nationality or a number; None when the
    words look like Arabic nouns (مجلس إدارة، لجنة تحقيق، مركز أبحاث، هيئة كبار العلماء)."""
    last = None
    for k in (j, j + 1):
        if k >= len(t.words) or not t.joined(k) or t.used[k] or not _foreign_word(t.words[k], accusative_ok=True):
            break
        if len(t.words[k].norm) == 4 and t.words[k].norm[2] in "او":
            break  # كلية علوم، مركز فنون: a فعول/فعال plural
        last = k
    if last is None:
        return None
    k = last + 1
    if k < len(t.words) and t.joined(k) and not (
        t.words[k].stop or t.words[k].digit or t.words[k].nisba or t.words[k].conj or (last > j and t.words[k].norm[:1] == "ل")
    ):
        return None  # (بكلية جونز هوبكنز للدراسات الدولية: ل after a two-word name)
    return last


def _foreign_word(w: Word, accusative_ok: bool = False) -> bool:
    """Does this unknown word look like a foreign name rather than an Arabic noun or verb?"""
    norm = w.norm
    endings = ("ه", "ات", "ون", "ين", "ها", "هم", "ي", "ء") if accusative_ok else ("ه", "ات", "ون", "ين", "ها", "هم", "ا", "ي", "ء")
    return (
        len(norm) >= 4 and _name_like(w) and not w.has_al and not norm.startswith("ال") and not w.conj and not w.tanween
        and not w.nisba and w.first is None and not w.names
        and not norm.endswith(endings)
        and not norm.startswith(VERB_PREFIXES) and norm[0] not in "وفبلكم" and not _verbal_noun(norm)
        and not (norm[0] == "ا" and len(norm) == 4)  # أسوأ، أكبر: an elative
    )  # fmt: skip


def _past_or_elative(t: TextWords, k: int) -> bool:
    """Does word k have the shape of a past verb or elative starting with alif (أعلن، أفضل،
    اشترى، انسحب)? Unknown names rarely do."""
    norm = t.words[k].norm
    if norm[:1] != "ا" or "و" in norm[1:] or "ي" in norm[1:3] or t.text[t.starts[k]] == "آ":
        return False  # أولد، أنغو، إيبش، آندري: long vowels make foreign names
    return len(norm) == 4 or (len(norm) == 5 and (norm[2] == "ت" or norm[1] == "ن"))


def _dynasty_like(norm: str) -> bool:
    """Could this unknown word after a family head be its name (مينغ، تانغ، يوان، كينيدي)?
    Not a common noun: a participle (مسلم), فعيل (شهيد) or فاعل (طالب) shape, a feminine or
    plural ending; transliterated -نغ (Ming, Tang) is always a name."""
    if norm.endswith("نغ"):
        return True
    if len(norm) < 3 or norm.endswith(("ه", "ات", "ون", "ين", "ها", "هم", "ا", "ي")) or norm[0] in "مو":
        return False
    if len(norm) == 4 and (norm[2] == "ي" or norm[1] == "ا"):
        return False  # شهيد، طالب
    return not _verbal_noun(norm) and not norm.startswith(("است", "يت", "تت"))


def _pronoun_complement(t: TextWords, j: int) -> bool:
    """Is word j a noun with a pronoun completing a title (باسمها، خارجيتها، باسمه), not a name?"""
    w = t.words[j]
    if w.first is not None or w.names or w.has_al or w.stop or len(w.norm) < 4:
        return False
    return w.norm.endswith(("ها", "هم", "هما")) or t.text[t.ends[j] - 1] == "ه"


def _after_pronoun_noun(t: TextWords, i: int) -> bool:
    """Does the nationality at word i describe a noun with a pronoun (نظيره الروماني، مديره
    الرياضي): an apposition that a name follows?"""
    before = t.words[i - 1] if i > 0 and t.joined(i) else None
    return before is not None and not before.has_al and before.norm.endswith("ه") and t.words[i].has_al


def _foreign_start(t: TextWords, j: int) -> bool:
    """Could word j start an unknown foreign name after "the Brazilian"? Words that look like
    plurals, verbs or و/ف/ب/ل + a word need a second name word after them (كيبلاغات كيبكورير;
    not بنظيره الفرنسي بفارق)."""
    w = t.words[j]
    norm = w.norm
    if w.tanween or norm.endswith("ه") or len(norm) < 3 or _verbal_noun(norm) or _verb_or_noun_shape(t, j):
        return False
    plural = norm.endswith(("ات", "ون", "ين"))
    if plural and norm[0] in "بل":
        return False  # بصاروخين: a preposition + a plural
    if norm[0] == "و" and not norm.startswith(FOREIGN_W):
        return False  # اللبناني ورجل أعمال: و + a noun (but ويليام، واين)
    if plural or norm.startswith(VERB_PREFIXES) or norm[0] in "وفبل" or norm.endswith("ت") or _past_or_elative(t, j):
        if len(norm) < 4 or not _foreign_pair(t, j):
            return False
        second = t.words[j + 1].norm
        if second.endswith("ا"):
            return False  # التونسي أنشأ حسابا، بالتركية نشرت بيانا: a verb and its object
        return not second.startswith(VERB_PREFIXES) or len(second) >= 7  # not تناولت تشكيل
    return True


def _phrase_ends(t: TextWords, k: int) -> bool:
    """Does a phrase end before word k (end, punctuation, a function word or a number)?"""
    return k >= len(t.words) or not t.joined(k) or t.words[k].stop or t.words[k].digit


def _club_nationality(t: TextWords, k: int) -> bool:
    """Is word k a masculine nationality right after a city (a club's name, برشلونة الإسباني)?"""
    if k >= len(t.words) or not t.joined(k):
        return False
    w = t.words[k]
    return w.nisba and w.has_al and w.norm.endswith("ي") and w.forms[0][1].startswith("ال") and w.norm != "الرياضي"


def _with_noun(t: TextWords, i: int, off: int) -> bool:
    """Is the one-word organisation at word i, read after a ب (بحماس), the preposition and a
    common noun with its modifier instead (بحماس كبير، بحماس الجماهير: with enthusiasm)?"""
    w = t.words[i]
    return off > 0 and w.norm[off - 1] == "ب" and not w.has_al and _modifier(t, i + 1)


COMMAS = frozenset((",", "،"))


def _apposed_word(t: TextWords, k: int, last: bool) -> bool:
    """May word k be part of a name before a comma and an office? A known given name, or an
    unknown word without the article (the last may be a family nisba: رباح المهنا)."""
    w = t.words[k]
    if not _name_like(w) or w.nisba or w.tanween or w.digit or w.conj:
        return False
    if w.first is not None:
        return not w.has_al
    if w.names:
        return False
    norm = w.norm
    if w.has_al:
        return last and (_family_nisba(w) or (norm.endswith("ا") and len(norm) >= 5))  # المهنا
    if len(norm) < 3 or norm[0] in "وف" or norm.endswith(("ه", "ات", "ها", "هم")) or _participle(norm):
        return False  # ويتساءل، مصفف
    if _three_consonants(norm):
        return False  # ملك بطل
    if norm[0] in "لب" and len(norm) <= 4:
        return False  # لربع قرن
    if norm.startswith(VERB_PREFIXES) and (len(norm) <= 4 or norm.startswith(("است", "يت", "تت"))):
        return False  # توفي
    return not _past_or_elative(t, k) and not (len(norm) == 5 and norm[1] == "ا" and norm.endswith("ا"))  # أثنى، سابقا


def _listed_surname(first: Word, second: Word) -> bool:
    """May this unknown word be the surname of the unknown foreign name ``first`` in a list?
    Not a definite word, a plural, a verb or a noun with a pronoun (وفدا كبيرا: an adjective)."""
    norm2 = second.norm
    return not (
        second.has_al or second.conj or second.tanween or second.nisba or len(norm2) < 3 or norm2[0] == "و"
        or (norm2.endswith("ه") and not (norm2.endswith("يه") and len(norm2) >= 7))  # but وديفد تريزيغيه
        or norm2.endswith(("ات", "ها", "هم")) or (norm2.startswith(VERB_PREFIXES) and len(norm2) < 6)
        or (first.norm.endswith("ا") and norm2.endswith("ا") and len(first.norm) <= 5) or _verbal_noun(norm2)
    )  # fmt: skip


def _modifier(t: TextWords, k: int) -> bool:
    """Is word k an adjective or a definite genitive right after a noun (حماس كبير، حماس
    الجماهير), not a function word, a nationality or a known name (بيجو ستروين)?"""
    if k >= len(t.words) or not t.joined(k):
        return False
    w = t.words[k]
    if w.generic or w.tanween:
        return True  # كبير، جديد
    return w.has_al and not (w.stop or w.conj or w.nisba or w.names or w.forms[-1][0] > 0)


def _disagrees(head: str, adjective: str) -> bool:
    """Does a nisba adjective differ in gender from the singular head before it (البنك
    الرأسمالية، الهيئة العلمي)? Plural heads (القوات الأمريكية) take either."""
    if head.endswith(("ات", "ون", "ين")):
        return False
    return adjective.endswith("يه") != head.endswith("ه")


PURPOSE_PARTICIPLES = frozenset(
    normalize(word) for word in "الرامية الرامي الساعية الساعي الهادفة الهادف".split()
)
"""Participles saying what a body aims at, never part of its name (but اللجنة المعنية بحقوق الإنسان)."""
PURPOSE_LINKS = frozenset(normalize(word) for word in "إلى الى على عن مع".split())
"""Prepositions a verbal noun of purpose takes right after it (للسفر إلى، للحصول على); not في
and من, which as often say where the body is (المجلس الأعلى للقضاء في مصر)."""


def _complement_end(t: TextWords, k: int) -> int | None:
    """Last word of the ل-complement at word k that names what a body is for (للتأمين الصحي،
    لصناعة النفط، لشركات صناعة السيارات): ل + the article, or ل + one or two nouns and a
    definite word, and up to two definite or و + definite words after; None when word k
    starts none or a purpose (لتحقيق النجاح)."""
    words = t.words
    if k >= len(words) or not t.joined(k) or t.used[k]:
        return None
    w = words[k]
    if w.stop or w.conj or w.norm[:1] != "ل" or len(w.norm) < 4 or not _name_like(w):
        return None  # (لشركة …، لحزب الوفد: another body)
    last = k
    if not w.norm.startswith("لل"):
        if w.norm[1] in "تم" or t.text[t.ends[k] - 1] == "ه":
            return None  # لتحقيق النجاح، لمواجهة الأزمة: a purpose (لصناعة النفط، لرصد الزلازل name one)
        while last + 1 < len(words) and last - k < 2 and t.joined(last + 1) and not t.used[last + 1]:
            nxt = words[last + 1]
            if nxt.stop or nxt.conj or nxt.digit or nxt.tanween or t.text[t.ends[last + 1] - 1] == "ه":
                return None
            last += 1
            if nxt.has_al:
                break
        if not words[last].has_al:
            return None  # ل + a noun alone: a purpose, not a name (الاتحاد العربي لمواجهة …)
    end = last
    while end + 1 < len(words) and end - last < 2 and t.joined(end + 1) and not t.used[end + 1]:
        nxt = words[end + 1]
        if (
            not nxt.norm.startswith(("ال", "وال")) or nxt.stop or nxt.nisba or nxt.transient or nxt.names
            or _adjective_shape(nxt) or (len(nxt.norm) == 7 and nxt.norm[2] == "م" and nxt.norm[5] == "و")
            or not (nxt.norm.startswith("وال") or nxt.norm.endswith(NISBA_ENDINGS))
        ):  # fmt: skip
            break  # (والفلك، الصحي: a coordinated noun or an adjective; not الرقابة (an object), الموجود، بالمرتبة)
        end += 1
    if end == k and end + 1 < len(words) and t.joined(end + 1) and words[end + 1].stop and words[end + 1].norm in PURPOSE_LINKS:
        return None  # البرلمان الألماني للسفر إلى: a purpose
    return end


def _federation(t: TextWords, k: int) -> bool:
    """Does word k go on with ل + a sport or trade after "X + nationality" (الاتحاد المصري
    للمصارعة، الاتحاد الصيني لشركات …): a federation, named with its nationality?"""
    return k < len(t.words) and t.joined(k) and t.words[k].norm[:1] == "ل" and not t.words[k].stop


def _club_may_follow(before: Word) -> bool:
    """May a club's name follow this word (a verb, a preposition, نادي/فريق), not a definite
    noun it would describe (الفلكلور العربي الفلسطيني) or another head (مركز التعاون الياباني)?"""
    if before.stop:
        return True
    if before.has_al or before.title is not None or before.place is not None:
        return False
    return (before.org is None and before.org_definite is None and before.org_descriptor is None) or before.norm.endswith(
        MEDIA_AND_CLUBS
    )


def _alone(t: TextWords, j: int) -> bool:
    """Is word j a plain one-word name: no nationality, not generic, nothing name-like after it?"""
    w = t.words[j]
    if w.nisba or w.generic or not _name_like(w) or w.conj:
        return False
    k = j + 1
    return k >= len(t.words) or not t.joined(k) or t.words[k].stop or t.words[k].conj


def _foreign_pair(t: TextWords, j: int) -> bool:
    """Is word j followed by a second name-like word (ياري ليتمانن), not a noun (سيقاطع جلسة)?"""
    k = j + 1
    if k >= len(t.words) or not t.joined(k):
        return False
    w = t.words[k]
    return (
        _name_like(w) and not w.has_al and not w.conj and not w.norm.endswith(("ه", "ات", "ون", "ين"))
        and len(w.norm) > 2
    )  # fmt: skip


def _foreign_name(t: TextWords, j: int, addressed: bool = False) -> bool:
    """Could word j start an unknown (often foreign) name? Not a feminine or plural noun,
    not a verb-looking word, not the first word of a construct (وزير خارجية روسيا);
    ``addressed``: after a verb of saying, where ل + the article is who was told (وقال
    تريباثي للصحفيين) and a definite relative pronoun follows a name (وقال باتشان الذي)."""
    w = t.words[j]
    norm = w.norm
    if norm.endswith(("ه", "ات", "ها", "هم")) or len(norm) < 3 or w.tanween or norm[0] == "و":
        return False  # … and not a word with a pronoun (استعدادها)
    if norm.endswith(("ون", "ين")) and not (len(norm) > 4 and norm[0] not in "بلك" and _foreign_pair(t, j)):
        return False  # a plural, unless a second name follows (رامون كالديرون، جاستين تيمبرليك)
    if (norm[0] == "ل" and norm[1:2] in ("ت", "ي", "ا")) or (norm[0] == "ب" and norm[1:2] == "ت"):
        return False  # لتطوير، بتمديد: a preposition + a verbal noun
    if _verbal_noun(norm) or (norm.endswith("ا") and _verbal_noun(norm[:-1])):
        return False  # اقترح الرئيس إجراء مناظرة، أجرى الوزير اتصالا
    if norm.startswith(VERB_PREFIXES) and ((len(norm) == 4 and norm[0] in "يت") or not _foreign_pair(t, j)):
        return False  # يشغل منصب، تبلغ قيمتها
    if _verb_or_noun_shape(t, j):
        return False
    nxt = j + 1
    if nxt >= len(t.words) or not t.joined(nxt):
        return True
    after = t.words[nxt]
    if addressed and (_addressee(after) or (after.stop and after.has_al)):
        return not norm.endswith("ي")  # but وقال عسكري للصحفيين: a noun of the nisba form
    return not (after.has_al or (after.names and not after.stop and _starts_non_person(after.names[0][1])))
    # (أن starts إن بي سي: a function word, not a name after this one)


def _addressee(w: Word) -> bool:
    """Is this ل + a definite noun, who a speaker addressed (للصحفيين، للإذاعة)?"""
    return w.norm.startswith("لل") and len(w.norm) > 4 and not w.conj


def _verb_or_noun_shape(t: TextWords, j: int) -> bool:
    """Does unknown word j, after a title or a verb of saying, look like a past verb, a
    participle or a preposition + pronoun rather than a name (سعى، ضحى، طرحت، أحرز، متحمس،
    لنا، لكم; عزما أكيدا)?"""
    norm = t.words[j].norm
    if (t.text[t.ends[j] - 1] == "ى" and t.words[j].first is None) or (norm[0] == "ل" and len(norm) <= 3):
        return True
    if t.words[j].first is None and (norm.endswith("اء") or (norm[0] == "ب" and len(norm) == 4 and not any(ch in "اوي" for ch in norm[1:]))):
        return True  # علماء (a plural), بفرع (ب + a noun)
    if norm[0] in "بلك" and len(norm) == 5 and _participle(norm[1:]):
        return True  # المنتج بمنتج آخر: ب + a participle
    if len(norm) == 5 and norm[0] in "بل" and norm[3] == "ي" and norm[1] not in "اوي" and norm[2] not in "اوي":
        return True  # بقليل، لكبير: ب/ل + فعيل
    if _taf_il(norm):
        return True  # تشكيل، تعيين: a تفعيل verbal noun
    if len(norm) == 4 and norm.endswith("ت") and norm[1] not in "اوي":
        return True
    if _past_or_elative(t, j) or (len(norm) == 5 and norm.startswith("مت")):
        return True
    k = j + 1
    if not norm.endswith("ا") or k >= len(t.words) or not t.joined(k):
        return False
    second = t.words[k].norm
    if not second.endswith("ا") or second[0] == "و" or t.words[k].names:
        return False  # (دالما وجانينا)
    # an accusative noun and its adjective (قرارا إداريا، عنصرا مهما), not ميتشيلا لاجرونوفا
    return not ("ي" in norm[1:-1] or "و" in norm[1:-1]) or second.endswith("يا") or (len(second) == 5 and second[2] == "ي")


def _taf_il(norm: str) -> bool:
    """Is this a verbal noun of the تفعيل pattern (تشكيل، تحقيق، تعيين)?"""
    return len(norm) == 5 and norm[0] == "ت" and norm[3] == "ي" and norm[1] not in "اوي" and norm[2] not in "اوي"


def _verbal_noun(norm: str) -> bool:
    """Is this a verbal noun of the إفعال or افتعال/انفعال pattern (إجراء، إعلان، اجتماع،
    انسحاب)? Unknown names rarely are (known given names such as أنطوان are checked first)."""
    if norm[0] != "ا" or "و" in norm[1:3] or "ي" in norm[1:3]:
        return False  # إدوار، أوتمار: a weak letter breaks the pattern
    return (len(norm) == 5 and norm[3] == "ا") or (len(norm) == 6 and norm[4] == "ا" and norm[2] == "ت")


SURNAME_VERB_PREFIXES = ("ي", "ت", "است")
"""An unknown word starting so after a given name is a verb (محمد يقول، سلمان استقبل)."""


def _land_noun(w: Word) -> bool:
    """Is this word a noun of a land, clitics and all (منطقة، بمنطقة، لمحافظة)?"""
    return w.norm in LAND_NOUNS or (len(w.forms) > 1 and any(base in LAND_NOUNS for _, base in w.forms[1:]))


def _land_noun_at(t: TextWords, k: int) -> bool:
    """Is word k, joined to the word before it, a noun of a land (منطقة، مدينة، محافظة)?"""
    return k < len(t.words) and t.joined(k) and t.words[k].norm in LAND_NOUNS


def _surname_at(t: TextWords, k: int, j: int) -> bool:
    """Can word k end the name before it? A family name written with ة (علي جمعة، خالد
    عليوة، سليمان فرنجية; not ه, a pronoun) or of the nisba form (فيصل السويدي، أبو حمزة
    المصري) is one; a clitic + article (بالتحدث، للخور) or a definite plural (العائدين)
    is not."""
    w = t.words[k]
    norm = w.norm
    if w.has_al and (norm[2:] in WEEKDAYS or norm in AFTER_NAME):
        return False  # وقال محمد الأحد إن، صباح الأحد: the day of the week; شارلز مورفي السياسي: his trade
    if w.first is not None or w.names:
        return not (w.nisba and w.has_al and norm.endswith("ه"))
    if w.has_al and (w.forms[-1][0] > 0 or norm.startswith("لل")) and not t.words[k - 1].first_foreign:
        return False  # بالتحدث، للخور، للنواب: a preposition + a definite noun (but خوان بالاسيوس)
    if w.has_al and norm.endswith(("ين", "ون")):
        return False  # العائدين
    if norm.endswith("ه") and len(norm) > 3 and not w.tanween and norm[0] != "و":
        # right after the given name or its بن-chain only (not سوزان مبارك قرينة الرئيس)
        return (
            t.text[t.ends[k] - 1] == "ة" and not norm.startswith(SURNAME_VERB_PREFIXES)
            and (
                (
                    k - 1 == j and t.words[j].first is not None and not t.words[j].first_foreign
                    and (not w.has_al or (not t.words[j].first_ambiguous and _family_with_ta(norm)))
                )  # فؤاد السنيورة، معاذ الكساسبة
                or t.words[k - 2].norm in PATRONYMIC
            )  # not علي العودة، هيلاري نسبة
        )  # fmt: skip
    if w.nisba and w.has_al:
        return norm.endswith("ي")  # المصري (the family or the kunya's), not الأمريكية
    if len(norm) > 4 and norm.endswith(("ها", "هم", "هما")):
        return False  # فتركها، لإقناعهم: a verb or noun with a pronoun
    if _past_or_elative(t, k):
        return False  # عبد العزيز اشترى، جائزة أوسكار أفضل ممثلة
    if norm in NOT_SURNAMES or norm.endswith("اء") or (norm[0] == "ل" and (norm[1:2] == "ت" or _verbal_noun(norm[1:]))):
        return False  # محمد نجل الفنان، عرفات أثناء، مازن أجواء، محمد عوض لإصدار
    if norm.startswith("لي") and len(norm) == 5 and not t.words[j].first_foreign:
        return False  # عبد الفتاح ليعوض: ل + an imperfect verb (but تسيبي ليفني)
    if (
        not w.has_al and t.words[k - 1].norm == ALLAH and k >= 2 and not t.words[k - 2].connector
        and not (len(norm) >= 5 and norm.endswith(("ي", "ان")))
    ):  # fmt: skip
        return False  # نصر الله طرح، فرج الله قريب: after a name in الله a family nisba (but عبد الله غل، حبيب الله سياري)
    if not w.has_al and _clause_word(t, k, j):
        return False  # محمود عباس لبحث، ناجي صبري عقد اجتماعا، سهيل بن عمرو مفاوض قريش
    if not w.has_al and len(norm) > 3 and (
        _verbal_noun(norm) or (norm[0] in "بلك" and (_participle(norm[1:]) or _verbal_noun(norm[1:]) or _taf_il(norm[1:])))
    ):  # fmt: skip
        return False  # فارس ارتفاع الأسعار، طيبة بمكرر ربحية، محمود بتحقيق: a verbal noun, a preposition + a participle
    if not w.has_al and norm[0] in "بلك" and not t.words[j].first_foreign and (
        (len(norm) == 5 and norm[2] == "ا" and norm[3] not in "وي" and norm[4] not in "يه")
        or (norm.endswith("ي") and _verbal_noun(norm[1:-1]))
    ):  # fmt: skip
        return False  # سلطان بواقع، فهد بإجمالي: a preposition + an active participle or a verbal noun's adjective (not بخاري)
    if w.has_al and len(norm) == 7 and norm[2] == "ا" and norm[4] == "ا" and norm[6] == "ي":
        return False  # ملاك الأراضي، الأهالي، الأغاني: a broken plural (أفاعل of a weak root), no family
    start = t.words[j]
    arabic_start = start.first is not None and not start.first_ambiguous and not start.first_foreign
    if arabic_start and norm.endswith("ون") and len(norm) >= 5 and norm[0] not in "مويت" and not w.has_al:
        return True  # مصطفى جميل بلجون، خلدون: a family name, not a plural (مسؤولون)
    if (
        norm.endswith("ا") and len(norm) > 3 and not w.has_al and (start.first is not None or k > j + 1)
        and not start.first_foreign and norm != "باشا" and not norm.startswith("ابو")
    ):  # fmt: skip
        return False  # قدم الفنان X برنامجا، فجرا، بديلا (حجاج عبد العظيم برنامجا): an accusative (not أبوالنجا)
    if w.has_al and not norm.endswith("ي") and ((norm[2:3] == "ت" and norm[3:4] not in "وي") or _verbal_noun(norm[2:])):
        return False  # رفض جوزيه الإفصاح، منح هنري التقدم: a verbal noun (but أحمد التوفيق)
    return _surname_like(w)


AFTER_NAME = frozenset(normalize(word) for word in (
    "السياسي الصحفي الصحافي الإعلامي الاقتصادي الدبلوماسي الروائي المسرحي السينمائي الموسيقي الفني "
    "الرياضي الإداري التنفيذي القانوني الحقوقي الأمني الأكاديمي الجامعي الطبي الحزبي النقابي الميداني "
    "الشهير الشهيرة الراحل الراحلة الملقب الملقبة المعروف المعروفة المدعو المدعوة الفائز الفائزة المتوفى المتوفاة"
).split())  # fmt: skip
"""Definite words that describe the person named before them, no family name (شارلز مورفي
السياسي، عبد الفتاح الشهير، كرم جابر الفائز)."""

ADVERBS = frozenset(normalize(word) for word in "مثلا أيضا حاليا سابقا لاحقا مجددا أمس اليوم غدا مساء صباحا".split())
"""Adverbs that may follow a name (هاني فحص مثلا): no object of a verb."""


def _clause_word(t: TextWords, k: int, j: int) -> bool:
    """Does unknown word k after the name starting at word j begin what is said of it rather
    than end the name: after an Arabic given name ب/ل/ك + a three-letter noun or a فعول
    verbal noun (لبحث، بنشر، بحضور), ب/ل/ك + a فعيل noun (كزعيم), a three-letter verb before
    its object (عقد اجتماعا، رفض الزواج), or, after two name words or an unknown one, a
    participle or فاعل noun heading a complement (مفاوض قريش، فاتح الصين، صاحب الهدف)?"""
    norm = t.words[k].norm
    start = t.words[j]
    arabic = (start.first is not None and not start.first_foreign) or start.connector
    if arabic and norm[0] in "بلك" and (
        (len(norm) == 4 and not any(ch in "اوي" for ch in norm[1:]))
        or (len(norm) == 5 and norm[3] == "و" and norm[2] not in "اوي" and norm[4] != "ن")  # بوقوع، بحضور (not بلجون)
    ):
        return True  # (but ريت بتلر, a foreign name)
    if arabic and k >= j + 2 and len(norm) == 4 and norm[3] == "ت" and norm[1] not in "اوي" and norm[2] not in "اوي":
        return True  # طلال سلمان حملت عنوان: a feminine past verb (unknown; رفعت، مدحت are given names)
    nxt = k + 1
    if nxt >= len(t.words) or not t.joined(nxt) or t.used[nxt]:
        return False
    after = t.words[nxt]
    if _three_consonants(norm):
        if after.norm in (DIN, ALLAH) or _family_nisba(after) or after.norm in ADVERBS:
            return False  # محمود علم الدين، أحمد درع الجميلي، هاني فحص مثلا
        return (after.has_al and not after.nisba and not after.stop) or (after.norm.endswith("ا") and len(after.norm) > 3)
    if (
        norm[0] in "بلك" and len(norm) == 5 and norm[3] == "ي" and norm[1] not in "اويل" and norm[2] not in "اوي"
    ):  # fmt: skip
        return True  # نابليون كزعيم: ك + a فعيل noun (but بلخير، بلعيد)
    return (
        (k >= j + 2 or start.first is None) and not t.words[k - 1].connector
        and (_participle(norm) or (k >= j + 2 and len(norm) == 4 and norm[1] == "ا" and norm[0] not in "اوي" and norm[3] != "ي"))
        and not (after.stop or after.digit or after.conj or after.nisba or after.norm[0] in "بلك")
    )  # fmt: skip


NAMED_AFTER = frozenset(
    normalize(word) for word in "مطار ملعب استاد ستاد شارع ميدان قاعة جسر دار قرية بلدة ضاحية".split()
)
"""Places often named after a person (مطار جون كنيدي، ملعب ثاني بن جاسم، شارع محمد علي), and
places named with a given name (دار سعد in Aden, قرية سالم)."""
NAMED_AFTER_ENDS = tuple(NAMED_AFTER)


def _names_a_place(t: TextWords, i: int) -> bool:
    """Does a person's name at word i (or a title there) name a cup, a prize or a place (كأس
    الشيخ جاسم، جائزة نجيب محفوظ، مطار حيدر علييف، ملعب ثاني بن جاسم) rather than mention the
    person? Not after بطولة, also a starring role (بطولة تيسير فهمي)."""
    k = i - 1
    if k >= 0 and t.joined(i) and t.words[k].title is not None:
        i, k = k, k - 1  # كأس الشيخ جاسم
    if k < 0 or not t.joined(i):
        return False
    before = t.words[k]
    if before.misc:
        return not before.norm.endswith("بطوله")
    return before.norm.endswith(NAMED_AFTER_ENDS) and any(base in NAMED_AFTER for _, base in before.forms)


def _before_allah(t: TextWords, k: int) -> bool:
    """Is word k, before الله, the first word of a compound name (نصر الله، غرم الله), not a
    verb of a formula (رحمه الله، رضي الله عنه، أطال الله عمره)?"""
    w = t.words[k]
    norm = w.norm
    return not (
        w.has_al or w.conj or (w.first is not None and w.first > 0) or (w.stop and norm != "حسب") or w.digit
        or len(norm) < 3 or t.text[t.ends[k] - 1] in "هى" or norm in NOT_BEFORE_ALLAH or norm.endswith(("ات", "هم", "ها")) or norm.startswith(SURNAME_VERB_PREFIXES) or _past_or_elative(t, k)
    )  # fmt: skip


def _idiom_word(t: TextWords, i: int, off: int) -> bool:
    """Is the given name at word i, alone, rather a word of an idiom or of a tribe's name?
    Before الله (بتوفيق الله، بعد توفيق الله); with ب/ل before a definite noun (لصالح القرار،
    لصالح اليمن; but لمعاوية ولكن، بعائشة التي); after بني/بنو (بني سعد, a tribe or a place)."""
    if i > 0 and t.joined(i) and t.words[i - 1].norm in ("بني", "بنو"):
        return True
    if i + 1 >= len(t.words) or not t.joined(i + 1):
        return False
    nxt = t.words[i + 1]
    if nxt.norm == ALLAH or (nxt.norm == "من" and i + 2 < len(t.words) and t.words[i + 2].norm == ALLAH):
        return True  # (بتوفيق من الله)
    prefix = t.words[i].norm[:off]
    return ("ب" in prefix or "ل" in prefix) and nxt.has_al and not nxt.stop


def _family_with_ta(norm: str) -> bool:
    """Could this definite word in ة be a family name (السنيورة، الكساسبة، الطراونة)? Not a
    shorter noun (الجلسة، الحكومة، الوزارة: objects after a subject), a feminine adjective
    (الخيرية، القريبة), participle (المعارضة) or verbal noun (التجارة، الانتفاضة)."""
    return (
        len(norm) >= 8 and not norm.endswith("يه") and norm[-3] != "ي" and not norm.startswith(("الم", "الت", "الا"))
    )  # fmt: skip


def _surname_like(w: Word) -> bool:
    """Could this (not given-name) word end a name? Not a nationality (الأميركي), not a plural
    (المحادثات), not و + an unknown word (وإخراج)."""
    norm = w.norm
    if w.first is not None or w.names:
        return not (w.nisba and w.has_al)
    return not (
        (w.nisba and w.has_al) or w.tanween or norm.endswith(("ات", "ون", "ه"))
        or norm.startswith(SURNAME_VERB_PREFIXES) or norm[0] == "و"
    )  # fmt: skip


def _nisba_shape(w: Word) -> bool:
    """Is this a definite nisba-form word that is no nationality (الراجحي، العثيمي)?"""
    return w.has_al and w.norm.endswith("ي") and len(w.norm) >= 5 and not w.nisba and w.forms[-1][0] == 0


def _family_nisba(w: Word) -> bool:
    """Is this a family name of the nisba form (الفاسي، الدليمي)? After an indefinite word
    (سعيد، عباس) a definite adjective cannot agree, so such a word makes it a given name."""
    norm = w.norm
    return (
        w.has_al and norm.endswith("ي") and len(norm) >= 5 and not w.nisba and not w.generic
        and not w.stop and not w.names and w.forms[-1][1].startswith("ال") and norm not in AFTER_NAME
    )  # fmt: skip


NUMBER_WORDS = frozenset(("اثنان", "اثنين", "ثلاثه", "اربعه", "خمسه", "عشره", "الاثنان"))

DIRECTIONS = frozenset(("شمال", "جنوب", "شرق", "غرب", "وسط"))
MATCH_WORDS = frozenset(normalize(word) for word in (
    "ضد أمام لاعب لاعبو لاعبي فريق مباراة لقاء فوز فاز خسر خسارة تعادل هزم هزيمة التقى يلتقي مواجهة ملعب مدرب "
    "انتقل انضم لصالح حارس مهاجم مدافع"
).split())  # fmt: skip
"""Words a club's name follows in match reports (تعادل مع بيهورا الروماني، أمام بتروليوم الروماني)."""
LAND_NOUNS = frozenset(("قاره", "منتجع", "عاصمه", "جزيره", "منطقه", "بلاد", "اقليم", "ولايه", "مدينه", "محافظه", "ضواحي", "شواطء"))
"""Nouns of a land before its name: a nationality after the name describes them (منتجع سوسة
التونسي، قارة آسيا), it makes no club."""
PLACE_PREFIXES = frozenset(("دير", "كفر", "عين", "بيت", "تل", "راس", "بءر", "بير", "جسر", "مرج", "برج", "خربه", "سيدي", "حاسي"))
"""First words of two-word place names of the Levant and the Maghreb (دير القمر، كفر داعل، عين
الحلوة، بيت لحم، سيدي بوزيد) after a place head."""
REGION_HEADS = DIRECTIONS | {"شبه", "اقصى", "اطراف", "ارجاء", "سواحل", "ساحل", "هضبه"}
"""Words before a part of a land: a name after one is the land (شرق الأناضول، شبه الجزيرة)."""

MEDIA_AND_CLUBS = ("صحيفه", "جريده", "مجله", "نادي", "فريق")
"""Descriptors that make a place name the paper's or club's (not قناة: قناة السويس is the canal)."""

NAME_ALONE = frozenset(
    ("حركه", "صحيفه", "جريده", "مجله", "قناه", "فضائيه", "شركه", "نادي", "وكاله", "فريق", "منتخب", "شركتا", "حركتا", "صحيفتا")
)
"""Descriptors that are no part of a one-word name after them, listed with it or not (حركة
فتح → فتح، شركة المراعي → المراعي، فريق برشلونة → برشلونة); بنك, مسجد, مدرسة are (بنك مصر);
نادي باريس is the Paris Club."""

LISTED_WHOLE = frozenset(("حركه", "حركتا"))
"""Descriptors kept when listed with the name (حركة فتح is named whole; حركة حماس is حماس, listed alone)."""

PAPERS = ("صحيفه", "جريده", "مجله")
"""Descriptors whose name may be a common word with the article (صحيفة الحياة); not نادي,
whose common-noun names keep it (نادي الضباط، نادي الصحافة)."""


def _paper_name(t: TextWords, j: int, heads: frozenset[str]) -> bool:
    """Could definite word j after صحيفة/جريدة/مجلة be the paper's whole name: not an
    adjective (صحيفة الأمريكية), verbal noun or plural, not ل + a noun (مجلة للمرأة) nor an
    organisation head (مجلة الجمعية), and no construct going on after it but a nationality
    (مجلة البحوث الطبية; صحيفة الحياة اللندنية)?"""
    w = t.words[j]
    norm = w.norm
    if (
        len(norm) < 5 or w.nisba or w.generic or w.conj or w.forms[-1][0] > 0 or norm.startswith("لل")
        or norm.endswith(("ات", "ين", "ون")) or _adjective_shape(w) or _verbal_noun(norm[2:]) or norm[2:] in heads
    ):  # fmt: skip
        return False
    k = j + 1
    return not (k < len(t.words) and t.joined(k) and (t.words[k].has_al or t.words[k].norm.startswith("لل")) and not t.words[k].nisba)


FOREIGN_W = ("ويل", "واي", "واش", "وين", "وود", "ويس", "وار")
"""How foreign surnames written with و begin (ويلكس، وايت، واشنطن، وينكلر، وودز), unlike
و + a word (وكلارنس، وديانا)."""


def _foreign_surname(w: Word, long_ok: bool = False) -> bool:
    """After a foreign given name, surnames that look Arabic-plural or verb-like are still
    names: هاملتون، برانسون، ويلكس، تشاو (not conjunctions + verbs such as ويقول)."""
    norm = w.norm
    if w.tanween or w.nisba or len(norm) < 3 or norm.endswith(("ه", "ات")):
        return False
    if norm[0] == "و":
        return len(norm) >= 4 and norm.startswith(FOREIGN_W)
    if long_ok and len(norm) >= 7 and not w.has_al:
        return True  # يلينا يانكوفيتش: long enough not to be a verb
    if norm[0] in "يت" and len(norm) >= 5 and norm[1] in "اي" and not norm.endswith("ت"):
        return True  # كارلوس تيفيز، مايك تايسون: no imperfect verb has a long vowel there
    if norm[0] in "يت" and len(norm) >= 5 and (norm.endswith(("يس", "يز", "وس")) or (norm.endswith("ين") and len(norm) >= 6)):
        return True  # فرناندو توريس، بوريس يلتسين: Spanish -es, Slavic -in (verbs end so seldom)
    return norm.startswith("تش") or (norm.endswith(("ون", "ين")) and not norm.startswith(VERB_PREFIXES))


ELATIVES = frozenset(normalize(word) for word in (
    "أفضل أكبر أكثر أقل أحسن أسوأ أصغر أعلى أدنى أقوى أضعف أهم أسرع أبطأ أقرب أبعد أطول أقصر أجمل أغلى "
    "أرخص أعظم أشد أخطر أقدم أحدث أكثرهم أبرز أشهر"
).split())  # fmt: skip
"""Common elatives: after a given name one is a comparison (أدوار أفضل), not a surname of the
same shape (مرضية أفخم، مايكل أبتد)."""


def _second_surname(t: TextWords, k: int) -> bool:
    """Is unknown word k, after a foreign given name and its surname, a second surname word
    (فيليب دوست بلازي، مانويل مورينو إيبانيز): foreign-looking, no verb (استطاع، وافق، قدر)
    nor و/ب/ل + a word, and the phrase ends after it?"""
    w = t.words[k]
    norm = w.norm
    if not _foreign_word(w) or norm.isascii() or _past_or_elative(t, k) or _three_consonants(norm):
        return False
    if len(norm) == 4 and norm[1] == "ا":
        return False  # وافق، كاتب: a فاعل verb or noun
    nxt = k + 1
    if _phrase_ends(t, nxt):
        return True
    after = t.words[nxt]
    return after.title is not None or after.speech is not None or ("ال" + after.norm) in ("الرءيس", "المدير")


def _surname_before_end(t: TextWords, k: int) -> bool:
    """Right after foreign given names, is word k an unknown surname because the phrase ends right
    after it (كوفي أنان إن، ليليان تورام في، كوفي أنان وقادة، كوفي أنان حث)? Its shape alone
    may be a verb's or an elative's, but a verb would go on with its object."""
    w = t.words[k]
    norm = w.norm
    if w.has_al or w.conj or w.tanween or w.names or len(norm) < 3 or norm.endswith(("ه", "ات", "ها", "هم", "ا")):
        return False
    if len(norm) == 5 and ((norm[0] == "س" and norm[1] in "يتن" and norm[3] in "او") or (norm[0] in "تا" and norm[4] == "ت")):
        return False  # اليكس سيكون له، أدوار تنوعت بين: a future or feminine past verb
    if (norm[0] in "يت" and norm[1] not in "اوي" and not norm.endswith(("ون", "ين"))) or _taf_il(norm):
        return False  # إيفانا تعود إلى، داني يخرج إلى: an imperfect verb or a verbal noun (but تومسون)
    if norm[0] in "يت" and MARKS.sub("", t.text[t.starts[k] : t.ends[k]])[1:2] in ("أ", "ؤ", "ئ"):
        return False  # برونو سيزار تأتي: a hamza after the prefix makes a verb (تأتي، يؤكد)
    if (norm[0] in "يت" and norm[1:3] == "وا") or (norm[0] == "ت" and len(norm) == 5 and norm[3] == "ي"):
        return False  # انريكي يوافق، جون تعيين: a verb of the يفاعل shape, a تفعيل noun
    if t.text[t.ends[k] - 1] == "ى":
        return False  # إليزابيث توفى: written with ى, a verb
    if norm[0] == "و" and (
        norm[1] in "تم" or (len(norm) == 5 and norm[2] == "ا") or (len(norm) == 4 and norm[2] == "ي") or norm[1:3] in ("سي", "ست")
    ):
        return False  # وتسبب، ومقيم، وساعد، وريث، وسيصل: و + a verb or noun (but ويب، ووكر)
    if norm in ELATIVES:
        return False  # أدوار أفضل: an elative (but أنان، مرضية أفخم)
    if norm in NOT_SURNAMES:
        return False  # بول ياسر عرفات أثناء
    if _phrase_ends(t, k + 1):
        return True
    after = t.words[k + 1]
    if after.title is not None or after.speech is not None or after.norm[0] == "و" or len(after.norm) == 2:
        return True  # … أنان وقادة، … أنان حث
    if after.norm[0] == "س" and after.norm[1] in "يتن" and len(after.norm) >= 5:
        return True  # … أنان سيطلب: a future verb after its subject
    base = after.norm[1:]
    return after.norm[0] in "بل" and (after.has_al or base[:1] == "ا" or _taf_il(base) or _three_consonants(base))
    # … أنان بانسحاب، لتطوير، برويز مشرف بدعم


def _french_surname(t: TextWords, k: int) -> bool:
    """Is word k a French-style surname in -يه written with ه (لورانس أوليفيه، كولو توريه)? After a
    foreign given name no pronoun ending is likely."""
    norm = t.words[k].norm
    return len(norm) >= 5 and norm.endswith("يه") and t.text[t.ends[k] - 1] == "ه" and norm[0] not in "وف"


def _foreign_surname_shape(t: TextWords, k: int) -> bool:
    """Could this unknown word be the surname after a foreign given name? Not a definite word
    (ماري السبت، ألفارو النهج; but ميشال الخوري, هنري الثامن, and بالاسيوس, كالاهان where
    ب/ك + ال is part of the name), an elative (كين أهم), a participle (مدرب، مهاجم، منتقل)
    or ب/ل/ك + a verbal noun or participle (بتأجير، كمقدم), a past verb with its subject
    (أصبحنا), a three-letter verb before its object (أنطوني سجل 19 نقطة، كارلوس ملك إسبانيا;
    but إيلي صعب، شارل رزق)."""
    w = t.words[k]
    norm = w.norm
    if w.tanween or not norm:
        return False
    if len(norm) < 3:
        return True  # براد بت، غلين كو
    if w.has_al:
        if _family_nisba(w) or norm in ORDINALS:
            return True  # ميشال الخوري، جورج الراسي، هنري الثامن
        off, base = w.forms[-1]
        base = base[2:]
        return (
            off > 0 and norm[0] in "بك" and len(base) >= 3 and base[0] not in "تم" and not _verbal_noun(base)
            and not base.endswith(("ي", "ه", "ات", "ين", "ون"))
        )  # fmt: skip
    if _three_consonants(norm):
        if norm[0] == "ا":
            return False  # an elative
        nxt = t.words[k + 1] if k + 1 < len(t.words) and t.joined(k + 1) else None
        if nxt is not None and (nxt.digit or nxt.tanween or (nxt.norm.endswith("ا") and len(nxt.norm) > 3) or _whole_place_or_org(nxt)):
            return False
    if _participle(norm):
        return False
    if norm[0] in "بلك" and norm[1] in "تم" and len(norm) >= 5:
        return False
    if norm.endswith("ت") and (
        (len(norm) == 4 and norm[1] not in "اوي") or (len(norm) == 5 and norm[1] == "ا" and norm[2] not in "اوي" and norm[3] not in "اوي")
    ):  # fmt: skip
        return False  # إليزابيث ظهرت، ليزا قابلت: a feminine past verb
    return not (norm[0] == "ا" and norm[1] not in "اوي" and norm.endswith(("نا", "وا", "تم")))  # (but أومونا)


def _name_follows(t: TextWords, k: int) -> bool:
    """Does a clear name start at word k: an unambiguous known given name (not علي) or two
    foreign-looking words (وزير الدفاع جوونو سودارسونو)?"""
    if k >= len(t.words) or not t.joined(k) or t.used[k]:
        return False
    w = t.words[k]
    if w.first is not None:
        return not w.first_ambiguous and w.norm != ALI and not w.has_al
    return _foreign_word(w, accusative_ok=True) and _foreign_pair(t, k)


def _construct_follows(t: TextWords, k: int) -> bool:
    """Does word k complete an office noun before it (محافظ جدة، مدرب الفريق، حارس مرمى), not
    end the name (a function word, punctuation, another office or a family name)?"""
    if k >= len(t.words) or not t.joined(k):
        return False
    w = t.words[k]
    return not (w.stop or w.digit or w.title is not None or w.first is not None or _family_nisba(w))


def _common_noun_shape(norm: str) -> bool:
    """Does this unknown word look like an Arabic noun or verb rather than a foreign name: a
    plural in ات, a verbal noun (إنتاج، اجتماع), a participle, a short imperfect verb (يشرف)
    or three consonants (عدم، نقل)?"""
    return (
        norm.endswith("ات") or _verbal_noun(norm) or _participle(norm)
        or (len(norm) <= 4 and norm.startswith(VERB_PREFIXES))
        or _three_consonants(norm)
    )  # fmt: skip


def _adjective_form(norm: str) -> bool:
    """Is this indefinite word shaped like a common adjective: a short nisba (علمي، فني،
    عسكري), a participle in مت (متخصص، متكامل), فاعل/فاعلة (رائع، هائلة) or فعيل (خطير)?"""
    return (
        (norm.endswith("ي") and 3 <= len(norm) <= 5 and norm[0] != "ا" and not any(ch in "اوي" for ch in norm[1:-1]))
        or (norm.startswith("مت") and len(norm) >= 5)
        or (norm[1:2] == "ا" and (len(norm) in (3, 4) or (len(norm) == 5 and norm.endswith("ه"))))
        or (len(norm) == 4 and norm[2] == "ي" and norm[1] not in "اوي")
    )  # fmt: skip


def _descriptor_noun(norm: str) -> bool:
    """Is this word after a descriptor a common noun rather than a name: a تفعيل or فعالة verbal
    noun (تحرير، تأمين، صناعة), ل + one (لتأجير), a word with a pronoun (عملها، طيرانها) or in اء (غذاء)?"""
    base = norm[1:] if norm[:1] == "ل" and len(norm) > 4 else norm
    return (
        (base[0] == "ت" and len(base) == 5 and base[3] == "ي") or norm.endswith(("ها", "هم", "هما", "اء"))
        or (base.startswith("است") and len(base) == 7 and base[5] == "ا")  # استيراد، استثمار: استفعال
        or (base is not norm and _common_noun_shape(base))
        or (len(norm) == 5 and norm[2] == "ا" and norm.endswith("ه"))  # صناعة، تجارة: فعالة
    )  # fmt: skip


def _described_by(norm: str) -> bool:
    """Is this a feminine participle that describes a body rather than names it: passive
    (موجودة، منشورة) or reciprocal (متزايدة)? (Not مقاتلة، متخصصة، مسلحة, which name one.)"""
    return norm.endswith("ه") and (
        (len(norm) == 6 and norm[0] == "م" and norm[3] == "و") or (len(norm) == 7 and norm[:2] == "مت" and norm[3] == "ا")
    )


def _fem_participle(norm: str) -> bool:
    """Is this a feminine participle or مفاعلة noun in م…ة (مزدوجة، منوعة، مستمرة، محاماة)?"""
    return norm[0] == "م" and norm.endswith("ه") and len(norm) >= 5


def _adjective_shape(w: Word) -> bool:
    """Is this definite word shaped like a participle (المناهض، القادم، الصادر)?"""
    base = w.norm[2:] if w.norm.startswith("ال") else w.norm
    return len(base) >= 4 and ((base[1] == "ا" and len(base) == 4) or _participle(base))


def _three_consonants(norm: str) -> bool:
    """Is this a three-letter word without a long vowel after its first letter (عدم، نقل)?"""
    return len(norm) == 3 and not any(ch in "اوي" for ch in norm[1:])


def _participle(norm: str) -> bool:
    """Does this word have a participle's shape (مدرب، مقدم، مهاجم، منتقل; not مندي، منديز)?"""
    return (
        norm[0] == "م" and norm[1:2] not in ("", "ا", "و", "ي") and not norm.endswith("ي")
        and (len(norm) == 4 or (len(norm) == 5 and norm[2] in "ات"))
    )  # fmt: skip


def _whole_place_or_org(w: Word) -> bool:
    """Is this word, as written, a one-word place or organisation of the gazetteer (ليبيا)?"""
    return any(off == 0 and (e := node.get(None)) is not None and e.type != PERSON for off, node in w.names)


def _starts_non_person(node: Trie) -> bool:
    """Does this trie hold a place or organisation name (at this word or further on)?"""
    entry = node.get(None)
    if entry is not None:
        return entry.type != PERSON
    return any(_starts_non_person(child) for key, child in node.items() if key is not None)
