"""Messages of desk.rules: rule titles, consequences, anchors, notes, errors, and the labels of every
status and action of every case kind (``status.<module>.<value>``, ``action.<module>.<value>``)."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- errors -------------------------------------------------------------------------------------
    "rules.transition_refused": {
        "lv": "Darbība “{action}” nav atļauta, kad statuss ir “{state}”.",
        "en": "The action “{action}” is not allowed when the status is “{state}”.",
    },
    "rules.missing_date": {
        "lv": "Trūkst datuma: {field}.",
        "en": "A date is missing: {field}.",
    },
    "rules.invalid_date": {
        "lv": "Nederīgs datums: {value}.",
        "en": "Not a valid date: {value}.",
    },
    "rules.negative_period": {
        "lv": "Termiņš nevar būt negatīvs.",
        "en": "A period cannot be negative.",
    },
    "rules.unknown_country": {
        "lv": "Nezināma valsts: {country}.",
        "en": "Unknown country: {country}.",
    },
}
