"""Regex alternations of many literal words, nested by shared prefixes (fast to search)."""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (a space in one matches any run of spaces), the longest
    first where several match: as "|".join of them sorted longest first, but nested by shared
    prefixes (يونيو|يوليو → يو(?:نيو|ليو)), so that a position is passed over after a letter or
    two instead of after every name failed in turn."""
    children: dict[str, set[str]] = {}
    ends_here = False
    for word in words:
        if word:
            children.setdefault(word[0], set()).add(word[1:])
        else:
            ends_here = True
    options = []
    for first, rests in sorted(children.items(), key=lambda item: -max(map(len, item[1]))):
        head = r"\s+" if first == " " else re.escape(first)
        rest = trie_pattern(rests)
        options.append(head + (f"(?:{rest})" if "|" in rest else rest))
    if ends_here:
        options.append("")  # (last: the longer words through here are tried first)
    return "|".join(options)
