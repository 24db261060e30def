"""Exports write safely (issue 16 points 6 and 7): through an O_EXCL temporary file in the target's directory,
never into a device node, never following a planted ``.part`` link, never over another user's file; a full
disk leaves nothing half-written behind and no "report.export" entry for an export that did not happen."""
from __future__ import annotations

import errno
import os
from datetime import date

import pytest

from desk.errors import DomainError
from desk.private import UnsafeTarget, write_atomically
from desk.services import audit, report


def test_a_planted_part_link_is_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    target = tmp_path / "report.csv"
    os.symlink(victim, tmp_path / "report.csv.part")  # the old fixed name desk used
    write_atomically(target, b"data")
    assert target.read_bytes() == b"data" and victim.read_text() == "keep me"
    assert oct(target.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("make", ["device", "link", "directory"])
def test_a_target_that_is_not_a_plain_file_is_refused(tmp_path, make):
    target = tmp_path / "out.csv"
    if make == "device":
        target = type(target)("/dev/null")
    elif make == "link":
        os.symlink(tmp_path / "elsewhere.csv", target)
    else:
        target.mkdir()
    with pytest.raises(UnsafeTarget) as refused:
        write_atomically(target, b"data")
    assert refused.value.reason == "not_a_file"


def test_another_users_file_is_not_overwritten(tmp_path, monkeypatch):
    theirs = tmp_path / "report.csv"
    theirs.write_text("their report")
    owner = theirs.stat().st_uid
    monkeypatch.setattr(os, "getuid", lambda: owner + 1)  # desk runs as another officer's account
    with pytest.raises(UnsafeTarget) as refused:
        write_atomically(theirs, b"mine")
    assert refused.value.reason == "someone_elses" and theirs.read_text() == "their report"


def test_a_full_disk_leaves_nothing_behind_and_audits_nothing(sqlite_store, sqlite_actors, fixed_clock, tmp_path,
                                                              monkeypatch):
    actor = sqlite_actors["supervisor"]
    with sqlite_store.reader() as uow:
        rep = report.daily_report(uow, actor, date(2026, 11, 20))
        before = len(audit.entries(uow, limit=1000))

    def full(fd):  # the disk fills as the file is flushed to it
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(DomainError) as refused, sqlite_store.uow() as uow:
        report.export(uow, actor, rep, "csv", tmp_path / "exports" / "day.csv", lang="en")
    monkeypatch.undo()
    assert refused.value.key == "report.disk_full"
    assert list((tmp_path / "exports").iterdir()) == []  # no .part, no half file
    with sqlite_store.reader() as uow:
        assert len(audit.entries(uow, limit=1000)) == before  # the export that did not happen is not recorded
