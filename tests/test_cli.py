"""The archive-tui command end to end on temporary archives, as a user runs it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED_KEY


def cli(*args: str, db: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", "--db", str(db), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_search_json_on_a_new_seeded_archive(tmp_path: Path) -> None:
    result = cli("search", "طرابلس", "--json", db=tmp_path / "a.db")
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    hit = json.loads(line)
    assert hit["key"] == SEED_KEY
    assert set(hit) >= {"key", "title", "date", "source", "url", "score", "snippet"}


def test_search_text_output_and_no_matches(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    assert "مباحثات مصيرية" in cli("search", "جنزور", db=db).stdout
    assert cli("search", "بنغازي", db=db).stdout.strip() == "no matches"


def test_malformed_queries_exit_2_with_one_line(tmp_path: Path) -> None:
    cli("stats", db=tmp_path / "a.db")
    for query in ('"unclosed', "AND", "*", "(", "title:"):
        result = cli("search", query, db=tmp_path / "a.db")
        assert result.returncode == 2, query
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_import_summary_and_exit_status(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("عنوان\nنص عن بنغازي", encoding="utf-8")
    (folder / "b.json").write_text("[{", encoding="utf-8")
    db = tmp_path / "a.db"
    result = cli("import", str(folder), db=db)
    assert result.returncode == 1
    assert "imported 1" in result.stderr and "b.json" in result.stderr
    again = cli("import", str(folder / "a.txt"), db=db)
    assert again.returncode == 0 and "duplicates skipped 1" in again.stderr
    assert json.loads(cli("search", "بنغازي", "--json", db=db).stdout)["key"] == "a"
    assert json.loads(cli("stats", "--json", db=db).stdout)["articles"] == 1  # the import's own: no seed


def test_an_archive_made_by_another_command_is_seeded(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    made = cli("stats", "--json", db=db)
    assert json.loads(made.stdout)["articles"] == 1  # the seed article
    assert made.stderr == f"archive-tui: no archive at {db} yet: made a new one (the seed article only)\n"
    assert cli("search", "x", db=db).stderr == ""  # (said once: a mistyped --db shows at once)
    assert cli("import", "--no-facts", str(tmp_path / "missing.txt"), db=db).returncode == 1
    assert json.loads(cli("stats", "--json", db=db).stdout)["articles"] == 1


def test_show_and_stats(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    shown = cli("show", SEED_KEY, db=db)
    assert shown.returncode == 0 and "قرية النخيل" in shown.stdout
    assert cli("show", "nope", db=db).returncode == 1
    stats = json.loads(cli("stats", "--json", db=db).stdout)
    assert stats["articles"] == 1


def test_environment_variable_chooses_the_archive(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", "stats", "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "ARCHIVE_TUI_DB": str(db)},
        timeout=60,
    )
    assert json.loads(result.stdout)["articles"] == 1 and db.exists()


def test_no_seed_keeps_a_new_archive_empty(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--db", str(tmp_path / "e.db"), "--no-seed", "stats", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert json.loads(result.stdout)["articles"] == 0


def test_not_an_archive_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_text("this is not sqlite " * 100)
    result = cli("stats", db=bogus)
    assert result.returncode == 1 and "Traceback" not in result.stderr and "bogus.db" in result.stderr


def test_import_without_facts_fills_them_on_first_look(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("عنوان\nاجتمع وفد من وزارة الدفاع في طرابلس.", encoding="utf-8")
    db = tmp_path / "a.db"
    assert cli("--no-seed", "import", "--no-facts", str(folder), db=db).returncode == 0
    facts = json.loads(cli("facts", "a", "--json", db=db).stdout)
    assert "طرابلس" in {e["canonical"] for e in facts["entities"]}


def test_piped_output_breaks_no_lines(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    long_title = "عنوان " + "طويل " * 30
    url = "http://example.org/" + "ليبيا-" * 30 + "end"
    (tmp_path / "a.json").write_text(
        json.dumps({"id": "k", "title": long_title, "body": "نص " * 200, "url": url}), encoding="utf-8"
    )
    cli("import", str(tmp_path / "a.json"), db=db)
    shown = cli("show", "k", db=db).stdout.splitlines()
    assert any(line.endswith(url) for line in shown)  # the URL is whole: it can be copied
    assert ("نص " * 200).strip() in [line.strip() for line in shown]
    listed = cli("search", "طويل", db=db).stdout
    assert long_title.strip() in listed


def test_export_into_a_closed_pipe_is_no_error(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    records = [{"id": f"k{n}", "title": f"خبر {n}", "body": "نص عن ليبيا " * 50} for n in range(300)]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    cli("import", str(tmp_path / "a.jsonl"), db=db)
    command = [sys.executable, "-m", "tui.cli", "--db", str(db), "export", "ليبيا", "--format", "md"]
    producer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    producer.stdout.readline()
    producer.stdout.close()  # like "| head -1"
    _, errors = producer.communicate(timeout=120)
    assert producer.returncode == 0
    assert b"cannot write" not in errors and b"Traceback" not in errors


@pytest.mark.parametrize("command", [("search", "طرابلس"), ("entity", "طرابلس"), ("related", "k")])
@pytest.mark.parametrize("limit", ["0", "-3", "ten"])
def test_a_limit_that_is_no_positive_number_is_explained(tmp_path: Path, command: tuple[str, str], limit: str) -> None:
    result = cli(*command, "--limit", limit, db=tmp_path / "a.db")
    assert result.returncode == 2
    assert "--limit" in result.stderr and ("at least 1" in result.stderr or "whole number" in result.stderr)
    assert "Traceback" not in result.stderr


def test_an_empty_record_is_skipped_and_counted_not_failed(tmp_path: Path) -> None:
    source = tmp_path / "day.json"
    source.write_text(
        json.dumps([{"title": "خبر", "content": "نص الخبر عن جدة"}, {"title": "", "content": " "}, {"content": ""}]),
        encoding="utf-8",
    )
    result = cli("import", "--no-facts", str(source), db=tmp_path / "e.db")
    assert result.returncode == 0, result.stderr  # blank entries of a source are no failure
    assert "imported 1, duplicates skipped 0, empty records skipped 2, failed 0" in result.stderr
    assert "skipped: " in result.stderr and "(record 2): no title and no text" in result.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    assert cli("import", "--no-facts", str(broken), db=tmp_path / "e.db").returncode == 1  # a real failure still fails


def test_a_query_word_may_start_with_a_dash_without_double_dash_first(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    alone = cli("search", "-طرابلس", db=db)
    assert alone.returncode == 2 and "cannot only exclude" in alone.stderr  # the query's own message
    hit = json.loads(cli("search", "جنزور", "-libya", "--json", db=db).stdout)  # ASCII too; options still read
    assert hit["key"] == SEED_KEY
    assert cli("search", "جنزور", "-طرابلس", db=db).stdout.strip() == "no matches"  # the seed names طرابلس
    assert "unrecognized arguments: --limt" in cli("search", "جنزور", "--limt", "1", db=db).stderr
    assert cli("export", "-جنزور", db=db).returncode == 2


def test_a_date_that_cannot_be_read_is_reported_and_the_article_kept_undated(tmp_path: Path) -> None:
    source = tmp_path / "day.csv"
    source.write_text("title,content,date\nخبر أول,نص عن جدة,2015-13-45\nخبر ثان,نص عن مكة,2015-07-02\n", encoding="utf-8")
    db = tmp_path / "u.db"
    result = cli("import", "--no-facts", str(source), db=db)
    assert result.returncode == 0 and "imported 2" in result.stderr and "dates not understood 1" in result.stderr
    assert f"imported undated: {source}#1: '2015-13-45'" in result.stderr
    assert json.loads(cli("search", "جدة", "--json", db=db).stdout)["date"] == ""
