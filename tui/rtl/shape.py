"""Arabic shaping for the terminal: presentation forms and lam-alef, with an index map.

Terminals draw code points, not shaped text, so each row is handed over in contextual
presentation forms (arabic_reshaper). Only the letter ligatures (lam-alef) are used: word
ligatures such as U+FDF2 for "الله" are one cell whose glyph overflows in terminal fonts.
Harakat, ZWJ and other invisible format characters are dropped before shaping (terminals
cannot place marks on presentation forms), and every shaped character remembers which
logical character it came from.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.arabic_reshaper import HARAKAT_RE
from arabic_reshaper.letters import LETTERS_ARABIC
from arabic_reshaper.ligatures import LIGATURES
from rich.cells import cell_len

LETTER_LIGATURES = frozenset(
    {
        "ARABIC LIGATURE LAM WITH ALEF",
        "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA ABOVE",
        "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA BELOW",
        "ARABIC LIGATURE LAM WITH ALEF WITH MADDA ABOVE",
    }
)
"""The only ligatures we form: lam followed by an alef."""

# Arabic-script letters without presentation forms that arabic_reshaper does not know (the
# Tunisian ڨ, letters of other Arabic-script languages). They still join: Joining_Type D
# (both sides) or R (to the letter before) from Unicode's ArabicShaping.txt, as ranges.
_DUAL_JOINING = (
    "0620 063B-063F 066E-066F 0678 067C-067D 0681-0682 0685 069A-06A3 06A5 06A7-06A8 06AA-06AC 06AE 06B0 "
    "06B2 06B4-06B9 06BC-06BD 06BF 06C2 06CE 06D1 06FA-06FC 06FF 0750-0758 075C-076A 076D-0770 0772 "
    "0775-0777 077A-077F 08A0-08A9 08AF-08B0 08B3-08B4"
)
_RIGHT_JOINING = (
    "0672-0673 0675-0676 0689-068B 068F-0690 0692-0697 0699 06C3-06C4 06CA 06CD 06CF 06D5 06EE-06EF "
    "0759-075B 076B-076C 0771 0773-0774 0778-0779 08AA-08AC 08AE 08B1-08B2"
)


def _letters(ranges: str) -> list[str]:
    """The characters of "0620 063B-063F ..." ranges."""
    found = []
    for item in ranges.split():
        first, _, last = item.partition("-")
        found.extend(chr(c) for c in range(int(first, 16), int(last or first, 16) + 1))
    return found


LETTERS = {
    **{c: (c, c, c, c) for c in _letters(_DUAL_JOINING)},
    **{c: (c, "", "", c) for c in _letters(_RIGHT_JOINING)},
    **LETTERS_ARABIC,
}
"""Letter → (isolated, initial, medial, final) forms; "" where the letter cannot join."""

_RESHAPER = ArabicReshaper(
    configuration={
        "delete_harakat": True,
        "shift_harakat_position": False,
        "delete_tatweel": False,
        "support_zwj": True,
        "use_unshaped_instead_of_isolated": False,
        "support_ligatures": True,
        **{name: name in LETTER_LIGATURES for name, _ in LIGATURES},
    }
)
_RESHAPER.letters = LETTERS
_LAM, _ALEFS = "\u0644", "\u0627\u0623\u0625\u0622"
_LAM_ALEF = re.compile(f"{_LAM}[{_ALEFS}]")
_LIGATURE_FORMS = frozenset(chr(c) for c in range(0xFEF5, 0xFEFD))
# Invisible format characters (Cf: soft hyphen, zero-width space, joiners...) are dropped too,
# except ZWNJ, whose job is to stop two letters joining; shaping treats the rest as transparent.
_FORMAT = "".join(
    chr(c) for c in range(0x80, 0x10000) if unicodedata.category(chr(c)) == "Cf" and c != 0x200C
)
_DROPPED = re.compile(f"(?:{HARAKAT_RE.pattern})|[{re.escape(_FORMAT)}]", re.X)
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


def drop_marks(text: str) -> tuple[str, list[int]]:
    """``text`` without harakat and invisible format characters (ZWNJ stays), and the index in
    ``text`` of each kept character."""
    if not _DROPPED.search(text):
        return text, list(range(len(text)))
    kept = [i for i, char in enumerate(text) if not _DROPPED.match(char)]
    return "".join(text[i] for i in kept), kept


def shape(text: str) -> tuple[str, list[int]]:
    """Shaped ``text`` (already without marks) and, per shaped character, its source index.

    A lam-alef ligature maps to the lam; the alef after it is part of the same cell. Letters
    never join across a space, so words are shaped one by one and cached: news vocabulary
    repeats, and reshaping is the costly step of drawing a row.
    """
    if not _ARABIC.search(text):
        return text, list(range(len(text)))
    shaped_words = []
    sources: list[int] = []
    offset = 0
    for word in text.split(" "):
        shaped, word_sources = _shape_word(word)
        shaped_words.append(shaped)
        sources.extend(offset + i for i in word_sources)
        sources.append(offset + len(word))  # the space after it
        offset += len(word) + 1
    sources.pop()
    return " ".join(shaped_words), sources


@lru_cache(maxsize=65536)
def _shape_word(word: str) -> tuple[str, tuple[int, ...]]:
    if not _ARABIC.search(word):
        return word, tuple(range(len(word)))
    shaped = _RESHAPER.reshape(word)
    sources = []
    i = 0
    for char in shaped:
        sources.append(i)
        i += 2 if char in _LIGATURE_FORMS and word[i] == _LAM else 1
    if i != len(word):
        raise AssertionError(f"reshaper changed the text unexpectedly: {word!r}")
    return shaped, tuple(sources)


@lru_cache(maxsize=65536)
def word_width(word: str) -> int:
    """``cell_width`` of a word with its marks dropped (cached: words repeat)."""
    return cell_width(drop_marks(word)[0])


def cell_width(text: str) -> int:
    """Terminal cells ``text`` (already without marks) takes once shaped, without shaping it."""
    return cell_len(text) - len(_LAM_ALEF.findall(text))
