"""Search on the seed article and on small archives: matching, ranking, partial matches."""

import pytest

from store import QueryError, Record
from tests.conftest import SEED_KEY


@pytest.mark.parametrize(
    "query", ["طرابلس", "اجتماعات", "الامميه", "٤٤٤", '"وزارة الدفاع"', "title:جنزور", "تحرك*"]
)
def test_seed_found(seeded, query: str) -> None:
    hits = seeded.search(query)
    assert [h.key for h in hits] == [SEED_KEY]
    assert not hits[0].partial


@pytest.mark.parametrize("query", ["بنغازي", "جنزور -طرابلس", "title:طرابلس"])
def test_seed_not_found(seeded, query: str) -> None:
    assert seeded.search(query) == []


def test_snippet_highlights_original_text(seeded) -> None:
    (hit,) = seeded.search("طرابلس")
    shown = {hit.snippet[s:e] for s, e in hit.highlights}
    assert shown and shown <= {"طرابلس", "بطرابلس"}
    assert "\n" not in hit.snippet


def test_highlight_keeps_harakat_of_original(empty) -> None:
    empty.import_records([Record(title="خبر", body="زار مُحَمَّدٌ المدينةَ أمس")])
    (hit,) = empty.search("محمد المدينه")
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["مُحَمَّدٌ", "المدينةَ"]


def test_partial_matches_follow_full_ones_and_are_marked(seeded) -> None:
    hits = seeded.search("طرابلس بنغازي")
    assert [h.key for h in hits] == [SEED_KEY]
    assert hits[0].partial and hits[0].missing == ["بنغازي"]


def _archive_of(empty, texts: dict[str, tuple[str, str, str]]):
    empty.import_records([Record(key=k, title=t, body=b, date=d) for k, (t, b, d) in texts.items()])
    return empty


def test_title_ranks_above_body_and_all_words_above_some(empty) -> None:
    archive = _archive_of(
        empty,
        {
            "body": ("أخبار", "اجتماع في تونس حول الاقتصاد", "2015-01-01"),
            "title": ("اجتماع في تونس", "نص عن الاقتصاد", "2015-02-01"),
            "one": ("تونس اليوم", "لا شيء آخر", "2015-03-01"),
        },
    )
    hits = archive.search("اجتماع تونس")
    assert [h.key for h in hits] == ["title", "body", "one"]
    assert [h.partial for h in hits] == [False, False, True]


def test_exact_form_ranks_above_stem_only(empty) -> None:
    archive = _archive_of(
        empty,
        {
            "stem": ("المعلمون", "خبر", ""),
            "exact": ("المعلم", "خبر", ""),
        },
    )
    assert [h.key for h in archive.search("المعلم")] == ["exact", "stem"]


def test_date_and_source_filters(empty) -> None:
    empty.import_records(
        [
            Record(key="a", title="نفط", body="x", date="2015-07-21", source="aawsat"),
            Record(key="b", title="نفط", body="y", date="2015-08-02", source="okaz"),
            Record(key="c", title="نفط", body="z", date="2016-01-01", source="aawsat"),
        ]
    )
    assert {h.key for h in empty.search("نفط from:2015-08")} == {"b", "c"}
    assert {h.key for h in empty.search("نفط to:2015-07")} == {"a"}
    assert {h.key for h in empty.search("نفط from:2015 to:2015")} == {"a", "b"}
    assert {h.key for h in empty.search("نفط source:aaw")} == {"a", "c"}
    assert {h.key for h in empty.search("نفط -source:aawsat")} == {"b"}
    assert [h.key for h in empty.search("source:aawsat")] == ["c", "a"]  # newest first


def test_or_and_grouping(empty) -> None:
    archive = _archive_of(
        empty,
        {"ly": ("ليبيا", "x", ""), "tn": ("تونس", "x", ""), "eg": ("مصر", "x", "")},
    )
    assert {h.key for h in archive.search("ليبيا OR تونس")} == {"ly", "tn"}
    assert {h.key for h in archive.search("x -(ليبيا OR تونس)")} == {"eg"}


