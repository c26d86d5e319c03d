"""Content sniffing: which format a file is, from its first bytes."""

from __future__ import annotations

import codecs
import re
import zlib

from store.importers.encoding import DecodeError, encoding_of

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_GZIP = b"\x1f\x8b"
_LEADING = re.compile(r"^(?:\s|<\?xml[^>]*\?>|<!--.*?-->)*", re.DOTALL)
_SGML = re.compile(r"<DOCS?[\s>]", re.IGNORECASE)  # <DOCS> wraps the <DOC>s in some TREC files
_FEED = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_JSON_START = re.compile(r'\{\s*"|\[\s*[{\]]')
_TEXT_FORMATS = {"text", "json", "jsonl", "csv", "sgml", "html", "feed", None}


def sniff_format(head: bytes, by_name: str | None) -> str | None:
    """The format the first bytes show, else ``by_name`` (the extension's guess).

    Markup at the very start decides over the extension (a ``.txt`` holding ``<DOC>`` is SGML);
    JSON is only told apart from JSON Lines, never guessed over an extension.
    """
    if head.startswith(_ZIP):
        return "zip"
    if head.startswith(b"WARC/") or (head.startswith(_GZIP) and _gunzip_head(head).startswith(b"WARC/")):
        return "warc"
    if head.startswith(_GZIP):
        return "gzip"
    if by_name not in _TEXT_FORMATS:
        return by_name
    text = _head_text(head)
    if text is None:
        return by_name
    start = text[_LEADING.match(text).end() :][:512]
    if start.startswith("<"):
        for fmt, pattern in (("sgml", _SGML), ("feed", _FEED), ("html", _HTML)):
            if pattern.match(start):
                return fmt
    if by_name == "jsonl" and start[:1] == "[":
        return "json"
    if (by_name == "json" and start[:1] in ("{", "[")) or (by_name is None and _JSON_START.match(start)):
        return _json_or_lines(text)  # an unknown extension needs objects: "[project]" is TOML
    return by_name


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(wbits=31).decompress(head, 64)
    except zlib.error:
        return b""


def _head_text(head: bytes) -> str | None:
    """The head as text, leniently (it may end inside a character); None for binary data."""
    try:
        codec = encoding_of(head, partial=True)
    except DecodeError:
        return None
    return codecs.decode(head, codec, errors="ignore").lstrip("\ufeff")


def _json_or_lines(text: str) -> str:
    """'jsonl' when the first line is a whole object and another object follows, else 'json'."""
    lines = text.lstrip().splitlines()
    if len(lines) > 1 and lines[0].rstrip().endswith("}") and lines[1].lstrip().startswith("{"):
        return "jsonl"
    return "json"
