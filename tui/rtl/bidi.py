"""The Unicode Bidirectional Algorithm (UAX #9) for one display row, with its index map.

Rows reach us cleaned of explicit embeddings, overrides and isolates (store.sanitize), so a
row is one isolating run sequence at the paragraph level: rules W1–W7, N0 (bracket pairs),
N1–N2, I1–I2, then L1–L2 for the row and L4 mirroring. Characters that X9 removes (BN and any
stray explicit control) take the paragraph level. We need the levels themselves, not just the
reordered string: they give mirroring and the logical→visual map that carries highlights.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from bidi.mirror import MIRRORED

_REMOVED_BY_X9 = frozenset({"BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
_NEUTRAL = frozenset({"B", "S", "WS", "ON"})
_WHITESPACE_L1 = frozenset({"WS", "BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
_RTL_TYPES = frozenset({"R", "AL", "AN"})

# Paired brackets (BD14/BD15): opening/closing punctuation with a mirror glyph; 〈 U+2329 and
# 〈 U+3008 are canonically equivalent, so brackets are compared after NFC.
_OPENING = {
    unicodedata.normalize("NFC", c): unicodedata.normalize("NFC", m)
    for c, m in MIRRORED.items()
    if unicodedata.category(c) == "Ps"
}
_CLOSING = frozenset(_OPENING.values())
_MAX_BRACKET_DEPTH = 63


@lru_cache(maxsize=4096)
def bidi_class(char: str) -> str:
    """The Bidi_Class of ``char`` (``unicodedata.bidirectional``, cached)."""
    return unicodedata.bidirectional(char) or "L"


def base_direction(text: str, default: str = "L") -> str:
    """Paragraph direction by rules P2/P3: "R" if the first strong character is R/AL, "L" if L."""
    for char in text:
        kind = bidi_class(char)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return default


def mostly_rtl(text: str) -> bool:
    """True when most of the strong characters of ``text`` are right-to-left."""
    rtl = ltr = 0
    for char in text:
        kind = bidi_class(char)
        if kind == "L":
            ltr += 1
        elif kind in ("R", "AL"):
            rtl += 1
    return rtl > ltr


def levels(text: str, base: str) -> list[int]:
    """Resolved embedding level of every character of one row (after rule L1)."""
    para = 1 if base == "R" else 0
    classes = list(map(bidi_class, text))
    if para == 0 and not any(c in _RTL_TYPES for c in classes):
        return [0] * len(text)  # pure left-to-right row: nothing to resolve
    kept = [i for i, c in enumerate(classes) if c not in _REMOVED_BY_X9]
    types = [classes[i] for i in kept]
    sos = "R" if para else "L"
    _resolve_weak(types, sos)
    _resolve_brackets(types, [text[i] for i in kept], [classes[i] for i in kept], sos)
    _resolve_neutral(types, sos)
    result = [-1] * len(text)
    for i, kind in zip(kept, types, strict=True):
        if para == 0:
            result[i] = {"L": 0, "R": 1}.get(kind, 2)
        else:
            result[i] = 1 if kind == "R" else 2
    if len(kept) < len(text):  # removed characters sit at their neighbour's level
        for i in range(len(text)):
            if result[i] < 0:
                result[i] = result[i - 1] if i else next((v for v in result if v >= 0), para)
    _reset_trailing_whitespace(result, classes, para)
    return result


def visual_order(row_levels: list[int]) -> list[int]:
    """Logical indices in visual (left-to-right) order, by rule L2."""
    order = list(range(len(row_levels)))
    odd = [level for level in row_levels if level % 2]
    if not odd:
        highest = max(row_levels, default=0)
        if highest == 0:
            return order
        lowest = 1
    else:
        highest, lowest = max(row_levels), min(odd)
    for level in range(highest, lowest - 1, -1):
        i, n = 0, len(order)
        while i < n:
            if row_levels[order[i]] < level:
                i += 1
                continue
            j = i
            while j < n and row_levels[order[j]] >= level:
                j += 1
            order[i:j] = order[i:j][::-1]
            i = j
    return order


def reorder(text: str, base: str) -> tuple[str, list[int]]:
    """The visual string of one logical row and, for each visual cell, its logical index.

    Characters at odd (right-to-left) levels are mirrored (rule L4): "(" shows as ")".
    """
    row_levels = levels(text, base)
    order = visual_order(row_levels)
    chars = [MIRRORED.get(text[i], text[i]) if row_levels[i] % 2 else text[i] for i in order]
    return "".join(chars), order


def _resolve_weak(types: list[str], sos: str) -> None:
    """Rules W1–W7, in place; each rule runs only when its types occur in the row."""
    n = len(types)
    present = set(types)
    if "NSM" in present or ("EN" in present and "AL" in present):  # W1, W2
        previous = last_strong = sos
        for i in range(n):
            kind = types[i]
            if kind == "NSM":
                kind = previous
            if kind == "EN" and last_strong == "AL":
                kind = "AN"
            if kind in ("L", "R", "AL"):
                last_strong = kind
            types[i] = previous = kind
        present = set(types)
    if "AL" in present:  # W3
        types[:] = ["R" if kind == "AL" else kind for kind in types]
    if "ES" in present or "CS" in present:  # W4
        for i in range(1, n - 1):
            kind, before, after = types[i], types[i - 1], types[i + 1]
            if kind == "ES" and before == "EN" and after == "EN":
                types[i] = "EN"
            elif kind == "CS" and before == after and before in ("EN", "AN"):
                types[i] = before
    if "ET" in present and "EN" in present:  # W5
        i = 0
        while i < n:
            if types[i] != "ET":
                i += 1
                continue
            j = i
            while j < n and types[j] == "ET":
                j += 1
            if (i > 0 and types[i - 1] == "EN") or (j < n and types[j] == "EN"):
                types[i:j] = ["EN"] * (j - i)
            i = j
    if present & {"ES", "ET", "CS"}:  # W6
        types[:] = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in types]
    if "EN" in present:  # W7
        last_strong = sos
        for i in range(n):
            kind = types[i]
            if kind in ("L", "R"):
                last_strong = kind
            elif kind == "EN" and last_strong == "L":
                types[i] = "L"


def _strong(kind: str) -> str | None:
    """The direction a resolved type counts as for N0/N1 (EN and AN count as R)."""
    if kind == "L":
        return "L"
    if kind in ("R", "EN", "AN"):
        return "R"
    return None


def _bracket_pairs(chars: list[str], types: list[str]) -> list[tuple[int, int]]:
    """Paired brackets (BD16), sorted by the opening bracket's position."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for i, char in enumerate(chars):
        if types[i] != "ON":
            continue
        char = unicodedata.normalize("NFC", char) if char in "\u2329\u232a" else char
        if char in _OPENING:
            if len(stack) == _MAX_BRACKET_DEPTH:
                break
            stack.append((_OPENING[char], i))
        elif char in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _resolve_brackets(types: list[str], chars: list[str], original: list[str], sos: str) -> None:
    """Rule N0: a bracket pair takes the direction of the text it encloses or surrounds."""
    if _OPENING.keys().isdisjoint(chars):
        return
    embedding = sos
    for opening, closing in _bracket_pairs(chars, types):
        inside = {_strong(t) for t in types[opening + 1 : closing]}
        if embedding in inside:
            direction = embedding
        elif inside - {None}:
            # Only the opposite direction inside: the brackets follow the text before them.
            direction = next((_strong(t) for t in reversed(types[:opening]) if _strong(t)), sos)
        else:
            continue
        for position in (opening, closing):
            types[position] = direction
            k = position + 1
            while k < len(types) and original[k] == "NSM":
                types[k] = direction
                k += 1


def _resolve_neutral(types: list[str], sos: str) -> None:
    """Rules N1 and N2: neutrals take the surrounding direction, else the embedding one."""
    n = len(types)
    i = 0
    while i < n:
        if types[i] not in _NEUTRAL:
            i += 1
            continue
        j = i
        while j < n and types[j] in _NEUTRAL:
            j += 1
        before = _strong(types[i - 1]) if i > 0 else sos
        after = _strong(types[j]) if j < n else sos
        types[i:j] = [before if before == after else sos] * (j - i)
        i = j


def _reset_trailing_whitespace(result: list[int], classes: list[str], para: int) -> None:
    """Rule L1: separators, and whitespace before them or at the end of the row, go to the base."""
    trailing = True
    for i in range(len(result) - 1, -1, -1):
        kind = classes[i]
        if kind in ("S", "B"):
            result[i] = para
            trailing = True
        elif trailing and kind in _WHITESPACE_L1:
            result[i] = para
        else:
            trailing = False
