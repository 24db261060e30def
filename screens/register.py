"""Registering a case, keys only: pick the kind, then the person (search, or register a new person with a
duplicate check), then the kind's registration form; on success the new case file opens."""
from __future__ import annotations

from textual import on, work
from textual.message import Message

from desk.i18n import t
from desk.services import casework, persons
from desk.services.forms import FieldType
from screens.dialogs import PickDialog
from screens.base import shows_result
from screens.form import FormScreen
from screens.navigation import CaseWanted, Found, SearchWanted

KIND_ORDER = ("asylum", "dublin", "permit", "visa", "invitation", "return")


def person_field(kind: str) -> str | None:
    """The registration form's field naming the person (PERSON or PERSONS), if it has one."""
    for spec in casework.registration_form(kind).fields:
        if spec.type in (FieldType.PERSON, FieldType.PERSONS):
            return spec.name
    return None


def register_or_candidates(uow, actor, raw: dict):
    """Register the person, or return the possible duplicates for the officer to choose from."""
    try:
        return ("person", persons.register_person(uow, actor, raw))
    except persons.DuplicatePerson as dup:
        return ("duplicates", dup.candidates)


class DuplicatesDialog(PickDialog):
    """Possible duplicates of a new person: pick one (their record is used) or "new" (registered anyway).
    Dismisses with the person's id once the service has done it; Escape returns None."""

    class PersonRegistered(Message):
        """The person the officer picked is on record: the case registration goes on with their id."""

        def __init__(self, person_id: int) -> None:
            super().__init__()
            self.person_id = person_id

    def __init__(self, title: str, options, *, hint: str, actor, raw: dict) -> None:
        super().__init__(title, options, hint=hint)
        self.actor = actor
        self.raw = raw

    def on_option_list_option_selected(self, event) -> None:
        event.stop()
        event.prevent_default()  # PickDialog's own handler would dismiss before the person is on record
        choice = event.option.id
        if choice == "new":
            self.register_person(self.actor, self.raw, allow_duplicate=True)
        else:
            self.register_person(self.actor, self.raw, use_existing=int(choice))

    @work(thread=True, exclusive=True, group="duplicates", exit_on_error=False)
    def register_person(self, actor, raw: dict, **choice) -> None:
        self.serve(self.PersonRegistered, persons.register_person, actor, raw, **choice)

    @on(PersonRegistered)
    @shows_result
    def person_registered(self, message: PersonRegistered) -> None:
        self.dismiss(str(message.person_id))


def start_registration(app, kind: str | None = None) -> None:
    Registration(app).start(kind)


class Registration:
    """One registration dialogue; it holds no data beyond what the officer typed."""

    def __init__(self, app) -> None:
        self.app = app
        self.actor = app.actor
        self.kind: str | None = None

    def start(self, kind: str | None) -> None:
        kinds = [k for k in KIND_ORDER if self.actor is not None and self.actor.can_work_on(k)]
        if kind is not None:
            if kind in kinds:
                self.with_kind(kind)
            return
        if len(kinds) == 1:
            self.with_kind(kinds[0])
        elif kinds:
            self.app.push_screen(PickDialog(t("ui.register.pick_kind"), [(k, t(f"kind.{k}")) for k in kinds]),
                                 lambda k: self.with_kind(k) if k else None)

    def with_kind(self, kind: str) -> None:
        self.kind = kind
        if person_field(kind) is None:
            self.open_form(None)
            return
        options = [("search", t("ui.register.person_search")), ("new", t("ui.register.person_new")),
                   ("id", t("ui.register.person_by_id"))]
        self.app.push_screen(PickDialog(t("ui.register.person_step", kind=t(f"kind.{kind}")), options),
                             self.person_step)

    def person_step(self, choice: str | None) -> None:
        if choice == "new":
            self.new_person({})
        elif choice == "search":
            def found(result: Found | None) -> None:
                if result and result[0] == "person":
                    self.open_form(int(result[1]))

            self.app.post_message(SearchWanted(found))
        elif choice == "id":
            self.open_form(None)

    def new_person(self, initial: dict) -> None:
        actor = self.actor

        def submit(uow, raw):
            result = register_or_candidates(uow, actor, raw)
            return result + (raw,)

        self.app.push_screen(FormScreen(persons.PERSON_FORM, submit, initial=initial), self.person_done)

    def person_done(self, result) -> None:
        if not result:
            return
        if result[0] == "person":
            self.app.notify(t("ui.register.person_registered"))
            self.open_form(result[1])
            return
        _, candidates, raw = result
        options = [(str(c.id), self.candidate_text(c)) for c in candidates]
        options.append(("new", t("ui.register.duplicate_new")))

        def picked(person_id: str | None) -> None:
            if person_id is None:
                self.new_person(raw)  # back to the form with everything typed
            else:
                self.open_form(int(person_id))

        self.app.push_screen(DuplicatesDialog(t("ui.register.duplicates", n=len(candidates)), options,
                                              hint=t("ui.register.duplicates_hint"), actor=self.actor, raw=raw),
                             picked)

    @staticmethod
    def candidate_text(c) -> str:
        born = c.date_of_birth.strftime("%d.%m.%Y") if c.date_of_birth else "—"
        docs = ", ".join(c.document_numbers)
        return f"{c.full_name} · {born} · {c.citizenship} · {c.personal_code_masked or ''} · {docs}".rstrip(" ·")

    def for_asylum_case(self, asylum_number: str) -> None:
        """A Dublin request for an asylum case: Latvia asks another state (outgoing); the person and the
        lodging/registration dates come from the asylum case."""
        self.kind = "dublin"
        self.open_form(None, {"asylum_case": asylum_number, "direction": "outgoing"})

    def open_form(self, person_id: int | None, more: dict | None = None) -> None:
        kind = self.kind
        actor = self.actor
        spec = casework.registration_form(kind)
        name = person_field(kind)
        initial = {name: str(person_id)} if (person_id and name) else {}
        initial.update(more or {})

        def submit(uow, raw):
            return casework.register(uow, actor, kind, raw)

        def offered(uow) -> dict:
            # what the kind offers for this person first ("repeat" after an earlier asylum application)
            return casework.registration_initial(uow, actor, kind, person_id)

        self.app.push_screen(FormScreen(spec, submit, initial=initial, prefill=offered if person_id else None),
                             self.registered)

    def registered(self, case_id) -> None:
        if case_id:
            self.app.notify(t("ui.register.done"))
            self.app.post_message(CaseWanted(int(case_id)))
