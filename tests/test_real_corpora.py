"""The real corpora in ../shared import to exactly their article counts minus true duplicates.

jawharafm: 10,161 files, one <DOC> each; 165 are second copies of another article (same title
and text, crawled twice: under a percent-encoded URL, or in two categories) → 9,996 articles.
saudinewsnet: 31,030 records in 18 zips; 57 have neither title nor text (reported), and 651 are
second copies under another URL (al-madina's '?weekly'/'?live' variants and re-posts) → 30,322.
"""

from __future__ import annotations

from store.importers import ImportFailure, read_paths
from tests.conftest import shared_path


def test_jawharafm_imports_every_article_once(empty) -> None:
    folder = shared_path("corpora", "jawharafm")
    report = empty.import_paths([folder])
    assert report.ok
    assert (report.imported, report.duplicates) == (9_996, 165)
    assert report.imported + report.duplicates == 10_161
    sample = empty.article("JA-culture-31-20170126")
    assert sample.title == "3,650 ملايين دينار قيمة المنح من الدولة لانتاج الأفلام"
    assert (sample.date, sample.source, sample.category) == ("2017-01-26T08:31:00", "Jawhara FM", "culture")


def test_saudinewsnet_records_and_true_duplicates() -> None:
    folder = shared_path("corpora", "saudinewsnet")
    records, failures = [], []
    for item in read_paths([folder]):
        (failures if isinstance(item, ImportFailure) else records).append(item)
    assert len(records) + len(failures) == 31_030
    assert len(failures) == 57 and {f.reason for f in failures} == {"no title and no text"}
    assert all("!" in f.path and f.record for f in failures)  # zip member and record number
    assert len({r.content_hash for r in records}) == 30_322
    assert len({r.url for r in records}) == len(records)  # the duplicates differ only by URL
