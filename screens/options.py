"""Type-ahead options for a form's COUNTRY / OFFICE / OFFICER fields, read through the services (the form
reads them in its own worker: ``screens.form.FormScreen.prepare``)."""
from __future__ import annotations

from desk.services import auth, views
from desk.services.forms import FieldType, FormSpec


def needed(spec: FormSpec) -> set[str]:
    return {f.type.value for f in spec.fields if f.type in (FieldType.COUNTRY, FieldType.OFFICE, FieldType.OFFICER)}


def read_options(uow, actor, kinds: set[str]) -> dict[str, list[tuple[str, str]]]:
    """(code, name in the current language) per field type, from whatever the services offer."""
    out: dict[str, list[tuple[str, str]]] = {}
    if "country" in kinds:
        out["country"] = list(views.country_options(uow))
    if "office" in kinds:
        out["office"] = list(views.office_options(uow))
    if "officer" in kinds and actor is not None and actor.can(auth.Permission.REASSIGN):
        out["officer"] = list(views.officers_of_office(uow, actor))
    return out
