"""Operations: backups and restores of the store (desk backup / desk restore)."""

MESSAGES: dict[str, dict[str, str]] = {
    # the store opening behind the login screen, and the demo store's build (issue 18 point 10)
    "demo.step.opening": {"lv": "Atver datu krātuvi…", "en": "Opening the store…"},
    "demo.step.reusing": {"lv": "Demonstrācijas datu krātuve ir gatava.", "en": "The demo store is ready."},
    "demo.step.officers": {"lv": "Demonstrācijas datu krātuve: izveido amatpersonas…",
                           "en": "Demo store: creating the officers…"},
    "demo.step.persons": {"lv": "Demonstrācijas datu krātuve: reģistrē personas…",
                          "en": "Demo store: registering the persons…"},
    "demo.step.cases": {"lv": "Demonstrācijas datu krātuve: reģistrē lietas…",
                        "en": "Demo store: registering the cases…"},
    "demo.step.done": {"lv": "Demonstrācijas datu krātuve ir izveidota.", "en": "The demo store is built."},
    "demo.reset_sqlite_only": {"lv": "--reset pārbūvē tikai demonstrācijas SQLite failu, ne datubāzi serverī.",
                               "en": "--reset rebuilds only the demo's SQLite file, never a database on a server."},
    "demo.reset_not_demo": {"lv": "--reset dzēš tikai demonstrācijas datu krātuvi (demo.db); šī datu krātuve netika aiztikta.",
                            "en": "--reset deletes only the demo store (demo.db); this store was not touched."},
    # desk serve (issue 18 point 5): the login is the only guard in front of the store
    "serve.exposed": {"lv": "Uzmanību: desk ir sasniedzams no tīkla ({host}:{port}) bez šifrēšanas (TLS); "
                            "datu krātuvi sargā tikai pieteikšanās. Novietojiet priekšā HTTPS starpniekserveri "
                            "vai atstājiet --host 127.0.0.1.",
                      "en": "Warning: desk can be reached from the network ({host}:{port}) without encryption "
                            "(TLS); only the login guards the store. Put an HTTPS proxy in front or "
                            "keep --host 127.0.0.1."},
    "ui.store.opening_wait": {"lv": "Datu krātuve vēl tiek atvērta; pieteikšanās notiks, tiklīdz tā būs gatava.",
                              "en": "The store is still opening; the login goes ahead as soon as it is ready."},
    "ops.backup_failed": {"lv": "Rezerves kopiju neizdevās izveidot; sīkāka informācija ir žurnālā.",
                          "en": "The backup could not be made; details are in the log."},
    "ops.backup_postgresql": {
        "lv": "PostgreSQL datu krātuvi dublē ar pg_dump, piemēram: pg_dump -Fc -f desk.dump <datubāze>; "
              "atjauno ar pg_restore --clean -d <datubāze> desk.dump. desk backup strādā tikai ar SQLite failu.",
        "en": "Back up a PostgreSQL store with pg_dump, e.g. pg_dump -Fc -f desk.dump <database>; "
              "restore it with pg_restore --clean -d <database> desk.dump. desk backup works on an SQLite file only.",
    },
    "ops.restore_postgresql": {
        "lv": "PostgreSQL datu krātuvi atjauno ar pg_restore --clean -d <datubāze> desk.dump; "
              "desk restore strādā tikai ar SQLite failu.",
        "en": "Restore a PostgreSQL store with pg_restore --clean -d <database> desk.dump; "
              "desk restore works on an SQLite file only.",
    },
    "ops.not_a_file": {"lv": "Datu krātuve nav fails; rezerves kopiju nevar izveidot.",
                       "en": "The store is not a file; it cannot be backed up."},
    "ops.backup_onto_itself": {"lv": "Rezerves kopija nevar aizstāt pašu datu krātuvi.",
                               "en": "A backup cannot replace the store itself."},
    "ops.backup_is_directory": {"lv": "Norādiet rezerves kopijas faila vārdu, nevis mapi.",
                                "en": "Give the backup a file name, not a folder."},
    "ops.backup_missing": {"lv": "Rezerves kopija {file} nav atrasta.", "en": "Backup {file} not found."},
    "ops.restore_disk_full": {"lv": "Diskā nav vietas pārbaudītai kopijai: nekas netika atjaunots. Atbrīvojiet vietu.",
                              "en": "No room on the disk for the checked copy: nothing was restored. Free some space."},
    "ops.backup_unreadable": {"lv": "Rezerves kopiju nevar nolasīt: tā nav SQLite datu krātuve.",
                              "en": "The backup cannot be read: it is not an SQLite store."},
    "ops.backup_corrupt": {"lv": "Rezerves kopija ir bojāta (integritātes pārbaude neizdevās); nekas netika mainīts.",
                           "en": "The backup is damaged (integrity check failed); nothing was changed."},
    "ops.backup_not_a_store": {"lv": "Šis fails nav desk datu krātuve.", "en": "This file is not a desk store."},
    "ops.backup_unknown_revision": {
        "lv": "Rezerves kopiju izveidoja jaunāka programmas versija (shēma {revision}); atjaunojiet programmu.",
        "en": "The backup was made by a newer program (schema {revision}); update the program.",
    },
    "ops.backup_chain_broken": {
        "lv": "Rezerves kopijas audita ķēde pārrauta ierakstā #{id}; nekas netika mainīts.",
        "en": "The backup's audit chain is broken at entry #{id}; nothing was changed.",
    },
    "ops.restore_newer": {
        "lv": "Pašreizējā datu krātuve ir jaunāka par rezerves kopiju ({reasons}); atjaunošana dzēstu jaunāko darbu. "
              "Ja tas tiešām vajadzīgs, lietojiet --force.",
        "en": "The current store is newer than the backup ({reasons}); restoring would lose the newer work. "
              "If that is really wanted, use --force.",
    },
    "ops.reason.audit": {"lv": "jaunāki audita ieraksti", "en": "later audit entries"},
    "ops.reason.revision": {"lv": "jaunāka shēmas versija", "en": "a later schema revision"},
    "ops.reason.cases": {"lv": "vēlāk mainītas lietas", "en": "cases changed later"},
    "ops.backup_done": {"lv": "Rezerves kopija saglabāta: {file} ({size} MB, {entries} audita ieraksti).",
                        "en": "Backup saved: {file} ({size} MB, {entries} audit entries)."},
    "ops.restore_done": {
        "lv": "Datu krātuve atjaunota no rezerves kopijas (pārbaudīti {n} audita ieraksti).",
        "en": "Store restored from the backup ({n} audit entries checked).",
    },
    "ops.restore_forced": {"lv": "Uzmanību: pārrakstīta jaunāka datu krātuve (--force).",
                           "en": "Warning: a newer store was overwritten (--force)."},
}
