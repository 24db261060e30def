"""Writing an export to a file the officer named or desk chose (the day's report, the duplicates list, a list on
screen): one way, so that every export is owner-only, atomic and refused the same way."""
from __future__ import annotations

import errno
from pathlib import Path

from desk.errors import DomainError
from desk.private import UnsafeTarget, write_atomically


def write_export(target: Path, data: bytes) -> None:
    """Write an export to ``target``: 0600, all at once through an O_EXCL temporary file, never onto a
    device, a link or another user's file; what stops it is said as a DomainError naming the file only."""
    try:
        write_atomically(target, data)
    except UnsafeTarget as refused:
        raise DomainError(f"report.target_{refused.reason}", field="path", path=target.name[:80]) from None
    except OSError as exc:
        key = "report.disk_full" if exc.errno == errno.ENOSPC else "report.cannot_write"
        raise DomainError(key, field="path", path=target.name[:80]) from None
