"""``archive-tui show KEY --width N [--logical]``: the article pane's rows as text."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len

from tests.conftest import SEED_KEY
from tui.cli import main
from tui.rtl import Document, plain_rows


def show(capsys, db: Path, *args: str) -> tuple[int, list[str], str]:
    status = main(["--db", str(db), "show", *args])
    captured = capsys.readouterr()
    return status, captured.out.split("\n")[:-1], captured.err


def test_show_width_prints_the_rendered_rows(tmp_path: Path, capsys, seeded) -> None:
    article = seeded.article(SEED_KEY)
    status, lines, _ = show(capsys, seeded.path, SEED_KEY, "--width", "44")
    assert status == 0
    assert lines == plain_rows(Document.from_article(article.title, article.body), 44)
    assert all(cell_len(line) <= 44 for line in lines)
    assert max(cell_len(line) for line in lines) == 44
    assert "" in lines and "\n\n\n" not in "\n".join(lines)  # blocks: one empty row between
    shown = "".join(lines)
    assert not any("\u0621" <= c <= "\u064a" for c in shown)  # every letter shaped
    assert any("\ufe70" <= c <= "\ufefc" for c in shown)


def test_show_logical_prints_the_rows_unreordered(tmp_path: Path, capsys, seeded) -> None:
    article = seeded.article(SEED_KEY)
    status, logical, _ = show(capsys, seeded.path, SEED_KEY, "--width", "44", "--logical")
    assert status == 0
    assert all(cell_len(line) <= 44 for line in logical)  # unshaped: lam-alef takes two cells
    assert logical[0] == article.title[: len(logical[0])]
    assert " ".join(line for line in logical[2:5] if line) in " ".join(article.body.split())
    assert any("\u0621" <= c <= "\u064a" for c in "".join(logical))  # unshaped letters


def test_show_width_rejects_nonsense(tmp_path: Path, capsys, seeded) -> None:
    for bad in ("0", "abc", "-3"):
        try:
            main(["--db", str(seeded.path), "show", SEED_KEY, "--width", bad])
        except SystemExit as exit_:
            assert exit_.code == 2
        assert "width" in capsys.readouterr().err
    status, lines, err = show(capsys, seeded.path, "no-such-key", "--width", "40")
    assert status == 1 and not lines and "no-such-key" in err
