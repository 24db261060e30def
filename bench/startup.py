"""Cold start: desk's app to its first screen, next to a bare Textual app started the same way.

    python bench/startup.py [--runs 10] [--db PATH] [--terminal]

Each run is a fresh ``python -c`` process (so imports are cold in the interpreter, warm in the OS page
cache). Desk's run is what ``desk --db DB`` starts: the program's ``desk.cli.entry`` (which holds the garbage
collector off while it loads, ``desk.collector``) runs the app, which draws its first screen and opens the store
behind it. Measured: from spawn to the first screen drawn - headless, the
moment the first screen has been refreshed: each app's ``on_mount`` asks for a call after the refresh (the
bare app's ``drawn``, desk's own ``DeskApp.first_screen_drawn``, by which the login screen must be up with its
widgets) and the process prints the wall clock then. (Until 2026-12-02 desk's side polled for the login screen
and waited for one more refresh, while the thread opening the store already competed for the interpreter:
15-35 ms more than the first paint, which the bare app was not charged.) With ``--terminal``,
in a real terminal (a tmux pane), the moment the screen's text can be read off the pane. The baseline is a
bare ``textual.app.App`` with one ``Static``, run and measured the same way; the ratio says what desk
adds (its imports, settings, stylesheet and the login screen). Without ``--db`` a fresh store is made in a
temporary folder first. Target: ratio <= 1.5 (issue 17); exit status 1 when it is missed. Prints a JSON
line last.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

TARGET_RATIO = 1.5

# both apps: the wall clock once the first screen is drawn; headless they end there, in a terminal a moment later
DRAWN = """    def drawn(self):
        print("FIRST-SCREEN", time.time(), flush=True)
        if {headless}:
            self.exit()
        else:
            self.set_timer(0.5, self.exit)
"""

BARE = """
import time
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("desk-bench-ready")
    def on_mount(self):
        self.call_after_refresh(self.drawn)
{drawn}Bare().run(headless={headless})
"""

DESK = """
import sys, time
sys.path.insert(0, {repo!r})
from desk import collector
collector.hold()  # what desk.cli.entry does first (desk.collector); the app below is started by entry itself
import screens.app
from desk.cli import entry
class FirstScreen(screens.app.DeskApp):
    # the app's own moment: DeskApp.on_mount pushes the login screen and asks for first_screen_drawn after the
    # refresh, as the bare app's on_mount asks for drawn; the login screen must be up with its widgets by then
    def first_screen_drawn(self):
        screen = self.screen
        if len(self.screen_stack) > 1 and screen.is_mounted and screen.children:
            self.drawn()
        else:
            print("the login screen was not drawn at first_screen_drawn", file=sys.stderr)
            sys.exit(3)
        super().first_screen_drawn()
{drawn}    def run(self, **kwargs):
        super().run(headless={headless})
screens.app.DeskApp = FirstScreen  # what `desk --db DB` starts (desk.commands.app.run_app), headless
sys.argv = ["desk", "--db", {db!r}]
entry()

"""


def timed(code: str) -> float:
    """Seconds from spawning ``code`` headless to its first screen (the wall clock it prints then)."""
    t0 = time.time()
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("FIRST-SCREEN")]
    if done.returncode != 0 or not lines or "Traceback" in done.stderr + done.stdout:
        raise SystemExit(f"the app did not reach its first screen:\n{done.stdout[-1500:]}{done.stderr[-1500:]}")
    return float(lines[0].split()[1]) - t0


def in_terminal(code: str, marker: str) -> float:
    """Seconds from spawning ``code`` in a tmux pane (a real terminal, 120x40) to ``marker`` on the pane."""
    session = f"desk-bench-{os.getpid()}"
    script = Path(tempfile.mkstemp(suffix=".py", prefix="desk-start-")[1])
    script.write_text(code, encoding="utf-8")
    try:
        for attempt in range(3):  # the previous run's tmux server may still be exiting: its socket refuses
            t0 = time.time()
            started = subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
                                      f"cd {REPO} && {sys.executable} {script}"], capture_output=True, text=True)
            if started.returncode == 0:
                break
            time.sleep(0.3)
        else:  # not a missed target: the terminal could not be started (exit 2, not 1)
            print(f"tmux would not start a session: {started.stderr.strip()[:200]}", file=sys.stderr)
            raise SystemExit(2)
        while time.time() - t0 < 30:
            pane = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True)
            if marker in pane.stdout:
                return time.time() - t0
            time.sleep(0.005)
        raise SystemExit(f"{marker!r} never appeared in the terminal")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
        script.unlink(missing_ok=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--db", help="store to open (default: a temporary one)")
    parser.add_argument("--terminal", action="store_true", help="in a real terminal (tmux) instead of headless")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="desk-start-") as tmp:
        db = args.db
        if db is None:  # a fresh store, as after `desk init`
            db = str(Path(tmp) / "start.db")
            subprocess.run([sys.executable, "-c", f"from desk.store import open_store; open_store({db!r}).dispose()"],
                           cwd=REPO, check=True)
        headless = not args.terminal
        drawn = DRAWN.format(headless=headless)
        desk_code = DESK.format(repo=str(REPO), db=db, headless=headless, drawn=drawn)
        bare_code = BARE.format(headless=headless, drawn=drawn)
        if args.terminal:
            from desk.i18n import t

            title = t("ui.login.title").split(" — ")[0]
            run_desk, run_bare = (lambda: in_terminal(desk_code, title)), (lambda: in_terminal(bare_code, "desk-bench-ready"))
        else:
            run_desk, run_bare = (lambda: timed(desk_code)), (lambda: timed(bare_code))
        run_desk()  # warms the OS page cache for both
        run_bare()
        bare, desk = [], []
        for _ in range(args.runs):  # interleaved, so background load hits both alike
            bare.append(run_bare())
            desk.append(run_desk())
    result = {
        "runs": args.runs, "mode": "terminal" if args.terminal else "headless",
        "bare_median_s": round(statistics.median(bare), 3), "bare_best_s": round(min(bare), 3),
        "desk_median_s": round(statistics.median(desk), 3), "desk_best_s": round(min(desk), 3),
        "ratio": round(statistics.median(desk) / statistics.median(bare), 2),
        "db": "temporary" if not args.db else Path(args.db).name,
    }
    missed = result["ratio"] > TARGET_RATIO
    print(f"{result['mode']}: bare Textual app: median {result['bare_median_s']} s, best {result['bare_best_s']} s")
    print(f"{result['mode']}: desk to its first screen: median {result['desk_median_s']} s, best "
          f"{result['desk_best_s']} s; ratio {result['ratio']} (target <= {TARGET_RATIO}"
          f"{': MISSED' if missed else ': met'})")
    print(json.dumps(result))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
