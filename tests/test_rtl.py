"""The RTL renderer, step by step: direction, wrapping, shaping, reordering, mirroring, highlights."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from store.structure import HEADING, LIST, TABLE, blocks, list_items, table_rows
from tests.conftest import ROOT
from tui.rtl import Document, Highlights, label, layout, plain_rows, render, render_row, visual_text, wrap
from tui.rtl.bidi import base_direction, levels, reorder
from tui.rtl.shape import cell_width, drop_marks, shape

SEED = (ROOT / "seeds" / "000_c1e0a9c5b2fbe14b.txt").read_text(encoding="utf-8")
SEED_TITLE, _, SEED_BODY = SEED.partition("\n")


def row_strings(text: str, width: int, spans=()) -> list[str]:
    return ["".join(p.text for p in pieces) for pieces in render(Document.from_text(text), width, spans)]


# --- base direction: once per paragraph --------------------------------------------------


def test_base_direction_is_the_first_strong_character():
    assert base_direction("2017 قال الوزير") == "R"
    assert base_direction("BBC قالت إن") == "L"
    assert base_direction("«2017» ...") == "L"
    assert base_direction("«2017» ...", default="R") == "R"


def test_wrapped_rows_keep_the_paragraph_direction():
    # The second row starts with Latin words; it must still be a right-to-left row.
    text = "قال المتحدث باسم الأمم المتحدة United Nations Development Programme في بيان"
    document = Document.from_text(text)
    rows = layout(document, 30)
    assert len(rows) > 2
    assert all(row.rtl for row in rows)
    drawn = row_strings(text, 30)
    assert any(document.text[rows[i].cells[0].start].isascii() for i in range(1, len(rows)))
    for line in drawn:
        assert line.rstrip() == line  # right-aligned: padding only on the left
        assert cell_len(line) == 30


def test_ltr_paragraph_in_an_arabic_article_is_left_aligned():
    text = "فقرة عربية أولى\n\nThe second paragraph is English with كلمة عربية inside."
    drawn = row_strings(text, 40)
    english = [line for line in drawn if "English" in line]
    assert english and english[0].startswith("The second")
    assert drawn[0].startswith(" ")  # the Arabic paragraph is right-aligned


def test_an_arabic_paragraph_opening_with_a_latin_word_is_right_to_left_in_an_arabic_article():
    """"Pixels هذا الفيلم …": the film's name first, then Arabic (newcomer trial); first-strong
    (P2) would lay it out left to right, with the name read last and the full stop on the right."""
    text = "فقرة عربية أولى عن السينما.\n\nPixels هذا الفيلم من بطولة آدم ساندلر وحقق نجاحا كبيرا."
    rows = layout(Document.from_text(text), 40)
    assert all(row.rtl for row in rows if row.cells)
    drawn = row_strings(text, 40)
    pixels = next(line for line in drawn if "Pixels" in line)
    assert pixels.rstrip().endswith("Pixels")  # read first, on the right
    english = "فقرة عربية.\n\nThe film Pixels, with Adam Sandler and Kevin James, is a hit: فيلم ناجح."
    assert [row.rtl for row in layout(Document.from_text(english), 80) if row.cells] == [True, False]  # mostly Latin
    latin_article = "An English article.\n\nPixels هذا الفيلم من بطولة آدم ساندلر"
    assert not [row for row in layout(Document.from_text(latin_article), 80) if row.cells][1].rtl  # (P2/P3)


# --- wrap the logical text before reordering -----------------------------------------------


def test_first_row_holds_the_beginning_of_the_sentence():
    words = ["واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية"]
    drawn = row_strings(" ".join(words), 12)
    first_word = shape(words[0])[0][::-1]
    last_word = shape(words[-1])[0][::-1]
    assert drawn[0].endswith(first_word)  # the first word sits at the right end of the top row
    assert last_word in drawn[-1]


def test_rows_never_exceed_the_width_and_measure_matches_shaping():
    document = Document.from_article(SEED_TITLE, SEED_BODY)
    for width in (20, 37, 60, 100):
        for row in layout(document, width):
            for cell in row.cells:
                logical = drop_marks(document.text[cell.start : cell.end])[0]
                assert cell_width(logical) == cell_len(shape(logical)[0])
                assert cell_width(logical) <= cell.width
        for line in plain_rows(document, width):
            assert cell_len(line) <= width


def test_a_word_longer_than_the_row_is_cut():
    text = "رابط https://example.org/a/very/long/path/that/does/not/fit"
    spans = wrap(text, 0, len(text), 15)
    assert "".join(text[a:b] for a, b in spans[1:]) == text[5:]
    assert all(cell_len(text[a:b]) <= 15 for a, b in spans)


# --- shaping: letter ligatures only, marks -------------------------------------------------


def test_lam_alef_is_one_cell_and_allah_is_not_a_ligature():
    shaped, sources = shape("لا الله")
    assert shaped[0] == "\ufefb"  # isolated lam-alef
    assert "\ufdf2" not in shaped  # no ﷲ word ligature
    assert cell_width("لا الله") == 6 == cell_len(shaped)
    assert sources[:2] == [0, 2]  # the ligature cell stands for characters 0 and 1


def test_harakat_are_removed_and_do_not_break_lam_alef():
    visible, kept = drop_marks("مُحَمَّد مثلًا")
    assert visible == "محمد مثلا"
    assert kept[:2] == [0, 2]
    drawn, ranges = visual_text("مثلًا", rtl=True)
    assert drawn[0] == "\ufefc"  # final lam-alef, leftmost once reordered
    assert ranges[0] == (2, 5)  # lam, tanween and alef are all behind that one cell


def test_tunisian_gaf_joins_its_neighbours():
    shaped, _ = shape("الڨزاح")
    assert shaped[1] == "\ufedf"  # lam in initial form, joined to the ڨ after it


# --- reordering and mirroring --------------------------------------------------------------


def test_numbers_and_latin_inside_arabic_keep_their_order():
    drawn, _ = reorder("اللواء 444 في (UN)", "R")
    assert "444" in drawn and "(UN)" in drawn
    assert drawn.index("(UN)") < drawn.index("444")


def test_brackets_are_mirrored_at_rtl_levels():
    drawn, _ = reorder("قال (نعم) «لا» [هنا]", "R")
    assert drawn == "[انه] «ال» (معن) لاق"
    assert reorder("(abc)", "R")[0] == "(abc)"  # Latin inside brackets: not mirrored


def test_bracket_pairs_follow_the_enclosed_text():
    # N0: "(a b)" after Arabic in an RTL paragraph keeps both brackets at the RTL level; a
    # pipeline without bracket pairs (python-bidi's pure-Python path) prints "a b) c) ب".
    assert reorder("ب (a b) c", "R")[0] == "c (a b) ب"
    assert levels("ب (a b) c", "R") == [1, 1, 1, 2, 2, 2, 1, 1, 2]


def test_arabic_indic_digits_and_decimal_numbers():
    assert reorder("سعر 1,234.56 دينار", "R")[0] == "رانيد 1,234.56 رعس"
    assert reorder("رقم ١٢٣ هنا", "R")[0] == "انه ١٢٣ مقر"


# --- highlights survive reordering ---------------------------------------------------------


def test_highlight_on_latin_and_arabic_words_after_reordering():
    text = "قال the UN رئيس البعثة"
    document = Document.from_text(text)
    for word in ("UN", "رئيس"):
        start = text.index(word)
        pieces = render(document, 40, [(start, start + len(word))])[0]
        hits = [p.text for p in pieces if p.hit]
        assert hits == [shape(word)[0][::-1] if word == "رئيس" else word]


def test_highlight_inside_a_lam_alef_ligature_covers_the_cell():
    text = "الاجتماع"
    start = text.index("اجتماع")
    pieces = render(Document.from_text(text), 20, [(start, len(text))])[0]
    hit = "".join(p.text for p in pieces if p.hit)
    assert "\ufefb" in hit  # the lam-alef cell carries the hit's first letter


def test_highlights_query_spans():
    spans = Highlights([(5, 8), (0, 2), (7, 10)])
    assert spans.touches(1, 2) and spans.touches(9, 12) and not spans.touches(2, 5)
    assert not Highlights([]).touches(0, 100)


# --- untrusted text ------------------------------------------------------------------------


def test_bidi_controls_are_neutralised():
    # RLO would show "def" reversed; PDF/isolates and marks must not change the picture either.
    drawn = row_strings("abc \u202edef\u202c \u2067xyz\u2069 \u200fq", 30)[0]
    assert drawn.rstrip() == "abc def xyz q"
    assert not any(c in drawn for c in "\u202e\u202c\u2067\u2069\u200f")


def test_markup_looking_text_is_text():
    drawn = row_strings("[bold red]not bold[/] [link=x]y[/link]", 60)[0]
    assert drawn.rstrip() == "[bold red]not bold[/] [link=x]y[/link]"


def test_escape_sequences_never_reach_the_screen():
    drawn = "".join(row_strings("title \x1b[31mred\x1b[0m \x1b]8;;http://x\x07link", 40))
    assert "\x1b" not in drawn and "red" in drawn and "link" in drawn


# --- structure: headings, lists, the seed's table ------------------------------------------


def test_seed_structure():
    kinds = [block.kind for block in blocks(SEED_BODY)]
    assert kinds.count(HEADING) == 3 and kinds.count(LIST) == 1 and kinds.count(TABLE) == 1
    assert table_rows(SEED_BODY)[0][0] == ("العنصر", "الوصف")
    assert [key for key, _ in table_rows(SEED_BODY)[0][1:]] == ["التاريخ", "المشاركون", "الأهداف"]
    assert len(list_items(SEED_BODY)[0]) == 3
    assert list_items(SEED_BODY)[0][0].startswith("تعزيز الرقابة")


def test_prose_lines_are_not_a_table():
    text = "خبر عاجل\nقال الوزير إن الاجتماع انتهى.\nوأضاف أن النتائج جيدة.\nوختم بالشكر."
    assert [b.kind for b in blocks(text)] == ["paragraph"] * 4


def test_seed_table_list_and_headings_render_as_such():
    document = Document.from_article(SEED_TITLE, SEED_BODY)
    rows = layout(document, 70)
    drawn = [render_row(document, row) for row in rows]
    lines = ["".join(p.text for p in pieces) for pieces in drawn]
    table = [line for line in lines if "│" in line or "┼" in line]
    assert len(table) >= 5
    header = table[0]
    assert header.rstrip().endswith(shape("العنصر")[0][::-1])  # key column on the right
    assert "┼" in table[1]
    bullets = [line for line in lines if line.endswith(" •")]
    assert len(bullets) == 3
    roles = {p.role for pieces in drawn for p in pieces}
    assert {"title", "heading", "header", "bullet"} <= roles


def test_narrow_tables_fall_back_to_paragraphs():
    lines = plain_rows(Document.from_text("العنصر الوصف\nالتاريخ أمس\nالمكان هنا"), 10)
    assert not any("│" in line for line in lines)


# --- logical order (terminals doing their own bidi) and one-row labels ---------------------


def test_logical_rows_are_the_text_in_reading_order_and_fit_unshaped():
    """A terminal doing bidi gets letters unshaped: lam-alef is two cells there, not one, so its
    rows break by the unshaped width (rows as wide as the shaped ones lost their last letters)."""
    document = Document.from_article(SEED_TITLE, SEED_BODY)
    logical = plain_rows(document, 50, logical=True)
    assert logical[0] == SEED_TITLE[: len(logical[0])]
    assert max(cell_len(row) for row in logical) == 50

    def words(text: str) -> list[str]:
        return [word for word in text.split() if any(char.isalnum() for char in word)]

    assert words(" ".join(logical)) == words(document.text)
    shaped_widths = [cell_len(row) for row in plain_rows(document, 50)]
    assert max(shaped_widths) <= 50 and len(logical) >= len(shaped_widths)


@pytest.mark.parametrize("width", [8, 20, 200])
def test_label_fits_and_marks_the_cut(width):
    pieces = label(SEED_TITLE, width)
    text = "".join(p.text for p in pieces)
    assert cell_len(text) == width
    if width < 60:
        assert "…" in text and text.lstrip().startswith("…")  # the cut is at the logical end


def test_label_without_letters_takes_the_default_direction() -> None:
    """A number or ISO date among Arabic rows ("24%", "1967-10") lines up on the right."""
    from tui.rtl.render import label

    row = "".join(piece.text for piece in label("24% ×3", 12, default="R"))
    assert row == "      3× 24%"  # as the count of an Arabic row shows: at its left end
    assert "".join(piece.text for piece in label("1967-10", 10, default="R")) == "   1967-10"
    assert "".join(piece.text for piece in label("24%", 6)).startswith("24%")  # LTR unless told


def test_a_row_of_a_longer_text_takes_the_whole_texts_direction() -> None:
    """The second row of an Arabic title may start with a Latin word: it still lines up on the right."""
    from tui.rtl.render import label

    own = "".join(piece.text for piece in label("Siemens تطوير", 20))
    told = "".join(piece.text for piece in label("Siemens تطوير", 20, rtl=True))
    assert own.startswith("Siemens") and own.endswith(" ")  # on its own: a left-to-right row
    assert told.startswith(" ") and told.rstrip().endswith("Siemens")  # told: right-aligned, Siemens last
