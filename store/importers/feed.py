"""RSS 0.9x/1.0/2.0 and Atom feeds (feedparser): one article per item, full content when present."""

from __future__ import annotations

import re
from collections.abc import Iterator

import feedparser

from store.importers.encoding import decode, repair_mojibake
from store.importers.failures import ImportFailure
from store.importers.html import fragment_text
from store.importers.source import Source
from store.records import Record, RecordError

MAX_FEED_BYTES = 64 * 1024 * 1024
"""Largest feed file read (feedparser needs the whole document)."""

_DECLARED = re.compile(rb"<\?xml[^>]*encoding\s*=", re.IGNORECASE)
_CLOSING = re.compile(rb"</(?:[\w-]+:)?(?:rss|feed|RDF)\s*>\s*$", re.IGNORECASE)


def read_feed(source: Source) -> Iterator[Record | ImportFailure]:
    """Items of a feed; a truncated feed keeps its complete items and reports the cut one."""
    if source.size > MAX_FEED_BYTES:
        raise ValueError(f"feed too large ({source.size:,} bytes > {MAX_FEED_BYTES:,})")
    data = _as_utf8_unless_declared(source.read_bytes())
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    entries = list(parsed.entries)
    if not entries:
        reason = parsed.get("bozo_exception")
        raise ValueError(f"not a feed, or a feed with no items{f' ({reason})' if reason else ''}")
    truncated = parsed.get("bozo") and not _CLOSING.search(data.rstrip()[-64:])
    if truncated:
        entries = entries[:-1]
    feed_title = parsed.feed.get("title", "")
    for number, entry in enumerate(entries, start=1):
        try:
            yield _record(entry, feed_title, f"{source.name}#{number}")
        except RecordError as exc:
            yield ImportFailure(source.name, str(exc), number)
    if truncated:
        yield ImportFailure(source.name, "feed is truncated: its last item is incomplete", len(entries) + 1)


def _as_utf8_unless_declared(data: bytes) -> bytes:
    """Undeclared legacy bytes (an Arabic feed saved in Windows-1256) as UTF-8, which XML assumes."""
    if _DECLARED.search(data[:256]):
        return data
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        return decode(data).encode("utf-8")


def _record(entry: feedparser.FeedParserDict, feed_title: str, origin: str) -> Record:
    contents = entry.get("content") or []
    body_html = max((c.get("value", "") for c in contents), key=len, default="")
    body = repair_mojibake(fragment_text(body_html or entry.get("summary", "")))  # mislabelled feeds
    tags = [t.get("term", "") for t in entry.get("tags", []) if t.get("term")]
    return Record(
        title=repair_mojibake(fragment_text(entry.get("title", ""))),
        body=body,
        key=entry.get("id") or entry.get("link", ""),
        date=entry.get("published") or entry.get("updated") or entry.get("created", ""),
        url=entry.get("link", ""),
        source=feed_title,
        author=entry.get("author", ""),
        category=", ".join(tags),
        origin=origin,
    )
