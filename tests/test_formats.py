"""Each import format on small fixtures written here: SGML, HTML, RSS/Atom, WARC, ZIP, CSV, encodings."""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

import pytest

from store.importers import ImportFailure, Source, detect_format, read_paths
from store.importers.encoding import DecodeError, decode, encoding_of, has_latin1_letters

AR_TITLE = "وزارة الثقافة تعلن نتائج لجنة الدعم السينمائي"
AR_BODY = (
    "أعلنت وزارة الشؤون الثقافية في بلاغ لها مساء الاربعاء عن نتائج أعمال لجنة التشجيع "
    "على الإنتاج السينمائي بعنوان سنة 2016، والتي شملت إسناد منح تشجيعية للأفلام الطويلة."
)


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def split(items) -> tuple[list, list[ImportFailure]]:
    items = list(items)
    return [i for i in items if not isinstance(i, ImportFailure)], [
        i for i in items if isinstance(i, ImportFailure)
    ]


# -- SGML ---------------------------------------------------------------------------------------

TREC = f"""<DOC>
<DOCNO>JA-culture-1-20170126</DOCNO>
<URL>http://example.tn/ar/article/1</URL>
<SRC>Jawhara FM</SRC>
<CAT>culture</CAT>
<TITLE>{AR_TITLE}</TITLE>
<TIME>2017-01-26T08:31:00+01:00</TIME>
<AUTHOR></AUTHOR>
<ABSTRACT>
ملخص الخبر
</ABSTRACT>
<TEXT>
{AR_BODY}
&quot;اقتباس&quot; &amp; تتمة
</TEXT>
</DOC>
"""

GIGAWORD = """<DOC id="AFP_ARB_20010102.0007" type="story">
<HEADLINE>
قمة عربية في القاهرة
</HEADLINE>
<DATELINE>
القاهرة 2-1 (اف ب) -
</DATELINE>
<TEXT>
<P>
الفقرة الأولى من الخبر.
</P>
<P>
الفقرة الثانية من الخبر.
</P>
</TEXT>
</DOC>
<DOC id="AFP_ARB_20010102.0008" type="story">
<HEADLINE>خبر ثان</HEADLINE>
<TEXT>
نص بلا فقرات.
</TEXT>
</DOC>
"""


def test_trec_sgml_in_a_txt_file_is_detected_and_read(empty, tmp_path: Path) -> None:
    path = write(tmp_path / "culture" / "JA-culture-1-20170126.txt", TREC)
    assert detect_format(Source.from_path(path)) == "sgml"
    report = empty.import_paths([tmp_path])
    assert report.imported == 1 and report.ok
    article = empty.article("JA-culture-1-20170126")
    assert article.title == AR_TITLE
    assert article.date == "2017-01-26T08:31:00"
    assert (article.url, article.source, article.category) == (
        "http://example.tn/ar/article/1",
        "Jawhara FM",
        "culture",
    )
    assert article.body.startswith(AR_BODY)
    assert article.body.endswith('"اقتباس" & تتمة')  # entities decoded
    assert [h.key for h in empty.search("السينمائي")] == ["JA-culture-1-20170126"]


def test_gigaword_doc_id_headline_dateline_paragraphs(tmp_path: Path) -> None:
    path = write(tmp_path / "afp_arb_200101", GIGAWORD)  # no extension: sniffed
    records, failures = split(read_paths([path]))
    assert not failures
    first, second = records
    assert (first.key, first.title, first.date) == (
        "AFP_ARB_20010102.0007",
        "قمة عربية في القاهرة",
        "2001-01-02",
    )
    assert first.body == "القاهرة 2-1 (اف ب) -\n\nالفقرة الأولى من الخبر.\n\nالفقرة الثانية من الخبر."
    assert first.extra["dateline"] == "القاهرة 2-1 (اف ب) -"
    assert (second.key, second.body, second.origin) == ("AFP_ARB_20010102.0008", "نص بلا فقرات.", f"{path}#2")


