

def test_every_detail_column_has_a_label_in_both_languages():
    """The case file shows every stored detail; none may appear as a raw column name."""
    from desk.i18n import catalogue
    from desk.services.casework import KINDS

    missing = []
    for spec in KINDS.values():
        for name in spec.model.model_fields:
            if name in ("case_id",) or name in spec.hidden:
                continue
            if f"casework.field.{name}" not in catalogue():
                missing.append(f"{spec.kind}.{name}")
    assert not missing, missing
