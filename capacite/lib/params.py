"""Reading ids from query strings and posted fields: one helper that refuses what is not an id.

`str.isdigit()` accepts « ² » and other Unicode digits that `int()` then refuses, and a row id
past 2⁶³ − 1 overflows the database's integer: both gave 500s (issue 13, point 15). An id here is
1 to 19 ASCII digits, at most 2⁶³ − 1; anything else reads as no id at all.
"""

import re

from django.http import QueryDict

MAX_ID = 2**63 - 1
_ID = re.compile(r"[0-9]{1,19}")


def id_from(raw: object) -> int | None:
    """`raw` as a row id, or None when it is not one."""
    text = str(raw or "").strip()
    if not _ID.fullmatch(text):
        return None
    value = int(text)
    return value if 0 < value <= MAX_ID else None


def id_param(query: QueryDict, name: str) -> int | None:
    """The id in `query[name]` (request.GET or request.POST), or None."""
    return id_from(query.get(name))


def small_number(raw: str) -> int | None:
    """A count typed by a person (ASCII digits, at most 9 of them), or None."""
    text = raw.strip()
    return int(text) if re.fullmatch(r"[0-9]{1,9}", text) else None
