"""The page lists of the benchmark (bench/*.txt), read the same way by run.py and queries.py.

A line is ``name words  path  who``: ``who`` is ``anon`` (signed out), ``auth`` (the default
user, --user) or a demo login (``director``, ``qms``...), whose signed-in session is used.
In a path, ``{name}`` is an object of the demo data (see ``queries.placeholders``) and
``__N__``/``__N7__`` a random number in every request (a page nobody has asked for yet).
"""

import random
import re
from pathlib import Path


def read_pages(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in Path(path).read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            *name, page, who = line.split()
            rows.append((" ".join(name), page, who))
    return rows


def fill(path: str, values: dict) -> str:
    for key, value in values.items():
        path = path.replace("{" + key + "}", str(value))
    return path


def randomize(path: str, most: int, rng=random) -> str:
    """What latency.lua does to each request, for the in-process timings."""
    n = rng.randint(1, max(most, 1))
    return re.sub("__N__", str(n), path.replace("__N7__", f"{n:07d}"))
