"""Files that hold or describe personal data are the owner's alone: 0600 files in 0700 directories.

The store, its directory, logs, incident reports, report exports and backups are made through these
helpers, whatever the process umask: a file is created with ``os.open(..., 0o600)`` (never world-readable,
not even for a moment) and a directory desk creates is chmod-ed to 0700. Directories desk did not create
(``/tmp``, the officer's chosen export folder) keep their mode: only what desk makes is narrowed.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: str | os.PathLike) -> Path:
    """Make ``path`` (and missing parents) as 0700 directories; an existing one desk made is narrowed."""
    path = Path(path)
    missing = []
    p = path
    while not p.exists():
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    for d in reversed(missing):
        d.mkdir(mode=DIR_MODE, exist_ok=True)
        os.chmod(d, DIR_MODE)
    return path


def open_private(path: str | os.PathLike, mode: str = "w", *, encoding: str | None = "utf-8"):
    """``open()`` for a new or existing file that is (made) owner-only. Modes: w, wb, a, ab."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if mode.startswith("a") else os.O_TRUNC)
    fd = os.open(os.fspath(path), flags | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)  # an existing file keeps its old mode otherwise
    except OSError:  # pragma: no cover - a file system without modes (e.g. some network shares)
        pass
    if "b" in mode:
        return os.fdopen(fd, mode)
    return os.fdopen(fd, mode, encoding=encoding)


def write_private(path: str | os.PathLike, data: bytes) -> None:
    with open_private(path, "wb") as f:
        f.write(data)


def narrow(path: str | os.PathLike) -> None:
    """Make an existing file owner-only (e.g. SQLite's own -wal and -shm files)."""
    try:
        os.chmod(path, FILE_MODE)
    except FileNotFoundError:
        pass


class UnsafeTarget(OSError):
    """The export's target is not a file desk may write: a device, a directory, a link, another user's file."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # not_a_file, someone_elses


def write_atomically(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` all at once, 0600 (issue 16 points 6 and 7): into a temporary file made with
    O_EXCL in the target's own directory (so no planted ``.part`` file or link is followed), flushed to disk,
    then renamed over the target. A target that is not a regular file (a device, a FIFO, a directory, a
    link) or that belongs to another user is refused (``UnsafeTarget``) before anything is written. On any
    failure - a full disk among them - the temporary file is removed: nothing half-written is left."""
    target = Path(path)
    private_dir(target.parent)
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeTarget("not_a_file")
        if info.st_uid != os.getuid():
            raise UnsafeTarget("someone_elses")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), FILE_MODE)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return target
