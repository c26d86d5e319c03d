"""Making untrusted article text inert for terminals: no escapes, no bidi overrides."""

from __future__ import annotations

import re

# ESC/CSI/OSC sequences first (so their parameters go too), then single control characters.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL/ST
    r"|\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# C0 except tab and newline, DEL, C1, bidi embeddings/overrides/isolates/marks, ALM,
# and the line/paragraph separators.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029\ufeff]"
)


def clean_text(text: str) -> str:
    """Remove terminal escapes, control characters and bidi controls; keep \\n and \\t.

    Carriage returns become newlines so Windows and old-Mac line ends survive.
    """
    if not text:
        return ""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text or "\x9b" in text:  # (a plain scan first: most texts have no escapes)
        text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROLS.sub("", text)


def clean_line(text: str) -> str:
    """``clean_text`` for one-line fields: all whitespace runs become one space."""
    return " ".join(clean_text(text).split())
