"""Use cases: each function takes a unit of work (and the acting officer), does one thing in one
transaction, writes its audit entry, and returns finished data (ids or frozen dataclasses)."""
