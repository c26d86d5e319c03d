"""Hostile input: each is reported or stored inert; never a crash, a hang or unbounded memory."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from store import Archive
from store.importers import ImportFailure, read_paths

ROOT = Path(__file__).resolve().parent.parent
CONTROL = set(map(chr, [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])) | set(
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", "--db", str(db), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


@pytest.mark.parametrize(
    "name",
    [
        "x.txt",
        "x.md",
        "x.json",
        "x.jsonl",
        "x.csv",
        "x.html",
        "x.xml",
        "x.rss",
        "x.sgml",
        "x.warc",
        "x.zip",
        "x.gz",
    ],
)
@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01\x02\xff\xfe\x00garbage\x00" * 50, random.Random(5).randbytes(3000)],
    ids=["empty", "nul-garbage", "random-bytes"],
)
def test_empty_and_binary_files_are_reported(empty, tmp_path: Path, name: str, content: bytes) -> None:
    path = write(tmp_path / name, content)
    report = empty.import_paths([path])
    assert report.imported == 0
    assert len(report.failures) >= 1
    assert all(f.path.startswith(str(path)) and f.reason for f in report.failures)
    if not content:  # the same words whatever the format
        assert [f.reason for f in report.failures] == ["empty file"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cut.json", '[{"title": "أ", "text": "نص"}, {"title": "ب", "te'),
        ("cut.jsonl", '{"title": "أ", "text": "نص"}\n{"title": "ب", "te'),
        ("cut.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>أ'),
        ("cut.sgml", "<DOC>\n<DOCNO>1</DOCNO>\n<TITLE>أ</TITLE>\n<TEXT>نص"),
        ("cut.html", "<html><head><title>عنوان</title></head><body><article><p>نص مقطوع في منتص"),
    ],
)
def test_truncated_files_store_nothing_partial(empty, tmp_path: Path, name: str, content: str) -> None:
    path = write(tmp_path / name, content)
    report = empty.import_paths([path])
    if name == "cut.html":  # a cut page is still a page: its text is whatever arrived
        assert report.imported <= 1
        return
    # every record is whole or absent: the complete first record of a JSON array or JSON Lines
    # file imports, the cut one is reported by number
    expected = 1 if name in ("cut.json", "cut.jsonl") else 0
    assert report.imported == expected
    assert report.failures and all(f.reason for f in report.failures)
    if expected:
        assert [f.record for f in report.failures] == [2]
    assert not empty.search("ب")


def test_a_cut_gzip_is_reported_as_cut_not_as_a_bomb(empty, tmp_path: Path) -> None:
    """A gzip file's last four bytes give its size: in a cut file they are whatever came last."""
    import gzip

    words = random.Random(3).choices(["نص", "خبر", "طرابلس", "قال", "الوزير", "يوم", "في", "من"], k=300_000)
    texts = (" ".join(words[n * 100 : n * 100 + 100]) for n in range(3000))
    lines = "".join(json.dumps({"id": f"k{n}", "title": f"خبر {n}", "text": text}) + "\n" for n, text in enumerate(texts))
    whole = gzip.compress(lines.encode("utf-8"))
    head = write(tmp_path / "head.jsonl.gz", whole[:20])  # (its "size" read as about 1.4 GB)
    half = write(tmp_path / "half.jsonl.gz", whole[: len(whole) // 2] + (16).to_bytes(4, "little"))
    report = empty.import_paths([head, half])
    reasons = {Path(f.path).name.split("!")[0]: f.reason for f in report.failures}
    assert reasons.keys() == {"head.jsonl.gz", "half.jsonl.gz"}
    assert "truncated gzip" in reasons["head.jsonl.gz"] and "bomb" not in reasons["half.jsonl.gz"]
    assert "ended before the end-of-stream" in reasons["half.jsonl.gz"]
    assert 0 < report.imported < 3000 and empty.article("k0") is not None  # what came before the cut


def test_deeply_nested_html_is_bounded(empty, tmp_path: Path) -> None:
    deep = "<div>" * 200_000 + "<p>نص عميق جدا</p>" + "</div>" * 200_000
    write(tmp_path / "deep.html", f"<html><head><title>عميق</title></head><body>{deep}</body></html>")
    write(tmp_path / "ok.html", "<html><head><title>سليم</title></head><body><p>نص سليم</p></body></html>")
    report = empty.import_paths([tmp_path])  # returns (CI's job timeout catches a hang)
    assert report.imported + len(report.failures) == 2
    assert empty.search("سليم")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("deep.json", '[{"title": "أ", "text": "نص"}, ' + "[" * 200_000 + "]" * 200_000 + "]"),
        ("deep_object.json", '{"a": ' * 200_000 + "1" + "}" * 200_000),
        ("deep.jsonl", '{"title": "أ", "text": "نص"}\n' + '{"a": ' * 200_000 + "1" + "}" * 200_000 + "\n"),
    ],
)
def test_deeply_nested_json_is_reported(tmp_path: Path, name: str, content: str) -> None:
    path = write(
        tmp_path / name, content + ('{"title": "ب", "text": "نص"}\n' if name == "deep.jsonl" else "")
    )
    items = list(read_paths([path]))
    failures = [i for i in items if isinstance(i, ImportFailure)]
    assert len(failures) == 1
    assert "deep" in failures[0].reason or "recursion" in failures[0].reason
    expected = {"deep.json": 1, "deep_object.json": 0, "deep.jsonl": 2}[name]  # JSON Lines goes on after it
    assert len(items) - len(failures) == expected


