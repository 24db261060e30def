"""``desk serve`` in a real headless Chromium (issue 18 point 5): the login screen renders in the browser, a demo
officer logs in, the worklist appears; a second tab is a session of its own, at its own login screen.

The browser is Debian's ``chromium`` driven through Debian's ``chromedriver`` by Selenium (Playwright's own
browser download is not reachable from every office machine; apt is). Missing either is a failure that says
what to install, never a skip. textual-serve draws the terminal with xterm.js into a canvas, so the text is
read through xterm.js's own buffer API: a script run before the page's own catches each ``Terminal`` the
page makes (``window.__xterms``).
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desk.i18n import t

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = os.environ.get("DESK_SERVE_SCREENSHOT")  # where to keep the worklist's picture too (docs/)

# Before the page's scripts: every object that gets a ``Terminal`` property (xterm.js's module exports) gets it
# wrapped, so each terminal the page constructs is also kept in window.__xterms.
CATCH_TERMINALS = r"""
(() => {
  window.__xterms = [];
  const wrap = (made) => typeof made !== "function" ? made : new Proxy(made, {
    construct(target, args, newTarget) {
      const terminal = Reflect.construct(target, args, newTarget);
      window.__xterms.push(terminal);
      return terminal;
    },
  });
  Object.defineProperty(Object.prototype, "Terminal", {
    configurable: true,
    set(value) {
      let current = wrap(value);
      Object.defineProperty(this, "Terminal", {
        configurable: true, enumerable: true, get: () => current, set: (next) => { current = wrap(next); },
      });
    },
  });
})();
"""
# The screen's rows as text, from the public xterm.js API of the terminal the page made.
SCREEN_TEXT = r"""
const terminal = (window.__xterms || []).find((x) => x.buffer && x.buffer.active);
if (!terminal) return null;
const buffer = terminal.buffer.active, rows = [];
for (let y = 0; y < terminal.rows; y++) {
  const line = buffer.getLine(buffer.viewportY + y);
  rows.push(line ? line.translateToString(true) : "");
}
return rows.join("\n");
"""
INSTALL = ("desk serve's browser test needs Chromium and its driver: apt-get install -y chromium chromium-driver "
           "(or set DESK_TEST_CHROMIUM and DESK_TEST_CHROMEDRIVER to their paths)")


def _browser_paths() -> tuple[str, str]:
    """Chromium and chromedriver: the paths the environment names, else the ones on PATH; never a skip."""
    found = {}
    for variable, names in (("DESK_TEST_CHROMIUM", ("chromium", "chromium-browser", "google-chrome")),
                            ("DESK_TEST_CHROMEDRIVER", ("chromedriver",))):
        given = os.environ.get(variable)
        if given and not os.access(given, os.X_OK):
            pytest.fail(f"{variable}={given} is not a program; {INSTALL}", pytrace=False)
        found[variable] = given or next((path for name in names if (path := shutil.which(name))), None)
    if not all(found.values()):
        pytest.fail(f"{INSTALL}; found {found}", pytrace=False)
    return found["DESK_TEST_CHROMIUM"], found["DESK_TEST_CHROMEDRIVER"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(what: str, probe, *, timeout: float, detail=lambda: ""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.2)
    pytest.fail(f"waited {timeout:.0f} s for {what}; {detail()}", pytrace=False)


@pytest.fixture
def served(tmp_path):
    """``desk serve --demo`` on a small demo store of its own, on a free port, in a throwaway home. Asked for
    before the browser, it ends after it: the tabs' websockets are closed, so the server stops at once."""
    from seed.demo import ensure_demo_store

    _browser_paths()  # no browser: said before the store is built (the browser fixture, set up after, starts it)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    env.pop("DESK_LANG", None)
    env.pop("DESK_DATABASE_URL", None)
    env["DESK_CONFIG_FILE"] = str(tmp_path / "settings.toml")
    db = tmp_path / "demo.db"
    ensure_demo_store(db, persons=40).dispose()  # small: the test is about the browser, not the demo's size
    port = _free_port()
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "desk.cli", "serve", "--demo", "--db", str(db), "--lang", "lv",
                               "--port", str(port)], cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)  # its session processes go with it (below)

    def server_log() -> str:
        log.flush()
        return (tmp_path / "serve.log").read_text(encoding="utf-8", errors="replace")[-3000:]

    def listening() -> bool:
        if server.poll() is not None:
            pytest.fail(f"desk serve ended with {server.returncode}:\n{server_log()}", pytrace=False)
        with socket.socket() as sock:
            return sock.connect_ex(("127.0.0.1", port)) == 0

    def desk_sessions() -> int:
        """The desk processes textual-serve started for the tabs: those of the server's session (/proc: Linux)."""
        count = 0
        for proc in Path("/proc").glob("[0-9]*"):
            try:
                stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                argv = (proc / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if int(stat[3]) == server.pid and b"desk.cli" in argv and b"demo" in argv:
                count += 1
        return count

    try:
        _wait_for("desk serve to listen", listening, timeout=30, detail=server_log)
        yield f"http://127.0.0.1:{port}/", server_log, desk_sessions
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)  # textual-serve ends its sessions and exits
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(server.pid, signal.SIGKILL)  # whatever of its session is left (our own process group only)
        except ProcessLookupError:
            pass
        server.wait(timeout=10)
        log.close()


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver_path = _browser_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,860", f"--user-data-dir={tmp_path / 'chromium'}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _open(driver, url: str) -> None:
    """Open ``url`` in the current tab, with the terminals caught (the script is the tab's, not the browser's)."""
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CATCH_TERMINALS})
    driver.get(url)


