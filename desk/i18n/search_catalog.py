"""Lookup of persons and cases: the search screen, the palette's case numbers, ``desk find``/``desk reindex``."""

MESSAGES: dict[str, dict[str, str]] = {
    # the search screen
    "search.title": {"lv": "Meklēšana", "en": "Search"},
    "search.placeholder": {"lv": "Vārds, personas kods, dokumenta vai lietas numurs, dzimšanas datums",
                           "en": "Name, personal code, document or case number, date of birth"},
    "search.hint": {"lv": "Rakstiet, lai meklētu; ↑↓ izvēlas, Enter atver, Esc atgriežas.",
                    "en": "Type to search; ↑↓ choose, Enter opens, Esc goes back."},
    "search.searching": {"lv": "Meklē…", "en": "Searching…"},
    "search.none": {"lv": "Nekas nav atrasts.", "en": "Nothing found."},
    "search.count": {"lv": "Atrasts: {n}", "en": "Found: {n}"},
    "search.count_more": {"lv": "Rādīti pirmie {n}; precizējiet meklēto (piemēram, ar dzimšanas datumu).",
                          "en": "First {n} shown; narrow the search (e.g. with a date of birth)."},
    "search.failed": {"lv": "Meklēšana neizdevās; mēģiniet vēlreiz.", "en": "The search failed; try again."},
    "search.col.what": {"lv": "Lieta / persona", "en": "Case / person"},
    "search.col.name": {"lv": "Vārds, uzvārds", "en": "Name"},
    "search.col.original": {"lv": "Oriģinālrakstībā", "en": "Original script"},
    "search.col.born": {"lv": "Dzimis", "en": "Born"},
    "search.col.citizenship": {"lv": "Pilsonība", "en": "Citizenship"},
    "search.col.code": {"lv": "Personas kods", "en": "Personal code"},
    "search.col.kind": {"lv": "Veids", "en": "Kind"},
    "search.col.status": {"lv": "Statuss", "en": "Status"},
    "search.person": {"lv": "persona", "en": "person"},
    "search.case": {"lv": "lieta", "en": "case"},
    "key.search.open": {"lv": "Atvērt", "en": "Open"},
    "key.search.close": {"lv": "Atpakaļ", "en": "Back"},
    "key.search.down": {"lv": "Nākamais", "en": "Next"},
    "key.search.up": {"lv": "Iepriekšējais", "en": "Previous"},
    # the command palette
    "search.palette.open_case": {"lv": "Atvērt lietu {number}", "en": "Open case {number}"},
    "search.palette.open_case_help": {"lv": "{name} · {kind} · {status}", "en": "{name} · {kind} · {status}"},
    # the command line
    "search.cli.none": {"lv": "Nekas nav atrasts.", "en": "Nothing found."},
    "search.cli.reindexed": {"lv": "Meklēšanas indekss pārbūvēts: {n} persona.|Meklēšanas indekss pārbūvēts: "
                                   "{n} personas.|Meklēšanas indekss pārbūvēts: {n} personu.",
                             "en": "Search index rebuilt: {n} person.|Search index rebuilt: {n} persons."},
    "search.cli.header": {"lv": "veids\tid\tnumurs\tuzvārds\tvārdi\toriģinālrakstībā\tdzimis\tpilsonība\tpersonas kods\tlietas veids\tstatuss",
                          "en": "kind\tid\tnumber\tsurname\tgiven names\toriginal script\tborn\tcitizenship\tpersonal code\tcase kind\tstatus"},
}