def test_paging(empty) -> None:
    empty.import_records([Record(key=str(i), title=f"خبر {i}", body="نفط") for i in range(30)])
    first = empty.search("نفط", limit=20)
    second = empty.search("نفط", limit=20, offset=20)
    assert len(first) == 20 and len(second) == 10
    assert not {h.key for h in first} & {h.key for h in second}


def test_malformed_query_raises_query_error(seeded) -> None:
    with pytest.raises(QueryError):
        seeded.search('"unclosed')


def test_frequent_words_rank_only_the_newest_candidates(empty, monkeypatch) -> None:
    import store.search

    empty.import_records([Record(key=f"k{i}", title=f"خبر {i}", body="نفط " * (1 + i % 3)) for i in range(50)])
    assert not empty.search("نفط").capped
    monkeypatch.setattr(store.search, "CANDIDATE_CAP", 10)
    hits = empty.search("نفط", limit=50)
    assert hits.capped
    assert {h.key for h in hits} == {f"k{i}" for i in range(40, 50)}  # the 10 newest matches


def test_exhaustive_search_ranks_every_match(empty, monkeypatch) -> None:
    import store.search

    empty.import_records(
        [Record(key=f"k{i}", title=f"خبر {i}", body="نفط " * (1 + (i == 3)) + "كلام " * 5) for i in range(20)]
    )
    monkeypatch.setattr(store.search, "CANDIDATE_CAP", 5)
    assert "k3" not in {h.key for h in empty.search("نفط")}
    full = empty.search("نفط", exhaustive=True)
    assert not full.capped and full[0].key == "k3"  # the densest match wins once all are ranked


def test_very_common_words_are_left_out_of_ranking(empty, monkeypatch) -> None:
    import store.frequency

    records = [Record(key=f"k{i}", title=f"خبر {i}", body=f"على كلام {i}") for i in range(50)]
    records += [Record(key="rare", title="خبر", body="نفط فقط"), Record(key="both", title="خبر", body="على نفط")]
    empty.import_records(records)
    monkeypatch.setattr(store.frequency, "SAMPLE", 5)
    monkeypatch.setattr(store.frequency, "COMMON_ARTICLES", 20)
    hits = empty.search("على نفط")
    assert hits.common == ["على"]
    assert {h.key for h in hits} == {"rare", "both"}  # ranked by the rarer word alone
    alone = empty.search("على")
    assert alone.common == ["على"] and [h.key for h in alone[:2]] == ["both", "k49"]  # newest first
    assert not empty.search("على نفط", exhaustive=True).common


def test_queries_of_common_words_put_title_matches_first(empty, monkeypatch) -> None:
    import store.frequency

    records = [Record(key="titled", title="وزارة الدفاع تعلن", body="بيان")]
    records += [Record(key=f"k{i}", title=f"خبر {i}", body=f"قالت وزارة الدفاع {i}") for i in range(40)]
    empty.import_records(records)
    monkeypatch.setattr(store.frequency, "SAMPLE", 5)
    monkeypatch.setattr(store.frequency, "COMMON_ARTICLES", 20)
    hits = empty.search("وزارة الدفاع")
    assert hits.common == ["وزارة", "الدفاع"]
    assert [h.key for h in hits[:3]] == ["titled", "k39", "k38"]  # then the newest others


MIXED = {
    "ar": ("وزارة الدفاع في طرابلس", "قالت الوزارةُ إنّ اللواء 444 تحرّك نحو جنزور، وبطرابلس «هدوء» حذِر.", "2023-05-01"),
    "en": ("Café naïve ÉLAN", "The Ministry's STATEMENT on x_y, 2023 and ⅫNumbers ² ½ – Σίσυφος ΣΊΣΥΦΟΣ straße", "2023-05-02"),
    "mix": ("تقرير: Tripoli", "الأمم المتحدة UNSMIL و«البعثة الأممية» والـ١٢ دولة ﻻ تعليق", "2023-05-03"),
}
QUERIES = ["طرابلس", "الدفاع", "وزاره", "اللواء 444", "تحرك*", '"البعثة الأممية"', "cafe", "café", "naive",
           "élan", "ministry", "statement", "x_y", "σίσυφος", "Straße", "unsmil", "tripoli", "١٢", "12", "لا"]  # fmt: skip


