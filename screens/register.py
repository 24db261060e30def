"""Registering a case, keys only: pick the kind, then the person (search, or register a new person with a
duplicate check), then the kind's registration form; on success the new case file opens."""
from __future__ import annotations

from desk.i18n import t
from desk.services import casework, persons
from desk.services.forms import FieldType
from screens.dialogs import PickDialog
from screens.form import FormScreen
from screens.navigation import CaseWanted, Found, SearchWanted
from screens.options import load_options

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

        def show(options) -> None:
            self.app.push_screen(FormScreen(persons.PERSON_FORM, submit, initial=initial, options=options),
                                 self.person_done)

        load_options(self.app.screen, persons.PERSON_FORM, show)

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

        def picked(choice: str | None) -> None:
            if choice is None:
                self.new_person(raw)  # back to the form with everything typed
            elif choice == "new":
                self.app.call_then("person_anyway", persons.register_person, self.actor, raw, allow_duplicate=True,
                                   then=self.open_form)
            else:
                self.app.call_then("person_existing", persons.register_person, self.actor, raw,
                                   use_existing=int(choice), then=self.open_form)

        self.app.push_screen(PickDialog(t("ui.register.duplicates", n=len(candidates)), options,
                                        hint=t("ui.register.duplicates_hint")), picked)

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

        def show(options) -> None:
            self.app.push_screen(FormScreen(spec, submit, initial=initial, options=options), self.registered)

        def with_initial(values) -> None:
            # what the kind offers for this person first ("repeat" after an earlier asylum application)
            initial.update({k: v for k, v in (values or {}).items() if k not in initial})
            load_options(self.app.screen, spec, show)

        if not person_id:
            load_options(self.app.screen, spec, show)
            return
        self.app.screen.call_then(f"initial:{kind}", casework.registration_initial, actor, kind, person_id,
                                  write=False, then=with_initial, failed=lambda _error: with_initial({}) or True)

    def registered(self, case_id) -> None:
        if case_id:
            self.app.notify(t("ui.register.done"))
            self.app.post_message(CaseWanted(int(case_id)))
