"""Cold start: desk's app to its first screen, next to a bare Textual app started the same way.

    python bench/startup.py [--runs 10] [--db PATH]

Each run is a fresh ``python -c`` process (so imports are cold in the interpreter, warm in the OS
page cache) that builds the app, runs it headless, and exits right after the first screen has been
refreshed (``call_after_refresh(exit)`` from ``on_mount``). Measured: the wall time of the whole
process, from spawn to exit, median and best of ``--runs``. The baseline is a bare ``textual.app.App``
with one ``Static`` run the same way; the ratio says what desk adds (its imports, opening and
migrating the store, the login screen). Without ``--db`` the app opens a fresh store in a temporary
folder (first run creates it; the others open it as a returning officer would). Prints a JSON line last.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

BARE = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("ready")
    def on_mount(self):
        self.call_after_refresh(self.exit, "FIRST-SCREEN " + type(self.screen).__name__)
print(Bare().run(headless=True))
"""

DESK = """
import sys
sys.path.insert(0, {repo!r})
from desk.store import open_store
from screens.app import DeskApp
class FirstScreen(DeskApp):
    def on_mount(self):  # Textual also runs DeskApp.on_mount (handlers are called along the MRO)
        self._probe = self.set_interval(0.002, self._first_screen)
    def _first_screen(self):
        screen = self.screen
        if len(self.screen_stack) > 1 and screen.is_mounted and screen.children:
            self._probe.stop()
            self.call_after_refresh(self.exit, "FIRST-SCREEN " + type(screen).__name__)
print(FirstScreen(store=open_store({db!r})).run(headless=True))
"""


def timed(code: str) -> float:
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if done.returncode != 0 or "FIRST-SCREEN" not in done.stdout or "Traceback" in done.stderr + done.stdout:
        raise SystemExit(f"the app did not reach its first screen:\n{done.stdout[-1500:]}{done.stderr[-1500:]}")
    return elapsed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--db", help="store to open (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="desk-start-") as tmp:
        db = args.db or str(Path(tmp) / "start.db")
        desk_code = DESK.format(repo=str(REPO), db=db)
        timed(desk_code)  # creates the temporary store; also warms the OS page cache for both
        timed(BARE)
        bare, desk = [], []
        for _ in range(args.runs):  # interleaved, so background load hits both alike
            bare.append(timed(BARE))
            desk.append(timed(desk_code))
    result = {
        "runs": args.runs,
        "bare_median_s": round(statistics.median(bare), 3), "bare_best_s": round(min(bare), 3),
        "desk_median_s": round(statistics.median(desk), 3), "desk_best_s": round(min(desk), 3),
        "ratio": round(statistics.median(desk) / statistics.median(bare), 2),
        "db": "temporary" if not args.db else Path(args.db).name,
    }
    print(f"bare Textual app: median {result['bare_median_s']} s, best {result['bare_best_s']} s")
    print(f"desk to its first screen: median {result['desk_median_s']} s, best {result['desk_best_s']} s; "
          f"ratio {result['ratio']}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
