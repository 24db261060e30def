"""DeskApp: login, the officer's screens, the idle screen lock, help, the command palette, logout.

``desk`` starts it with ``DeskApp(store=store, demo=demo).run()``. The app holds the store and the
logged-in ``Actor``; the screens reach the services only through thread workers (screens.base).
"""
from __future__ import annotations

import importlib
import logging
import os
import pkgutil
import threading
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.system_commands import SystemCommandsProvider
from textual.dom import DOMNode
from textual.message import Message

import desk
import screens
from desk import collector
from desk import clock as desk_clock
from desk import settings
from desk.errors import explain
from desk.i18n import LANGUAGES, get_language, set_language, t, tn
from screens.base import PaletteCommand, ServiceCalls, SessionLost, Translated, shows_result, translate_bindings
from screens.dialogs import ConfirmDialog
from screens.navigation import CaseChanged, CaseWanted, Found, PersonWanted, SearchWanted
from screens.palette import DeskCommands
from screens.textual_words import DeskCommandPalette

if TYPE_CHECKING:
    from desk.services import auth

log = logging.getLogger("desk.screens")

DEFAULT_IDLE_MINUTES = 10


def case_number_provider():
    """The palette's case-number provider, imported when the palette first opens: it reads the search
    service, which must not be imported before the first screen is drawn (issue 17, cold start)."""
    from screens.search import CaseNumberProvider

    return CaseNumberProvider


def _auth():
    """desk.services.auth on first use: by then the officer has logged in and the services are loaded."""
    from desk.services import auth

    return auth


def stylesheet_path() -> Path:
    """desk.tcss from the installed package (a symlink in the repo), else the repository root."""
    packaged = Path(desk.__file__).with_name("desk.tcss")
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[1] / "desk.tcss"


def binding_ids() -> frozenset[str]:
    """Every key binding's id in desk's screens (what the settings file's [keys] may name)."""
    ids = {b.id for b in DeskApp.BINDINGS if isinstance(b, Binding) and b.id}
    for info in pkgutil.walk_packages(screens.__path__, "screens."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, DOMNode):
                ids |= {b.id for b in getattr(value, "BINDINGS", ()) if isinstance(b, Binding) and b.id}
    return frozenset(ids)


def idle_minutes_from_env() -> float:
    raw = os.environ.get("DESK_IDLE_LOCK_MINUTES", "")
    try:
        value = float(raw)
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return value if value > 0 else DEFAULT_IDLE_MINUTES