def test_sgml_wrapped_in_docs(tmp_path: Path) -> None:
    path = write(tmp_path / "wrapped.txt", f"<DOCS>\n{GIGAWORD}</DOCS>\n")
    records, failures = split(read_paths([path]))
    assert not failures and [r.key for r in records] == ["AFP_ARB_20010102.0007", "AFP_ARB_20010102.0008"]


def test_sgml_truncated_last_doc_is_reported_the_rest_import(tmp_path: Path) -> None:
    path = write(
        tmp_path / "cut.sgml", GIGAWORD + '<DOC id="X_20010103.0001">\n<HEADLINE>مقطوع</HEADLINE>\n<TEXT>نص'
    )
    records, failures = split(read_paths([path]))
    assert [r.key for r in records] == ["AFP_ARB_20010102.0007", "AFP_ARB_20010102.0008"]
    assert len(failures) == 1 and failures[0].record == 3 and "truncated" in failures[0].reason


def test_bad_bytes_deep_in_a_streamed_file_stop_it_there(tmp_path: Path) -> None:
    docs = "".join(
        f"<DOC>\n<DOCNO>D{n}</DOCNO>\n<TEXT>\n{AR_BODY * 20}\n</TEXT>\n</DOC>\n" for n in range(400)
    )
    path = write(tmp_path / "bad.sgml", docs.encode("utf-8") + b"<DOC><TEXT>\xff\xfe</TEXT></DOC>\n")
    records, (failure,) = split(read_paths([path]))
    assert len(records) == 400 and failure.record == 401 and "invalid utf-8" in failure.reason
    lines = "".join(f'{{"id": "{n}", "title": "{AR_TITLE}", "text": "{AR_BODY * 20}"}}\n' for n in range(400))
    path = write(tmp_path / "bad.jsonl", lines.encode("utf-8") + b'{"title": "\xff"}\n')
    records, (failure,) = split(read_paths([path]))
    assert len(records) == 400 and failure.record == 401 and "invalid utf-8" in failure.reason


@pytest.mark.parametrize("codec", ["cp1256", "utf-16-le", "utf-16"])
def test_sgml_in_legacy_and_utf16_encodings(tmp_path: Path, codec: str) -> None:
    docs = "".join(TREC.replace("JA-culture-1-", f"JA-culture-{n}-") for n in range(200))
    path = write(tmp_path / "legacy.txt", docs, encoding=codec)  # > 64 KB: streamed in chunks
    assert encoding_of(path.read_bytes()) == codec
    records, failures = split(read_paths([path]))
    assert not failures and len(records) == 200
    assert all(r.title == AR_TITLE and r.body.startswith(AR_BODY) for r in records)


@pytest.mark.parametrize("cut", range(4090, 4100))
def test_sniffing_survives_a_head_cut_inside_a_character(tmp_path: Path, cut: int) -> None:
    path = write(tmp_path / "long.txt", "<DOC>\n<TEXT>\n" + "ن" * (cut - 13) + "\n</TEXT>\n</DOC>\n")
    assert detect_format(Source.from_path(path)) == "sgml"


def test_format_option_forces_a_reader(tmp_path: Path) -> None:
    path = write(tmp_path / "doc.txt", TREC)
    (as_text,) = read_paths([path], fmt="text")
    assert as_text.title == "<DOC>"
    (as_sgml,) = read_paths([path])
    assert as_sgml.title == AR_TITLE


# -- HTML ---------------------------------------------------------------------------------------

