"""TREC / LDC Gigaword style SGML newswire: one or many ``<DOC>`` per file.

Understands ``<DOCNO>`` and ``<DOC id="...">``, ``<TITLE>``/``<HEADLINE>``, ``<TIME>``/``<DATE>``/
``<DATE_TIME>``, ``<DATELINE>``, ``<URL>``, ``<SRC>``, ``<CAT>``, ``<AUTHOR>``, ``<ABSTRACT>``,
``<BODY>`` and ``<TEXT>`` with or without ``<P>``. The file is read as a stream, one document at a
time, so memory stays bounded whatever the file size; a document larger than
``MAX_DOC_CHARS`` or cut off by the end of the file is reported and skipped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from store.dates import parse_date
from store.importers.encoding import DecodeError, decode_stream, repair_mojibake
from store.importers.failures import ImportFailure
from store.importers.source import Source
from store.records import Record, RecordError

MAX_DOC_CHARS = 8_000_000
"""Largest single document read; bigger ones are reported, not loaded."""

_DOC_END = re.compile(r"</DOC\s*>", re.IGNORECASE)
_DOC_START = re.compile(r"<DOC(?:\s[^>]*)?>", re.IGNORECASE)
_DOC_ID = re.compile(r"""\bid\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_ELEMENT = re.compile(r"<([A-Za-z_][\w.-]*)(?:\s[^>]*)?>(.*?)</\1\s*>", re.DOTALL | re.IGNORECASE)
_CLOSING_TAGS = re.compile(r"\s*(?:</[A-Za-z_]+\s*>\s*)*")  # e.g. a </DOCS> wrapper's end
_PARAGRAPH = re.compile(r"</?P(?:\s[^>]*)?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z_][^<>]*>")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_DATE_IN_ID = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")

# Field → tags that may hold it, in order of preference.
_FIELDS = {
    "key": ("DOCNO", "DOCID"),
    "title": ("TITLE", "HEADLINE", "HL", "HEAD"),
    "date": ("TIME", "DATE", "DATE_TIME", "DATETIME", "PUBDATE"),
    "url": ("URL",),
    "source": ("SRC", "SOURCE"),
    "category": ("CAT", "CATEGORY"),
    "author": ("AUTHOR", "BYLINE"),
    "body": ("TEXT",),
    "abstract": ("ABSTRACT", "SUMMARY"),
    "dateline": ("DATELINE",),
}
_TAG_FIELD = {tag: name for name, tags in _FIELDS.items() for tag in tags}
_CONTAINERS = {"BODY"}

_TOO_LARGE = object()


def read_sgml(source: Source) -> Iterator[Record | ImportFailure]:
    """One Record per ``<DOC>``; a broken document is one failure, the others import.

    Undecodable bytes stop the file there: the complete documents before them import and
    the failure names the first document not read.
    """
    number = 0
    with source.open() as stream:
        try:
            for number, block in enumerate(_doc_blocks(decode_stream(stream)), start=1):
                yield _item(block, source.name, number)
        except DecodeError as exc:
            yield ImportFailure(source.name, f"{exc}; this and later documents not read", number + 1)


def _item(block: str | ImportFailure | object, name: str, number: int) -> Record | ImportFailure:
    if block is _TOO_LARGE:
        return ImportFailure(name, f"document larger than {MAX_DOC_CHARS:,} characters", number)
    if isinstance(block, ImportFailure):
        return ImportFailure(name, block.reason, number)
    try:
        return _record(block, f"{name}#{number}")
    except RecordError as exc:
        return ImportFailure(name, str(exc), number)


def _doc_blocks(chunks: Iterator[str]) -> Iterator[str | ImportFailure | object]:
    """Each ``<DOC>…</DOC>`` as text (without the end tag), or a marker for a bad one."""
    buffer = ""
    skipping = False
    for chunk in chunks:
        buffer += chunk
        position = 0
        while match := _DOC_END.search(buffer, position):
            if not skipping:
                yield buffer[position : match.start()]
            skipping = False
            position = match.end()
        buffer = buffer[position:]
        if len(buffer) > MAX_DOC_CHARS:
            if not skipping:
                yield _TOO_LARGE
            skipping = True
            buffer = buffer[-16:]  # an end tag may straddle the next chunk
    if buffer.strip() and not skipping:
        if _DOC_START.search(buffer):
            yield ImportFailure("", "truncated document: the file ends before </DOC>")
        elif _TAG.search(buffer) and not _CLOSING_TAGS.fullmatch(buffer):
            yield ImportFailure("", "text after the last </DOC> is not a document")


def _record(block: str, origin: str) -> Record:
    start = _DOC_START.search(block)
    if start is None:
        raise RecordError("no <DOC> start tag")
    fields: dict[str, str] = {}
    _collect(repair_mojibake(block[start.end() :]), fields)
    key = fields.get("key") or _attribute_id(start.group(0))
    body = fields.get("body") or fields.get("abstract", "")
    if not body and not fields.get("title"):
        raise RecordError("document has no <TEXT> and no title")
    extra = {name: fields[name] for name in ("abstract", "dateline") if fields.get(name)}
    if "dateline" in extra and body:  # the story's first words in print ("CAIRO, Jan 2 (AFP) -")
        body = f"{extra['dateline']}\n\n{body}"
    return Record(
        title=fields.get("title", ""),
        body=body,
        key=key,
        date=fields.get("date") or _date_from_id(key),
        url=fields.get("url", ""),
        source=fields.get("source", ""),
        author=fields.get("author", ""),
        category=fields.get("category", ""),
        origin=origin,
        extra=extra,
    )


def _collect(content: str, fields: dict[str, str]) -> None:
    """Fill ``fields`` from the top-level elements of ``content`` (first occurrence wins)."""
    for match in _ELEMENT.finditer(content):
        tag = match.group(1).upper()
        if tag in _CONTAINERS:
            _collect(match.group(2), fields)
            continue
        name = _TAG_FIELD.get(tag)
        if name is not None and name not in fields:
            value = _text(match.group(2))
            if value:
                fields[name] = value


def _text(raw: str) -> str:
    """Element content as plain text: paragraphs kept, other tags dropped, entities decoded."""
    text = raw
    if "<" in text:
        text = _TAG.sub("", _PARAGRAPH.sub("\n\n", text))
    if "&" in text:
        text = html.unescape(text)
    text = "\n".join(line.strip() for line in text.splitlines())
    return _BLANK_LINES.sub("\n\n", text).strip()


def _attribute_id(start_tag: str) -> str:
    match = _DOC_ID.search(start_tag)
    return match.group(1) if match else ""


def _date_from_id(key: str) -> str:
    """Gigaword ids carry the day: AFP_ARB_20010101.0001 → 2001-01-01."""
    match = _DATE_IN_ID.search(key)
    return parse_date("-".join(match.groups())) if match else ""
