"""What a user types loosely on the command line: huge limits, article keys pasted with spaces."""

from __future__ import annotations

import json

import pytest

from tests.test_facts_api import ARTICLES, facts_archive  # noqa: F401 (the archive fixture)
from tui.cli import main

HUGE = "9" * 20
"""A limit beyond any SQLite integer ("give me everything")."""


@pytest.mark.parametrize("command", [("search", "طرابلس"), ("entity", "طرابلس"), ("related", "jan")])
def test_a_limit_too_large_for_sqlite_lists_everything(archive, capsys, command) -> None:
    assert main(["--db", str(archive.path), *command, "--limit", "100"]) == 0
    everything = capsys.readouterr().out
    assert everything.strip()
    assert main(["--db", str(archive.path), *command, "--limit", HUGE]) == 0
    captured = capsys.readouterr()
    assert captured.out == everything
    assert "internal error" not in captured.err


@pytest.mark.parametrize("command", [("facts",), ("facts", "--json"), ("related",), ("show",)])
def test_a_key_pasted_with_spaces_around_it_is_the_article(archive, capsys, command) -> None:
    name, *options = command
    assert main(["--db", str(archive.path), name, "mar", *options]) == 0
    expected = capsys.readouterr().out
    assert expected.strip()
    assert main(["--db", str(archive.path), name, "  mar \n", *options]) == 0
    assert capsys.readouterr().out == expected


def test_a_key_of_spaces_only_is_no_key(archive, capsys) -> None:
    assert main(["--db", str(archive.path), "facts", "   "]) == 2
    assert "give an article KEY or --all" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["facts", "related", "show"])
def test_an_unknown_key_says_where_keys_are_found(archive, capsys, command) -> None:
    assert main(["--db", str(archive.path), command, "حكومة طرابلس"]) == 1
    err = capsys.readouterr().err
    assert "no article with key 'حكومة طرابلس'" in err and "archive-tui search" in err


NOT_UTF8 = b"\xd8\xb7\xff\xfe".decode("utf-8", "surrogateescape")
"""A word typed in a terminal that is not UTF-8, as Python hands it over in sys.argv."""


@pytest.mark.parametrize("command", ["search", "export", "entity", "facts", "related", "show"])
def test_a_word_in_another_encoding_is_explained_not_an_internal_error(archive, capsys, command) -> None:
    status = main(["--db", str(archive.path), command, NOT_UTF8])
    err = capsys.readouterr().err
    assert "internal error" not in err
    assert status == 0 if command in ("search", "export") else "'ط\ufffd\ufffd'" in err  # (ط matches nothing)


@pytest.mark.parametrize(
    "command", [("search", "طرابلس"), ("show", "k"), ("stats",), ("facts", "k"), ("entity", "طرابلس"),
                ("related", "k"), ("export", "-")],
)  # fmt: skip
def test_a_mistyped_archive_path_is_an_error_not_a_new_archive(tmp_path, capsys, command) -> None:
    missing = tmp_path / "no such folder" / "archive.db"
    assert main(["--db", str(missing), *command]) == 1
    assert f"no archive at {missing}" in capsys.readouterr().err
    assert not missing.parent.exists()


def test_import_makes_the_archive_a_path_names(tmp_path, capsys) -> None:
    source = tmp_path / "article.txt"
    source.write_text("عنوان\n\nنص الخبر عن طرابلس", encoding="utf-8")
    new = tmp_path / "new.db"
    assert main(["--db", str(new), "--no-seed", "import", str(source)]) == 0
    assert new.exists()
    capsys.readouterr()
    assert main(["--db", str(new), "search", "طرابلس"]) == 0
    assert "عنوان" in capsys.readouterr().out


def test_a_key_copied_percent_encoded_from_a_browser_is_the_article(tmp_path, capsys) -> None:
    from urllib.parse import quote

    from store import Archive, Record

    key = "http://example.com/news/اجتماع-في-طرابلس"
    with Archive(tmp_path / "k.db") as archive:
        archive.import_records(
            [
                Record(key=key, title="اجتماع في طرابلس", body="عقد اجتماع في طرابلس اليوم."),
                Record(key="other", title="طرابلس", body="عاد الهدوء إلى طرابلس بعد الاجتماع."),
            ]
        )
        copied = quote(key, safe=":/")
        assert "%D8" in copied
        assert archive.article(copied).key == key
        assert archive.facts(copied) == archive.facts(key)
    for command in (["show", copied], ["facts", copied, "--json"], ["related", copied]):
        assert main(["--db", str(tmp_path / "k.db"), *command]) == 0, command
    assert "اجتماع في طرابلس" in capsys.readouterr().out


def test_search_pages_on_with_offset(tmp_path, capsys) -> None:
    from store import Archive, Record

    db = tmp_path / "pages.db"
    with Archive(db) as archive:
        archive.import_records([Record(title=f"خبر {n}", body=f"نص عن الميناء {n}", key=f"k{n}") for n in range(7)])
    assert main(["--db", str(db), "search", "الميناء", "--limit", "7", "--json"]) == 0
    everything = [json.loads(line)["key"] for line in capsys.readouterr().out.splitlines()]
    pages = []
    for offset in (0, 3, 6):
        assert main(["--db", str(db), "search", "الميناء", "--limit", "3", "--offset", str(offset), "--json"]) == 0
        pages += [json.loads(line)["key"] for line in capsys.readouterr().out.splitlines()]
    assert pages == everything and len(everything) == 7
    assert main(["--db", str(db), "search", "الميناء", "--limit", "2", "--offset", "5"]) == 0
    assert [line.split(".")[0].strip() for line in capsys.readouterr().out.splitlines() if "خبر" in line] == ["6", "7"]


def test_bookmarks_are_listed_on_the_command_line(tmp_path, capsys) -> None:
    from store import Archive, Record

    db = tmp_path / "marks.db"
    with Archive(db) as archive:
        archive.import_records([Record(title="خبر الميناء", body="نص", key="port", date="2017-03-02")])
        assert main(["--db", str(db), "bookmarks"]) == 0
        assert "no bookmarks yet" in capsys.readouterr().out
        archive.toggle_bookmark("port", "خبر الميناء")
    assert main(["--db", str(db), "bookmarks", "--json"]) == 0
    (mark,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (mark["key"], mark["title"], mark["date"]) == ("port", "خبر الميناء", "2017-03-02") and mark["added"]
