"""Turning file bytes into text: BOMs, UTF-8, UTF-16 without BOM, Arabic legacy code pages.

Order: a BOM decides; else strict UTF-8; else UTF-16 when the NUL bytes say so; else the
Arabic code pages (Windows-1256, ISO-8859-6) when they give Arabic text; else whatever
charset-normalizer finds coherent. Text that is mojibake (UTF-8 or Windows-1256 bytes
that were once decoded as Windows-1252) is repaired, or refused: it never reaches the index.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import BinaryIO

import charset_normalizer


class DecodeError(ValueError):
    """Bytes that are not text in any encoding we recognise."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ARABIC_CODECS = ("cp1256", "iso8859_6")  # Windows-1256 wins ties: far more common
_LEGACY_CODECS = [
    *("cp1256", "iso8859_6", "cp720", "mac_arabic", "cp1252", "latin_1", "iso8859_15", "utf_16", "utf_32")
]
"""Guesses allowed when a file is neither UTF-8 nor Arabic: tiny files otherwise come out as Thai or Urdu."""
_SNIFF = 65536  # bytes looked at when guessing; the whole file is decoded with the guess
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")
_ARABIC_WORD = re.compile("[\u0621-\u065f\u0670-\u06d3\u06fa-\u06ff]+")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
# UTF-8 Arabic read as Windows-1252: a lead byte D8-DB shown as Ø Ù Ú Û, then a continuation byte.
_CONTINUATION = (  # UTF-8 continuation bytes 80-BF as Windows-1252 (Latin-1 in its holes) shows them
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)
_UTF8_MOJIBAKE = re.compile(f"[\u00d8-\u00db]{_CONTINUATION}")  # an Arabic letter's two bytes
_UTF8_MOJIBAKE_RUN = re.compile(f"(?:[\u00c2-\u00f4]{_CONTINUATION}{{1,3}})+")  # whole characters
_LOST_BYTE = re.compile("[\u00c2-\u00f4]\ufffd")
_LATIN1_LETTERS = re.compile("[\u00c0-\u00ff]")


def decode(data: bytes) -> str:
    """Decode file bytes to text, detecting the encoding (see module docstring).

    Raises DecodeError for binary data, undecodable bytes and unrepairable mojibake.
    """
    return repair_mojibake(_decode(data))


def encoding_of(data: bytes, partial: bool = False) -> str:
    """The codec ``decode`` would use for ``data``; ``partial``: only the file's first bytes."""
    return _detect(data, partial)[0]


def decode_stream(stream: BinaryIO, chunk_size: int = 1 << 20) -> Iterator[str]:
    """Text chunks of a binary stream, in the encoding detected from its first bytes.

    Memory stays at about one chunk whatever the file size. Mojibake repair is left to the
    caller, per record (``repair_mojibake``).
    """
    head = stream.read(_SNIFF)
    codec, _ = _detect(head, partial=True)
    decoder = codecs.getincrementaldecoder(codec)()
    data, offset = head, 0
    while data:
        pending = decoder.getstate()[0]
        try:
            text = decoder.decode(data)
        except UnicodeDecodeError as exc:
            # hand over the good text before the bad byte, so the records in it still import
            yield (pending + data)[: exc.start].decode(codec, errors="ignore")
            raise DecodeError(f"invalid {codec} text at byte {offset - len(pending) + exc.start}") from None
        yield text
        offset += len(data)
        data = stream.read(chunk_size)
    try:
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise DecodeError(f"truncated {codec} text (file ends inside a character)") from None


def decode_lines(stream: BinaryIO, max_chars: int) -> Iterator[str | None]:
    """Lines of a text stream (without line ends), repaired; None for a line over ``max_chars``.

    Memory stays at about one chunk plus one line whatever the file size.
    """
    pending: list[str] = []
    size = 0
    too_long = False
    for chunk in decode_stream(stream):
        parts = chunk.split("\n")
        for part in parts[:-1]:
            if too_long or size + len(part) > max_chars:
                yield None
            else:
                yield repair_mojibake("".join([*pending, part]).rstrip("\r"))
            pending, size, too_long = [], 0, False
        tail = parts[-1]
        if not too_long:
            pending.append(tail)
            size += len(tail)
            if size > max_chars:
                pending, too_long = [], True
    if too_long:
        yield None
    elif pending and "".join(pending).strip():
        yield repair_mojibake("".join(pending).rstrip("\r"))


def _decode(data: bytes) -> str:
    codec, text = _detect(data)
    if text is not None:
        return text
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid {codec} text at byte {exc.start}") from None


