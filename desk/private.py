"""Files that hold or describe personal data are the owner's alone: 0600 files in 0700 directories.

The store, its directory, logs, incident reports, report exports and backups are made through these
helpers, whatever the process umask: a file is created with ``os.open(..., 0o600)`` (never world-readable,
not even for a moment) and a directory desk creates is chmod-ed to 0700. Directories desk did not create
(``/tmp``, the officer's chosen export folder) keep their mode: only what desk makes is narrowed.
"""
from __future__ import annotations

import os
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
