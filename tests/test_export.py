"""``archive-tui export``: JSON Lines and CSV re-import losslessly; Markdown reads well; errors are clean."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from store import Archive, Record
from store.export import export
from tests.conftest import shared_path
from tui.cli import main

FIELDS = ("key", "title", "body", "date", "url", "source", "author", "category")

RECORDS = [
    Record(
        key="AFP_ARB_20010102.0007",
        title='وزارة الثقافة: "نتائج" الدعم, والمنح',
        body="الفقرة الأولى، مع فاصلة.\n\nالفقرة الثانية\tبعد جدولة.\n  سطر يبدأ بمسافتين  ",
        date="2017-01-26T08:31:00",
        url="http://example.tn/ar/article/1?a=1&b=2",
        source="Jawhara FM",
        author="سامي بن علي",
        category="culture",
    ),
    Record(
        key="k2", title="[bold]ليس تنسيقا[/bold] = SUM(A1)", body="وزارة الصحة\r\nسطر ثان", date="2015-07"
    ),
    Record(title="", body="نص بلا عنوان عن وزارة الداخلية يكفي ليصبح عنوانا", url="https://x.sa/n/5"),
    Record(
        key="k4", title="English title, with commas", body="Body with \"quotes\" and 'single'", date="2016"
    ),
]


@pytest.fixture
def filled(tmp_path: Path):
    with Archive(tmp_path / "source.db") as archive:
        report = archive.import_records(RECORDS)
        assert report.imported == len(RECORDS)
        archive.import_records(
            [Record(key="k2", title="مفتاح مأخوذ", body="نص آخر بالمفتاح نفسه")]
        )  # → k2~hash
        yield archive


def snapshot(archive: Archive) -> dict[str, tuple]:
    rows = archive.conn.execute(f"SELECT {', '.join(FIELDS)} FROM articles")
    return {row[0]: row for row in rows}


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_reimports_losslessly(filled, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"all.{fmt}"
    assert main(["--db", str(filled.path), "export", "--format", fmt, "-o", str(out)]) == 0
    with Archive(tmp_path / "copy.db") as copy:
        report = copy.import_paths([out])
        assert report.ok and report.imported == 5 and report.renamed == 0
        assert snapshot(copy) == snapshot(filled)
        assert any("~" in key for key in snapshot(copy))


def test_export_of_a_query_writes_only_full_matches(filled) -> None:
    buffer = io.StringIO()
    assert export(filled, "وزارة", "jsonl", buffer) == 3
    keys = {json.loads(line)["key"] for line in buffer.getvalue().splitlines()}
    assert keys == {hit.key for hit in filled.search("وزارة", limit=50) if not hit.partial}
    buffer = io.StringIO()
    assert export(filled, "وزارة الصحة", "csv", buffer) == 1  # the partial matches stay out
    (row,) = csv.DictReader(io.StringIO(buffer.getvalue()))
    assert (row["key"], row["body"]) == ("k2", "وزارة الصحة\nسطر ثان")


def test_markdown_export(filled, tmp_path: Path, capsys) -> None:
    assert main(["--db", str(filled.path), "export", "source:jawhara", "--format", "md"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith('# وزارة الثقافة: "نتائج" الدعم, والمنح\n')
    assert "*2017-01-26T08:31:00 · Jawhara FM · سامي بن علي · culture*" in captured.out
    assert "<http://example.tn/ar/article/1?a=1&b=2>" in captured.out
    assert "exported 1 article" in captured.err


def test_bad_query_and_unwritable_output_leave_no_file(filled, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.jsonl"
    assert main(["--db", str(filled.path), "export", '"unclosed', "-o", str(out)]) == 2
    assert not out.exists() and not list(tmp_path.glob(".x.jsonl.*"))
    assert main(["--db", str(filled.path), "export", "-o", str(tmp_path / "missing" / "x.jsonl")]) == 1
    err = capsys.readouterr().err
    assert "bad query" in err and "cannot write" in err and "Traceback" not in err


def test_real_corpus_round_trip(tmp_path: Path) -> None:
    folder = shared_path("corpora", "jawharafm", "culture")
    with Archive(tmp_path / "real.db") as archive, Archive(tmp_path / "again.db") as again:
        imported = archive.import_paths([folder]).imported
        assert imported > 100
        out = tmp_path / "culture.csv"
        with open(out, "w", encoding="utf-8", newline="") as handle:
            assert export(archive, "", "csv", handle) == imported
        assert again.import_paths([out]).imported == imported
        assert snapshot(again) == snapshot(archive)


def test_a_key_taken_from_the_url_is_written_once(tmp_path: Path, capsys) -> None:
    url = "http://example.sa/news/1.html"
    with Archive(tmp_path / "u.db") as archive:
        archive.import_records([Record(title="خبر", body="نص الخبر", url=url, date="2015-07-01")])
        assert archive.article(url) is not None  # no id in the source: the URL is the key
    assert main(["--db", str(tmp_path / "u.db"), "export", "خبر", "--format", "md"]) == 0
    assert capsys.readouterr().out.count(url) == 1
    assert main(["--db", str(tmp_path / "u.db"), "show", url]) == 0
    header = capsys.readouterr().out.splitlines()[1]
    assert header.count(url) == 1 and "2015-07-01" in header
