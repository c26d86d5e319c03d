"""The import's one-pass analysis: the index row computed from the facts' words equals the
one store.analysis computes on its own, and facts stored packed read back as extracted."""

from __future__ import annotations

import sqlite3
from itertools import product

import pytest

from store import Archive
from store.analysis import index_row, stem
from store.facts.extract import extract_facts, extractor
from store.facts.rows import pack_spans, unpack_spans
from store.facts.storage import ensure_schema, load_facts
from store.facts.words import clitic_forms, written_forms
from store.pipeline import analyse
from store.records import Record

TEXTS = [
    "قال الرئيس فايز السراج في طرابلس إن وزارة الدفاع ستدعم اللواء 444.",
    "مَرْحَبًا بِكُمْ في ليبيا، والمؤتمر الوطني العام يجتمع غداً.",  # harakat and tanween
    "كتب\u200cالكاتب ـــ تطويل و\u200dوصل",  # joiners and tatweel inside words
    "ab\u200fcd and \u200f free marks",  # an invisible mark inside a word: split differently
    "snake_case _leading a_b __init__",  # underscores
    "ﻻ يا ﷲ — presentation forms…",  # NFKC changes letters inside words, dots in a gap
    "قال الرسول ﷺ إن 10² متر ＿x ⑴ x½y tel℡x",  # NFKC makes words of one letter, of gaps and parts of words
    "no\u00a0break\u00a0spaces and ٣٤٥ Eastern digits, İstanbul ΣΑΣ",
    "\u064e_b lone mark before an underscore",
    "",
    "   \n\n  ",
]


@pytest.mark.parametrize("text", TEXTS)
def test_index_row_from_the_facts_words_equals_the_plain_analysis(text: str) -> None:
    row, facts = analyse(("عنوان الخبر", text, ""))
    assert row == tuple(column.encode() for column in index_row("عنوان الخبر", text))
    assert facts is not None


def test_stems_shortcut_is_used_where_it_is_exact_and_refused_elsewhere() -> None:
    words = extractor().words
    assert words(TEXTS[0]).index_stems() == index_row("", TEXTS[0])[1]
    assert words("no\u00a0break").index_stems() == "no break"
    assert words("ﻻ يا ﷲ…").index_stems() == index_row("", "ﻻ يا ﷲ…")[1] == "لا يا له"  # (الله stems to له)
    for tricky in ("ab\u200fcd", "x _y", "الرسول ﷺ", "بند ⑴", "x½y", "tel℡x", "＿x"):
        assert words(tricky).index_stems() is None


@pytest.mark.parametrize("inside", ["ﷺ", "⑴", "x½y", "＿x", "ﻻ", "…", "ﺍﻷﺭﻛﺎﻥ", "\u0651\u064e"])
@pytest.mark.parametrize(("before", "after"), [(0, 400), (9, 9), (200, 200), (400, 0), (399, 1)])
def test_the_stems_shortcut_finds_what_nfkc_changes_anywhere_in_a_long_text(inside: str, before: int, after: int) -> None:
    """Long texts are checked by halves: a character that NFKC changes is seen wherever it is."""
    text = "كلمة " * before + inside + " كلمة" * after
    stems = extractor().words(text).index_stems()
    assert stems is None or stems == index_row("", text)[1]
    assert (stems is None) == (inside in ("ﷺ", "⑴", "x½y", "＿x"))


def test_stem_prefix_and_suffix_order() -> None:
    """The longest definite prefix (clitics included) goes first; suffixes leave three letters."""
    assert stem("وبالمدرسه") == "مدرس"
    assert stem("والمدرسين") == "مدرس"
    assert stem("للبيت") == "بيت"
    assert stem("مدرسيه") == "مدرس"
    assert stem("بكتاب") == "كتاب"


def test_written_forms_is_the_inverse_of_clitic_forms() -> None:
    letters = "والبكفلتس"
    for base in ("طرابلس", "العراق", "سرت", "الزاويه"):
        expected = set()
        for n, cut in product(range(4), range(3)):  # any prefix before any ending of base
            for prefix in product(letters, repeat=n):
                norm = "".join(prefix) + base[cut:]
                off = next((off for off, form in clitic_forms(norm) if form == base), None)
                if off is not None:
                    expected.add((norm, off))
        assert set(written_forms(base)) == expected


def test_spans_pack_and_unpack() -> None:
    assert unpack_spans(pack_spans([3, 9, 40, 52])) == [(3, 9), (40, 52)]


def test_stored_facts_read_back_as_extracted(tmp_path) -> None:
    body = "قال فايز السراج في طرابلس إن السراج زار بنغازي، ثم عاد إلى طرابلس."
    with Archive(tmp_path / "a.db") as archive:
        archive.import_records([Record(title="خبر", body=body, key="k1")], workers=0)
        article = archive.article("k1")
        stored = load_facts(archive.conn, article.id, article.body)
    extracted = extract_facts("خبر", body)
    assert [(e.type, e.text, e.start, e.end) for e in stored.entities] == [
        (e.type, e.text, e.start, e.end) for e in extracted.entities
    ]
    assert {e.text for e in stored.entities} >= {"فايز السراج", "طرابلس"}


def test_archive_with_the_older_facts_layout_extracts_again(tmp_path) -> None:
    path = tmp_path / "old.db"
    with Archive(path) as archive:
        archive.import_records([Record(title="خبر", body="زار السراج طرابلس أمس.", key="k1")], workers=0)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE entities (article_id INTEGER, entity_id INTEGER, type TEXT, text TEXT,"
                 " canonical TEXT, start INTEGER, \"end\" INTEGER)")  # fmt: skip
    conn.commit()
    ensure_schema(conn)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "entities" not in tables and "article_facts" in tables
    assert conn.execute("SELECT COUNT(*) FROM article_facts").fetchone()[0] == 0
    conn.close()
    with Archive(path) as archive:
        assert any(e.text == "طرابلس" for e in archive.facts("k1").entities)
        assert [m.key for m in archive.articles_mentioning("طرابلس")] == ["k1"]


def test_importing_the_same_records_again_analyses_none_of_them(tmp_path, monkeypatch) -> None:
    import store.pipeline

    analysed: list[str] = []
    real = store.pipeline.analyse

    def counting(work: tuple[str, str, str], with_facts: bool = True):
        analysed.append(work[0])
        return real(work, with_facts)

    monkeypatch.setattr(store.pipeline, "analyse", counting)
    records = [Record(title=f"خبر {n}", body=f"زار الرئيس طرابلس يوم {n}", key=f"K{n}") for n in range(30)]
    with Archive(tmp_path / "a.db") as archive:
        first = archive.import_records(records[:20], workers=0)
        assert (first.imported, len(analysed)) == (20, 20)
        again = archive.import_records(records, workers=0)  # 20 known, 10 new
        assert (again.imported, again.duplicates) == (10, 20)
        assert analysed[20:] == [f"خبر {n}" for n in range(20, 30)]  # only the new ones analysed
        assert [h.key for h in archive.search("طرابلس", limit=50)].count("K25") == 1
        mentioning = archive.articles_mentioning(archive.entities_named("طرابلس"), limit=100)
        assert sorted(m.key for m in mentioning) == sorted(f"K{n}" for n in range(30))  # facts stored once each