class DeskApp(ServiceCalls, App):
    """The case officer's desk. It owns navigation: it is the one module that imports the screens, and the
    screens ask it for the next one with the messages of ``screens.navigation``."""

    CSS_PATH = stylesheet_path()
    TITLE = "desk"
    COMMANDS = {DeskCommands, case_number_provider, SystemCommandsProvider}  # Textual's own commands too
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", "-", id="app.help"),
        Binding("ctrl+p", "command_palette", "-", id="app.palette", priority=True),
        Binding("ctrl+l", "lock", "-", id="app.lock", priority=True),
        Binding("f10", "logout", "-", id="app.logout", priority=True),
        Binding("slash", "search", "-", id="app.search"),
        Binding("ctrl+f", "search", "-", id="app.search_ctrl_f", show=False, priority=True),
        Binding("f7", "report", "-", id="app.report"),
        Binding("f8", "stats", "-", id="app.stats"),
        # the same keys for an officer without the permission: they say why instead of doing nothing (issue 18
        # point 3); hidden from the footer, moved with the keys above by the keymap (the same ids)
        Binding("f7", "refused('report')", "-", id="app.report", show=False),
        Binding("f8", "refused('stats')", "-", id="app.stats", show=False),
        Binding("f6", "duplicates", "-", id="app.duplicates"),
        Binding("f9", "toggle_language", "-", id="app.language"),
        Binding("ctrl+q", "quit_desk", "-", id="app.quit", priority=True),
    ]

    def __init__(self, *, store=None, opener=None, demo: bool = False, idle_minutes: float | None = None,
                 idle_check_seconds: float = 5.0, settings_file: Path | None = None,
                 language_fixed: bool = False) -> None:
        """``store``: an open store; or ``opener``, called as ``opener(progress)`` in a thread once the login
        screen is drawn, to open (and for the demo, build) the store while the officer types: ``desk`` shows
        its first screen before SQLAlchemy, the models and the migrations are loaded (issue 17, cold start;
        issue 18 point 10). ``progress(step, fraction)`` moves the login screen's progress bar."""
        super().__init__()
        if (store is None) == (opener is None):
            raise TypeError("DeskApp takes a store or an opener")
        self.store = store
        self.store_opener = opener
        self.store_ready = threading.Event()  # set once self.store is open, or store_error says why not
        self.store_error: BaseException | None = None
        if store is not None:
            self.store_ready.set()
        self.demo = demo
        self.actor: auth.Actor | None = None
        # the officer's settings file (desk.settings; None in the tests); --lang and DESK_LANG win over it
        self.settings, self.settings_problems = settings.Settings(), []
        if settings_file is not None:
            self.settings, self.settings_problems = settings.load(
                settings_file, binding_ids=binding_ids, themes=frozenset(self.available_themes))
            if self.settings.language and not os.environ.get("DESK_LANG") and not language_fixed:
                set_language(self.settings.language)
        if idle_minutes is None and not os.environ.get("DESK_IDLE_LOCK_MINUTES") and self.settings.idle_minutes:
            idle_minutes = self.settings.idle_minutes
        self.idle_limit = timedelta(minutes=idle_minutes if idle_minutes is not None else idle_minutes_from_env())
        self.idle_check_seconds = idle_check_seconds
        self.last_activity = desk_clock.now()

    # --- start, login, logout ------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.settings.theme:
            self.theme = self.settings.theme
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        for problem in self.settings_problems:  # one line each, then ignored
            self.notify(t(problem.key, **problem.params), severity="warning", timeout=12)
        translate_bindings(self)
        self.set_interval(self.idle_check_seconds, self.check_idle_lock)
        self.show_login()
        self.call_after_refresh(self.first_screen_drawn)

    def first_screen_drawn(self) -> None:
        """The login screen is on the terminal: the program has loaded what its first screen needs, and the
        garbage collector is turned on (desk.collector); the store is opened behind the screen."""
        collector.settle()
        if self.store_opener is not None:
            self.open_store_behind()

    # --- the store, opened behind the first screen -------------------------------------------------

    class StoreProgress(Message):
        """How far the store's opening (the demo's build) has come: a step's catalogue key and 0..1; the step
        None once the store is open (the login screen hides its progress)."""

        def __init__(self, step: str | None, fraction: float) -> None:
            super().__init__()
            self.step, self.fraction = step, fraction

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def open_store_behind(self) -> None:
        try:
            store = self.store_opener(lambda step, fraction: self.post_message(self.StoreProgress(step, fraction)))
        except BaseException as exc:  # the command line says why once the screen is gone (commands.app)
            self.store_error = exc
            self.store_ready.set()
            self.call_from_thread(self.exit, None, 2)
            return
        self.store = store
        self.store_ready.set()
        self.post_message(self.StoreProgress(None, 1.0))

    def open_store_or_wait(self):
        """The store, waiting (in a worker thread) while it is still being opened."""
        self.store_ready.wait()
        if self.store is None:
            raise self.store_error or RuntimeError("the store did not open")
        return self.store

    @on(StoreProgress)
    def store_progress(self, message: StoreProgress) -> None:
        show = getattr(self.screen, "show_store_progress", None)
        if show is not None:
            show(message.step, message.fraction)

    def show_login(self) -> None:
        from screens.login import LoginScreen

        self.actor = None
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(LoginScreen(demo=self.demo))

    def logged_in(self, actor: auth.Actor) -> None:
        """The officer's home: the worklist, or for an administrator (no case data) the officers."""
        self.actor = actor
        self.last_activity = desk_clock.now()
        if actor.can(_auth().Permission.MANAGE_OFFICERS) and not actor.case_kinds:
            from screens.officers import OfficersScreen

            self.switch_screen(OfficersScreen())
        else:
            from screens.home import HomeScreen

            self.switch_screen(HomeScreen())

    def action_officers(self) -> None:
        """The officer administration (administrators): the palette's "Officers" where it is not the home."""
        from screens.officers import OfficersScreen

        if self.actor is None or self.locked or not self.actor.can(_auth().Permission.MANAGE_OFFICERS):
            return
        if not isinstance(self.screen, OfficersScreen):
            self.push_screen(OfficersScreen(as_home=False))

    class LoggedOut(Message):
        """The session ended (F10): back to the login screen."""

        def __init__(self, _result=None) -> None:
            super().__init__()

    class SessionClosed(Message):
        """The officer quits: the logout was written (or failed, which must not keep the app open)."""

        def __init__(self, _outcome: BaseException | None = None) -> None:
            super().__init__()

    class LockRecorded(Message):
        """The screen lock is in the audit trail (nothing to draw)."""

        def __init__(self, _result=None) -> None:
            super().__init__()

    def action_logout(self) -> None:
        if self.actor is not None:
            self.log_out(self.actor)

    @work(thread=True, exclusive=True, group="session", exit_on_error=False)
    def log_out(self, actor: auth.Actor) -> None:
        self.serve(self.LoggedOut, _auth().logout, actor)

    @on(LoggedOut)
    @shows_result
    def logged_out(self) -> None:
        self.show_login()
        self.notify(t("ui.app.logged_out"))

    def action_quit_desk(self) -> None:
        """Ctrl+Q: quit (ending the session); asked first while a form holds unsaved input."""
        if any(getattr(screen, "unsaved", False) for screen in self.screen_stack):
            self.push_screen(ConfirmDialog("ui.form.discard_quit"), lambda yes: yes and self.quit_now())
            return
        self.quit_now()

    def quit_now(self) -> None:
        if self.actor is None:
            self.exit()
        else:
            self.close_session(self.actor)

    @work(thread=True, exclusive=True, group="session", exit_on_error=False)
    def close_session(self, actor: auth.Actor) -> None:
        self.serve(self.SessionClosed, _auth().logout, actor, failed=self.SessionClosed)

    @on(SessionClosed)
    @shows_result
    def session_closed(self) -> None:
        self.exit()

    @work(thread=True, exclusive=True, group="lock", exit_on_error=False)
    def record_lock(self, actor: auth.Actor, reason: str) -> None:
        self.serve(self.LockRecorded, _auth().record_lock, actor, reason)

    # --- the screen lock -----------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        from screens.lock import LockScreen

        return any(isinstance(s, LockScreen) for s in self.screen_stack)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseEvent)):
            self.last_activity = desk_clock.now()
        await super().on_event(event)

    def check_idle_lock(self) -> None:
        if self.actor is None or self.locked:
            return
        if desk_clock.now() - self.last_activity >= self.idle_limit:
            self.lock("idle")

    def action_lock(self) -> None:
        self.lock("key")

    def lock(self, reason: str) -> None:
        from screens.lock import LockScreen

        if self.actor is None or self.locked:
            return
        if CommandPalette.is_open(self):
            self.pop_screen()
        self.push_screen(LockScreen(self.actor))
        self.record_lock(self.actor, reason)

    def unlocked(self) -> None:
        from screens.lock import LockScreen

        self.last_activity = desk_clock.now()
        if isinstance(self.screen, LockScreen):
            self.pop_screen()

    # --- what the bindings allow where -----------------------------------------------------------

    def check_action(self, action: str, parameters) -> bool | None:
        if action in {"lock", "logout", "search"} and (self.actor is None or self.locked):
            return False
        if action in {"help", "command_palette"} and self.locked:
            return False
        if action == "report":  # any case officer exports their own day; supervisors any office's
            return self.actor is not None and not self.locked and bool(self.actor.case_kinds)
        if action == "stats":
            return self.actor is not None and not self.locked and self.actor.can(_auth().Permission.REPORTS)
        if action == "refused":  # F7 / F8 where the ones above are not allowed
            which = parameters[0] if parameters else ""
            if self.actor is None or self.locked or which not in ("report", "stats"):
                return False
            return not self.check_action(which, ())
        if action == "duplicates":  # the service refuses anyone else too
            return self.actor is not None and not self.locked and self.actor.can(_auth().Permission.MERGE_PERSONS)
        return True

    def action_report(self) -> None:
        self.open_reporting("report")

    def action_stats(self) -> None:
        self.open_reporting("stats")

    def action_duplicates(self) -> None:
        self.open_duplicates()

    def action_refused(self, which: str) -> None:
        """F7 or F8 for an officer whose role may not: why, in their language."""
        self.notify(t(f"ui.app.{which}_refused"), severity="warning", timeout=8)

    # --- a list on screen to a file ----------------------------------------------------------------

    class ListWritten(Message):
        """A list on screen is in a file (``desk.services.listexport.ListExported``)."""

        def __init__(self, result) -> None:
            super().__init__()
            self.result = result

    def export_list(self, asked) -> None:
        """"Export this list…": the format picked in a dialog, then written in a worker into the reports
        folder the report screen uses; the officer is told the path."""
        from screens.dialogs import PickDialog
        from screens.report import reports_dir

        if self.actor is None or self.locked:
            return
        folder = reports_dir()
        options = [(fmt, t(f"ui.list.format.{fmt}")) for fmt in ("xlsx", "csv")]
        actor = self.actor
        self.push_screen(PickDialog(t("ui.list.pick_format"), options, hint=t("ui.list.pick_hint", folder=str(folder))),
                         lambda fmt: fmt and self.write_list(actor, asked, fmt, folder))

    @work(thread=True, exclusive=True, group="list-export", exit_on_error=False)
    def write_list(self, actor: auth.Actor, asked, fmt: str, folder: Path) -> None:
        from desk.services import listexport

        self.serve(self.ListWritten, listexport.export_list, actor, asked, fmt, folder, lang=get_language())

    @on(ListWritten)
    @shows_result
    def list_written(self, message: ListWritten) -> None:
        self.notify(tn("ui.list.exported", message.result.rows, path=message.result.path), timeout=15)

    # --- help, palette, language ---------------------------------------------------------------

    def action_help(self) -> None:
        from screens.help import HelpScreen, keys_of

        if isinstance(self.screen, HelpScreen):
            return
        screen_keys, global_keys = keys_of(self, self.screen)
        self.push_screen(HelpScreen(screen_keys, global_keys))

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self) and not self.locked:
            self.push_screen(DeskCommandPalette(placeholder=t("ui.palette.placeholder"), id="--command-palette"))

    def search_themes(self) -> None:
        """The theme picker (Textual's ``search_themes``), in the officer's language."""
        from textual.theme import ThemeProvider

        self.push_screen(DeskCommandPalette(providers=[ThemeProvider], placeholder=t("ui.textual_ui.theme_placeholder")))

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """The screenshot (the palette's system command) into the reports folder, owner-only (the screen
        shows names), and told in the officer's language (Textual's own notice is English)."""
        from desk.private import narrow, private_dir
        from screens.report import reports_dir

        try:
            folder = path or str(private_dir(reports_dir()))
            saved = self.save_screenshot(filename, folder)
            narrow(saved)
        except OSError:
            self.notify(t("ui.textual_ui.screenshot_failed"), severity="error")
            return
        self.notify(t("ui.textual_ui.screenshot_saved", path=saved), timeout=10)

    def action_help_quit(self) -> None:
        """Ctrl+C outside a field (Textual's hint): how desk quits, in the officer's language."""
        keys = [key for key, active in self.active_bindings.items() if active.binding.action == "quit_desk"]
        if keys:
            self.notify(t("ui.textual_ui.quit_hint", key=keys[0]))

    def palette_commands(self, screen):
        """The commands the palette offers on ``screen``: the screen's own first, then the global ones."""
        commands: list[PaletteCommand] = []
        if self.locked:
            return commands
        if isinstance(screen, Translated):
            commands.extend(screen.palette_commands())
            shown = getattr(screen, "shown_list", None)
            asked = shown() if callable(shown) and self.actor is not None else None
            if asked is not None:  # any table on screen to a file (issue 18 point 7)
                commands.append(PaletteCommand(t("ui.palette.export_list"), t(
                    "ui.palette.export_list_help", what=t(f"list.sheet.{asked.which}")),
                    lambda asked=asked: self.export_list(asked)))
        if self.actor is not None:
            commands.append(PaletteCommand(t("ui.palette.lock"), t("ui.palette.lock_help"), self.action_lock))
            commands.append(PaletteCommand(t("ui.palette.logout"), t("ui.palette.logout_help"), self.action_logout))
            commands.append(PaletteCommand(t("ui.palette.search"), t("ui.palette.search_help"), self.action_search))
            if self.actor.case_kinds:
                commands.append(PaletteCommand(t("ui.palette.report"), t("ui.palette.report_help"),
                                               lambda: self.open_reporting("report")))
            if self.actor.can(_auth().Permission.REPORTS):
                commands.append(PaletteCommand(t("ui.palette.stats"), t("ui.palette.stats_help"),
                                               lambda: self.open_reporting("stats")))
            if self.actor.can(_auth().Permission.MERGE_PERSONS):
                commands.append(PaletteCommand(t("ui.palette.duplicates"), t("ui.palette.duplicates_help"),
                                               self.open_duplicates))
            if self.actor.can(_auth().Permission.MANAGE_OFFICERS):
                commands.append(PaletteCommand(t("ui.palette.officers"), t("ui.palette.officers_help"),
                                               self.action_officers))
        commands.append(PaletteCommand(t("ui.palette.help"), t("ui.palette.help_help"), self.action_help))
        for lang in LANGUAGES:
            if lang != get_language():
                commands.append(PaletteCommand(t(f"ui.palette.language_{lang}"), t("ui.palette.language_help"),
                                               lambda lang=lang: self.switch_language(lang)))
        return commands

    def action_toggle_language(self) -> None:
        others = [lang for lang in LANGUAGES if lang != get_language()]
        self.switch_language(others[0])

    def switch_language(self, lang: str) -> None:
        set_language(lang)
        translate_bindings(self)
        for screen in self.screen_stack:
            if isinstance(screen, Translated):
                screen.retranslate()
        from screens.widgets import OfficerBar

        for screen in self.screen_stack:
            for bar in screen.query(OfficerBar):
                bar.redraw()
        self.screen.refresh_bindings()
        self.notify(t("ui.app.language_switched"))

    # --- opening files -------------------------------------------------------------------------

    def action_search(self) -> None:
        self.open_search()

    def open_search(self, then=None) -> None:
        """The search screen; what the officer picks goes to ``then``, or opens."""
        from screens.search import SearchScreen

        if self.actor is None or self.locked:
            return
        self.push_screen(SearchScreen(self.store, self.actor), then or self.open_found)

    def open_found(self, found: Found | None) -> None:
        if not found:
            return
        what, ident = found
        if what == "case":
            self.open_case(int(ident))
        elif what == "person":
            self.open_person(int(ident))

    def open_case(self, case_id: int) -> None:
        from screens.casefile import CaseFileScreen

        self.push_screen(CaseFileScreen(case_id))

    def open_person(self, person_id: int) -> None:
        from screens.person import PersonScreen

        self.push_screen(PersonScreen(person_id))

    def open_reporting(self, which: str) -> None:
        """The daily report or the statistics."""
        from screens.report import ReportScreen
        from screens.stats import StatsScreen

        if self.actor is not None and not self.locked:
            screen_class = ReportScreen if which == "report" else StatsScreen
            self.push_screen(screen_class(self.store, self.actor))

    def open_duplicates(self) -> None:
        """The probable duplicate pairs, to work through (a supervisor)."""
        from screens.duplicates import DuplicatesScreen
        from screens.report import reports_dir

        if self.actor is not None and not self.locked and self.actor.can(_auth().Permission.MERGE_PERSONS):
            if not isinstance(self.screen, DuplicatesScreen):
                self.push_screen(DuplicatesScreen(self.store, self.actor, reports_dir=reports_dir()))

    @on(CaseWanted)
    def case_wanted(self, message: CaseWanted) -> None:
        self.open_case(message.case_id)

    @on(PersonWanted)
    def person_wanted(self, message: PersonWanted) -> None:
        self.open_person(message.person_id)

    @on(SearchWanted)
    def search_wanted(self, message: SearchWanted) -> None:
        self.open_search(message.then)

    @on(SessionLost)
    def session_lost(self, message: SessionLost) -> None:
        """Logged out elsewhere, expired, disabled or reset: say why, then the login screen."""
        if self.actor is None:
            return
        self.notify(explain(message.error), severity="warning", timeout=10)
        self.show_login()

    @on(CaseChanged)
    def case_changed(self, message: CaseChanged) -> None:
        """A screen saved a case: every screen on the stack that shows cases hears of it."""
        for screen in list(self.screen_stack):
            heard = getattr(screen, "case_changed", None)
            if callable(heard):
                heard(message.case_id)

    # --- errors never crash the app ------------------------------------------------------------

    def get_system_commands(self, screen) -> Iterable[SystemCommand]:
        """Textual's own commands beside desk's, in the officer's language (issue 18 point 2): the theme,
        the keys of the focused widget, a screenshot; quitting is desk's own (it asks first with unsaved input
        and ends the session)."""
        yield SystemCommand(t("ui.system.theme"), t("ui.system.theme_help"), self.action_change_theme)
        if screen.query("HelpPanel"):
            yield SystemCommand(t("ui.system.keys"), t("ui.system.keys_hide_help"), self.action_hide_help_panel)
        else:
            yield SystemCommand(t("ui.system.keys"), t("ui.system.keys_help"), self.action_show_help_panel)
        yield SystemCommand(t("ui.system.screenshot"), t("ui.system.screenshot_help"), self.action_screenshot)
        yield SystemCommand(t("ui.system.quit"), t("ui.system.quit_help"), self.action_quit_desk)

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = True) -> None:
        """Every notification of desk, from any screen: markup off (a message may carry stored text)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def _handle_exception(self, error: Exception) -> None:
        """An unhandled exception still ends the app, but the terminal shows one sentence with an
        incident id instead of Textual's traceback with locals (names, dates of birth, citizenship);
        the incident log (0600) keeps where it happened, without values."""
        from rich.text import Text

        from desk import incidents

        self._return_code = 1
        if self._exception is None:  # what Textual does: Pilot re-raises the first one for the tests
            self._exception = error
            self._exception_event.set()
        incident = incidents.record(error)
        log.error("incident %s: %s", incident.id, error.__class__.__name__)
        self.panic(Text(incidents.sentence(incident)))

    def notify_error(self, error: BaseException) -> None:
        self.notify(explain(error), severity="error", timeout=8)
