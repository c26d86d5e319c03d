"""The hand-written gazetteers and trigger lists in store/data/, compiled into dict lookups.

Every word is stored in its normal form (store.analysis.normalize), so lookups are plain
dict hits on the normalised, clitic-stripped words of a text: no per-entry loops.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from store.analysis import WORD, normalize

DATA = Path(__file__).resolve().parent.parent / "data"

PERSON, PLACE, ORG, UNIT, DATE, NUMBER = "PERSON", "PLACE", "ORG", "UNIT", "DATE", "NUMBER"
TYPES = (PERSON, PLACE, ORG, UNIT, DATE, NUMBER)

GAZETTEERS = {"places.txt": PLACE, "orgs.txt": ORG, "people.txt": PERSON}


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer name: its type and canonical form."""

    type: str
    canonical: str


Trie = dict
"""Word → sub-trie; the key None holds the Entry of the phrase ending there."""


@dataclass
class Lexicon:
    """All lookups the extractor needs, keyed by normalised words."""

    names: dict[str, Trie] = field(default_factory=dict)
    """First word → trie of the names starting with it."""
    first_names: dict[str, bool] = field(default_factory=dict)
    """Given name → True when it is also a common word (needs more evidence)."""
    foreign_first: set[str] = field(default_factory=set)
    """Given names of other languages (جون، رود): a person only with another name word."""
    ta_marbuta: set[str] = field(default_factory=set)
    """Given names written with ة (نادية): the same letters ending in ه are a pronoun (ناديه)."""
    titles: dict[str, bool] = field(default_factory=dict)
    """Title → True when a nationality/office adjective may follow it."""
    stop: frozenset[str] = frozenset()
    index: dict[str, frozenset[str]] = field(default_factory=dict)
    """Normalised word → its tags: "name" (starts a gazetteer name), "first"/"first?" (given
    name; ? = also a common word), "title"/"title+", and the triggers.txt section names."""
    sections: dict[str, frozenset[str]] = field(default_factory=dict)
    """Trigger lists of triggers.txt by section name."""
    titled: dict[str, str] = field(default_factory=dict)
    """Listed canonical names that begin with a title ("!الملك سلمان|…"), normalised → as
    listed: the name a title and the rest of it stand for (استقبل الملك سلمان → الملك سلمان)."""

    def section(self, name: str) -> frozenset[str]:
        return self.sections.get(name, frozenset())


def norm_words(text: str) -> tuple[str, ...]:
    """The normalised words of a phrase."""
    return tuple(WORD.findall(normalize(text)))


@lru_cache(maxsize=100_000)
def entity_key(canonical: str) -> str:
    """The lookup form of an entity's canonical text: normalised words, punctuation dropped."""
    return " ".join(norm_words(canonical))


def _lines(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _variants(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The phrase, plus 'عبدX' joined forms of 'عبد X' (both spellings are common)."""
    found = [words]
    if "عبد" in words[:-1]:
        i = words.index("عبد")
        found.append((*words[:i], words[i] + words[i + 1], *words[i + 2 :]))
    return found


def _add_name(names: dict[str, Trie], words: tuple[str, ...], type_: str, canonical: str) -> None:
    for variant in _variants(words):
        node = names.setdefault(variant[0], {})
        for word in variant[1:]:
            node = node.setdefault(word, {})
        node.setdefault(None, Entry(type_, canonical))  # the first file naming a phrase decides


class Listing(NamedTuple):
    """One line of a gazetteer: the entity's type and canonical name, and the phrases that
    name it (the canonical among them unless it is marked "!", a name only)."""

    type: str
    canonical: str
    phrases: list[str]
    name_only: bool


def listings() -> Iterator[Listing]:
    """Every line of the gazetteers, in file order (the first file naming a phrase decides)."""
    for filename, type_ in GAZETTEERS.items():
        for line in _lines(filename):
            fields = [f.strip() for f in line.split("|") if f.strip()]
            name_only = fields[0].startswith("!")
            yield Listing(type_, fields[0].lstrip("!"), fields[1:] if name_only else fields, name_only)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The compiled lexicon (built once per process)."""
    lex = Lexicon()
    for listing in listings():
        if listing.name_only and listing.type == PERSON:
            lex.titled.setdefault(entity_key(listing.canonical), listing.canonical)
        for phrase in listing.phrases:
            words = norm_words(phrase)
            if words:
                _add_name(lex.names, words, listing.type, listing.canonical)
    foreign = False
    for line in (DATA / "first_names.txt").read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("#"):
            foreign = "foreign" in line.lower()
            continue
        for word in line.split():
            if foreign:
                lex.foreign_first.update(norm_words(word.rstrip("?")))
            ambiguous = word.endswith("?")
            for norm in norm_words(word.rstrip("?")):
                lex.first_names[norm] = ambiguous or lex.first_names.get(norm, False)
                if word.rstrip("?").endswith("ة"):
                    lex.ta_marbuta.add(norm)
    for line in _lines("titles.txt"):
        for norm in norm_words(line.rstrip("+")):
            lex.titles[norm] = line.endswith("+")
    lex.titled = {norm: name for norm, name in lex.titled.items() if norm.split()[0] in lex.titles}
    lex.stop = frozenset(w for line in _lines("stopwords.txt") for w in norm_words(line))
    sections: dict[str, set[str]] = {}
    current = ""
    for line in _lines("triggers.txt"):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, set()).update(norm_words(line))
    sections["patronymic"] = set(norm_words("بن ابن بنت"))
    sections["nisba"] = _nationalities(lex)
    lex.sections = {name: frozenset(words) for name, words in sections.items()}
    lex.index = _index(lex)
    return lex


def _nationalities(lex: Lexicon) -> set[str]:
    """Nationality adjectives derived from the one-word country/place names: ليبيا → الليبي،
    الليبيه؛ العراق → العراقي (and ال-less forms)."""
    found: set[str] = set()
    for word, node in lex.names.items():
        entry = node.get(None)
        if entry is None or entry.type != PLACE:
            continue
        for stem in {word[2:] if word.startswith("ال") else word, word}:  # العراق; ألمانيا
            for ending in ("يا", "ا", "ه"):
                if stem.endswith(ending) and len(stem) - len(ending) >= 3:
                    stem = stem[: -len(ending)]
                    break
            if stem.endswith("ي"):  # السعودية → السعودي
                stem = stem[:-1]
            if len(stem) >= 3:
                found.update({"ال" + stem + "ي", "ال" + stem + "يه", stem + "ي", stem + "يه"})
    return found


def _index(lex: Lexicon) -> dict[str, frozenset[str]]:
    tags: dict[str, set[str]] = {}
    for word in lex.names:
        tags.setdefault(word, set()).add("name")
    for word, ambiguous in lex.first_names.items():
        tags.setdefault(word, set()).add("first?" if ambiguous else "first")
    for word, adjectives in lex.titles.items():
        tags.setdefault(word, set()).add("title+" if adjectives else "title")
    for section, words in lex.sections.items():
        for word in words:
            tags.setdefault(word, set()).add(section)
    return {word: frozenset(found) for word, found in tags.items()}
