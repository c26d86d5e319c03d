"""The C hashed text (store/_squeeze.c, built by `pip install .`) is exactly the Python form
store.records.squeezed falls back to: compiled here and run side by side."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from store.records import Record
from tests.c_build import built_module

ROOT = Path(__file__).resolve().parent.parent
SAUDINEWSNET = ROOT.parent / "shared" / "corpora" / "saudinewsnet"
EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def python_form(title: str, body: str) -> bytes:
    return (" ".join(title.split()) + "\n" + " ".join(body.split())).encode("utf-8")


@pytest.fixture(scope="module")
def squeeze(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return built_module(ROOT / "store" / "_squeeze.c", tmp_path_factory.mktemp("squeeze"))


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("", ""),
        ("  ", " \n\t "),
        (" عنوان  الخبر ", "\n\nفقرة أولى.\r\n\nفقرة\u00a0ثانية\u3000و\u2029"),
        ("ﷺ x", "\U0001f600 \U0001d400\x1c\x85end "),
        (EVERY_CHARACTER[:300], EVERY_CHARACTER),  # every whitespace character between the others
        (" ".join(EVERY_CHARACTER[:5000]), " ".join(EVERY_CHARACTER)),  # and each one alone
        ("latin only", "ascii\vtext\fwith\x1fseparators"),
    ],
)
def test_the_c_form_is_the_python_form(squeeze: ModuleType, title: str, body: str) -> None:
    assert squeeze.squeezed(title, body) == python_form(title, body)


def test_a_surrogate_leaves_it_to_the_python_form(squeeze: ModuleType) -> None:
    assert squeeze.squeezed("a\ud800", "b") is None
    assert squeeze.squeezed("a", "b \udfff") is None
    with pytest.raises(UnicodeEncodeError):
        python_form("a", "b \udfff")


def test_whitespace_alone_tells_records_apart() -> None:
    one = Record(title="خبر", body="فقرة  أولى\n\nفقرة ثانية")
    assert one.content_hash == Record(title=" خبر ", body="فقرة أولى فقرة\tثانية").content_hash
    assert one.content_hash != Record(title="خبر", body="فقرة أولى فقرة ثانيه").content_hash


@pytest.mark.skipif(not SAUDINEWSNET.exists(), reason="SaudiNewsNet not in ../shared")
def test_news_articles_agree(squeeze: ModuleType) -> None:
    with zipfile.ZipFile(sorted(SAUDINEWSNET.glob("*.zip"))[0]) as archive:
        articles = json.loads(archive.read(archive.namelist()[0]))
    for article in articles:
        title, body = article.get("title") or "", article.get("content") or ""
        assert squeeze.squeezed(title, body) == python_form(title, body)
