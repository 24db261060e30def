"""Notes on a case (desk.services.notes), the case CLI (desk case show / note)."""

MESSAGES: dict[str, dict[str, str]] = {
    "notes.form.title": {"lv": "Pievienot piezīmi", "en": "Add a note"},
    "notes.field.text": {"lv": "Piezīme", "en": "Note"},
    "notes.field.corrects": {"lv": "Labo piezīmi Nr.", "en": "Corrects note no."},
    "notes.help.corrects": {"lv": "Piezīmi nemaina: labojums ir jauna piezīme, kas norāda labojamās piezīmes numuru.",
                            "en": "A note is never changed: a correction is a new note giving the number of the one it corrects."},
    "notes.not_on_this_case": {"lv": "Šajā lietā nav piezīmes Nr. {id}.", "en": "This case has no note no. {id}."},
    "notes.corrects_summary": {"lv": "labo piezīmi Nr. {id}", "en": "corrects note no. {id}"},
    "notes.number": {"lv": "Nr. {id}", "en": "No. {id}"},
    "notes.added": {"lv": "Piezīme pievienota.", "en": "Note added."},
    "casework.audit.case.note": {"lv": "Piezīme", "en": "Note"},
    "ui.key.case.note": {"lv": "Piezīme", "en": "Note"},
    "ui.palette.note": {"lv": "Pievienot piezīmi", "en": "Add a note"},
    "ui.palette.note_help": {"lv": "Piezīme lietā {number}", "en": "A note on {number}"},
    "import.note_failed": {"lv": "piezīme {n}: {message}", "en": "note {n}: {message}"},
    # desk case show / desk case note
    "case.cli.actions": {"lv": "Atļautās darbības", "en": "Allowed actions"},
    "case.cli.notes": {"lv": "Piezīmes", "en": "Notes"},
    "case.cli.none": {"lv": "nav", "en": "none"},
    "case.cli.note_added": {"lv": "Piezīme Nr. {id} pievienota lietai {number}.", "en": "Note no. {id} added to {number}."},
}
