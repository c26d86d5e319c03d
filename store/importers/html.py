"""Web pages: main text, title, date, author and canonical URL by trafilatura.

Boilerplate (menus, footers, "read also" lists, comments) is left out by trafilatura's
main-content extraction; we never strip tags by hand for whole pages. ``record_from_html``
is shared with the WARC reader; ``fragment_text`` turns small HTML fragments (feed item
content) into text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

import lxml.html
import trafilatura
from lxml import etree

from store.importers.encoding import decode, repair_mojibake
from store.importers.source import Source
from store.records import Record, RecordError

MAX_PAGE_BYTES = 16 * 1024 * 1024
"""Largest page read; real article pages are well below a megabyte."""

for _library in ("courlan", "justext", "htmldate"):  # their warnings are not for our users' terminals
    logging.getLogger(_library).addHandler(logging.NullHandler())

_DATES = {"extensive_search": False, "original_date": True}
"""Dates from markup only: the extensive search guesses years from the article text."""
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+[^|–—-]+$")
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
           "pre", "section", "article", "table", "figure", "figcaption", "dd", "dt"}  # fmt: skip


def read_html(source: Source) -> Iterator[Record]:
    """One article per page; a page without article text is a failed file."""
    if source.size > MAX_PAGE_BYTES:
        raise ValueError(f"page too large ({source.size:,} bytes > {MAX_PAGE_BYTES:,})")
    yield record_from_html(decode_html(source.read_bytes()), origin=source.name, key=source.stem)


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Page bytes to text: UTF-8 when they are valid UTF-8 (saved pages often keep a stale
    <meta charset>), else the declared charset (HTTP header or <meta>), else detection."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or _is_utf8(data):
        return decode(data)
    match = _META_CHARSET.search(data[:4096])
    for charset in (declared, match.group(1).decode("ascii", "replace") if match else None):
        if charset:
            try:
                return repair_mojibake(data.decode(_codec(charset)))  # old Arabic sites mislabel cp1256
            except (LookupError, UnicodeDecodeError):
                continue
    return decode(data)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _codec(charset: str) -> str:
    """Browsers read 'iso-8859-1' and 'ascii' as Windows-1252 (WHATWG Encoding)."""
    name = charset.strip().lower()
    return "cp1252" if name in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii") else name


def record_from_html(page: str, *, origin: str, key: str = "", url: str = "", date: str = "") -> Record:
    """The article of a page. ``url`` (a WARC record's target URI) wins over the page's
    canonical URL; ``date`` (the capture date) is used when the page has none.

    Raises RecordError when the page holds no article text.
    """
    try:
        doc = trafilatura.bare_extraction(
            page,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_DATES,
        )
    except (ValueError, TypeError, etree.LxmlError, RecursionError) as exc:
        raise RecordError(f"unreadable HTML ({type(exc).__name__})") from None
    if doc is None or not (doc.text or "").strip():
        raise RecordError("no article text found in the page")
    title = doc.title or _page_title(page)
    body = doc.text.strip()
    first, _, rest = body.partition("\n")
    if title and first.strip() == title.strip():
        body = rest.strip()
    return Record(
        title=title or "",
        body=body,
        key=url or doc.url or key,
        date=doc.date or date,
        url=url or doc.url or "",
        source=doc.sitename or doc.hostname or "",
        author=doc.author or "",
        category=", ".join(doc.categories or []),
        origin=origin,
    )


def _page_title(page: str) -> str:
    """The <title>, without a trailing ' | Site name'."""
    match = re.search(r"<title[^>]*>(.*?)</title>", page[:65536], re.IGNORECASE | re.DOTALL)
    return _TITLE_SEPARATORS.sub("", " ".join(match.group(1).split())) if match else ""


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed item content), one line per block element."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.LxmlError, ValueError):
        return re.sub(r"<[^>]*>", " ", fragment).strip()
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