PAGE = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="{{charset}}">
<title>{AR_TITLE} | موقع الأخبار</title>
<link rel="canonical" href="https://news.example/ar/culture/123">
<meta property="article:published_time" content="2017-01-26T08:31:00+01:00">
<meta name="author" content="سامي بن علي">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sport">قائمة الرياضة</a></li></ul></nav>
<article><h1>{AR_TITLE}</h1>
<p>{AR_BODY}</p>
<p>وأضاف البلاغ أن اللجنة درست ملفات عديدة قبل أن تعلن قائمة المشاريع المقبولة في كل الأبواب.</p>
</article>
<aside class="related"><h3>اقرأ أيضا</h3><ul><li><a href="/x">خبر جانبي لا علاقة له</a></li></ul></aside>
<footer>جميع الحقوق محفوظة للموقع</footer>
</body></html>"""


def test_html_main_text_and_metadata_without_boilerplate(empty, tmp_path: Path) -> None:
    write(tmp_path / "page.html", PAGE.format(charset="utf-8"))
    report = empty.import_paths([tmp_path])
    assert report.imported == 1 and report.ok
    article = empty.article("https://news.example/ar/culture/123")
    assert article.title == AR_TITLE
    assert article.url == "https://news.example/ar/culture/123"
    assert article.date == "2017-01-26"
    assert article.author == "سامي بن علي"
    assert AR_BODY in article.body and "المشاريع المقبولة" in article.body
    for boilerplate in ("قائمة الرياضة", "اقرأ أيضا", "خبر جانبي", "جميع الحقوق"):
        assert boilerplate not in article.body


def test_html_in_windows_1256_declared_by_meta(tmp_path: Path) -> None:
    path = write(tmp_path / "page.htm", PAGE.format(charset="windows-1256"), encoding="cp1256")
    (record,), failures = split(read_paths([path]))
    assert not failures and record.title == AR_TITLE and AR_BODY in record.body


def test_html_mislabelled_latin1_is_read_as_windows_1256(tmp_path: Path) -> None:
    path = write(tmp_path / "old.html", PAGE.format(charset="iso-8859-1"), encoding="cp1256")
    (record,), failures = split(read_paths([path]))
    assert not failures and record.title == AR_TITLE and AR_BODY in record.body


def test_html_resaved_as_utf8_with_a_stale_meta_charset(tmp_path: Path) -> None:
    path = write(tmp_path / "resaved.html", PAGE.format(charset="windows-1256"))  # bytes are UTF-8
    (record,), failures = split(read_paths([path]))
    assert not failures and record.title == AR_TITLE and AR_BODY in record.body


def test_html_without_article_text_is_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path / "empty.html",
        "<html><head><title></title></head><body><script>var x = 1;</script></body></html>",
    )
    records, (failure,) = split(read_paths([path]))
    assert not records and "no article text" in failure.reason


# -- feeds --------------------------------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>أخبار المثال</title><link>https://news.example/</link>
<item><title>{AR_TITLE}</title><link>https://news.example/a/1</link><guid>news-1</guid>
<pubDate>Thu, 26 Jan 2017 08:31:00 +0100</pubDate><category>ثقافة</category>
<description>ملخص قصير</description>
<content:encoded><![CDATA[<p>{AR_BODY}</p><p>الفقرة الثانية.</p><script>alert(1)</script>]]></content:encoded>
</item>
<item><title>خبر ثان</title><link>https://news.example/a/2</link><description>&lt;b&gt;ملخص&lt;/b&gt; فقط</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title>
<entry><id>urn:uuid:1</id><title>Atom entry</title><link href="https://atom.example/e/1"/>
<updated>2016-12-15T10:46:00Z</updated><author><name>Jane Roe</name></author>
<content type="html">&lt;p&gt;Full &lt;em&gt;content&lt;/em&gt; here.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_items_with_full_content(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.xml", RSS)
    assert detect_format(Source.from_path(path)) == "feed"
    (first, second), failures = split(read_paths([path]))
    assert not failures
    assert (first.key, first.title, first.url) == ("news-1", AR_TITLE, "https://news.example/a/1")
    assert first.date == "2017-01-26T08:31:00"
    assert (first.source, first.category) == ("أخبار المثال", "ثقافة")
    assert first.body == f"{AR_BODY}\nالفقرة الثانية."  # content:encoded beats description; no script
    assert (second.key, second.body) == ("https://news.example/a/2", "ملخص فقط")


@pytest.mark.parametrize(
    ("declaration", "codec"),
    [
        ('<?xml version="1.0" encoding="windows-1256"?>', "cp1256"),
        ('<?xml version="1.0"?>', "cp1256"),  # undeclared
        ('<?xml version="1.0" encoding="iso-8859-1"?>', "cp1256"),  # mislabelled
        ("", "utf-16"),
    ],
)
def test_rss_in_legacy_encodings(tmp_path: Path, declaration: str, codec: str) -> None:
    feed = RSS.replace('<?xml version="1.0" encoding="UTF-8"?>', declaration)
    path = write(tmp_path / "legacy.rss", feed, encoding=codec)
    (first, _), failures = split(read_paths([path]))
    assert not failures and first.title == AR_TITLE and first.body.startswith(AR_BODY)


def test_atom_entry(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.atom", ATOM)
    (entry,), failures = split(read_paths([path]))
    assert not failures
    assert (entry.key, entry.title, entry.author, entry.body) == (
        "urn:uuid:1",
        "Atom entry",
        "Jane Roe",
        "Full content here.",
    )
    assert entry.date == "2016-12-15T10:46:00"


def test_truncated_feed_keeps_complete_items(tmp_path: Path) -> None:
    cut = RSS[: RSS.index("<item><title>خبر ثان") + 40]
    path = write(tmp_path / "cut.rss", cut)
    records, failures = split(read_paths([path]))
    assert [r.key for r in records] == ["news-1"]
    assert len(failures) == 1 and "truncated" in failures[0].reason and failures[0].record == 2


# -- WARC ---------------------------------------------------------------------------------------


def build_warc(path: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")

        def response(
            uri: str, body: bytes, ctype: str, status: str = "200 OK", date: str = "2017-02-01T10:00:00Z"
        ):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": date},
            )  # fmt: skip
            writer.write_record(record)

        page = PAGE.format(charset="windows-1256").replace(
            '<link rel="canonical" href="https://news.example/ar/culture/123">', ""
        )
        page = page.replace(
            '<meta property="article:published_time" content="2017-01-26T08:31:00+01:00">', ""
        )
        response("https://warc.example/story", page.encode("cp1256"), "text/html; charset=windows-1256")
        response("https://warc.example/logo.png", b"\x89PNG\r\n", "image/png")
        response(
            "https://warc.example/missing",
            b"<html><body>Not found</body></html>",
            "text/html",
            "404 Not Found",
        )
        request = writer.create_warc_record(
            "https://warc.example/story", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_become_articles(empty, tmp_path: Path, name: str) -> None:
    path = build_warc(tmp_path / name)
    assert detect_format(Source.from_path(path)) == "warc"
    report = empty.import_paths([path])
    assert report.imported == 1 and report.ok
    article = empty.article("https://warc.example/story")
    assert article.url == "https://warc.example/story"
    assert article.title == AR_TITLE and AR_BODY in article.body
    assert article.date.startswith("2017-02-01")  # no date in the page: the capture date


def test_truncated_warc_is_reported(tmp_path: Path) -> None:
    data = build_warc(tmp_path / "full.warc").read_bytes()
    path = write(tmp_path / "cut.warc", data[: len(data) // 3])
    _, failures = split(read_paths([path]))
    assert failures and all("cut.warc" in f.path for f in failures)


# -- ZIP ----------------------------------------------------------------------------------------


def build_zip(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_zip_members_of_several_formats(empty, tmp_path: Path) -> None:
    import json

    inner = build_zip(
        tmp_path / "inner.zip", {"deep.json": json.dumps({"id": "deep", "title": "عميق", "text": "نص"})}
    )
    path = build_zip(
        tmp_path / "bundle.zip",
        {
            "2015-07-21/articles.json": json.dumps(
                [
                    {"url": f"http://x.sa/{i}", "title": f"عنوان {i}", "content": f"نص الخبر رقم {i}"}
                    for i in range(3)
                ]
            ),
            "trec/doc.txt": TREC,
            "readme.pdf": b"%PDF-1.4 not an article",
            "nested/inner.zip": inner.read_bytes(),
            "__MACOSX/._doc.txt": b"\x00\x05\x16\x07",
        },
    )
    report = empty.import_paths([path])
    assert report.ok, report.failures
    assert report.imported == 5
    assert empty.article("http://x.sa/1").origin == f"{path}!2015-07-21/articles.json#2"
    assert empty.article("JA-culture-1-20170126").origin == f"{path}!trec/doc.txt#1"
    assert empty.article("deep").origin == f"{path}!nested/inner.zip!deep.json"


def test_forced_format_applies_inside_archives(tmp_path: Path) -> None:
    import gzip

    path = build_zip(tmp_path / "notes.zip", {"a.dat": "عنوان أول\nنص", "b.dat": "عنوان ثان\nنص"})
    assert [i.reason for i in read_paths([path])] == ["no articles found (read as zip)"]  # .dat unknown...
    records, failures = split(read_paths([path], fmt="text"))  # ...until the format is forced
    assert not failures and [r.title for r in records] == ["عنوان أول", "عنوان ثان"]
    (as_text,) = read_paths([build_zip(tmp_path / "t.zip", {"doc.txt": TREC})], fmt="text")
    assert as_text.title == "<DOC>"
    gz = write(tmp_path / "wire.dat.gz", gzip.compress(GIGAWORD.encode()))
    assert len(list(read_paths([gz], fmt="sgml"))) == 2
    assert [i.reason for i in read_paths([path], fmt="zip")] == ["no articles found (read as zip)"]


def test_zip_bomb_and_path_traversal_are_reported(tmp_path: Path) -> None:
    path = build_zip(
        tmp_path / "hostile.zip",
        {
            "../../etc/evil.txt": "عنوان\nنص",
            "/abs.txt": "عنوان\nنص",
            "bomb.txt": b"0" * (20 * 1024 * 1024),  # ~1000:1
            "ok.txt": "عنوان سليم\nنص سليم",
        },
    )
    records, failures = split(read_paths([path]))
    assert [r.title for r in records] == ["عنوان سليم"]
    reasons = {f.path.split("!", 1)[1]: f.reason for f in failures}
    assert "path traversal" in reasons["../../etc/evil.txt"] and "path traversal" in reasons["/abs.txt"]
    assert "ZIP bomb" in reasons["bomb.txt"]


def test_zip_total_size_cap(monkeypatch, tmp_path: Path) -> None:
    from store.importers import ziparchive

    monkeypatch.setattr(ziparchive, "MAX_TOTAL_BYTES", 1000)
    path = build_zip(tmp_path / "big.zip", {"a.txt": "ع\n" + "ن" * 600, "b.txt": "ع\n" + "ص" * 600})
    records, (failure,) = split(read_paths([path]))
    assert not records and "exceeds" in failure.reason and failure.path == str(path)


def test_zip_member_lying_about_its_size_is_stopped(tmp_path: Path) -> None:
    path = build_zip(tmp_path / "liar.zip", {"a.txt": "عنوان\n" + "نص " * 5000})
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(path).getinfo("a.txt")
    small = (100).to_bytes(4, "little")
    # declared uncompressed size, in the central directory (offset 24) and local header (offset 22)
    central = data.rindex(b"PK\x01\x02")
    data[central + 24 : central + 28] = small
    data[info.header_offset + 22 : info.header_offset + 26] = small
    path.write_bytes(bytes(data))
    records, failures = split(read_paths([path]))
    assert not records and len(failures) == 1


def test_corrupt_zip_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.zip", b"PK\x03\x04" + b"\x00" * 50)
    records, (failure,) = split(read_paths([path]))
    assert not records and "ZIP" in failure.reason


def test_gzipped_gigaword_and_jsonl(tmp_path: Path) -> None:
    import gzip
    import json

    sgml = write(tmp_path / "afp_arb_200101.gz", gzip.compress(GIGAWORD.encode("utf-8")))
    lines = write(
        tmp_path / "feed.jsonl.gz", gzip.compress(json.dumps({"id": "j", "title": "ع", "text": "ن"}).encode())
    )
    records, failures = split(read_paths([sgml, lines]))
    assert not failures
    assert [r.key for r in records] == ["AFP_ARB_20010102.0007", "AFP_ARB_20010102.0008", "j"]
    assert records[0].origin == f"{sgml}!afp_arb_200101#1"


def test_gzip_inside_a_zip(tmp_path: Path) -> None:
    import gzip

    inner = gzip.compress(
        ("<DOC>\n<DOCNO>Z1</DOCNO>\n<TEXT>\n" + AR_BODY * 500 + "\n</TEXT>\n</DOC>\n").encode()
    )
    path = build_zip(tmp_path / "z.zip", {"day/afp.gz": inner})
    (record,), failures = split(read_paths([path]))
    assert not failures and record.key == "Z1" and record.origin == f"{path}!day/afp.gz!afp#1"


def test_gzip_bomb_is_refused(tmp_path: Path) -> None:
    import gzip

    path = write(tmp_path / "bomb.gz", gzip.compress(b"0" * (20 << 20)))
    records, (failure,) = split(read_paths([path]))
    assert not records and "gzip bomb" in failure.reason


# -- JSON arrays, streamed ---------------------------------------------------------------------

TRICKY = [
    {"id": "1", "title": "عنوان ] مع [ أقواس", "text": 'نص فيه "اقتباس" و \\ و } و , فاصلة', "n": 12345.5e3},
    {"id": "2", "title": "إيموجي 😀 وسطر\nجديد", "text": "نص", "nested": {"a": [1, 2, {"b": None}]}},
    {"id": "3", "title": "t", "text": "x" * 5000, "flag": True, "nothing": None, "big": -98765432109876},
]


@pytest.mark.parametrize("size", [1, 2, 7, 64, 100_000])
def test_array_elements_match_json_loads_at_any_chunk_size(size: int) -> None:
    from store.importers.jsonfile import _array_elements

    text = json.dumps(TRICKY, ensure_ascii=False, indent=1) + "\n"
    chunks = (text[i : i + size] for i in range(0, len(text), size))
    elements = list(_array_elements(chunks))
    assert [value for value, _ in elements] == TRICKY
    assert [json.loads(raw) for _, raw in elements] == TRICKY


def test_json_array_with_a_broken_element_keeps_the_ones_before_and_after(tmp_path: Path) -> None:
    good = ", ".join(json.dumps(item, ensure_ascii=False) for item in TRICKY)
    after = '{"id": "5", "title": "خامس", "text": "نص {مع}, {أقواس}"}'
    path = write(tmp_path / "broken.json", f'[{good}, {{"id": "4", "title": oops}},\n {after}]')
    records, (failure,) = split(read_paths([path]))
    assert [r.key for r in records] == ["1", "2", "3", "5"]  # (it stopped the file at 4)
    assert failure.record == 4 and failure.reason.startswith("invalid JSON") and "next record" in failure.reason


def test_json_array_broken_at_its_last_element_stops_there(tmp_path: Path) -> None:
    path = write(tmp_path / "last.json", '[{"id": "1", "title": "أ", "text": "نص"}, {"id": "2", "title": oops}]')
    records, (failure,) = split(read_paths([path]))
    assert [r.key for r in records] == ["1"] and failure.record == 2 and "later records not read" in failure.reason


def test_json_array_records_with_mojibake_are_repaired(tmp_path: Path) -> None:
    items = [
        {"id": "m", "title": as_windows_1252(AR_TITLE.encode()), "text": as_windows_1252(AR_BODY.encode())}
    ]
    path = write(tmp_path / "moji.json", json.dumps(items, ensure_ascii=False))
    (record,), failures = split(read_paths([path]))
    assert not failures and (record.title, record.body) == (AR_TITLE, AR_BODY)


def test_json_object_wrapping_the_list_is_still_read(tmp_path: Path) -> None:
    path = write(tmp_path / "wrapped.json", json.dumps({"articles": TRICKY, "count": 3}))
    records, failures = split(read_paths([path]))
    assert not failures and [r.key for r in records] == ["1", "2", "3"]


# -- CSV ----------------------------------------------------------------------------------------


def test_csv_streams_rows_across_chunks(tmp_path: Path) -> None:
    import csv

    rows = [
        {"id": str(n), "title": f"عنوان {n}, بفاصلة", "body": f'{AR_BODY}\n"{n}"\n' * 40} for n in range(300)
    ]
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=["id", "title", "body"])
        writer.writeheader()
        writer.writerows(rows)
    assert path.stat().st_size > 3 * (1 << 20)  # several decode chunks
    records, failures = split(read_paths([path]))
    assert not failures
    assert [(r.key, r.title, r.body) for r in records] == [(x["id"], x["title"], x["body"]) for x in rows]


def test_csv_rows(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", 'id,title,body,date\n1,"عنوان, بفاصلة","سطر\nوسطر",2017-01-26\n2,,,\n')
    (row,), (failure,) = split(read_paths([path]))
    assert (row.key, row.title, row.body, row.date) == ("1", "عنوان, بفاصلة", "سطر\nوسطر", "2017-01-26")
    assert failure.record == 2 and "no title" in failure.reason


def test_a_csv_row_with_a_stray_quote_is_reported_and_the_next_rows_import(tmp_path: Path) -> None:
    """2,"غير مكتمل,"نص: a quote closes inside the cell (Python's csv would glue the rest on)."""
    path = write(tmp_path / "a.csv", 'id,title,text\n1,"أ","نص"\n2,"غير مكتمل,"نص\n3,ج,نص ثالث\n')
    rows, failures = split(read_paths([path]))
    assert [row.key for row in rows] == ["1", "3"]
    assert [(f.record, f.reason) for f in failures] == [(2, "invalid CSV at line 3: ',' expected after '\"'")]


# -- encodings ----------------------------------------------------------------------------------

TEXT = f"{AR_TITLE}\n{AR_BODY}\n"


@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("cp1256", "cp1256"),
        ("iso8859_6", "iso8859_6"),
        ("utf-16-le", "utf-16-le"),  # no BOM
        ("utf-16-be", "utf-16-be"),
        ("utf-16", "utf-16"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-8", "utf-8"),
    ],
)
def test_encodings_are_detected(codec: str, expected: str) -> None:
    data = TEXT.replace("،", ",").encode(codec) if codec == "iso8859_6" else TEXT.encode(codec)
    assert encoding_of(data) == expected
    assert decode(data).replace(",", "،") == TEXT


