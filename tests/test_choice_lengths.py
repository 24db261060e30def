"""Every value a form can choose fits the column it is stored in. SQLite stores a longer string anyway;
PostgreSQL refuses the save ("value too long"): 'self_induced_unfitness', a Dublin transfer extension's
reason, did not fit dublin_request.extension (VARCHAR(20); migration 0019). One row per form field with
choices, so a new choice longer than its column fails here, on both engines' behalf."""
from __future__ import annotations

import pytest
from desk.services import casework, kinds
from desk.services.forms import FieldType
from models import Case, CaseKind


def _choice_fields():
    for kind in CaseKind:
        spec = kinds.adapter(str(kind))
        forms = [("register", casework.registration_form(str(kind)))]
        forms += [(action, casework.action_form(str(kind), action)) for action in spec.actions]
        for form_name, form in forms:
            for field in form.fields:
                if field.type is FieldType.CHOICE and field.choices:
                    for model in (spec.model, Case):
                        column = model.__table__.columns.get(field.name)
                        if column is not None and getattr(column.type, "length", None):  # VARCHAR(n)
                            yield pytest.param(field, column, id=f"{kind}.{form_name}.{field.name}")
                            break


@pytest.mark.parametrize("field,column", list(_choice_fields()))
def test_every_choice_fits_its_column(field, column):
    too_long = [code for code, _label in field.choices if len(code) > column.type.length]
    assert not too_long, f"{column.table.name}.{column.name} is VARCHAR({column.type.length}): {too_long}"


def test_the_rows_above_cover_the_dublin_extension():
    assert any(p.id == "dublin.extend_transfer.extension" for p in _choice_fields())