def _detect(data: bytes, partial: bool = False) -> tuple[str, str | None]:
    """(codec, text when already decoded); ``partial``: data is only the head of the file."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, None
    head = data[:_SNIFF]
    if b"\x00" in head:
        codec = _utf16_without_bom(head)
        if codec is None:
            raise DecodeError("binary data (NUL bytes), not text")
        return codec, None
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            if partial:
                return "utf-8", None
            raise DecodeError(f"truncated UTF-8 text (cut inside a character at byte {exc.start})") from None
    codec = _arabic_codepage(head) or _normalizer_guess(head)
    if codec is None:
        raise DecodeError("not text in any known encoding (binary data?)")
    return codec, None


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when one side of the byte pairs is a few high bytes and it decodes.

    Text in one or two scripts has few distinct high bytes (0x00 for ASCII, 0x06 for Arabic);
    the low bytes vary widely.
    """
    head = head[: len(head) // 2 * 2]
    even, odd = set(head[0::2]), set(head[1::2])
    if len(odd) <= 8 and 0 in odd and len(even) > len(odd):
        codec = "utf-16-le"
    elif len(even) <= 8 and 0 in even and len(odd) > len(even):
        codec = "utf-16-be"
    else:
        return None
    try:
        text = head.decode(codec)
    except UnicodeDecodeError:
        return None
    return codec if _plausible(text) else None


def _plausible(text: str) -> bool:
    """Latin or Arabic text with spaces and hardly any control characters (binary data is not)."""
    if not text:
        return False
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r")
    spaces = sum(1 for ch in text if ch in " \n\t")
    familiar = sum(
        1 for ch in text if ch < "\u0250" or "\u0600" <= ch <= "\u06ff" or "\u2000" <= ch <= "\u206f"
    )
    return controls <= len(text) // 100 and spaces >= len(text) // 40 and familiar >= 0.9 * len(text)


def _arabic_share(text: str) -> float:
    """Share of the non-ASCII letters that sit in all-Arabic words.

    ASCII reads the same in every code page, so only the other letters tell; a wrong code
    page puts stray Arabic letters inside Latin words ("cafى") or Latin ones inside Arabic.
    """
    arabic = other = 0
    for word in _WORD.findall(text):
        if _ARABIC_WORD.fullmatch(word):
            arabic += len(word)
        else:
            other += len(_NON_ASCII_LETTER.findall(word))
    return arabic / (arabic + other) if arabic >= 3 else 0.0


def _arabic_codepage(head: bytes) -> str | None:
    """The Arabic code page under which ``head`` reads as (mostly) Arabic text, if any."""
    best, best_share = None, 0.8
    for codec in _ARABIC_CODECS:
        try:
            text = head.decode(codec, errors="strict" if codec == "iso8859_6" else "ignore")
        except UnicodeDecodeError:
            continue
        share = _arabic_share(text)
        if share > best_share:
            best, best_share = codec, share
    return best


def _normalizer_guess(head: bytes) -> str | None:
    """charset-normalizer's pick among the code pages an Arabic/English news archive meets."""
    match = charset_normalizer.from_bytes(head, cp_isolation=_LEGACY_CODECS).best()
    if match is None or match.chaos > 0.2:
        return None
    return match.encoding


def _as_cp1252_bytes(text: str) -> bytes | None:
    """The bytes that, decoded as Windows-1252 (Latin-1 for its holes), gave ``text``."""
    out = bytearray()
    for ch in text:
        code = ord(ch)
        if code < 256:
            out.append(code)
        else:
            try:
                out += ch.encode("cp1252")
            except UnicodeEncodeError:
                return None
    return bytes(out)


def _undo_utf8_mojibake(match: re.Match[str]) -> str:
    """One run of UTF-8 shown as Windows-1252, as the characters it was; runs are repaired one by
    one, so a file mixing good Arabic and mojibake comes out all good."""
    raw = _as_cp1252_bytes(match.group(0))
    try:
        if raw is not None:
            return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    raise DecodeError("text is mojibake (UTF-8 decoded as Windows-1252) and cannot be repaired")


def has_latin1_letters(text: str) -> bool:
    """Does ``text`` hold a character of U+00C0-U+00FF (À…ÿ)? Those are exactly the characters
    whose UTF-8 begins with the byte C3: one byte search of the encoded text is two to three
    times faster than a regex testing every character (the check runs on every JSON record)."""
    return b"\xc3" in text.encode("utf-8", "surrogatepass")


def repair_mojibake(text: str) -> str:
    """Undo a wrong Windows-1252 decoding of UTF-8 or Windows-1256 Arabic; refuse what can't be undone."""
    if text.isascii():  # (a flag of the string, no scan: JSON with \u escapes, English text)
        return text
    if not has_latin1_letters(text[:_SNIFF]):
        return text  # both kinds of mojibake show letters of this range (the common case)
    if len(_UTF8_MOJIBAKE.findall(text[:_SNIFF])) >= 3:
        fixed = _UTF8_MOJIBAKE_RUN.sub(_undo_utf8_mojibake, text)
        if _LOST_BYTE.search(fixed):  # a lead byte whose continuation was replaced: data already lost
            raise DecodeError(
                "text is mojibake (UTF-8 decoded as Windows-1252, bytes lost) and cannot be repaired"
            )
        return fixed
    sample = text[:_SNIFF]
    latin1 = len(_LATIN1_LETTERS.findall(sample))
    if latin1 >= 20 and latin1 > 0.5 * len(_LETTER.findall(sample)):
        raw = _as_cp1252_bytes(text)
        if raw is not None:
            fixed = raw.decode("cp1256", errors="replace")
            if _arabic_share(fixed[:_SNIFF]) > 0.8:
                return fixed
    return text