def test_nested_zip_bomb_stops_at_the_nesting_limit(tmp_path: Path) -> None:
    data = b"title\n" + b"x" * 1000
    for level in range(4):
        buffer = write(tmp_path / f"l{level}.zip", b"")
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for copy in range(3):
                archive.writestr(f"m{copy}.{'zip' if level else 'txt'}", data)
        data = buffer.read_bytes()
    items = list(read_paths([tmp_path / "l3.zip"]))
    assert all(isinstance(i, ImportFailure) and "nested deeper" in i.reason for i in items)
    assert len(items) == 9


HOSTILE_TITLE = (
    "\x1b]0;pwned\x07\x1b[31m[bold red]عنوان[/bold red]\u202eخطر\u2066 [link=http://x]x[/link]\x9b2J"
)
HOSTILE_BODY = "سطر أول\x1b[2J\x1b[H\r\nسطر ثان \u202dمقلوب\u202c\x07\x00 [blink]نص[/blink]"


def test_escapes_bidi_and_markup_are_stored_inert(empty, tmp_path: Path) -> None:
    record = {"id": "evil", "title": HOSTILE_TITLE, "text": HOSTILE_BODY, "source": "\x1b[5msrc"}
    write(tmp_path / "evil.jsonl", json.dumps(record) + "\n")
    assert empty.import_paths([tmp_path]).imported == 1
    article = empty.article("evil")
    for field in (article.title, article.body, article.source):
        assert not set(field) & CONTROL, repr(field)
    assert "[bold red]عنوان[/bold red]" in article.title  # markup-looking text kept as text
    assert article.body.splitlines() == ["سطر أول", "سطر ثان مقلوب [blink]نص[/blink]"]


LONE_SURROGATES = '{"id": "K", "title": "t \\ud800 x", "text": "نص \\uDC00 هنا \\ud83d\\ude00", "\\udfff": 1}'
"""A JSON object whose strings escape halves of UTF-16 pairs (and one whole pair, an emoji)."""


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("x.jsonl", LONE_SURROGATES + '\n{"id": "ok", "title": "t", "text": "b"}\n'),
        ("x.json", "[" + LONE_SURROGATES + ', {"id": "ok", "title": "t", "text": "b"}]'),
        ("k.json", LONE_SURROGATES),
    ],
)
def test_lone_surrogate_escapes_in_json_are_read_as_replacement_characters(
    empty, tmp_path: Path, name: str, content: str
) -> None:
    report = empty.import_paths([write(tmp_path / name, content)])
    assert (report.imported, report.failures) == (content.count('"id"'), [])
    article = empty.article("K")
    assert (article.title, article.body) == ("t \ufffd x", "نص \ufffd هنا \U0001f600")
    assert [h.key for h in empty.search("هنا")] == ["K"]


def test_cli_prints_no_control_characters(tmp_path: Path) -> None:
    record = {
        "id": "evil",
        "title": HOSTILE_TITLE,
        "text": HOSTILE_BODY + " وزارة",
        "author": "\x1b[8mhidden",
    }
    folder = tmp_path / "in"
    write(folder / "evil.jsonl", json.dumps(record) + "\n")
    write(folder / "bad\x1b[31mname\u202e.json", '{"title": "x", ')
    write(folder / "evil\x1b]0;t\x07name.txt", "عنوان من ملف باسم خبيث\nنص")
    db = tmp_path / "a.db"
    outputs = [cli(db, "import", str(folder))]
    outputs += [cli(db, "search", "وزارة"), cli(db, "search", "وزارة", "--json"), cli(db, "show", "evil")]
    assert outputs[0].returncode == 1  # one file failed
    assert "badname.json" in outputs[0].stderr  # named, without its escape sequence
    assert "[bold red]عنوان[/bold red]" in outputs[3].stdout  # printed as text, not as style
    with Archive(db) as archive:
        origins = [row[0] for row in archive.conn.execute("SELECT origin FROM articles")]
        assert any(o.endswith("evilname.txt") for o in origins)
        assert not set("".join(origins)) & CONTROL
    for result in outputs:
        for stream in (result.stdout, result.stderr):
            assert "Traceback" not in stream
            assert not set(stream) & CONTROL, repr(stream)