def test_mixed_arabic_english_iso_8859_6() -> None:
    text = "UN Security Council مجلس الأمن يجتمع اليوم in New York"
    assert decode(text.encode("iso8859_6")) == text


def as_windows_1252(data: bytes) -> str:
    """What a Windows-1252 (Latin-1 for its holes) reader shows for ``data``: mojibake."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def test_mojibake_is_repaired_or_refused(empty, tmp_path: Path) -> None:
    write(tmp_path / "utf8_as_1252.txt", as_windows_1252(TEXT.encode("utf-8")))
    write(tmp_path / "cp1256_as_1252.txt", as_windows_1252((TEXT + "سطر آخر").encode("cp1256")))
    write(tmp_path / "broken.txt", TEXT.encode("utf-8").decode("cp1252", errors="replace"))
    report = empty.import_paths([tmp_path])
    articles = [empty.article(k) for k in ("utf8_as_1252", "cp1256_as_1252")]
    assert all(a is not None for a in articles)
    assert articles[0].title == AR_TITLE
    assert all(a.body.startswith("أعلنت وزارة") for a in articles)
    (failure,) = report.failures
    assert failure.path.endswith("broken.txt") and "mojibake" in failure.reason
    assert not [hit for hit in empty.search("Ø") if hit]


def test_mojibake_mixed_with_good_text_is_repaired_run_by_run() -> None:
    good = "خبر سليم عن تونس. "
    mixed = good + as_windows_1252(AR_BODY.encode("utf-8")) + " “quoted” " + good
    assert decode(mixed.encode("utf-8")) == good + AR_BODY + " “quoted” " + good


def test_binary_is_not_text() -> None:
    with pytest.raises(DecodeError):
        decode(bytes(range(256)) * 20)


def test_latin1_letter_check_agrees_with_the_character_range() -> None:
    """has_latin1_letters (a byte search of the UTF-8) finds exactly the characters À…ÿ."""
    rng = random.Random(7)
    alphabet = [chr(c) for c in range(0x20, 0x800)] + ["\ud800", "\U0001f600", "\u00bf", "\u0100"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert has_latin1_letters(text) == any("\u00c0" <= ch <= "\u00ff" for ch in text), text
    assert has_latin1_letters("خبر Ø") and not has_latin1_letters("خبر « » \xa0 ¿")
