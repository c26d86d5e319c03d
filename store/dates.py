"""Record dates to ISO 8601 text ('YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM:SS'), which sorts as time.

A year from 1343 to 1500 is a Hijri year (1924-2077: no news archive holds articles of the
Gregorian years 1343-1500) and is converted to the Gregorian day.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)
_DMY = re.compile(r"(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})")
_YEAR_MONTH = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{1,2}))?$")


HIJRI_YEARS = range(1343, 1501)
"""The Hijri years of the Umm al-Qura calendar's tables (hijridate): 1924-2077."""


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian day of a Hijri date: the Umm al-Qura calendar (the Saudi official one,
    which Arab papers date by) in its years, else the tabular Islamic calendar (±1 day).
    Raises ValueError for a month or day that does not exist."""
    if not (1 <= month <= 12 and 1 <= day <= 30):
        raise ValueError(f"no Hijri day {year}-{month}-{day}")
    if year in HIJRI_YEARS:
        from hijridate import Hijri  # (here: most archives never meet a Hijri date, and start-up needs none)

        try:
            return Hijri(year, month, day).to_gregorian()
        except (ValueError, OverflowError):  # day 30 of a 29-day month: as the tabular calendar counts it
            pass
    days = (day + (59 * (month - 1) + 1) // 2 + 354 * (year - 1) + (3 + 11 * year) // 30 + 1948439) - 1
    return date.fromordinal(days - 1721424)


def _format(y: int, m: int, d: int, hh: int | None = None, mm: int = 0, ss: int = 0) -> str:
    if y in HIJRI_YEARS:
        y, m, d = hijri_to_gregorian(y, m, d).timetuple()[:3]
    datetime(y, m, d)  # raises ValueError on impossible dates
    if hh is None:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:{ss:02d}"


def parse_date(text: str) -> str:
    """Best-effort ISO form of a record's date; '' when it cannot be read.

    Local times are kept as written (news dates are about the paper's own day).
    """
    raw = text.strip().translate(_DIGITS)
    if not raw:
        return ""
    try:
        if match := _ISO.search(raw):
            g = match.groupdict()
            hh = int(g["H"]) if g["H"] else None
            return _format(int(g["y"]), int(g["m"]), int(g["d"]), hh, int(g["M"] or 0), int(g["S"] or 0))
        if match := _DMY.search(raw):
            return _format(int(match["y"]), int(match["m"]), int(match["d"]))
        if raw.isdigit() and len(raw) >= 9:  # Unix timestamp
            return datetime.fromtimestamp(int(raw), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
        if match := _YEAR_MONTH.match(raw):
            year, month = int(match["y"]), int(match["m"] or 0)
            if year in HIJRI_YEARS:  # the Gregorian month (or year) of its middle
                middle = hijri_to_gregorian(year, month or 6, 15 if month else 29)
                return middle.strftime("%Y-%m" if month else "%Y")
            return raw if not month else f"{year:04d}-{month:02d}"
        parsed = parsedate_to_datetime(raw)  # RFC 2822, as in RSS
        return parsed.strftime("%Y-%m-%dT%H:%M:%S")
    except (ValueError, TypeError, OverflowError, IndexError):
        return ""


def date_bounds(value: str) -> tuple[str, str]:
    """The ISO-text interval [low, high) covered by 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (a Hijri
    year, month or day given so: the Gregorian days it covers).

    Raises ValueError for anything else.
    """
    parts = value.split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise ValueError(f"'{value}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    numbers = [int(p) for p in parts]
    y = numbers[0]
    if y in HIJRI_YEARS:
        return _hijri_bounds(value, numbers)
    if len(numbers) == 1:
        return f"{y:04d}", f"{y + 1:04d}"
    m = numbers[1]
    if not 1 <= m <= 12:
        raise ValueError(f"'{value}': month {m} does not exist")
    if len(numbers) == 2:
        nxt = f"{y + 1:04d}-01" if m == 12 else f"{y:04d}-{m + 1:02d}"
        return f"{y:04d}-{m:02d}", nxt
    d = numbers[2]
    try:
        datetime(y, m, d)
    except ValueError:
        raise ValueError(f"'{value}' is not a real day") from None
    return f"{y:04d}-{m:02d}-{d:02d}", f"{y:04d}-{m:02d}-{d:02d}\uffff"


def _hijri_bounds(value: str, numbers: list[int]) -> tuple[str, str]:
    """date_bounds of a Hijri year, month or day: from its first Gregorian day to the next one's."""
    y, m, d = [*numbers, 1, 1][:3]
    if not 1 <= m <= 12:
        raise ValueError(f"'{value}': month {m} does not exist")
    try:
        first = hijri_to_gregorian(y, m, d)
    except ValueError:
        raise ValueError(f"'{value}' is not a real day") from None
    if len(numbers) == 3:
        end = first + timedelta(days=1)
    elif len(numbers) == 2:
        end = hijri_to_gregorian(y + (m == 12), m % 12 + 1, 1)
    else:
        end = hijri_to_gregorian(y + 1, 1, 1)
    return first.isoformat(), end.isoformat()
