"""``desk serve``: the same app in the browser, through textual-serve (issue 18 point 5).

An office runs desk on one host (the store and its credentials stay there); officers open
``http://HOST:PORT`` in a browser. textual-serve starts one process per browser connection, and that
process is ``desk`` itself on the same store, so every tab is a session of its own with its own login.
"""
from __future__ import annotations

import ipaddress
import os
import re
import shlex
import sys
from pathlib import Path

from desk import collector
from desk.commands.common import add_command
from desk.i18n import get_language, t


def register(sub) -> None:
    p = add_command(sub, "serve", run_serve, "serve the app to browsers (one session, one login per tab)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine "
                   "only; anything else lets the network reach the login, without TLS)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    p.add_argument("--demo", action="store_true", help="serve the demo store (built first if it is not there)")
    p.add_argument("--public-url", metavar="URL", help="the address browsers use, when a proxy stands in front "
                   "(default: the address the browser asked for)")


def is_local(host: str) -> bool:
    """Only this machine can reach ``host``: a loopback address or the name localhost."""
    if host.strip().lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return False


def session_command(*, demo: bool, db: str) -> tuple[str, dict[str, str]]:
    """The shell command each browser session runs: this desk, with the store and the language of the server
    (shlex-quoted: a path with spaces or quotes stays one argument), and what it needs in its environment.

    A database URL (it may carry a password) goes to the sessions as DESK_DATABASE_URL, which only the
    server's user can read, not as an argument, which every user of the host sees in ``ps``."""
    argv = [sys.executable, "-m", "desk.cli", "demo" if demo else "run", "--lang", get_language()]
    if "://" in db:
        return shlex.join(argv), {"DESK_DATABASE_URL": db}
    return shlex.join(argv + ["--db", db]), {}


def _store_argument(args) -> str:
    """The store as an absolute path or a URL: a session must open the same store whatever its directory."""
    from desk.store import resolve_url

    db = getattr(args, "db", None)
    if args.demo and not db:
        from seed.accounts import demo_path

        db = str(demo_path())
    url = resolve_url(db)
    if url.startswith("sqlite:///") and "?" not in url:
        return str(Path(url.removeprefix("sqlite:///")).expanduser().resolve())
    return url


def _check_store(db: str, *, demo: bool) -> None:
    """Open the store once before serving: a missing store is said here, not in every tab; the demo store is
    built here, once, so two tabs opened together never build it twice into the same file."""
    if demo:
        from seed.demo import ensure_demo_store

        said = []

        def progress(key: str, _fraction: float) -> None:  # each step once, not each of its many ticks
            if not said or said[-1] != key:
                said.append(key)
                print(t(key), file=sys.stderr)

        store = ensure_demo_store(db, progress)
    else:
        from desk.store import open_store

        store = open_store(db, create=False)
    store.dispose()


# textual-serve's page asks Google Fonts for its font: every officer's browser would tell Google when it opens
# desk. Without that link the terminal uses the browser's own monospace font (the page names fallbacks).
_FONT_LINK = re.compile(r"<link[^>]*fonts\.googleapis\.com[^>]*>", re.S)


def page_without_outside_requests(html: str) -> str:
    return _FONT_LINK.sub("", html)


def make_server(command: str, *, host: str, port: int, public_url: str | None = None):
    import aiohttp_jinja2
    import jinja2
    from textual_serve.server import Server

    class DeskServer(Server):
        """textual-serve writes its own address into the page (and the page opens its websocket there): with
        ``--host 0.0.0.0`` that would be ws://0.0.0.0 in the officer's browser. Unless ``--public-url`` says
        otherwise, the page names the address the browser used. The page asks nothing of other sites."""

        async def _make_app(self):
            app = await super()._make_app()
            pages = jinja2.FileSystemLoader(self.templates_path)

            def page(name: str):
                source, filename, uptodate = pages.get_source(jinja2.Environment(), name)
                return page_without_outside_requests(source), filename, uptodate

            aiohttp_jinja2.setup(app, loader=jinja2.FunctionLoader(page))
            return app

        async def handle_index(self, request):
            if public_url is None:
                self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

    return DeskServer(command, host=host, port=port, title="desk", public_url=public_url)


def run_serve(args) -> int:
    db = _store_argument(args)
    _check_store(db, demo=args.demo)
    if not is_local(args.host):
        print(f"desk: {t('serve.exposed', host=args.host, port=args.port)}", file=sys.stderr)
    command, environment = session_command(demo=args.demo, db=db)
    os.environ.update(environment)  # textual-serve gives each session a copy of this process's environment
    server = make_server(command, host=args.host, port=args.port, public_url=args.public_url)
    collector.settle()  # the server runs for the day: the garbage collector on (desk.collector)
    server.serve()
    return 0
