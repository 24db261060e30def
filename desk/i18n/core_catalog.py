"""Core messages: errors, authentication, the store, the command line."""

MESSAGES: dict[str, dict[str, str]] = {
    # errors
    "error.generic": {"lv": "Darbību nevar izpildīt.", "en": "The action cannot be done."},
    "error.unexpected": {"lv": "Negaidīta kļūda; nekas netika saglabāts. Sīkāka informācija ir žurnālā.",
                         "en": "Unexpected error; nothing was saved. Details are in the log."},
    "error.invalid": {"lv": "Nederīga vērtība.", "en": "Invalid value."},
    "error.required": {"lv": "Obligāts lauks.", "en": "Required field."},
    "error.not_found": {"lv": "Nav atrasts.", "en": "Not found."},
    "error.case_not_found": {"lv": "Lieta {number} nav atrasta.", "en": "Case {number} not found."},
    "error.person_not_found": {"lv": "Persona nav atrasta.", "en": "Person not found."},
    "error.unknown_office": {"lv": "Nezināma nodaļa: {code}.", "en": "Unknown office: {code}."},
    "error.unknown_country": {"lv": "Nezināma valsts: „{code}”. Rakstiet nosaukumu vai trīs burtu kodu (DEU).",
                              "en": "Unknown country: “{code}”. Type a name or the three-letter code (DEU)."},
    "error.not_partner_state": {"lv": "{code} nav Dublinas regulas dalībvalsts.",
                                "en": "{code} is not a Dublin partner state."},
    "error.permission_denied": {"lv": "Jūsu lomai šī darbība nav atļauta ({what}).",
                                "en": "Your role does not allow this action ({what})."},
    "error.permission_denied_kind": {"lv": "Jūsu lomai nav piekļuves šā veida lietām ({kind}).",
                                     "en": "Your role has no access to cases of this kind ({kind})."},
    "error.transition_not_allowed": {"lv": "Darbība \"{action}\" nav atļauta statusā \"{state}\".",
                                     "en": "Action \"{action}\" is not allowed in status \"{state}\"."},
    "error.conflict": {"lv": "Lietu mainīja {officer} plkst. {at} — pārlādējiet, lai redzētu izmaiņas.",
                       "en": "Changed by {officer} at {at} — reload to see the change."},
    "error.conflict_on": {"lv": "Lietu mainīja {officer} {on} plkst. {at} — pārlādējiet, lai redzētu izmaiņas.",
                          "en": "Changed by {officer} on {on} at {at} — reload to see the change."},
    "error.bad_date": {"lv": "Nederīgs datums \"{value}\"; rakstiet 2026-11-22 vai 22.11.2026.",
                       "en": "Invalid date \"{value}\"; type 2026-11-22 or 22.11.2026."},
    "error.date_in_future": {"lv": "Datums nevar būt nākotnē.", "en": "The date cannot be in the future."},
    "error.date_order": {"lv": "Datums \"{later}\" nevar būt agrāks par \"{earlier}\".",
                         "en": "\"{later}\" cannot be earlier than \"{earlier}\"."},
    "error.bad_personal_code": {"lv": "Nederīgs personas kods: vajag 11 ciparus (XXXXXX-XXXXX) ar pareizu kontrolciparu.",
                                "en": "Invalid personal code: 11 digits (XXXXXX-XXXXX) with a valid check digit."},
    "error.bad_number": {"lv": "Vajag veselu skaitli.", "en": "A whole number is needed."},
    "error.out_of_range": {"lv": "Vērtībai jābūt no {low} līdz {high}.", "en": "The value must be between {low} and {high}."},
    "error.too_long": {"lv": "Pārāk garš teksts (ne vairāk kā {n} rakstzīmes).", "en": "Text too long (at most {n} characters)."},
    "error.bad_characters": {"lv": "Teksts satur neatļautas rakstzīmes.", "en": "The text contains characters that are not allowed."},
    "error.bad_choice": {"lv": "Nederīga izvēle: {value}.", "en": "Invalid choice: {value}."},
    # auth
    "auth.bad_credentials": {"lv": "Nepareizs lietotājvārds vai parole.", "en": "Wrong username or password."},
    "auth.locked": {"lv": "Konts bloķēts pēc piecām nepareizām parolēm; mēģiniet pēc {minutes} min.",
                    "en": "Account locked after five wrong passwords; try again in {minutes} min."},
    "auth.unknown_role": {"lv": "Nezināma loma: {role}.", "en": "Unknown role: {role}."},
    "auth.no_role": {"lv": "Norādiet vismaz vienu lomu.", "en": "Give at least one role."},
    "auth.bad_username": {"lv": "Lietotājvārdā drīkst būt tikai burti, cipari, punkts, - un _.",
                          "en": "A username may hold only letters, digits, dot, - and _."},
    "auth.username_taken": {"lv": "Lietotājvārds {username} jau ir aizņemts.", "en": "Username {username} is taken."},
    "auth.unknown_officer": {"lv": "Nav tāda darbinieka: {username}.", "en": "No such officer: {username}."},
    "auth.password_too_short": {"lv": "Parolei jābūt vismaz {n} rakstzīmes garai.", "en": "The password must be at least {n} characters long."},
    "auth.passwords_differ": {"lv": "Paroles nesakrīt.", "en": "The passwords do not match."},
    "auth.officer_required": {"lv": "Norādiet darbinieku ar --officer LIETOTĀJS.", "en": "Name the officer with --officer USER."},
    # roles
    "role.reception": {"lv": "Klientu apkalpošana", "en": "Reception"},
    "role.residence": {"lv": "Uzturēšanās atļaujas un vīzas", "en": "Residence permits and visas"},
    "role.asylum": {"lv": "Patvērums un Dublina", "en": "Asylum and Dublin"},
    "role.return": {"lv": "Atgriešana", "en": "Return"},
    "role.supervisor": {"lv": "Vadītājs", "en": "Supervisor"},
    "role.administrator": {"lv": "Administrators", "en": "Administrator"},
    # case kinds
    "kind.asylum": {"lv": "Patvēruma iesniegums", "en": "Asylum application"},
    "kind.dublin": {"lv": "Dublinas pieprasījums", "en": "Dublin request"},
    "kind.permit": {"lv": "Uzturēšanās atļauja", "en": "Residence permit"},
    "kind.visa": {"lv": "Vīza", "en": "Visa"},
    "kind.invitation": {"lv": "Ielūgums / izsaukums", "en": "Invitation / call"},
    "kind.return": {"lv": "Atgriešanas lēmums", "en": "Return decision"},
    # store
    "store.error": {"lv": "Datu krātuves kļūda.", "en": "Store error."},
    "store.seed_incomplete": {"lv": "Šīs datu krātuves ielāde (desk seed) netika pabeigta; tās dati ir nepilnīgi. "
                                     "Izdzēsiet krātuvi un ielādējiet no jauna.",
                              "en": "This store's load (desk seed) never finished; its data is partial. "
                                    "Remove the store and seed it again."},
    "store.busy": {"lv": "Datu krātuve pašlaik ir aizņemta (cits darbinieks veic garu darbu); mēģiniet vēlreiz.",
                   "en": "The store is busy just now (another officer's long work); try again."},
    "store.too_new": {"lv": "Šo datu krātuvi ir izveidojusi jaunāka desk versija (shēma {revision}); atjauniniet programmu.",
                      "en": "This store was written by a newer desk (schema {revision}); upgrade the program."},
    "store.cannot_open": {"lv": "Datu krātuvi nevar atvērt.", "en": "The store cannot be opened."},
}

