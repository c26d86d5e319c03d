"""WARC web archives (warcio): every HTML response becomes an article through the HTML path.

The record's target URI is the article URL and key; the page's own publication date is
used when it has one, else the WARC-Date (when the page was captured). Records are read one
at a time from the (possibly gzipped) stream; a page over ``MAX_PAGE_BYTES`` is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from store.importers.failures import ImportFailure
from store.importers.html import MAX_PAGE_BYTES, decode_html, record_from_html
from store.importers.source import Source
from store.records import Record, RecordError

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


def read_warc(source: Source) -> Iterator[Record | ImportFailure]:
    """Articles of the HTML responses (status 200) in a WARC file; other records are passed over."""
    with source.open() as stream:
        number = 0
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if "html" not in content_type.lower() or record.http_headers.get_statuscode() != "200":
                    continue
                number += 1
                yield _article(record, content_type, source.name, number)
        except ArchiveLoadFailed as exc:
            raise ValueError(f"not a readable WARC file after record {number}: {exc}") from None


def _article(record: ArcWarcRecord, content_type: str, name: str, number: int) -> Record | ImportFailure:
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    data = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        return ImportFailure(name, f"page {uri} larger than {MAX_PAGE_BYTES:,} bytes", number)
    if getattr(record.raw_stream, "limit", 0) > 0:
        return ImportFailure(name, f"{uri}: record truncated (the file ends inside it)", number)
    charset = _CHARSET.search(content_type)
    try:
        page = decode_html(data, charset.group(1) if charset else None)
        return record_from_html(
            page,
            origin=f"{name}#{number}",
            url=uri,
            date=record.rec_headers.get_header("WARC-Date") or "",
        )
    except (RecordError, ValueError) as exc:
        return ImportFailure(name, f"{uri}: {exc}", number)
