"""Printing helpers shared by the sub-commands: JSON lines and highlighted text."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

from rich.console import Console
from rich.text import Text

from store.sanitize import clean_line, clean_text

EXTRACT_FACTS = "archive-tui facts --all > /dev/null"
"""The command that extracts the facts of every article lacking them (quietly), as hints give it."""


def not_mentioned_yet(name: str, missing: int, cure: str = f"run '{EXTRACT_FACTS}'") -> str:
    """Why a name is found in no article while ``missing`` articles have no facts, and the cure."""
    return f"no article mentions {name} yet: {missing:,} articles have no facts; {cure} to extract them"


_SINGLE_DASH_WORD = re.compile(r"^-[^-]")


def query_words_may_start_with_dash(parser: argparse.ArgumentParser) -> None:
    """Let a query word start with one "-" (-الرياض, -libya: leave it out) without "--" before
    the query. argparse takes any "-x" it does not know for a mistyped option, except what its
    negative-number pattern matches: widened here to every single-dash word (the command's
    own options still come first; "--x" stays an option)."""
    parser._negative_number_matcher = _SINGLE_DASH_WORD  # (argparse's own attribute since 2.7)


LARGEST = 2**63 - 1
"""The largest whole number SQLite stores: a larger count asks for everything all the same."""


def at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``minimum``, explained when it is not
    (one beyond ``LARGEST`` is taken as ``LARGEST``: no limit, rather than an internal error)."""

    def whole_number(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {value}")
        return min(value, LARGEST)

    return whole_number


positive_int = at_least(1)
"""Counts such as --limit."""


def typed_text(text: str) -> str:
    """An argparse type for words typed in the terminal: bytes that are not UTF-8 (a terminal
    set to another encoding) become U+FFFD, as when an import reads them, rather than the lone
    surrogates Python stands them for, which no query or lookup could encode."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def article_key(text: str) -> str:
    """An argparse type: an article key as the import stored it (spaces around a pasted key, and
    runs of them inside, are cleaned the same way)."""
    return clean_line(typed_text(text))


def print_json(obj: Any) -> None:
    """One JSON object on one line of standard output (UTF-8, not ASCII-escaped)."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """The reader left (``| head -3``): it read all it wanted, so this is no failure. The
        rest goes nowhere and the command ends with status 0 (Rich's own exits with 1)."""
        self.quiet = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, self.file.fileno())
        raise BrokenPipeError  # tui.cli.main ends the command quietly


def console(stderr: bool = False) -> Console:
    """A Rich console that never interprets article text as markup or emoji.

    Into a pipe or file it breaks no lines (a body or URL stays one line); on a terminal it
    wraps at word boundaries. A reader that stops early (``| head``) is no error.
    """
    out = _Console(stderr=stderr, markup=False, emoji=False, highlight=False)
    out.soft_wrap = not out.is_terminal
    return out


def highlighted(text: str, spans: Sequence[tuple[int, int]], style: str = "bold reverse") -> Text:
    """``text`` (cleaned of control characters) with ``spans`` styled."""
    result = Text(clean_text(text))
    for start, end in spans:
        result.stylize(style, start, end)
    return result


def note(message: str) -> None:
    """A remark on standard error that does not mean failure (dim)."""
    console(stderr=True).print(Text(f"archive-tui: {message}", style="dim"))


def error(message: str) -> None:
    """An error line on standard error."""
    console(stderr=True).print(Text(f"archive-tui: {message}", style="red"))


def unknown_key(key: str) -> None:
    """The error for an article KEY the archive does not hold, with where keys are found."""
    error(f"no article with key '{key}' (a key starts the line under each title that 'archive-tui search WORDS' lists)")
