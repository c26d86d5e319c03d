"""Importing text, Markdown, JSON and JSON Lines; keys, duplicates and failures."""

import json
from pathlib import Path

import pytest

from store import Archive
from store.records import Record, RecordError, record_from_mapping


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_text_and_markdown_take_first_line_as_title(empty, tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", "\n\nعنوان الخبر\n\nنص الخبر هنا.\n")
    write(tmp_path / "in" / "sub" / "b.md", "# عنوان ثان\n\nفقرة.\n")
    report = empty.import_paths([tmp_path / "in"])
    assert report.imported == 2 and report.ok
    assert empty.article("a").title == "عنوان الخبر"
    assert empty.article("a").body == "نص الخبر هنا."
    assert empty.article("b").title == "عنوان ثان"


def test_json_array_object_and_field_names(empty, tmp_path: Path) -> None:
    write(
        tmp_path / "many.json",
        json.dumps(
            [
                {
                    "docno": "D1",
                    "headline": "عنوان",
                    "content": "نص",
                    "date_extracted": "2015-07-21 02:51:32",
                    "src": "aawsat",
                    "author": "كاتب",
                    "cat": "سياسة",
                },
                {"url": "http://x/2", "title": "ثان", "body": "نص ٢"},
                {"title": "بلا مفتاح", "text": "نص ٣"},
            ],
            ensure_ascii=False,
        ),
    )
    write(tmp_path / "one.json", json.dumps({"title": "وحيد", "text": "نص"}, ensure_ascii=False))
    report = empty.import_paths([tmp_path])
    assert report.imported == 4 and report.ok
    first = empty.article("D1")
    assert (first.title, first.date, first.source, first.author, first.category) == (
        "عنوان",
        "2015-07-21T02:51:32",
        "aawsat",
        "كاتب",
        "سياسة",
    )
    assert empty.article("http://x/2").body == "نص ٢"
    assert empty.article("one").title == "وحيد"  # a single-object file: keyed by file name
    hashed = [h.key for h in empty.search("مفتاح")]
    assert len(hashed) == 1 and len(hashed[0]) == 32  # no id, URL or file of its own: content hash


def test_jsonl_bad_line_is_reported_rest_imports(empty, tmp_path: Path) -> None:
    lines = [
        '{"id": "1", "title": "أ", "text": "نص"}',
        "{broken",
        '{"id": "2", "title": "ب", "text": "نص"}',
        "[1]",
    ]
    write(tmp_path / "feed.jsonl", "\n".join(lines))
    report = empty.import_paths([tmp_path / "feed.jsonl"])
    assert report.imported == 2
    assert [(f.record, "JSON" in f.reason or "object" in f.reason) for f in report.failures] == [
        (2, True),
        (4, True),
    ]
    assert all(f.path.endswith("feed.jsonl") for f in report.failures)


def test_broken_files_are_reported_and_the_batch_lands(empty, tmp_path: Path) -> None:
    write(tmp_path / "good.txt", "عنوان\nنص")
    write(tmp_path / "bad.json", '{"title": "x", ')
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "binary.txt", b"\x00\x01\x02garbage")
    write(tmp_path / "latin1.txt", "caf\xe9".encode("latin-1") + b"\xff\xfe\xfa")
    write(tmp_path / "image.png", b"\x89PNG")  # unsupported inside a folder: passed over
    report = empty.import_paths([tmp_path])
    assert report.imported == 2  # good.txt, and latin1.txt read as Windows-1252 (legacy encodings)
    assert empty.article("latin1").title.startswith("café")
    reasons = {Path(f.path).name: f.reason for f in report.failures}
    assert set(reasons) >= {"bad.json", "empty.txt", "binary.txt"}
    assert "image.png" not in reasons
    assert "invalid JSON" in reasons["bad.json"]
    passed_over = [(Path(f.path).name, f.reason) for f in report.passed_over]
    assert ("image.png", "unsupported file type '.png'") in passed_over  # (so is the archive's own file)


