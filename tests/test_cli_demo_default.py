"""After ``desk demo``, a newcomer's command line finds the demo's persons without --db (issue 18 point 12):
with no store of one's own, the commands open the demo store and say so; ``desk init`` still makes the
user's own store, never the demo's."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _desk(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_STATE_HOME": str(home / "state"), "XDG_CONFIG_HOME": str(home / "config"), "DESK_FAST_HASH": "1",
           "DESK_PASSWORD": "demo-asylum-1", "PYTHONPATH": ":".join(p for p in sys.path if p)}
    return subprocess.run([sys.executable, "-m", "desk.cli", "--lang", "en", *args], capture_output=True,
                          text=True, timeout=120, env=env, input=stdin)


def test_without_db_the_commands_open_the_demo_store_and_say_so(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("DESK_DATABASE_URL", raising=False)
    from seed.demo import demo_path, ensure_demo_store

    ensure_demo_store(str(demo_path()), persons=30).dispose()
    assert demo_path().parent == tmp_path / "data" / "desk"

    found = _desk(tmp_path, "find", "Ivanova", "--officer", "patverums")
    assert found.returncode == 0, found.stderr
    assert "Ivanova" in found.stdout  # the demo's duplicate pair (seed.demo.DEMO_DUPLICATES)
    assert f"using the demo store {demo_path()}" in found.stderr

    # desk init makes the user's own store beside the demo (never initialises the demo's), used from then on
    init = _desk(tmp_path, "init", "--password-stdin", stdin="a-long-admin-pass-1\n")
    assert init.returncode == 0, init.stderr
    assert (tmp_path / "data" / "desk" / "desk.db").exists()
    again = _desk(tmp_path, "find", "Ivanova", "--officer", "patverums")
    assert "using the demo store" not in again.stderr