def _screen(driver) -> str:
    return driver.execute_script(SCREEN_TEXT) or ""


def _type(driver, text: str) -> None:
    from selenium.webdriver.common.by import By

    driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys(text)


def test_a_demo_officer_logs_in_through_the_browser_and_each_tab_has_its_own_session(served, browser, tmp_path):
    from selenium.webdriver.common.keys import Keys

    url, server_log, desk_sessions = served
    login_title, worklist_title = t("ui.login.title"), t("ui.home.title")

    def screen_shows(text):
        return lambda: text in _screen(browser)

    def what_is_on_screen():
        return f"the screen:\n{_screen(browser)}\nthe server:\n{server_log()}"

    _open(browser, url)
    _wait_for("the login screen in the browser", screen_shows(login_title), timeout=30, detail=what_is_on_screen)
    assert "recepcija" in _screen(browser)  # the demo's accounts are listed: the demo store is served
    fetched = browser.execute_script("return performance.getEntriesByType('resource').map((r) => r.name)")
    assert fetched and all(name.startswith(url) or name.startswith(url.replace("http", "ws", 1))
                           for name in fetched), fetched  # the page asks nothing of other sites (Google Fonts)

    _type(browser, "recepcija" + Keys.ENTER)
    # Keys that arrive before the focus has moved on land in the field they were typed after (Textual moves the
    # focus a message later): the password is typed once its field has it, and sent once it shows masked
    time.sleep(1.0)
    password = "demo-reception-1"
    _type(browser, password)
    _wait_for("the password, masked, in its field", screen_shows("•" * len(password)), timeout=10,
              detail=what_is_on_screen)
    assert "recepcija" + password not in _screen(browser)  # not in the username's field
    _type(browser, Keys.ENTER)
    _wait_for("the worklist after the login", screen_shows(worklist_title), timeout=30, detail=what_is_on_screen)
    assert login_title not in _screen(browser)
    time.sleep(0.5)  # the worklist's rows, then the picture
    browser.save_screenshot(str(tmp_path / "worklist.png"))
    if SCREENSHOT:
        shutil.copyfile(tmp_path / "worklist.png", SCREENSHOT)

    first = browser.current_window_handle
    browser.switch_to.new_window("tab")  # a second officer at the same address: a process, a login of its own
    _open(browser, url)
    _wait_for("the login screen in a second tab", screen_shows(login_title), timeout=30, detail=what_is_on_screen)
    assert worklist_title not in _screen(browser)
    _wait_for("a desk process for each tab", lambda: desk_sessions() == 2, timeout=10,
              detail=lambda: f"{desk_sessions()} desk processes")
    browser.switch_to.window(first)
    assert worklist_title in _screen(browser)  # the first tab is still logged in
