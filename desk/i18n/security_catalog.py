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
    "audit.v.chain": {"lv": "Audita ķēde pārrauta ierakstā #{id} ({reason}).",
                      "en": "The audit chain is broken at entry #{id} ({reason})."},
    "audit.v.other_store": {"lv": "Kontrolpunkts (ieraksts #{id}) ir no citas datu krātuves.",
                            "en": "A checkpoint (entry #{id}) belongs to another store."},
    "audit.v.bad_checkpoint": {"lv": "Kontrolpunkta (ieraksts #{id}) paraksts neatbilst: viltots vai cita atslēga.",
                               "en": "A checkpoint's signature (entry #{id}) does not match: forged or another key."},
    "audit.v.truncated": {"lv": "Kontrolpunkts parakstīja ierakstu #{id}, bet audita ieraksti beidzas ar #{last}: gals izdzēsts.",
                          "en": "A checkpoint signed entry #{id} but the trail ends at #{last}: its tail was deleted."},
    "audit.v.rewritten": {"lv": "Ieraksts #{id} vairs nav tāds, kādu to parakstīja kontrolpunkts: ķēde pārrakstīta.",
                          "en": "Entry #{id} is no longer what a checkpoint signed: the chain was rewritten."},
    "audit.v.guards": {"lv": "Trūkst audita aizsargtrigeru: {names}.", "en": "Audit guard triggers are missing: {names}."},
    "audit.v.unsigned": {"lv": "{n} ieraksti ir no laika pirms parakstiem (tikai jaucējķēde).",
                         "en": "{n} entries date from before signatures (hash chain only)."},
    "audit.v.no_outside": {"lv": "ārpus datu krātuves nav neviena kontrolpunkta: gala dzēšanu nevar konstatēt",
                           "en": "no checkpoint outside the store: deleting the tail cannot be detected"},
    "audit.v.tail": {"lv": "pēdējos {n} ierakstus pēc #{id} sargā tikai paraksti: to dzēšanu nevar konstatēt",
                     "en": "the last {n} entries after #{id} are guarded by their signatures only: deleting them "
                           "cannot be detected"},
    "audit.v.not_proven": {"lv": "Nav pierādīts: {what}.", "en": "Not proven: {what}."},
    "audit.v.no_file": {"lv": "Kontrolpunkta failu {path} nevar nolasīt.", "en": "Cannot read the checkpoint file {path}."},
    "audit.v.empty": {"lv": "Audita ierakstu vēl nav.", "en": "There are no audit entries yet."},
    "audit.v.checkpoint": {"lv": "Kontrolpunkts parakstīts: ieraksts #{id}, galva {head}.",
                           "en": "Checkpoint signed: entry #{id}, head {head}."},
    # sessions (point 2)
    "auth.session_ended": {"lv": "Sesija ir beigusies (izrakstīšanās); piesakieties vēlreiz.",
                           "en": "The session has ended (logged out); please log in again."},
    "auth.session_invalid": {"lv": "Nav derīgas pieteikšanās sesijas; piesakieties.",
                             "en": "There is no valid login session; please log in."},
    "auth.session_expired": {"lv": "Sesijas laiks beidzies; piesakieties vēlreiz.",
                             "en": "The session has expired; please log in again."},
    "auth.session_revoked": {"lv": "Sesija beigta: konts atspējots vai parole vai lomas mainītas; piesakieties vēlreiz.",
                             "en": "The session was ended: the account was disabled or its password or roles changed; "
                                   "please log in again."},
    # separation of duties (point 3)
    "auth.password_change_required": {
        "lv": "Administrators iestatīja šo paroli: pirms darba izvēlieties jaunu "
              "(desk user change-password --officer LIETOTĀJS).",
        "en": "An administrator set this password: choose a new one before working "
              "(desk user change-password --officer USER)."},
    "auth.password_unchanged": {"lv": "Jaunajai parolei jāatšķiras no pašreizējās.",
                                "en": "The new password must differ from the current one."},
    "auth.confirmed_role_alone": {
        "lv": "Vadītāja lomu piešķir tikai ar otras personas apstiprinājumu: norādiet arī citu lomu.",
        "en": "The supervisor role needs a second person's confirmation: give another role as well."},
    "auth.last_administrator": {"lv": "Pēdējo aktīvo administratoru nevar atspējot vai atņemt tam lomu.",
                                "en": "The last active administrator cannot be disabled or lose the role."},
    "auth.own_roles": {"lv": "Savas lomas nevar mainīt pats.", "en": "No one can change their own roles."},
    "auth.confirm_not_allowed": {"lv": "Lomas piešķiršanu apstiprina cits administrators vai vadītājs.",
                                 "en": "A role grant is confirmed by another administrator or a supervisor."},
    "auth.confirm_by_another": {
        "lv": "Piešķiršanu apstiprina cita persona, nevis tā, kas to lūdza, vai tā, kurai loma tiek piešķirta.",
        "en": "A grant is confirmed by someone other than who asked for it or who receives it."},
    "auth.no_such_grant": {"lv": "Nav gaidošas lomas piešķiršanas #{id}.", "en": "No waiting role grant #{id}."},
    "cli.password_must_change": {"lv": "{username} nomainīs šo paroli nākamajā pieteikšanās reizē.",
                                 "en": "{username} must change this password at the next login."},
    "cli.password_changed": {"lv": "Parole nomainīta ({username}); var pieteikties.",
                             "en": "Password changed ({username}); you can log in."},
    "cli.role_granted": {"lv": "Loma {role} piešķirta: {username}.", "en": "Role {role} given to {username}."},
    "cli.grant_waiting": {"lv": "Loma {role} ({username}) gaida apstiprinājumu: desk user confirm-grant {id}.",
                          "en": "Role {role} ({username}) waits for confirmation: desk user confirm-grant {id}."},
    "cli.grant_waiting_list": {"lv": "Vadītāja loma gaida apstiprinājumu (desk user grants).",
                               "en": "The supervisor role waits for confirmation (desk user grants)."},
    "cli.role_revoked": {"lv": "Loma {role} atņemta: {username}.", "en": "Role {role} taken from {username}."},
    "cli.grant_confirmed": {"lv": "Piešķiršana #{id} apstiprināta ({username}).",
                            "en": "Grant #{id} confirmed ({username})."},
    "cli.sessions_ended": {"lv": "Beigtas {n} sesijas ({username}).", "en": "{n} sessions ended ({username})."},
    # restore (point 8)
    "ops.restore_other_store": {
        "lv": "Rezerves kopija ir no citas datu krātuves (citas iestādes?); nekas netika mainīts. "
              "Ja tas tiešām vajadzīgs, lietojiet --other-store (tiks auditēts).",
        "en": "The backup is of another store (another office's?); nothing was changed. "
              "If that is really wanted, use --other-store (audited)."},
    "ops.restore_sessions_live": {
        "lv": "Datu krātuvē vēl strādā citi ({n} atvērtas sesijas); atjaunošana atteikta. Lai viņi izrakstās "
              "(vai desk user end-sessions LIETOTĀJS).",
        "en": "Others are still working in the store ({n} open sessions); the restore was refused. Ask them to "
              "log out (or desk user end-sessions USER)."},
    "ops.restore_replaced": {
        "lv": "{n} aizstāti audita ieraksti saglabāti failā {file}; atjaunotajā žurnālā ir to kopsavilkums.",
        "en": "{n} replaced audit entries were kept in {file}; the restored trail holds their summary."},
}
