"""Facts in the archive: stored at import, looked up by entity, related articles, CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from store import Archive, Record
from store.facts import extract_facts
from tests.conftest import SEED_KEY

ARTICLES = [
    Record(
        key="a-unit", date="2024-03-02", title="اشتباكات في طرابلس",
        body="تحركت قوات اللواء 444 في طرابلس، وقال المجلس الرئاسي إن جهاز “333” انسحب.\n\n"
        "العنصر الوصف\nالتاريخ 2 مارس 2024\nالمكان طرابلس\nالأطراف اللواء 444 وجهاز 333",
    ),
    Record(
        key="b-unit", date="2024-03-05", title="هدوء حذر بعد الاشتباكات",
        body="عاد الهدوء إلى بطرابلس بعد انسحاب اللواء 444 وجهاز 333 من محيط المطار.\n"
        "• فتح الطرق\n• عودة الرحلات",
    ),
    Record(
        key="c-libya", date="2023-12-01", title="اقتصاد ليبيا",
        body="قال مصرف ليبيا المركزي إن إيرادات النفط في ليبيا ارتفعت، وإن طرابلس تستضيف مؤتمرا.",
    ),
    Record(
        key="d-other", date="2024-01-10", title="قمة في القاهرة",
        body="استضافت القاهرة قمة عربية بحضور جامعة الدول العربية ووزارة الخارجية المصرية.",
    ),
]


@pytest.fixture
def archive(tmp_path: Path):
    with Archive(tmp_path / "facts.db") as archive:
        archive.import_records(ARTICLES)
        yield archive


def test_stored_facts_equal_a_fresh_extraction(archive: Archive) -> None:
    for record in ARTICLES:
        stored = archive.facts(record.key)
        assert stored == extract_facts(record.title, record.body, record.date)
    facts = archive.facts("a-unit")
    assert [key for key, _ in facts.tables[0].rows] == ["التاريخ", "المكان", "الأطراف"]
    assert archive.facts("b-unit").lists == [["فتح الطرق", "عودة الرحلات"]]
    assert archive.facts("no-such-key") is None


def test_articles_mentioning_folds_clitics_and_sorts_newest_first(archive: Archive) -> None:
    keys = [m.key for m in archive.articles_mentioning("بطرابلس")]
    assert keys == ["b-unit", "a-unit", "c-libya"]
    assert [m.key for m in archive.articles_mentioning("طرابلس", "PLACE")] == keys
    assert archive.articles_mentioning("طرابلس", "PERSON") == []
    assert [m.key for m in archive.articles_mentioning("جهاز “333”")] == ["b-unit", "a-unit"]
    assert archive.articles_mentioning("بنغازي") == []
    mention = archive.articles_mentioning("اللواء 444")[0]
    assert (mention.title, mention.date) == ("هدوء حذر بعد الاشتباكات", "2024-03-05")


def test_document_frequency_counts_articles_not_mentions(archive: Archive) -> None:
    (row,) = archive.conn.execute("SELECT df FROM entity_dict WHERE canonical = 'طرابلس'").fetchall()
    assert row[0] == 3
    archive.import_records(ARTICLES)  # all duplicates: nothing changes
    (row,) = archive.conn.execute("SELECT df FROM entity_dict WHERE canonical = 'طرابلس'").fetchall()
    assert row[0] == 3


def test_related_prefers_shared_rare_entities(archive: Archive) -> None:
    related = archive.related("a-unit", limit=3)
    assert related[0].key == "b-unit"  # shares the unit and جهاز 333, not only طرابلس
    assert "a-unit" not in [m.key for m in related]
    assert all(0 < m.score <= 1 for m in related)
    assert [m.score for m in related] == sorted((m.score for m in related), reverse=True)
    assert archive.related("missing") == []


def test_archives_imported_without_facts_are_filled_on_first_use(tmp_path: Path) -> None:
    with Archive(tmp_path / "old.db") as archive:
        archive.extract_facts = False
        archive.import_records(ARTICLES)
    with Archive(tmp_path / "old.db") as archive:
        assert archive.facts("c-libya") == extract_facts(ARTICLES[2].title, ARTICLES[2].body, ARTICLES[2].date)
        assert [m.key for m in archive.articles_mentioning("ليبيا")] == ["c-libya"]
        assert archive.ensure_facts() == 0  # all done by then


def test_an_import_in_many_batches_stores_what_a_fill_stores(tmp_path: Path, monkeypatch) -> None:
    """The import remembers the entity ids of earlier batches; the tables it writes are those
    that extracting everything afterwards (one lookup of every id) writes."""
    import store.pipeline

    def facts_tables(archive: Archive) -> tuple[list, list]:
        entities = archive.conn.execute("SELECT norm, type, canonical, df FROM entity_dict ORDER BY norm, type")
        links = archive.conn.execute(
            "SELECT a.key, d.norm, d.type, l.mentions, l.spans FROM article_entities l"
            " JOIN articles a ON a.id = l.article_id JOIN entity_dict d ON d.id = l.entity_id ORDER BY 1, 2, 3"
        )
        return entities.fetchall(), links.fetchall()

    records = [replace(r, key=f"{r.key}-{n}", body=f"{r.body} ({n})") for n in range(3) for r in ARTICLES]
    monkeypatch.setattr(store.pipeline, "BATCH_SIZE", 2)
    with Archive(tmp_path / "batches.db") as archive:
        archive.import_records(records)
        in_batches = facts_tables(archive)
    with Archive(tmp_path / "filled.db") as archive:
        archive.extract_facts = False
        archive.import_records(records)
        archive.ensure_facts()
        assert facts_tables(archive) == in_batches
    assert len(in_batches[0]) >= 8 and any(df == 6 for *_, df in in_batches[0])  # (shared across batches)


def cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", "--db", str(db), *args],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


def test_cli_facts_entity_related_json(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    result = cli("facts", SEED_KEY, "--json", db=db)
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert set(facts) == {"key", "entities", "tables", "lists"} and facts["key"] == SEED_KEY
    assert {"type", "text", "canonical", "start", "end"} == set(facts["entities"][0])
    assert [row[0] for row in facts["tables"][0]["rows"]] == ["التاريخ", "المشاركون", "الأهداف"]
    assert len(facts["lists"][0]) == 3
    lines = cli("facts", "--all", "--json", db=db).stdout.splitlines()
    assert [json.loads(line)["key"] for line in lines] == [SEED_KEY]
    (line,) = cli("entity", "بطرابلس", "--type", "place", "--json", db=db).stdout.splitlines()
    assert json.loads(line)["key"] == SEED_KEY and set(json.loads(line)) == {"key", "title", "date", "score"}
    alone = cli("related", SEED_KEY, "--json", db=db)  # the seed is the only article: nothing is related
    assert alone.returncode == 1 and alone.stdout == "" and "no other article" in alone.stderr


def test_cli_related_lists_json_lines_best_first(tmp_path: Path) -> None:
    db = tmp_path / "rel.db"
    with Archive(db) as archive:
        archive.import_records(ARTICLES)
    result = cli("related", "a-unit", "--json", db=db)
    assert result.returncode == 0, result.stderr
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert found[0]["key"] == "b-unit" and "a-unit" not in [m["key"] for m in found]
    assert [m["score"] for m in found] == sorted((m["score"] for m in found), reverse=True)


def test_cli_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    cli("stats", db=db)
    for args, code in ((("facts", "nope"), 1), (("facts",), 2), (("related", "nope"), 1), (("entity", "زحل"), 1)):
        result = cli(*args, db=db)
        assert result.returncode == code, (args, result.stderr)
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    text = cli("facts", SEED_KEY, db=db).stdout
    assert "Units (3)" in text and "اللواء 444" in text and "التاريخ:" in text


def test_a_large_backlog_is_left_to_an_explicit_fill(tmp_path: Path, monkeypatch) -> None:
    import store.facts.methods as methods

    with Archive(tmp_path / "bulk.db") as archive:
        archive.extract_facts = False
        archive.import_records(ARTICLES)
        monkeypatch.setattr(methods, "LOOKUP_FILL", 2)  # pretend 4 articles is a big backlog
        assert archive.articles_mentioning("طرابلس") == []  # not filled on a lookup
        assert archive.ensure_facts() == 4
        assert len(archive.articles_mentioning("طرابلس")) == 3


def test_a_surname_alone_finds_the_person(tmp_path: Path) -> None:
    with Archive(tmp_path / "p.db") as archive:
        archive.import_records(
            [
                Record(key="a", title="زيارة", body="قال الرئيس الأمريكي دونالد ترامب إن المحادثات مثمرة.", date="2017-05-01"),
                Record(key="b", title="خبر", body="التقى جورج بوش بالوفد في واشنطن.", date="2017-06-01"),
            ]
        )
        assert [m.key for m in archive.articles_mentioning("ترامب")] == ["a"]
        assert [m.key for m in archive.articles_mentioning("ترامب", "PERSON")] == ["a"]
        assert archive.articles_mentioning("ترامب", "PLACE") == []


def test_a_surname_once_named_alone_still_finds_the_full_name(tmp_path: Path) -> None:
    """روحاني, read as a person on its own in one article, is also the حسن روحاني of others."""
    with Archive(tmp_path / "s.db") as archive:
        archive.import_records(
            [
                Record(key="a", title="تصريح", body="قال الرئيس روحاني إن الاتفاق مهم.", date="2015-07-01"),
                Record(key="b", title="زيارة", body="استقبل الرئيس الإيراني حسن روحاني وفدا.", date="2015-07-02"),
                Record(key="c", title="لقاء", body="التقى حسن روحاني وزير الخارجية في طهران.", date="2015-07-03"),
            ]
        )
        named = archive.entities_named("روحاني")
        assert [(e.canonical, e.articles) for e in named] == [("حسن روحاني", 2), ("روحاني", 1)]
        assert [m.key for m in archive.articles_mentioning("روحاني")] == ["c", "b", "a"]
        assert [e.canonical for e in archive.entities_named("حسن روحاني")] == ["حسن روحاني"]
        assert [e.canonical for e in archive.entities_named("طهران")] == ["طهران"]


def test_a_name_finds_the_same_name_written_more_fully(tmp_path: Path) -> None:
    """عادل الجبير is also عادل بن أحمد الجبير (a nasab between), جواد ظريف also محمد جواد ظريف."""
    with Archive(tmp_path / "full.db") as archive:
        archive.import_records(
            [
                Record(key="a", title="تصريح", body="قال وزير الخارجية عادل الجبير إن الاتفاق مهم.", date="2015-07-01"),
                Record(key="b", title="زيارة", body="استقبل عادل بن أحمد الجبير وزير الخارجية الإيراني محمد جواد ظريف.", date="2015-07-02"),
                Record(key="c", title="لقاء", body="قال جواد ظريف إن المحادثات مستمرة.", date="2015-07-03"),
                Record(key="d", title="خبر", body="وقال فهد الجبير إن المشروع اكتمل.", date="2015-07-04"),
            ]
        )  # fmt: skip
        assert {e.canonical for e in archive.entities_named("عادل الجبير")} == {"عادل الجبير", "عادل بن أحمد الجبير"}
        assert [m.key for m in archive.articles_mentioning("عادل الجبير")] == ["b", "a"]
        assert [m.key for m in archive.articles_mentioning("جواد ظريف")] == ["c", "b"]
        assert [e.canonical for e in archive.entities_named("عادل بن أحمد الجبير")] == ["عادل بن أحمد الجبير"]


def test_a_count_is_found_typed_without_its_case_ending(tmp_path: Path) -> None:
    """32 قتيل (as typed) finds the 32 قتيلا of the text; another count does not."""
    with Archive(tmp_path / "n.db") as archive:
        archive.import_records([Record(key="a", title="هجوم", body="سقط 32 قتيلا في الهجوم.", date="2015-07-01")])
        assert [m.key for m in archive.articles_mentioning("32 قتيل")] == ["a"]
        assert [m.key for m in archive.articles_mentioning("32 قتيلا")] == ["a"]
        assert archive.articles_mentioning("33 قتيلا") == []


def test_a_name_is_found_typed_with_or_without_the_article(tmp_path: Path) -> None:
    """رياض (as typed, no ال) finds the place الرياض, beside any entity written رياض itself."""
    with Archive(tmp_path / "al.db") as archive:
        archive.import_records(
            [
                Record(key="a", title="زيارة", body="وصل الوفد إلى الرياض أمس.", date="2015-07-01"),
                Record(key="b", title="مؤتمر", body="عقد المؤتمر في الرياض بحضور وزراء.", date="2015-07-02"),
                Record(key="c", title="لقاء", body="التقى وزير الخارجية نظيره في القاهرة.", date="2015-07-03"),
            ]
        )
        assert [(e.canonical, e.type) for e in archive.entities_named("رياض")] == [("الرياض", "PLACE")]
        assert [m.key for m in archive.articles_mentioning("رياض")] == ["b", "a"]
        assert [e.canonical for e in archive.entities_named("قاهرة", "PLACE")] == ["القاهرة"]
        assert archive.entities_named("قاهرة", "PERSON") == []


def test_mention_hits_show_the_passage_of_the_first_mention(tmp_path: Path) -> None:
    with Archive.open_or_seed(tmp_path / "m.db") as archive:
        (hit,) = archive.mention_hits(archive.entities_named("طرابلس", "PLACE"))
        assert hit.key == SEED_KEY and hit.score >= 2
        assert [hit.snippet[s:e] for s, e in hit.highlights] in (["طرابلس"], ["بطرابلس"])


def test_mention_spans_are_the_body_offsets_of_an_entitys_mentions(archive: Archive) -> None:
    article = archive.article("b-unit")

    def spans(name: str, type: str | None = None) -> list[tuple[int, int]]:
        return archive.mention_spans(article.id, archive.entities_named(name, type))

    assert [article.body[s:e] for s, e in spans("طرابلس", "PLACE")] == ["طرابلس"]  # بطرابلس: the name without ب
    assert [article.body[s:e] for s, e in spans("اللواء 444")] == ["اللواء 444"]
    assert spans("القاهرة") == []


def test_a_lookup_reads_names_as_the_extractor_does(tmp_path: Path) -> None:
    with Archive(tmp_path / "r.db") as archive:
        archive.import_records(
            [
                Record(key="a", title="زيارة", body="قال الرئيس الأمريكي دونالد ترامب إن المحادثات مثمرة.", date="2017-05-01"),
                Record(key="b", title="اقتصاد", body="ارتفع التضخم 12% في الولايات المتحدة هذا العام.", date="2017-06-01"),
            ]
        )
        assert [m.key for m in archive.articles_mentioning("الرئيس ترامب")] == ["a"]  # title + surname
        assert [m.key for m in archive.articles_mentioning("أمريكا")] == ["b"]  # another name of the place
        assert [m.key for m in archive.articles_mentioning("12 في المئة")] == ["b"]  # the number as words
        (named,) = archive.entities_named("بالولايات المتحدة")
        assert (named.canonical, named.type, named.articles) == ("الولايات المتحدة", "PLACE", 1)
        assert [m.key for m in archive.articles_mentioning([named])] == ["b"]  # looked up once, used as is
        assert archive.articles_mentioning("ترامب", "PLACE") == []


def test_a_name_found_nowhere_gets_the_names_spelled_like_it(archive: Archive) -> None:
    assert archive.articles_mentioning("طرابلسس") == []
    def names(found) -> list[tuple[str, str, int]]:
        return [(e.canonical, e.type, e.articles) for e in found]

    assert names(archive.similar_entities("طرابلسس"))[0] == ("طرابلس", "PLACE", 3)
    assert names(archive.similar_entities("طرابلس", "ORG")) == [("طرابلس", "PLACE", 3)]  # known, as another type
    assert archive.similar_entities("كوكب زحل البعيد") == []


def test_names_alike_only_in_their_article_are_not_suggested(tmp_path: Path) -> None:
    with Archive(tmp_path / "s.db") as archive:
        archive.import_records(
            [
                Record(key="a", title="حفل", body="غنى الفنان عبد الوهاب الدكالي في الرباط.", date="2015-07-01"),
                Record(key="b", title="طقس", body="ارتفعت الحرارة في الرياض اليوم.", date="2015-07-02"),
            ]
        )
        assert archive.similar_entities("الداخلية") == []  # (الدكالي: only ال is alike)
        assert [e.canonical for e in archive.similar_entities("الرياص")] == ["الرياض"]  # a typo still is


def test_cli_entity_names_what_it_found_or_what_was_meant(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    with Archive(db) as archive:
        archive.import_records(ARTICLES)
    found = cli("entity", "بطرابلس", db=db)
    assert found.returncode == 0 and found.stdout.splitlines()[0] == "طرابلس (place, 3 articles):"
    assert len(found.stdout.splitlines()) == 4
    typo = cli("entity", "طرابلسس", db=db)
    assert typo.returncode == 1 and "did you mean طرابلس (place, 3 articles)?" in typo.stderr
    other = cli("entity", "طرابلس", "--type", "org", db=db)
    assert other.returncode == 1 and "as ORG; did you mean طرابلس (place" in other.stderr
    nothing = cli("entity", "كوكب زحل", db=db)
    assert nothing.returncode == 1 and "archive-tui search 'كوكب زحل'" in nothing.stderr
    assert len(nothing.stderr.strip().splitlines()) == 1


def test_facts_entity_related_help_say_what_the_output_means(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    entity = cli("entity", "--help", db=db).stdout
    assert "newest first" in entity and "  archive-tui entity ترامب --json" in entity.splitlines()
    assert "mentions in the article" in " ".join(entity.split())
    facts = " ".join(cli("facts", "--help", db=db).stdout.split())
    assert "×N = mentions" in facts and "every article, in import order" in facts
    related = " ".join(cli("related", "--help", db=db).stdout.split())
    assert "scored from 0 to 1" in related


def test_mention_months_count_every_article_once_per_month(archive: Archive) -> None:
    tripoli = archive.mention_months(archive.entities_named("بطرابلس"))
    assert tripoli.months == [("2023-12", 1), ("2024-03", 2)] and tripoli.total == 3
    assert archive.mention_months(archive.entities_named("اللواء 444", "UNIT")).total == 2
    assert archive.mention_months(archive.entities_named("القمر")).total == 0
    place = archive.entities_named("طرابلس", "PLACE")
    assert [h.key for h in archive.mention_hits(place, month="2024-03")] == ["b-unit", "a-unit"]
    assert archive.mention_hits(place, month="2024-01") == []


def test_cli_lookups_say_when_facts_were_never_extracted(tmp_path: Path, monkeypatch, capsys) -> None:
    import store.facts.methods as methods
    from tui.cli import main

    db = tmp_path / "bulk.db"
    with Archive(db) as archive:
        archive.extract_facts = False  # as 'import --no-facts' does
        archive.import_records(ARTICLES)
    monkeypatch.setattr(methods, "LOOKUP_FILL", 2)  # 4 articles without facts: too many to fill on a lookup
    assert main(["--db", str(db), "--no-seed", "entity", "طرابلس"]) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert "4 articles have no facts" in err and "facts --all" in err and "did you mean" not in err
    assert main(["--db", str(db), "--no-seed", "related", "a-unit"]) == 0
    out = capsys.readouterr()
    assert "by their words only" in " ".join(out.err.split()) and out.out
    assert main(["--db", str(db), "--no-seed", "facts", "--all", "--json"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "--no-seed", "entity", "طرابلس"]) == 0
    assert "no facts" not in capsys.readouterr().err


def test_related_lists_a_story_run_twice_once(archive: Archive) -> None:
    copies = [
        Record(key=f"copy-{n}", date=f"2024-03-0{n}", title="انسحاب  اللواء 444 من المطار",
               body=f"انسحب اللواء 444 وجهاز 333 من محيط المطار في طرابلس ({source}).")
        for n, source in ((6, "رويترز"), (7, "وكالة الأنباء"))
    ]
    archive.import_records(copies)
    keys = [m.key for m in archive.related("a-unit", limit=10)]
    assert len([k for k in keys if k.startswith("copy-")]) == 1  # the same title (spaces aside) once
    assert "b-unit" in keys and len(keys) == len(set(keys))
