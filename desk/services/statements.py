"""Statements built once and kept, for the reads an officer waits on (the worklist, the day's report).

Building a statement with SQLAlchemy's expression language costs more than SQLite takes to answer it on
a page of rows (0.9 ms against 0.1 for a report's count), so a read whose shape repeats - which scope,
which kind, which filters - builds its statement once, with the values that change (the officer's ids,
the day) as bound parameters, and passes them at each execution. ``kept(key, build)``: the statement
under ``key`` (a tuple naming its module, its purpose and its shape), built by ``build()`` the first time.
A key must name everything the statement's text depends on; the values go in the parameters.
"""
from __future__ import annotations

_KEPT: dict[tuple, object] = {}


def kept(key: tuple, build):
    stmt = _KEPT.get(key)
    if stmt is None:
        stmt = _KEPT[key] = build()  # two threads may both build it: the same statement either way
    return stmt
