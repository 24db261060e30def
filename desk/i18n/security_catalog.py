"""Messages of the security work (issue 15): incidents, arguments, sessions, checkpoints, restores."""

MESSAGES: dict[str, dict[str, str]] = {
    "error.incident": {"lv": "Negaidīta kļūda (incidents {id}); nekas netika saglabāts. Sīkāka informācija "
                             "(bez personas datiem): {path}",
                       "en": "Unexpected error (incident {id}); nothing was saved. Details (no personal data): "
                             "{path}"},
    "cli.bad_encoding": {"lv": "Argumentā, vidē vai ievadē ir baiti, kas nav UTF-8; nekas netika darīts.",
                         "en": "An argument, the environment or the input holds bytes that are not UTF-8; nothing was done."},
    "cli.file_error": {"lv": "Failu nevar izmantot: {reason}.", "en": "The file cannot be used: {reason}."},
    "cli.seed_range": {"lv": "--persons jābūt no 1 līdz {persons}, --years no 1 līdz {years}.",
                       "en": "--persons must be 1 to {persons}, --years 1 to {years}."},
    "store.bad_url": {"lv": "Nederīga datu krātuves adrese (--db): vajag faila ceļu, sqlite:/// vai postgresql+psycopg://.",
                      "en": "Invalid store address (--db): a file path, sqlite:/// or postgresql+psycopg:// is needed."},
    "store.not_a_store": {"lv": "Šis fails nav desk datu krātuve.", "en": "This file is not a desk store."},
    "store.missing": {"lv": "Datu krātuves nav (pārbaudiet --db); jaunu izveido tikai desk init.",
                      "en": "There is no store there (check --db); only desk init creates a new one."},
    "store.unavailable": {"lv": "Datu krātuve atteica darbību (tikai lasāma vai nepieejama); nekas netika saglabāts.",
                          "en": "The store refused the action (read-only or unreachable); nothing was saved."},
    "error.date_out_of_range": {"lv": "Datums \"{value}\" ārpus pieļaujamā ({low}-{high}).",
                                "en": "Date \"{value}\" is out of range ({low}-{high})."},
}
