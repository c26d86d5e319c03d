"""Every rendered row equals GNU FriBidi's visual line for the same logical row.

FriBidi (``fribidi --nobreak --nopad --rtl|--ltr``) is an independent implementation of
Arabic shaping, the bidi algorithm and mirroring. Allowed differences (DESIGN §2): an
isolated presentation form equals its base letter, FriBidi's U+FEFF filler after lam-alef,
harakat and invisible format characters. Rows are compared with their harakat removed, as
the renderer deletes them (FriBidi does not join lam-alef across a mark).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
import zipfile

import pytest

from tests.conftest import ROOT, shared_path
from tui.rtl import Document, layout, visual_text
from tui.rtl.shape import drop_marks

ARTICLES = 2000
SAUDI_PER_FILE = 20
WIDTHS = (72, 41)
_FIELD = re.compile(r"<(TITLE|TEXT)>(.*?)</\1>", re.DOTALL)

pytestmark = pytest.mark.skipif(shutil.which("fribidi") is None, reason="fribidi not installed")


def _comparable(text: str) -> str:
    """Text with the allowed differences folded away."""
    out = []
    for char in text:
        if char == "\ufeff" or unicodedata.category(char) in ("Cf", "Mn"):
            continue
        decomposition = unicodedata.decomposition(char).split()
        if decomposition[:1] == ["<isolated>"] and len(decomposition) == 2:
            char = chr(int(decomposition[1], 16))
        out.append(char)
    return "".join(out)


def _cells(document: Document, width: int) -> list[tuple[str, bool, str]]:
    """(logical row without marks, rtl, our visual row) for every text cell of every row."""
    found = []
    for row in layout(document, width):
        for cell in row.cells:
            logical = document.text[cell.start : cell.end].replace("\t", " ")
            if logical.strip():
                found.append((drop_marks(logical)[0], cell.rtl, visual_text(logical, cell.rtl)[0]))
    return found


def _fribidi(lines: list[str], rtl: bool) -> list[str]:
    """FriBidi's visual line for each logical line, one process for all of them."""
    if not lines:
        return []
    direction = "--rtl" if rtl else "--ltr"
    result = subprocess.run(
        ["fribidi", "--nobreak", "--nopad", direction],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    )
    output = result.stdout.split("\n")[: len(lines)]
    assert len(output) == len(lines)
    return output


def _agreement(documents: list[Document]) -> tuple[int, list[tuple[str, str, str]]]:
    cells = [cell for document in documents for width in WIDTHS for cell in _cells(document, width)]
    mismatches = []
    for rtl in (True, False):
        chosen = [cell for cell in cells if cell[1] == rtl]
        for (logical, _, ours), theirs in zip(chosen, _fribidi([c[0] for c in chosen], rtl), strict=True):
            if _comparable(ours) != _comparable(theirs):
                mismatches.append((logical, ours, theirs))
    return len(cells), mismatches


def _report(name: str, total: int, mismatches: list, capsys: pytest.CaptureFixture) -> None:
    with capsys.disabled():
        share = 100 * (total - len(mismatches)) / max(total, 1)
        print(f"\nFriBidi agreement on {name}: {total - len(mismatches)}/{total} rows = {share:.3f} %")
        for logical, ours, theirs in mismatches[:5]:
            print(f"  logical {logical!r}\n  ours    {ours!r}\n  fribidi {theirs!r}")


def _jawhara_documents(limit: int) -> list[Document]:
    files = sorted(shared_path("corpora", "jawharafm").glob("*/*.txt"))
    step = max(len(files) // limit, 1)
    documents = []
    for path in files[::step][:limit]:
        fields = dict(_FIELD.findall(path.read_text(encoding="utf-8", errors="replace")))
        documents.append(Document.from_article(fields.get("TITLE", ""), fields.get("TEXT", "")))
    return documents


def test_seed_rows_equal_fribidi(capsys):
    title, _, body = (ROOT / "seeds" / "000_c1e0a9c5b2fbe14b.txt").read_text(encoding="utf-8").partition("\n")
    total, mismatches = _agreement([Document.from_article(title, body)])
    _report("the seed", total, mismatches, capsys)
    assert total > 50
    assert not mismatches


def test_jawharafm_rows_equal_fribidi(capsys):
    documents = _jawhara_documents(ARTICLES)
    assert len(documents) >= ARTICLES
    total, mismatches = _agreement(documents)
    _report(f"{len(documents)} jawharafm articles", total, mismatches, capsys)
    assert not mismatches


def test_saudinewsnet_rows_equal_fribidi(capsys):
    """A second, unrelated source (Saudi papers, other typography: soft hyphens, Latin)."""
    documents = []
    for archive in sorted(shared_path("corpora", "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(archive) as opened:
            for name in opened.namelist():
                if name.endswith(".json"):
                    items = json.loads(opened.read(name))
                    step = max(len(items) // SAUDI_PER_FILE, 1)
                    documents += [
                        Document.from_article(item.get("title", ""), item.get("content", ""))
                        for item in items[::step][:SAUDI_PER_FILE]
                    ]
    total, mismatches = _agreement(documents)
    _report(f"{len(documents)} saudinewsnet articles", total, mismatches, capsys)
    assert len(documents) >= 200
    assert not mismatches


def test_hand_written_cases_equal_fribidi():
    """Mixed scripts, numbers, brackets and quotes that trip naive pipelines."""
    lines = [
        "قالت الأمم المتحدة (UN) إن «الوضع» خطير [جدا] في 2017.",
        "The minister said «نعم» (yes) to the 3.5% rise.",
        "اللواء 444 والكتيبة 112 وجهاز “333” في طرابلس",
        "سعر الصرف 1,234.56 دينار (+2%) مقابل $100",
        "الله أكبر لا إله إلا الله",
        "رقم الهاتف: 071-234-567 أو ٠٧١٢٣٤٥٦٧",
        "مدينة (ليبيا (طرابلس)) [a (b) c]",
        "a (ب) c {د} e",
        "كلمة... ?! — «اقتباس» (قوسان)",
        "مرح\xadلة وال\xadشفافية و\u200bكلمة بي\u200cنهما",
    ]
    for rtl in (True, False):
        theirs = _fribidi([drop_marks(line)[0] for line in lines], rtl)
        for line, expected in zip(lines, theirs, strict=True):
            assert _comparable(visual_text(line, rtl)[0]) == _comparable(expected), line