def test_other_files_and_links_to_nothing_in_a_folder_are_listed_not_failed(empty, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "news.txt", "عنوان\nنص")
    write(folder / "tool.bin", bytes(range(256)) * 4)
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    report = empty.import_paths([folder])
    assert (report.imported, report.failures) == (1, [])
    assert sorted(Path(f.path).name for f in report.passed_over) == ["gone.txt", "tool.bin"]


def test_reimport_adds_nothing(empty, tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "عنوان\nنص")
    assert empty.import_paths([tmp_path]).imported == 1
    again = empty.import_paths([tmp_path])
    assert (again.imported, again.duplicates) == (0, 1)
    assert empty.stats().articles == 1


def test_same_key_other_text_is_kept_under_new_key(empty) -> None:
    empty.import_records([Record(key="k", title="أ", body="نص أول")])
    report = empty.import_records([Record(key="k", title="أ", body="نص ثان")])
    assert report.imported == 1 and report.renamed == 1
    assert len(empty.search("نص")) == 2


def test_missing_path_is_a_failure(empty, tmp_path: Path) -> None:
    report = empty.import_paths([tmp_path / "nope"])
    assert report.failures[0].reason == "no such file or folder"


def test_record_cleans_terminal_escapes_and_bidi_controls() -> None:
    record = Record(title="\x1b[31mأحمر\x1b[0m\u202e", body="نص\x1b]0;title\x07 [bold]x[/bold]\r\nسطر")
    assert record.title == "أحمر"
    assert record.body == "نص [bold]x[/bold]\nسطر"


def test_record_without_text_is_an_error() -> None:
    with pytest.raises(RecordError):
        record_from_mapping({"id": "1"})
    with pytest.raises(RecordError):
        record_from_mapping(["not", "an", "object"])


def test_seed_archive_is_created_once(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with Archive.open_or_seed(path) as archive:
        assert archive.stats().articles == 1
    with Archive.open_or_seed(path) as archive:
        assert archive.stats().articles == 1


def test_html_entities_left_by_scrapers_are_decoded() -> None:
    record = record_from_mapping({"title": "عائلة &quot;سمين&quot; &amp; جيران", "content": "نص &#1604;"})
    assert record.title == 'عائلة "سمين" & جيران'
    assert record.body == "نص ل"


def test_worker_processes_import_exactly_what_one_process_does(tmp_path: Path) -> None:
    records = [Record(key=f"k{i}", title=f"خبر رقم {i}", body=f"وزارة الدفاع في طرابلس {i % 7}") for i in range(1200)]
    records.insert(600, records[3])  # a duplicate in the middle of the stream
    results = []
    for workers in (0, 2):
        with Archive(tmp_path / f"w{workers}.db") as archive:
            report = archive.import_records(records, workers=workers)
            rows = archive.conn.execute("SELECT key, title, body FROM articles ORDER BY id").fetchall()
            facts = archive.conn.execute("SELECT sum(mentions) FROM article_entities").fetchone()[0]
            results.append((report.imported, report.duplicates, rows, facts, len(archive.search("طرابلس", limit=5000))))
    assert results[0] == results[1]
    assert results[0][:2] == (1200, 1)


def test_a_named_file_of_unknown_type_is_not_guessed_as_json(empty, tmp_path: Path) -> None:
    toml = write(tmp_path / "p.toml", '[project]\nname = "x"\n')
    data = write(tmp_path / "export.dat", '[{"title": "عنوان", "text": "نص"}]')
    report = empty.import_paths([toml, data])
    assert report.imported == 1
    assert [(Path(f.path).name, f.reason) for f in report.failures] == [("p.toml", "unsupported file type '.toml'")]


def test_stats_count_the_articles_of_each_source(empty) -> None:
    empty.import_records(
        [Record(title=f"خبر {n}", body="نص", source=("okaz", "sabq", "okaz", "")[n]) for n in range(4)]
    )
    assert empty.stats().per_source == {"okaz": 2, "": 1, "sabq": 1}
