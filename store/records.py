"""The record: one article as an importer hands it to the archive."""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from store.dates import parse_date
from store.sanitize import clean_line, clean_text

try:  # the hashed text in one pass, built by `pip install .` (setup.py)
    from store._squeeze import squeezed as _squeezed_in_c  # type: ignore[import-not-found]

    C_SQUEEZE = True
except ImportError:
    C_SQUEEZE = False

# Common field names, in order of preference, for each record attribute.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "key": ("id", "docno", "doc_id", "docid", "_id", "guid", "key"),
    "title": ("title", "headline", "name"),
    "body": ("text", "body", "content", "article", "abstract", "description", "summary"),
    "date": ("date", "time", "date_extracted", "published", "pubdate", "datetime", "created"),
    "url": ("url", "link", "href", "canonical_url"),
    "source": ("source", "src", "publisher", "site"),
    "author": ("author", "authors", "byline", "writer"),
    "category": ("category", "cat", "section", "categories"),
}


EMPTY_RECORD = "no title and no text"
"""Why a record with neither was not imported (a blank entry of a source: skipped, no error)."""


class RecordError(ValueError):
    """A record that cannot become an article (the message says why)."""


@dataclass
class Record:
    """An article before it is stored: original text, cleaned of control characters."""

    title: str
    body: str
    key: str = ""
    date: str = ""
    url: str = ""
    source: str = ""
    author: str = ""
    category: str = ""
    origin: str = ""
    """Where it came from: a file path, with '#N' for the N-th record of a multi-record file."""
    extra: dict[str, Any] = field(default_factory=dict)
    unread_date: str = ""
    """The date as given when it could not be read (the record is then undated): for the report."""

    def __post_init__(self) -> None:
        self.title = clean_line(self.title)
        self.body = clean_text(self.body)
        for name in ("key", "url", "source", "author", "category", "origin"):  # origin: a file name
            setattr(self, name, clean_line(getattr(self, name)))
        given, self.date = self.date, parse_date(self.date) if self.date else ""
        if given.strip() and not self.date:
            self.unread_date = clean_line(given)[:80]
        if not self.title and not self.body:
            raise RecordError(EMPTY_RECORD)
        if not self.title:
            self.title = first_words(self.body)

    @property
    def content_hash(self) -> str:
        """Hash of title and text, whitespace-insensitive: equal hashes are duplicates."""
        return hashlib.blake2b(squeezed(self.title, self.body), digest_size=16).hexdigest()

    def resolved_key(self, fallback: str = "") -> str:
        """The article key: own id, else URL, else the fallback (file stem), else a hash."""
        return self.key or self.url or fallback or self.content_hash


def squeezed(title: str, body: str) -> bytes:
    """What a record's content hash is taken of: the words of title and body, single-spaced,
    a newline between them, in UTF-8 (store/_squeeze.c gives the same in one pass)."""
    if C_SQUEEZE and (data := _squeezed_in_c(title, body)) is not None:
        return data
    return (" ".join(title.split()) + "\n" + " ".join(body.split())).encode("utf-8")


def first_words(text: str, limit: int = 80) -> str:
    """A stand-in title: the first line of ``text``, cut at a word near ``limit`` chars."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > 0 else limit] + "…"


def _text_of(value: Any) -> str:
    """A field value as text: lists are joined, nested objects take their text-ish field."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return ", ".join(t for t in (_text_of(v) for v in value) if t)
    if isinstance(value, Mapping):
        for name in ("name", "text", "value", "#text", "href"):
            if name in value:
                return _text_of(value[name])
    return ""


_KEY_NORMALISER = re.compile(r"[\s\-]+")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")


def _unescape(text: str) -> str:
    """HTML entities that scrapers leave in JSON fields (&quot;, &amp;, &#1604;) as characters."""
    return html.unescape(text) if "&" in text and _ENTITY.search(text) else text  # ("&" in: no regex for most)


@lru_cache(maxsize=4096)
def _field_key(name: object) -> str:
    """A field name as FIELD_NAMES spells them ("Published-At " → "published_at"); the same few
    names recur in every record of a file, hence the cache."""
    return _KEY_NORMALISER.sub("_", str(name).strip().lower())


def record_from_mapping(data: Any, *, origin: str = "") -> Record:
    """Build a Record from a JSON-like object, recognising common field names."""
    if not isinstance(data, Mapping):
        raise RecordError(f"expected an object, found {type(data).__name__}")
    lowered = {_field_key(k): v for k, v in data.items()}
    values: dict[str, str] = {}
    for attr, names in FIELD_NAMES.items():
        for name in names:
            if name not in lowered:  # (most names are absent: no call for them)
                continue
            text = _text_of(lowered[name])
            if text.strip():
                values[attr] = _unescape(text) if attr not in ("key", "url") else text
                break
    return Record(
        title=values.get("title", ""),
        body=values.get("body", ""),
        key=values.get("key", ""),
        date=values.get("date", ""),
        url=values.get("url", ""),
        source=values.get("source", ""),
        author=values.get("author", ""),
        category=values.get("category", ""),
        origin=origin,
    )