MESSAGES.update({
    "cli.init_exists": {"lv": "Datu krātuvē jau ir darbinieki; izmantojiet desk user add.",
                        "en": "The store already has officers; use desk user add."},
    "cli.init_done": {"lv": "Datu krātuve {url} izveidota; administrators: {username}.",
                      "en": "Store {url} created; administrator: {username}."},
    "cli.new_password": {"lv": "Jaunā parole ({username}): ", "en": "New password ({username}): "},
    "cli.user_added": {"lv": "Darbinieks {username} pievienots.", "en": "Officer {username} added."},
    "cli.password_set": {"lv": "Parole nomainīta ({username}).", "en": "Password changed ({username})."},
    "cli.user_disabled": {"lv": "Darbinieks {username} atslēgts.", "en": "Officer {username} disabled."},
    "cli.disabled": {"lv": "atslēgts", "en": "disabled"},
    "cli.audit_ok": {"lv": "Audita ķēde vesela: pārbaudīts {n} ieraksts.|Audita ķēde vesela: pārbaudīti {n} ieraksti."
                                 "|Audita ķēde vesela: pārbaudīti {n} ierakstu.",
                           "en": "Audit chain intact: {n} entry checked.|Audit chain intact: {n} entries checked."},
})
MESSAGES.update({
    "error.form_invalid": {"lv": "Formā ir kļūdas ({n}); nekas netika saglabāts.",
                           "en": "The form has errors ({n}); nothing was saved."},
})

MESSAGES.update({
    "error.before_opened": {"lv": "Datums nevar būt agrāks par lietas atvēršanas dienu ({opened}).",
                            "en": "The date cannot be before the case was opened ({opened})."},
})
