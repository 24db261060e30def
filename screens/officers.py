"""Officer administration (issue 18 point 8): an administrator's home screen.

The officers (username, full name, office, roles, active or disabled, locked until, must change the
password) and the role grants waiting for a second person. a adds an officer, d disables or enables the
highlighted one, p resets their password, r changes their roles, u clears their lockout, c confirms the
highlighted waiting grant. Every change is a call of ``desk.services.auth`` - the same functions as
``desk user ...`` - which checks the permission, refuses what separation of duties forbids (one's own
roles, the last administrator, confirming one's own grant) and writes the audit entry; the screen only
shows its answer, in the officer's language, and hides the keys the role cannot use.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Checkbox, Footer, Input, Select

from screens.widgets.plain import Label

from desk.clock import riga
from desk.errors import DomainError, explain
from desk.i18n import t
from desk.services import auth, views
from screens.base import DeskModal, DeskScreen, PaletteCommand, shows_result
from screens.dialogs import ConfirmDialog
from screens.widgets import KeyedTable, OfficerBar, sync_rows

ROLES = tuple(r.value for r in auth.Role)  # the order of the check boxes: the service's own


@dataclass(frozen=True)
class OfficersData:
    """What the screen shows, read in one unit of work."""

    officers: list[auth.OfficerView]
    grants: list[auth.GrantView]


def load_officers(uow, actor) -> OfficersData:
    return OfficersData(auth.list_officers(uow, actor), auth.pending_grants(uow, actor))


def role_words(roles) -> str:
    return ", ".join(t(f"role.{r}") for r in ROLES if r in roles)


def riga_time(at) -> str:
    return riga(at).strftime("%d.%m.%Y %H:%M") if at else ""


# --- the dialogs ---------------------------------------------------------------------------------

class OfficerDialog(DeskModal[Any]):
    """A small form whose one service call either succeeds (the dialog closes with its result) or is refused:
    the service's message goes under the field it names (``DomainError.field``), else under the form;
    nothing is saved and everything typed stays, except the passwords."""

    BINDINGS = [
        Binding("ctrl+s", "save", "-", id="officers.dialog_save", priority=True),
        Binding("escape", "cancel", "-", id="officers.dialog_cancel"),
    ]
    FIELDS: tuple[str, ...] = ()
    PASSWORDS = ("password", "password_again")

    class Saved(Message):
        """The service accepted; ``result`` is what it returned."""

        def __init__(self, result: Any) -> None:
            super().__init__()
            self.result = result

    class Refused(Message):
        """The service refused, or the two passwords differ: said in the dialog."""

        def __init__(self, error: BaseException) -> None:
            super().__init__()
            self.error = error

    def __init__(self) -> None:
        super().__init__()
        self.saving = False
        self.started_with: tuple | None = None

    def field_error(self, name: str) -> Label:
        return Label("", id=f"error-{name}", classes="field-error")

    def password_inputs(self) -> ComposeResult:
        yield Label(t("ui.officers.f.password"), classes="field-label", id="label-password")
        yield Input(id="field-password", password=True, classes="officer-field", compact=True)
        yield self.field_error("password")
        yield Label(t("ui.officers.f.password_again"), classes="field-label", id="label-password_again")
        yield Input(id="field-password_again", password=True, classes="officer-field", compact=True)
        yield self.field_error("password_again")

    def on_mount(self) -> None:
        super().on_mount()
        fields = list(self.query(".officer-field"))
        if fields:
            fields[0].focus()
        self.started_with = self.typed()

    def passwords(self) -> str | None:
        """The password typed twice; None (and said so) if the two differ."""
        first = self.query_one("#field-password", Input).value
        again = self.query_one("#field-password_again", Input).value
        if first != again:
            self.show_refusal(DomainError("ui.password.differ", field="password_again"))
            return None
        return first

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        fields = list(self.query(".officer-field"))
        if fields and event.input is fields[-1]:
            self.action_save()
        else:
            self.focus_next()

    def clear_errors(self) -> None:
        for label in self.query(".field-error"):
            label.update("")

    def action_save(self) -> None:
        if self.saving:
            return
        self.clear_errors()
        call = self.service_call()
        if call is None:
            return
        self.saving = True
        self.query_one("#error-dialog", Label).update(t("ui.form.saving"))
        fn, args, kwargs = call
        self.save(fn, args, kwargs)

    def service_call(self) -> tuple[Callable, tuple, dict] | None:
        """Override: (service function, its arguments after the unit of work, keyword arguments)."""
        raise NotImplementedError

    @work(thread=True, exclusive=True, group="officer-dialog", exit_on_error=False)
    def save(self, fn: Callable, args: tuple, kwargs: dict) -> None:
        self.serve(self.Saved, fn, *args, failed=self.Refused, **kwargs)

    @on(Saved)
    @shows_result
    def saved(self, message: Saved) -> None:
        self.saving = False
        self.dismiss(self.dismissed_with(message.result))

    def dismissed_with(self, result: Any) -> Any:
        """What the dialog returns once the service accepted (its result by default)."""
        return result

    @on(Refused)
    def refused(self, message: Refused) -> None:
        self.saving = False
        self.show_refusal(message.error)

    def show_refusal(self, error: BaseException) -> None:
        self.clear_errors()
        for name in self.PASSWORDS:  # a password is typed again, never kept on screen after a refusal
            for widget in self.query(f"#field-{name}"):
                widget.value = ""
        name = getattr(error, "field", None)
        name = {"office_code": "office", "username": "username"}.get(name, name)
        labels = self.query(f"#error-{name}") if name else None
        if labels:
            labels.first(Label).update(explain(error))
            target = self.query(f"#field-{name}") or self.query(f"#role-{ROLES[0]}")
            if name == "password_again":
                target = self.query("#field-password")
            if target:
                target.first().focus()
        else:
            self.query_one("#error-dialog", Label).update(explain(error))

    def typed(self) -> tuple:
        """What the officer entered so far (compared with the start before the dialog is closed unsaved)."""
        return (tuple(i.value for i in self.query(Input)), tuple(c.value for c in self.query(Checkbox)),
                tuple(s.value for s in self.query(Select)))

    @property
    def unsaved(self) -> bool:
        """Something was typed that is not saved (Esc and the app's quit ask first)."""
        return self.started_with is not None and self.typed() != self.started_with

    def action_cancel(self) -> None:
        if not self.unsaved:
            self.dismiss(None)
            return
        self.app.push_screen(ConfirmDialog("ui.form.discard"), lambda yes: yes and self.dismiss(None))

    def role_boxes(self, checked: frozenset[str]) -> ComposeResult:
        yield Label(t("ui.officers.f.roles"), classes="field-label", id="label-roles")
        for role in ROLES:
            yield Checkbox(t(f"role.{role}"), role in checked, id=f"role-{role}", classes="officer-field role-box",
                           compact=True)
        yield Label(t("ui.officers.supervisor_hint"), classes="field-help", id="supervisor-hint")
        yield self.field_error("roles")

    def checked_roles(self) -> list[str]:
        return [r for r in ROLES if self.query_one(f"#role-{r}", Checkbox).value]

    def compose(self) -> ComposeResult:
        """Every officer dialog: its title, its own fields (``body``), the error line and the hint."""
        with Vertical(classes="dialog officer-dialog"):
            yield Label(self.title_text(), classes="dialog-title", id="dialog-title")
            yield from self.body()
            yield from self.footer_part()
        yield Footer(show_command_palette=False)

    def title_text(self) -> str:
        raise NotImplementedError

    def body(self) -> ComposeResult:
        raise NotImplementedError

    def redraw_texts(self) -> None:
        self.query_one("#dialog-title", Label).update(self.title_text())
        for label in self.query(".field-label"):
            label.update(t(f"ui.officers.f.{label.id.removeprefix('label-')}"))
        for role in ROLES:
            for box in self.query(f"#role-{role}"):
                box.label = t(f"role.{role}")
        for hint in self.query("#supervisor-hint"):
            hint.update(t("ui.officers.supervisor_hint"))
        self.query_one("#dialog-hint", Label).update(t(self.HINT))

    HINT = "ui.officers.dialog_hint"

    def footer_part(self) -> ComposeResult:
        yield Label("", id="error-dialog", classes="field-error")
        yield Label(t(self.HINT), classes="hint", id="dialog-hint")


class AddOfficerDialog(OfficerDialog):
    """A new officer: username, full name, office (one of the offices), roles, the first password twice.
    The officer chooses their own at the first login; supervisor waits for a second person."""

    def __init__(self, offices: list[tuple[str, str]], office_code: str) -> None:
        super().__init__()
        self.offices = offices
        self.office_code = office_code

    def title_text(self) -> str:
        return t("ui.officers.add_title")

    def body(self) -> ComposeResult:
        with VerticalScroll(id="officer-fields", can_focus=False):
            yield Label(t("ui.officers.f.username"), classes="field-label", id="label-username")
            yield Input(id="field-username", classes="officer-field", max_length=auth.MAX_USERNAME, compact=True)
            yield self.field_error("username")
            yield Label(t("ui.officers.f.full_name"), classes="field-label", id="label-full_name")
            yield Input(id="field-full_name", classes="officer-field", max_length=auth.MAX_FULL_NAME,
                        compact=True)
            yield self.field_error("full_name")
            yield Label(t("ui.officers.f.office"), classes="field-label", id="label-office")
            codes = {code for code, _ in self.offices}
            yield Select([(f"{code} · {name}", code) for code, name in self.offices],
                         value=self.office_code if self.office_code in codes else Select.NULL,
                         prompt=t("ui.form.choose"), id="field-office", classes="officer-field", compact=True)
            yield self.field_error("office")
            yield from self.role_boxes(frozenset())
            yield from self.password_inputs()

    def service_call(self):
        password = self.passwords()
        if password is None:
            return None
        office = self.query_one("#field-office", Select).value
        return auth.create_officer, (self.app.actor,), {
            "username": self.query_one("#field-username", Input).value,
            "full_name": self.query_one("#field-full_name", Input).value,
            "office_code": "" if office is Select.NULL or office is None else str(office),
            "roles": self.checked_roles(), "password": password}

    def dismissed_with(self, result: Any) -> Any:
        """(the username as the service stored it, the roles checked)."""
        return self.query_one("#field-username", Input).value.strip().lower(), self.checked_roles()


class ResetPasswordDialog(OfficerDialog):
    """An administrator's reset: a temporary password twice; the officer changes it at the next login and
    their open sessions end (``auth.set_password``)."""

    def __init__(self, officer: auth.OfficerView) -> None:
        super().__init__()
        self.officer = officer

    def body(self) -> ComposeResult:
        yield Label(t("ui.officers.reset_why"), id="reset-why")
        yield from self.password_inputs()

    def title_text(self) -> str:
        return t("ui.officers.reset_title", username=self.officer.username, name=self.officer.full_name)

    def redraw_texts(self) -> None:
        super().redraw_texts()
        self.query_one("#reset-why", Label).update(t("ui.officers.reset_why"))

    def service_call(self):
        password = self.passwords()
        if password is None:
            return None
        return auth.set_password, (self.app.actor, self.officer.username, password), {}

    def dismissed_with(self, result: Any) -> Any:
        return True


class RolesDialog(OfficerDialog):
    """The officer's roles as check boxes; saved as one change (``auth.change_roles``): supervisor waits for
    a second person, one's own roles and the last administrator's are refused by the service."""

    HINT = "ui.officers.roles_hint"

    def __init__(self, officer: auth.OfficerView) -> None:
        super().__init__()
        self.officer = officer

    def body(self) -> ComposeResult:
        yield from self.role_boxes(frozenset(self.officer.roles))

    def title_text(self) -> str:
        return t("ui.officers.roles_title", username=self.officer.username, name=self.officer.full_name)

    def service_call(self):
        return auth.change_roles, (self.app.actor, self.officer.username, self.checked_roles()), {}


# --- the screen ----------------------------------------------------------------------------------

class OfficersScreen(DeskScreen):
    """The officers and the waiting role grants."""

    BINDINGS = [
        Binding("a", "add", "-", id="officers.add"),
        Binding("d", "toggle_active", "-", id="officers.disable"),
        Binding("p", "reset_password", "-", id="officers.password"),
        Binding("r", "roles", "-", id="officers.roles"),
        Binding("u", "clear_lockout", "-", id="officers.unlock"),
        Binding("c", "confirm_grant", "-", id="officers.confirm"),
        Binding("f5", "reload", "-", id="officers.reload"),
        Binding("escape", "back", "-", id="officers.back"),
        Binding("tab", "app.focus_next", "-", id="officers.next_pane", show=False),
    ]

    class OfficersLoaded(Message):
        """The officers and the waiting grants."""

        def __init__(self, data: OfficersData) -> None:
            super().__init__()
            self.data = data

    class OfficesLoaded(Message):
        """The offices a new officer may belong to: the add dialog opens."""

        def __init__(self, offices: list[tuple[str, str]]) -> None:
            super().__init__()
            self.offices = offices

    class OfficerChanged(Message):
        """A change was saved: ``said`` is the sentence for the status line."""

        def __init__(self, _result: Any, said: str) -> None:
            super().__init__()
            self.said = said

    class ChangeRefused(Message):
        """The service refused a change: said on the status line, nothing saved."""

        def __init__(self, error: BaseException) -> None:
            super().__init__()
            self.error = error

    def __init__(self, *, as_home: bool = True) -> None:
        """``as_home``: the administrator's home (nothing to go back to); else opened from the palette."""
        super().__init__(id="officers")
        self.as_home = as_home
        self.data: OfficersData | None = None
        self.status: Callable[[], str] | None = None  # the last outcome, redrawn on F9

    @property
    def actor(self):
        return self.app.actor

    def compose(self) -> ComposeResult:
        yield OfficerBar("ui.officers.title")
        with Vertical(id="officers-body"):
            with Vertical(id="officers-pane"):
                yield Label("", id="officers-title", classes="pane-title")
                yield KeyedTable(id="officers-table")
            with Vertical(id="grants-pane"):
                yield Label("", id="grants-title", classes="pane-title")
                yield KeyedTable(id="grants-table")
            yield Label("", id="officers-status")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.make_columns()
        self.update_titles()
        self.query_one("#officers-table").focus()
        self.action_reload()

    def make_columns(self) -> None:
        table = self.query_one("#officers-table", KeyedTable)
        table.clear(columns=True)
        for key in ("username", "full_name", "office", "roles", "state", "locked_until", "must_change"):
            table.add_column(t(f"ui.officers.col.{key}"), key=key)
        grants = self.query_one("#grants-table", KeyedTable)
        grants.clear(columns=True)
        for key in ("grant", "username", "role", "asked_by", "asked_at"):
            grants.add_column(t(f"ui.officers.col.{key}"), key=key)

    def redraw_texts(self) -> None:
        self.make_columns()
        self.draw()
        self.show_status()

    def update_titles(self) -> None:
        data = self.data
        self.query_one("#officers-title", Label).update(
            t("ui.officers.list_title", n=len(data.officers) if data else 0))
        self.query_one("#grants-title", Label).update(
            t("ui.officers.grants_title", n=len(data.grants)) if data and data.grants else t("ui.officers.no_grants"))

    # --- loading -------------------------------------------------------------------------------

    def action_reload(self) -> None:
        if self.actor is not None:
            self.load(self.actor)

    @work(thread=True, exclusive=True, group="officers", exit_on_error=False)
    def load(self, actor: auth.Actor) -> None:
        self.serve(self.OfficersLoaded, load_officers, actor, write=False)

    @on(OfficersLoaded)
    @shows_result
    def officers_loaded(self, message: OfficersLoaded) -> None:
        self.data = message.data
        self.draw()

    def draw(self) -> None:
        data = self.data
        if data is None:
            return
        yes = t("ui.person.yes")
        table = self.query_one("#officers-table", KeyedTable)
        rows = [(o.username, (o.username, o.full_name, o.office_code, role_words(o.roles),
                              t("ui.officers.active" if o.active else "ui.officers.disabled"),
                              riga_time(o.locked_until), yes if o.must_change_password else ""))
                for o in data.officers]
        sync_rows(table, rows)
        for key, cells in rows:  # a cell that grew (a role given, disabled, locked) widens its column
            for index, column in ((3, "roles"), (4, "state"), (5, "locked_until"), (6, "must_change")):
                table.update_cell(key, column, cells[index], update_width=True)
        sync_rows(self.query_one("#grants-table", KeyedTable), [
            (str(g.id), (str(g.id), g.username, t(f"role.{g.role}"), g.requested_by, riga_time(g.requested_at)))
            for g in data.grants])
        self.update_titles()

    def show_status(self, said: Callable[[], str] | None = None) -> None:
        """The last outcome under the tables (drawn again in the new language on F9)."""
        if said is not None:
            self.status = said
        if self.status is not None:
            self.query_one("#officers-status", Label).update(self.status())

    # --- what is highlighted -------------------------------------------------------------------

    def highlighted_officer(self) -> auth.OfficerView | None:
        key = self.query_one("#officers-table", KeyedTable).selected_key()
        if self.data is None or key is None:
            return None
        return next((o for o in self.data.officers if o.username == key), None)

    def highlighted_grant(self) -> auth.GrantView | None:
        key = self.query_one("#grants-table", KeyedTable).selected_key()
        if self.data is None or key is None:
            return None
        return next((g for g in self.data.grants if str(g.id) == key), None)

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("add", "toggle_active", "reset_password", "roles", "clear_lockout", "confirm_grant"):
            actor = self.actor
            return actor is not None and actor.can(auth.Permission.MANAGE_OFFICERS)
        if action == "back":
            return not self.as_home
        return True

    def action_back(self) -> None:
        if not self.as_home:
            self.dismiss()

    # --- changes -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="officers-change", exit_on_error=False)
    def change(self, fn: Callable, args: tuple, said: str) -> None:
        self.serve(partial(self.OfficerChanged, said=said), fn, self.actor, *args, failed=self.ChangeRefused)

    @on(OfficerChanged)
    @shows_result
    def officer_changed(self, message: OfficerChanged) -> None:
        key, params = message.said
        self.after_dialog(key, **params)

    @on(ChangeRefused)
    def change_refused(self, message: ChangeRefused) -> None:
        error = message.error
        self.show_status(lambda: explain(error))
        self.app.notify(explain(error), severity="error", timeout=8)
        self.action_reload()

    def asked(self, question: str, then: Callable[[], None], **params) -> None:
        self.app.push_screen(ConfirmDialog(question, **params), lambda yes: yes and then())

    def action_add(self) -> None:
        if self.actor is not None:
            self.load_offices(self.actor)

    @work(thread=True, exclusive=True, group="officers-offices", exit_on_error=False)
    def load_offices(self, actor: auth.Actor) -> None:
        self.serve(self.OfficesLoaded, lambda uow: views.office_options(uow), write=False)

    @on(OfficesLoaded)
    @shows_result
    def offices_loaded(self, message: OfficesLoaded) -> None:
        def added(result) -> None:
            if result:
                username, roles = result
                key = "ui.officers.added_waiting" if set(roles) & auth.CONFIRMED_ROLES else "ui.officers.added"
                self.after_dialog(key, username=username)

        self.app.push_screen(AddOfficerDialog(message.offices, self.actor.office_code), added)

    def after_dialog(self, key: str, **params) -> None:
        self.show_status(lambda: t(key, **params))
        self.app.notify(t(key, **params))
        self.action_reload()

    def action_toggle_active(self) -> None:
        officer = self.highlighted_officer()
        if officer is None:
            return
        if officer.active:
            self.asked("ui.officers.ask_disable", lambda: self.change(
                auth.disable_officer, (officer.username,), ("ui.officers.disabled_done", {"username": officer.username})),
                username=officer.username, name=officer.full_name)
        else:
            self.asked("ui.officers.ask_enable", lambda: self.change(
                auth.enable_officer, (officer.username,), ("ui.officers.enabled_done", {"username": officer.username})),
                username=officer.username, name=officer.full_name)

    def action_reset_password(self) -> None:
        officer = self.highlighted_officer()
        if officer is None:
            return

        def reset(result) -> None:
            if result is not None:
                self.after_dialog("ui.officers.reset_done", username=officer.username)

        self.app.push_screen(ResetPasswordDialog(officer), reset)

    def action_roles(self) -> None:
        officer = self.highlighted_officer()
        if officer is None:
            return

        def changed(waiting) -> None:
            if waiting is not None:
                self.after_dialog("ui.officers.roles_waiting" if waiting else "ui.officers.roles_done",
                                  username=officer.username)

        self.app.push_screen(RolesDialog(officer), changed)

    def action_clear_lockout(self) -> None:
        officer = self.highlighted_officer()
        if officer is None:
            return
        self.asked("ui.officers.ask_unlock", lambda: self.change(
            auth.clear_lockout, (officer.username,), ("ui.officers.unlocked_done", {"username": officer.username})),
            username=officer.username, name=officer.full_name)

    def action_confirm_grant(self) -> None:
        grant = self.highlighted_grant()
        if grant is None:
            self.show_status(lambda: t("ui.officers.no_grant_chosen"))
            return
        self.asked("ui.officers.ask_confirm", lambda: self.change(
            auth.confirm_grant, (grant.id,), ("ui.officers.confirmed_done", {"id": grant.id,
                                                                           "username": grant.username})),
            id=grant.id, username=grant.username, role=t(f"role.{grant.role}"), asker=grant.requested_by)

    def palette_commands(self):
        actor = self.actor
        if actor is None or not actor.can(auth.Permission.MANAGE_OFFICERS):
            return []
        return [PaletteCommand(t(f"ui.palette.officers_{what}"), t(f"ui.palette.officers_{what}_help"), action)
                for what, action in (("add", self.action_add), ("disable", self.action_toggle_active),
                                     ("password", self.action_reset_password), ("roles", self.action_roles),
                                     ("unlock", self.action_clear_lockout), ("confirm", self.action_confirm_grant),
                                     ("reload", self.action_reload))]