BIG = 200 * 1024 * 1024

MEASURE = textwrap.dedent(
    """
    import sys, time
    from store.importers import ImportFailure, read_paths
    def peak_kb():  # VmHWM: since exec (ru_maxrss would start at the parent's size)
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    before = peak_kb()
    started = time.monotonic()
    records = failures = 0
    reasons = set()
    for item in read_paths([sys.argv[1]]):
        if isinstance(item, ImportFailure):
            failures += 1
            reasons.add(item.reason.split(" ")[0])
        else:
            records += 1
    after = peak_kb()
    print(records, failures, (after - before) // 1024, round(time.monotonic() - started, 1), sorted(reasons))
    """
)


def measure(path: Path) -> tuple[int, int, int, list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    records, failures, grown_mb, _seconds, *reasons = result.stdout.split(" ", 4)
    return int(records), int(failures), int(grown_mb), reasons


def test_200_mb_sgml_file_streams_in_bounded_memory(tmp_path: Path) -> None:
    doc = (
        "<DOC>\n<DOCNO>D{n}</DOCNO>\n<TITLE>خبر رقم {n}</TITLE>\n<TEXT>\n"
        + "نص الخبر الطويل " * 1200
        + "\n</TEXT>\n</DOC>\n"
    )
    one = len(doc.encode("utf-8"))
    count = BIG // one + 1
    path = tmp_path / "huge.sgml"
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            out.write(doc.replace("{n}", str(n)))
    assert path.stat().st_size >= BIG
    records, failures, grown_mb, _ = measure(path)
    assert (records, failures) == (count, 0)
    assert grown_mb < 100, f"peak memory grew by {grown_mb} MB reading a {BIG >> 20} MB file"


def test_200_mb_single_record_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    line = '{"title": "ضخم", "text": "' + "x" * BIG + '"}\n{"title": "صغير", "text": "نص"}\n'
    jsonl = write(tmp_path / "huge.jsonl", line)
    records, failures, grown_mb, reasons = measure(jsonl)
    assert (records, failures) == (1, 1) and "line" in reasons[0]
    assert grown_mb < 100
    table = write(tmp_path / "huge.csv", "title,text\nصغير,نص\nضخم," + "x" * BIG + "\n")
    records, failures, grown_mb, reasons = measure(table)
    assert (records, failures) == (1, 1) and "invalid" in reasons[0]
    assert grown_mb < 100
    sgml = write(tmp_path / "huge.txt", "<DOC>\n<TITLE>ضخم</TITLE>\n<TEXT>" + "x" * BIG + "</TEXT>\n</DOC>\n")
    records, failures, grown_mb, reasons = measure(sgml)
    assert (records, failures) == (0, 1) and "document" in reasons[0]
    assert grown_mb < 100


def test_200_mb_json_array_streams_in_bounded_memory(tmp_path: Path) -> None:
    item = {"id": "{n}", "title": "خبر رقم {n}", "text": "نص الخبر الطويل " * 1200}
    one = json.dumps(item, ensure_ascii=False)
    count = BIG // len(one.encode("utf-8")) + 1
    path = tmp_path / "huge.json"
    with open(path, "w", encoding="utf-8") as out:
        out.write("[\n")
        out.write(",\n".join(one.replace("{n}", str(n)) for n in range(count)))
        out.write("\n]\n")
    assert path.stat().st_size >= BIG
    records, failures, grown_mb, _ = measure(path)
    assert (records, failures) == (count, 0)
    assert grown_mb < 100, f"peak memory grew by {grown_mb} MB reading a {BIG >> 20} MB file"


@pytest.mark.parametrize("name", ["huge.json", "huge.md", "huge.html"])
def test_200_mb_whole_file_formats_are_refused_before_reading(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with open(path, "wb") as out:
        out.truncate(BIG)  # sparse: 200 MB of NULs, without writing them
    (failure,) = read_paths([path])
    assert "too large" in failure.reason


def test_feed_with_entity_bomb_and_external_entity_is_inert(tmp_path: Path) -> None:
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{levels}<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<rss version="2.0"><channel><title>t</title>'
        "<item><title>&l9;</title><description>&xxe; نص</description></item></channel></rss>"
    )
    path = write(tmp_path / "bomb.xml", feed)
    items = list(read_paths([path]))  # entity expansion refused, not performed
    text = " ".join(f"{getattr(i, 'title', '')} {getattr(i, 'body', '')}" for i in items)
    assert "lollollol" not in text and "root:" not in text
