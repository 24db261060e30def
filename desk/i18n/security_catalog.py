"""Messages of the security work (issue 15): incidents, arguments, sessions, checkpoints, restores."""

MESSAGES: dict[str, dict[str, str]] = {
    "error.incident": {"lv": "Negaidīta kļūda (incidents {id}); nekas netika saglabāts. Sīkāka informācija "
                             "(bez personas datiem): {path}",
                       "en": "Unexpected error (incident {id}); nothing was saved. Details (no personal data): "
                             "{path}"},
}