def test_the_ascii_tokenizer_finds_what_unicode61_found(tmp_path, monkeypatch) -> None:
    """New indexes use the cheaper "ascii" tokenizer; archives made with unicode61 keep it: both
    must answer every query alike, since the index holds analysed words only."""
    from store import Archive, schema

    def built(name: str) -> list[list[tuple[str, bool]]]:
        with Archive(tmp_path / f"{name}.db") as archive:
            archive.import_records([Record(key=k, title=t, body=b, date=d) for k, (t, b, d) in MIXED.items()])
            sql = archive.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
            assert f"tokenize='{schema.TOKENIZER}'" in sql
            return [[(h.key, h.partial) for h in archive.search(query)] for query in QUERIES]

    assert schema.TOKENIZER == "ascii"
    new = built("ascii")
    monkeypatch.setattr(schema, "TOKENIZER", "unicode61 remove_diacritics 0")
    assert built("unicode61") == new
    assert sum(bool(hits) for hits in new) >= len(QUERIES) - 2  # (the queries do find things)


def test_index_write_buffer_is_set_and_changes_nothing_found(tmp_path, monkeypatch) -> None:
    """Imports give the index a large write buffer (FTS5 "hashsize"), also an index made before
    the setting existed; a tiny buffer, which writes many small segments, finds the same."""
    from store import Archive, schema

    records = [Record(key=f"{k}{n}", title=t, body=f"{b} {n}", date=d) for n in range(40) for k, (t, b, d) in MIXED.items()]

    def imported(name: str) -> tuple[int, list[list[str]]]:
        with Archive(tmp_path / f"{name}.db") as archive:
            archive.conn.execute("DELETE FROM articles_fts_config WHERE k = 'hashsize'")  # (as an older index)
            archive.conn.commit()
            archive.import_records(records)
            (size,) = archive.conn.execute("SELECT v FROM articles_fts_config WHERE k = 'hashsize'").fetchone()
            return size, [sorted(h.key for h in archive.search(query, limit=200)) for query in QUERIES]

    size, found = imported("large")
    assert size == schema.INDEX_BUFFER_BYTES
    monkeypatch.setattr(schema, "INDEX_BUFFER_BYTES", 256)
    assert imported("tiny") == (256, found)
    assert sum(len(keys) for keys in found) >= 40 * (len(QUERIES) - 2)


def test_a_phrase_is_found_with_clitics_on_its_words(empty) -> None:
    """بوزارة الدفاع and ووزارة الدفاع are the phrase "وزارة الدفاع" (the stemmer strips the و of
    وزارة alone but not after another clitic); the words apart are not."""
    empty.import_records(
        [
            Record(title="أ", body="قالت وزارة الدفاع إن", key="plain"),
            Record(title="ب", body="قال متحدث بوزارة الدفاع إن", key="with-b"),
            Record(title="ج", body="وصلت الوفود ووزارة الدفاع أمس", key="with-w"),
            Record(title="د", body="الدفاع عن وزارة المالية", key="apart"),
        ]
    )
    found = {hit.key for hit in empty.search('"وزارة الدفاع"', limit=10) if not hit.partial}
    assert found == {"plain", "with-b", "with-w"}
    text = "متحدث بوزارة الدفاع، ووزارة الدفاع. وزارة المالية"
    assert [text[a:b] for a, b in empty.hit_spans('"وزارة الدفاع"', text)] == ["بوزارة الدفاع", "ووزارة الدفاع"]


def test_dates_in_a_hijri_year_are_searched_as_the_days_they_cover(empty) -> None:
    empty.import_records(
        [
            Record(title="رمضان", body="خبر عن الصيام", date="2015-06-18", key="first-of-ramadan"),
            Record(title="شوال", body="خبر عن العيد", date="2015-07-17T09:00:00", key="first-of-shawwal"),
            Record(title="مؤرخ بالهجري", body="خبر عن العيد", date="1436-10-09", key="hijri-dated"),
        ]
    )
    ramadan = empty.search("خبر from:1436-09 to:1436-09", limit=10)
    assert [hit.key for hit in ramadan] == ["first-of-ramadan"]
    assert {hit.key for hit in empty.search("العيد from:1436-10-09 to:1436-10-09")} == {"hijri-dated"}
    assert empty.article("hijri-dated").date == "2015-07-25"
