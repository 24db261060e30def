"""Casework messages: persons, stays, registration and action forms, statuses, actions, history."""

def _pairs(prefix: str, table: dict[str, tuple[str, str]]) -> dict[str, dict[str, str]]:
    return {f"{prefix}.{code}": {"lv": lv, "en": en} for code, (lv, en) in table.items()}

MESSAGES: dict[str, dict[str, str]] = {
    # persons
    "person.duplicate": {"lv": "Iespējams, šī persona jau ir reģistrēta ({n}); izvēlieties esošo vai apstipriniet jaunu.",
                         "en": "This person may already be registered ({n}); pick the existing one or confirm a new one."},
    "merge.cli.merged": {"lv": "Apvienots ({merge_id}): persona {duplicate} -> {survivor}; lietas {cases}, dokumenti "
                                "{documents}, uzturēšanās {stays}.",
                         "en": "Merged ({merge_id}): person {duplicate} -> {survivor}; cases {cases}, documents "
                               "{documents}, stays {stays}."},
    "merge.cli.unmerged": {"lv": "Apvienošana {merge_id} atsaukta: persona {duplicate} atkal atsevišķa no {survivor}.",
                           "en": "Merge {merge_id} undone: person {duplicate} is separate from {survivor} again."},
    "merge.cli.pairs": {"lv": "Iespējamo dublikātu pāri: {n}.", "en": "Pairs of probable duplicates: {n}."},
    "merge.cli.written": {"lv": "Ierakstīti pāri: {n}: {path}", "en": "Pairs written: {n}: {path}"},
    "merge.already_merged": {"lv": "Persona {id} jau ir apvienota ar personu {into}.",
                             "en": "Person {id} is already merged into person {into}."},
    "merge.reason_required": {"lv": "Norādiet, kāpēc tā ir viena persona.", "en": "Say why they are one person."},
    "merge.same_person": {"lv": "Personu nevar apvienot pašu ar sevi.", "en": "A person cannot be merged into itself."},
    "merge.codes_differ": {"lv": "Abām personām ir dažādi personas kodi: tās ir divas personas.",
                           "en": "The two persons have different personal codes: they are two persons."},
    "merge.not_found": {"lv": "Apvienošana {id} nav atrasta vai jau atsaukta.",
                        "en": "Merge {id} was not found or was already undone."},
    "merge.changed_since": {"lv": "Apvienošanu {id} vairs nevar atsaukt: kopš tās personas ierakstā ierakstīts kas "
                                  "jauns. Ierakstus jāatdala ar roku, lietu pa lietai.",
                            "en": "Merge {id} can no longer be undone: something new was written to the person's "
                                  "record since. The records have to be told apart by hand, case by case."},
    "person.code_or_document_taken": {
        "lv": "Šis personas kods vai dokuments jau pieder citai reģistrētai personai; izvēlieties to personu.",
        "en": "This personal code or document already belongs to another registered person; pick that person."},
    "person.register.title": {"lv": "Reģistrēt personu", "en": "Register a person"},
    "person.help.citizenship": {"lv": "XXA – bezvalstnieks, XXX – nezināma.", "en": "XXA: stateless, XXX: unknown."},
    "casework.yes": {"lv": "Jā", "en": "Yes"},
    "casework.no": {"lv": "Nē", "en": "No"},
    # stays
    "stay.record.title": {"lv": "Reģistrēt ieceļošanu", "en": "Record an entry"},
    "stay.exit.title": {"lv": "Reģistrēt izceļošanu", "en": "Record an exit"},
    "stay.help.counts_for_90_180": {"lv": "Nē, ja uzturēšanos sedz uzturēšanās atļauja vai D vīza.",
                                    "en": "No if a residence permit or a D visa covers the stay."},
    "stay.overlap": {"lv": "Šī uzturēšanās pārklājas ar jau reģistrētu.", "en": "This stay overlaps one already recorded."},
    "stay.exit_before_entry": {"lv": "Izceļošana nevar būt agrāk par ieceļošanu.", "en": "The exit cannot be before the entry."},
    "stay.not_found": {"lv": "Uzturēšanās nav atrasta.", "en": "Stay not found."},
    "stay.already_left": {"lv": "Izceļošana jau ir reģistrēta.", "en": "The exit is already recorded."},
    # registration titles and help
    "casework.register.asylum": {"lv": "Reģistrēt patvēruma iesniegumu", "en": "Register an asylum application"},
    "casework.register.dublin": {"lv": "Reģistrēt Dublinas pieprasījumu", "en": "Register a Dublin request"},
    "casework.register.permit": {"lv": "Reģistrēt uzturēšanās atļaujas pieprasījumu", "en": "Register a residence permit application"},
    "casework.register.visa": {"lv": "Reģistrēt vīzas pieprasījumu", "en": "Register a visa application"},
    "casework.register.invitation": {"lv": "Reģistrēt ielūgumu vai izsaukumu", "en": "Register an invitation or call"},
    "casework.register.return": {"lv": "Reģistrēt atgriešanas lēmumu", "en": "Register a return decision"},
    "casework.help.asylum_case": {"lv": "Patvēruma lietas numurs, piemēram, PAT-2026-000001; vai norādiet personu.",
                                  "en": "The asylum case number, e.g. PAT-2026-000001; or name the person."},
    "casework.help.registered_on": {"lv": "Režīmu (Dublina III vai AMMR) nosaka reģistrācijas datums.",
                                    "en": "The registration date decides the regime (Dublin III or AMMR)."},
    "casework.help.sponsor_case": {"lv": "Izsaukuma lietas numurs (IEL-...), ja tāds ir.",
                                   "en": "The call's case number (IEL-...), if any."},
    "casework.help.departure_days": {"lv": "Brīvprātīgai izceļošanai: 7–30 dienas; mazāk (arī 0) tikai ar 7. panta 4. punkta pamatu.",
                                     "en": "Voluntary departure: 7 to 30 days; fewer (or 0) only on an Art. 7(4) ground."},
    # errors
    "casework.wrong_case_kind": {"lv": "Vajag lietu ar veidu \"{kind}\".", "en": "A case of kind \"{kind}\" is needed."},
    "casework.unknown_kind": {"lv": "Nezināms lietas veids: {kind}.", "en": "Unknown case kind: {kind}."},
    "casework.dublin.person_mismatch": {"lv": "Persona nesakrīt ar patvēruma lietas personu.",
                                        "en": "The person is not the asylum case's person."},
    "casework.dublin.case_or_person": {"lv": "Norādiet patvēruma lietu vai personu.", "en": "Give the asylum case or the person."},
    "casework.dublin.received_incoming_only": {"lv": "Saņemšanas datums ir tikai ienākošiem pieprasījumiem.",
                                               "en": "The date of receipt is for incoming requests only."},
    "casework.dublin.not_tacit_yet": {"lv": "Klusējot piekrišana vēl nav iestājusies.", "en": "Tacit acceptance has not yet occurred."},
    "casework.dublin.minor_only": {"lv": "Tikai pārņemšanas pieprasījumam (Regula 2024/1351) par patvēruma lietu, "
                                         "kurā pieteicējs ir nepavadīts nepilngadīgais.",
                                   "en": "Only for a take charge request (Regulation 2024/1351) for an asylum case "
                                         "whose applicant is an unaccompanied minor."},
    "casework.dublin.detained_on_needs_detained": {"lv": "Aizturēšanas datums ir tikai aizturētai personai.",
                                                   "en": "A detention date is for a detained person only."},
    "casework.dublin.already_tacitly_accepted": {
        "lv": "Pieprasījums jau uzskatāms par akceptētu no {day} ({article}); vēlāks atteikums nav spēkā.",
        "en": "The request has been deemed accepted since {day} ({article}); a later refusal has no effect."},
    "casework.dublin.after_transfer_limit": {
        "lv": "Pārsūtīšanas termiņš beidzās {due} ({article}): atbildība ir pārgājusi. Atzīmējiet termiņa beigas.",
        "en": "The transfer period ended on {due} ({article}): responsibility has passed. Mark the request as expired."},
    "casework.dublin.ammr_only": {"lv": "Tas paredzēts tikai Regulā 2024/1351.", "en": "This exists under Regulation 2024/1351 only."},
    "casework.dublin.extension_not_in_regime": {"lv": "Šis pagarināšanas pamats Dublinas III regulā nav paredzēts.",
                                                "en": "Dublin III does not provide this ground for extension."},
    "casework.invitation.person_twice": {"lv": "Persona norādīta divreiz.", "en": "A person is named twice."},
    "casework.invitation.company_number_required": {
        "lv": "Norādiet uzņēmuma reģistrācijas numuru (11 cipari).",
        "en": "Give the company's registration number (11 digits)."},
    "casework.invitation.bad_company_number": {
        "lv": "„{value}” nav Uzņēmumu reģistra numurs: 11 cipari, sākas ar 4, 5 vai 9.",
        "en": "“{value}” is not an Enterprise Register number: 11 digits, beginning with 4, 5 or 9."},
    "casework.invitation.inviter_invited": {
        "lv": "Uzaicinātājs nevar būt starp uzaicinātajām personām.",
        "en": "The inviter cannot be one of the persons invited."},
    "casework.invitation.purpose_not_for_invitation": {
        "lv": "Ielūgums ir vīzai: mērķim jābūt apmeklējuma mērķim (tūrisms, apciemošana, komercdarbība...).",
        "en": "An invitation is for a visa: its purpose must be a visit's (tourism, a visit, business...)."},
    "casework.invitation.purpose_not_for_call": {
        "lv": "Izsaukums ir uzturēšanās atļaujai: mērķim jābūt uzturēšanās atļaujas mērķim.",
        "en": "A call is for a residence permit: its purpose must be a residence permit's."},
    "casework.return.no_departure_period": {"lv": "Piespiedu izraidīšanai izceļošanas termiņu nenosaka.",
                                            "en": "A forced expulsion sets no departure period."},
    "casework.return.ban_mandatory": {"lv": "Piespiedu izraidīšanai ieceļošanas aizliegums ir obligāts.",
                                      "en": "An entry ban is mandatory with a forced expulsion."},
    "casework.return.ban_length": {"lv": "Norādiet ieceļošanas aizlieguma ilgumu.", "en": "Give the length of the entry ban."},
    "casework.return.ban_not_imposed": {"lv": "Ilgums norādīts, bet aizliegums nav atzīmēts.",
                                        "en": "A length is given but no ban is marked."},
    "casework.reassign.bad_officer": {"lv": "Jānorāda aktīvs tās pašas nodaļas darbinieks.",
                                      "en": "Name an active officer of the same office."},
    "casework.reassign.other_office": {"lv": "Lieta {number} pieder citai nodaļai.", "en": "Case {number} belongs to another office."},
    "casework.reassign.officer_cannot": {"lv": "Darbinieka loma neļauj strādāt ar lietu {number} ({kind}).",
                                         "en": "The officer's role cannot work on case {number} ({kind})."},
    # history
    "casework.audit.case.register": {"lv": "Lieta reģistrēta", "en": "Case registered"},
    "casework.audit.case.reassign": {"lv": "Lieta nodota citam darbiniekam", "en": "Case reassigned"},
    "casework.audit.case.deadlines.recompute": {"lv": "Termiņi pārrēķināti", "en": "Deadlines recomputed"},
    "casework.history.cause": {"lv": "sekas lietā {number}", "en": "following case {number}"},
    "casework.audit.case.view": {"lv": "Lieta atvērta", "en": "Case opened"},
    "casework.audit.refused": {"lv": "Darbība atteikta", "en": "Action refused"},
    "casework.audit.person.register": {"lv": "Persona reģistrēta", "en": "Person registered"},
    "casework.audit.person.view": {"lv": "Personas lieta atvērta", "en": "Person's file opened"},
    "casework.audit.person.stay": {"lv": "Uzturēšanās reģistrēta", "en": "Stay recorded"},
    "casework.audit.person.exit": {"lv": "Izceļošana reģistrēta", "en": "Exit recorded"},
    "casework.audit.person.pick_existing": {"lv": "Izvēlēta esoša persona", "en": "Existing person picked"},
}

MESSAGES.update(_pairs("person.field", {
    "surname": ("Uzvārds", "Surname"), "given_names": ("Vārdi", "Given names"),
    "original_name": ("Vārds oriģinālrakstībā", "Name in original script"),
    "date_of_birth": ("Dzimšanas datums", "Date of birth"), "sex": ("Dzimums", "Sex"),
    "citizenship": ("Pilsonība", "Citizenship"), "personal_code": ("Personas kods", "Personal code"),
    "document_kind": ("Dokumenta veids", "Document kind"), "document_number": ("Dokumenta numurs", "Document number"),
    "document_country": ("Izdevējvalsts", "Issuing country"),
    "document_valid_until": ("Dokuments derīgs līdz", "Document valid until"),
}))
MESSAGES.update(_pairs("person.sex", {"M": ("Vīrietis", "Male"), "F": ("Sieviete", "Female"), "X": ("Nenorādīts", "Unspecified")}))
MESSAGES.update(_pairs("person.document", {
    "passport": ("Pase", "Passport"), "id_card": ("Personas apliecība", "Identity card"),
    "travel_document": ("Ceļošanas dokuments", "Travel document"),
    "residence_card": ("Uzturēšanās atļaujas karte", "Residence card"),
}))
MESSAGES.update(_pairs("stay.field", {
    "entry_on": ("Ieceļošanas datums", "Entry date"), "exit_on": ("Izceļošanas datums", "Exit date"),
    "counts_for_90_180": ("Skaitās 90/180 dienās", "Counts for 90/180"),
}))

MESSAGES.update(_pairs("casework.field", {
    "person_id": ("Persona", "Person"), "person_ids": ("Uzaicinātās personas", "Invited persons"),
    "owner": ("Atbildīgais", "Owner"), "status": ("Statuss", "Status"), "closed_on": ("Slēgta", "Closed on"),
    "on": ("Datums", "Date"), "reason": ("Pamatojums", "Reason"), "reason_code": ("Pamatojums", "Reason"),
    # asylum
    "application_type": ("Iesnieguma veids", "Application type"), "procedure": ("Procedūra", "Procedure"),
    "lodged_on": ("Iesniegts", "Lodged on"), "registered_on": ("Reģistrēts", "Registered on"),
    "accommodation": ("Izmitināšana", "Accommodation"), "unaccompanied_minor": ("Nepavadīts nepilngadīgais", "Unaccompanied minor"),
    "interview_on": ("Intervija", "Interview on"), "decision": ("Lēmums", "Decision"),
    "decision_on": ("Lēmuma datums", "Decision date"), "decision_extended_months": ("Termiņš pagarināts (mēn.)", "Extended by (months)"),
    "notified_on": ("Paziņots", "Notified on"), "appeal_lodged_on": ("Pārsūdzēts", "Appeal lodged on"),
    "final_on": ("Stājies spēkā", "Final on"), "accepted_on": ("Pieņemts", "Accepted on"),
    "remitted_on": ("Tiesa nodeva atpakaļ", "Remitted on"), "withdrawn_on": ("Atsaukts", "Withdrawn on"),
    # Dublin
    "direction": ("Virziens", "Direction"), "request_kind": ("Pieprasījuma veids", "Request kind"),
    "regime": ("Režīms", "Regime"), "partner_country": ("Partnervalsts", "Partner state"),
    "partner_reference": ("Partnera atsauce", "Partner's reference"), "asylum_case": ("Patvēruma lieta", "Asylum case"), "earlier_case": ("Iepriekšējā patvēruma lieta", "Earlier asylum case"),
    "knowledge_on": ("Uzzināts par atbildību", "Known on"), "hit_kind": ("Sakritība", "Hit"),
    "hit_received_on": ("Sakritība saņemta", "Hit received on"), "urgent_reply_by": ("Steidzama atbilde līdz", "Urgent reply by"),
    "detained": ("Aizturēts", "Detained"), "detained_on": ("Aizturēts no", "Detained on"),
    "urgent_ground": ("Steidzamības pamats", "Ground for urgency"),
    "urgent_needs_longer": ("Lūgtajā termiņā atbildēt nav iespējams", "Reply not possible in the period asked"),
    "minor_best_interests": ("Bērna interesēs (nepavadīts nepilngadīgais)", "In the child's best interests (unaccompanied)"),
    "reappeared_on": ("Persona atkal pieejama", "Available again on"), "sent_on": ("Nosūtīts", "Sent on"), "received_on": ("Saņemts", "Received on"),
    "reply": ("Atbilde", "Reply"), "replied_on": ("Atbildes datums", "Replied on"), "tacit": ("Klusējot", "Tacit"),
    "refusal_received_on": ("Atteikums saņemts", "Refusal received on"),
    "reexam_requested_on": ("Pārskatīšana lūgta", "Re-examination requested on"),
    "reexam_answered_on": ("Pārskatīšanas atbilde", "Re-examination answered on"),
    "reexam_result": ("Pārskatīšanas rezultāts", "Re-examination result"), "requested_on": ("Lūgts", "Requested on"),
    "asked_on": ("Papildu informācija lūgta", "More information asked on"),
    "expected_on": ("Gaidāmā pārsūtīšana", "Transfer expected on"), "arrived_on": ("Ieradās", "Arrived on"),
    "answered_on": ("Atbildēts", "Answered on"), "transfer_decided_on": ("Lēmums par pārsūtīšanu", "Transfer decided on"),
    "transfer_scheduled_on": ("Pārsūtīšana ieplānota", "Transfer scheduled for"),
    "transfer_done_on": ("Pārsūtīts", "Transferred on"),
    "suspensive_appeal_final_on": ("Apturošas pārsūdzības galīgais lēmums", "Suspensive appeal final on"),
    "extension": ("Pagarinājuma pamats", "Extension ground"), "out_of_time": ("Nokavēts", "Out of time"),
    "scheduled_on": ("Ieplānots", "Scheduled for"), "done_on": ("Izpildīts", "Done on"),
    # permit and visa
    "permit_kind": ("Atļaujas veids", "Permit kind"), "issue_type": ("Izsniegšanas veids", "Issue type"),
    "purpose": ("Mērķis", "Purpose"), "sponsor_case": ("Izsaukums", "Call"), "right_to_work": ("Tiesības strādāt", "Right to work"),
    "applied_on": ("Pieprasīts", "Applied on"), "decided_on": ("Lēmuma datums", "Decided on"),
    "valid_from": ("Derīgs no", "Valid from"), "valid_until": ("Derīgs līdz", "Valid until"),
    "issued_on": ("Izsniegts", "Issued on"), "card_number": ("Kartes numurs", "Card number"),
    "annulled_on": ("Anulēts", "Annulled on"), "revoked_on": ("Atcelts", "Revoked on"),
    "category": ("Kategorija", "Category"), "entries": ("Ieceļošanas reizes", "Entries"),
    "days_allowed": ("Atļautās dienas", "Days allowed"), "extension_reason": ("Pagarināšanas iemesls", "Extension reason"),
    # invitation
    "invitation_kind": ("Veids", "Kind"), "inviter_kind": ("Uzaicinātājs ir", "Inviter is"),
    "inviter_name": ("Uzaicinātājs", "Inviter"), "inviter_code": ("Personas kods vai reģ. nr.", "Personal code or reg. no."),
    "submitted_on": ("Iesniegts", "Submitted on"),
    # return
    "decision_kind": ("Lēmuma veids", "Decision kind"), "grounds": ("Pamats", "Grounds"),
    "departure_days": ("Izceļošanas termiņš (dienas)", "Departure period (days)"), "depart_by": ("Izceļot līdz", "Depart by"),
    "departed_on": ("Izceļoja", "Departed on"), "contested_on": ("Apstrīdēts", "Contested on"),
    "ban_imposed": ("Ieceļošanas aizliegums", "Entry ban"), "ban_years": ("Aizliegums (gadi)", "Ban (years)"),
    "ban_months": ("Aizliegums (mēneši)", "Ban (months)"), "ban_until": ("Aizliegums līdz", "Ban until"),
}))

_CHOICES = {
    "application_type": {"first": ("Pirmreizējs", "First"), "repeat": ("Atkārtots", "Repeat")},
    "procedure": {"regular": ("Parastā", "Regular"), "accelerated": ("Paātrinātā", "Accelerated")},
    "direction": {"outgoing": ("Izejošs", "Outgoing"), "incoming": ("Ienākošs", "Incoming")},
    "request_kind": {"take_charge": ("Pārņemšana", "Take charge"), "take_back": ("Atpakaļuzņemšana", "Take back"),
                     "information": ("Informācijas pieprasījums", "Information request")},
    "hit_kind": {"none": ("Nav", "None"), "eurodac": ("Eurodac", "Eurodac"), "vis": ("VIS", "VIS")},
    "extension": {"imprisonment": ("Brīvības atņemšana", "Deprivation of liberty"),
                  "absconding": ("Izvairīšanās", "Absconding"),
                  "medical_unfitness": ("Neatbilst medicīniskajām prasībām", "Medical requirements not met"),
                  "resisting": ("Fiziska pretošanās", "Physically resisting"),
                  "self_induced_unfitness": ("Tīša nepiemērotība pārsūtīšanai", "Intentionally unfit for transfer")},
    "urgent_ground": {"none": ("Nav", "None"), "refusal_of_entry": ("Pēc ieceļošanas atteikuma", "After a refusal of entry"),
                      "return_decision": ("Pēc atgriešanas lēmuma", "After a return decision")},
    "regime": {"dublin_iii": ("Dublinas III regula", "Dublin III"), "ammr": ("AMMR (2024/1351)", "AMMR (2024/1351)")},
    "reply": {"accepted": ("Piekrīt", "Accepted"), "rejected": ("Noraida", "Rejected")},
    "reexam_result": {"accepted": ("Piekrīt", "Accepted"), "rejected": ("Noraida", "Rejected")},
    "decision": {"refugee": ("Bēgļa statuss", "Refugee status"), "alternative": ("Alternatīvais statuss", "Alternative status"),
                 "refused": ("Atteikts", "Refused"), "left_without_examination": ("Atstāts bez izskatīšanas", "Left without examination")},
    "permit_kind": {"temporary": ("Termiņuzturēšanās atļauja", "Temporary residence permit"),
                    "permanent": ("Pastāvīgās uzturēšanās atļauja", "Permanent residence permit"),
                    "eu_long_term": ("ES pastāvīgā iedzīvotāja statuss", "EU long-term resident"),
                    "eu_registration": ("ES pilsoņa reģistrācijas apliecība", "EU registration certificate")},
    "issue_type": {"first": ("Pirmreizēja", "First-time"), "re_registration": ("Pārreģistrācija", "Re-registration"),
                   "re_issue": ("Atkārtota izsniegšana", "Re-issue")},
    "purpose": {"employment": ("Nodarbinātība", "Employment"), "study": ("Studijas", "Study"),
                "family": ("Ģimenes atkalapvienošanās", "Family reunification"), "business": ("Komercdarbība", "Business"),
                "investment": ("Investīcijas", "Investment"), "repatriate": ("Repatriants", "Repatriate"),
                "international_protection": ("Starptautiskā aizsardzība", "International protection"),
                "research": ("Pētniecība", "Research"), "eu_citizen": ("ES pilsoņa reģistrācija", "EU citizen registration"),
                "other": ("Cits", "Other"), "tourism": ("Tūrisms", "Tourism"),
                "visit": ("Radinieku vai draugu apciemošana", "Visiting family or friends"),
                "culture_sport": ("Kultūra vai sports", "Culture or sport"), "medical": ("Ārstēšanās", "Medical treatment"),
                "official": ("Oficiāls brauciens", "Official visit")},
    "category": {"C": ("C (īstermiņa)", "C (short stay)"), "D": ("D (ilgtermiņa)", "D (long stay)")},
    "entries": {"single": ("Vienreizēja", "Single"), "double": ("Divreizēja", "Double"), "multiple": ("Daudzkārtēja", "Multiple")},
    "extension_reason": {"unforeseen_circumstances": ("Neparedzēti apstākļi", "Unforeseen circumstances"),
                         "force_majeure": ("Nepārvarama vara", "Force majeure"), "humanitarian": ("Humāni apsvērumi", "Humanitarian reasons"),
                         "serious_personal_reasons": ("Nopietni personiski iemesli", "Serious personal reasons")},
    "invitation_kind": {"invitation": ("Ielūgums", "Invitation"), "call": ("Izsaukums", "Call")},
    "inviter_kind": {"person": ("Fiziska persona", "Natural person"), "company": ("Uzņēmums", "Company")},
    "decision_kind": {"voluntary": ("Izbraukšanas rīkojums", "Voluntary departure order"),
                      "forced": ("Piespiedu izraidīšana", "Forced expulsion")},
    "grounds": {"overstay": ("Pārsniegts uzturēšanās laiks", "Overstay"), "no_visa": ("Nav derīgas vīzas", "No valid visa"),
                "no_permit": ("Nav derīgas uzturēšanās atļaujas", "No valid residence permit"),
                "visa_free_breach": ("Pārkāpti bezvīzu nosacījumi", "Visa-free conditions breached"),
                "illegal_entry": ("Nelikumīga ieceļošana", "Irregular entry")},
}
for _field, _table in _CHOICES.items():
    MESSAGES.update(_pairs(f"casework.choice.{_field}", _table))

MESSAGES.update(_pairs("casework.reason", {
    "asylum.well_founded_fear": ("Pamatotas bailes no vajāšanas", "Well-founded fear of persecution"),
    "asylum.serious_harm": ("Reāls risks ciest nopietnu kaitējumu", "Real risk of serious harm"),
    "asylum.safe_country": ("Droša izcelsmes valsts", "Safe country of origin"),
    "asylum.not_credible": ("Sniegtās ziņas nav ticamas", "Statements not credible"),
    "asylum.other_state_responsible": ("Atbildīga cita dalībvalsts", "Another Member State is responsible"),
    "asylum.withdrawn": ("Iesniegums atsaukts", "Application withdrawn"),
    "permit.conditions_met": ("Nosacījumi izpildīti", "Conditions met"),
    "permit.insufficient_means": ("Nepietiekami līdzekļi", "Insufficient means of subsistence"),
    "permit.false_information": ("Sniegtas nepatiesas ziņas", "False information given"),
    "permit.threat_public_order": ("Drauds sabiedriskajai kārtībai", "Threat to public order"),
    "visa.unforeseen_circumstances": ("Neparedzēti apstākļi", "Unforeseen circumstances"),
    "visa.force_majeure": ("Nepārvarama vara", "Force majeure"),
    "visa.humanitarian": ("Humāni apsvērumi", "Humanitarian reasons"),
    "visa.conditions_not_met": ("Nav pamata pagarināt uzturēšanos (Vīzu kodeksa 33. pants)", "No ground to extend the stay (Visa Code Art. 33)"),
    "visa.false_information": ("Sniegtas nepatiesas ziņas", "False information given"),
    "visa.threat_public_order": ("Drauds sabiedriskajai kārtībai vai drošībai", "Threat to public policy or security"),
    "visa.entry_ban": ("Ieceļošanas aizliegums (SIS brīdinājums)", "Entry ban (SIS alert)"),
    "invitation.documents_missing": ("Nav iesniegti visi dokumenti", "Documents missing"),
    "invitation.false_information": ("Uzaicinātājs sniedzis nepatiesas ziņas", "False information given by the inviter"),
    "invitation.entry_ban": ("Uzaicinātajam noteikts ieceļošanas aizliegums", "The invited person is banned from entry"),
    "invitation.illegal_immigration_risk": ("Nelegālās imigrācijas risks", "Risk of illegal immigration"),
    "invitation.withdrawn_by_inviter": ("Uzaicinātājs atsaucis izsaukumu", "Withdrawn by the inviter"),
    "invitation.inviter_unreliable": ("Uzaicinātājs nav uzticams", "Inviter not reliable"),
}))

MESSAGES.update(_pairs("casework.field", {
    "used_on": ("Izmantots", "Used on"), "cancelled_on": ("Atsaukts", "Cancelled on"),
    "upheld_on": ("Lēmums atstāts spēkā", "Upheld on"), "appealed_on": ("Pārsūdzēts", "Appealed on"),
}))

# event dates added by migration 0003
MESSAGES.update({
    "casework.field.accepted_for_examination_on": {"lv": "Pieņemts izskatīšanai", "en": "Accepted for examination"},
    "casework.field.transfer_decision_notified_on": {"lv": "Lēmums par pārsūtīšanu paziņots",
                                                     "en": "Transfer decision notified"},
    "casework.field.extension_notified_on": {"lv": "Pagarinājums paziņots", "en": "Extension notified"},
    "casework.field.reregistered_on": {"lv": "Pārreģistrēta", "en": "Re-registered"},
    "casework.field.contest_decided_on": {"lv": "Apstrīdējums izlemts", "en": "Contest decided"},
})

# issue 12: the Asylum Procedure Regulation (EU) 2024/1348 and the Return Directive's Art. 7(2) and 7(4)
MESSAGES.update({
    "casework.help.lodged_on": {"lv": "Iesniegšanas datums nosaka režīmu: no 12.06.2026 – Regula 2024/1348.",
                                "en": "The lodging date decides the regime: from 12.06.2026, Regulation 2024/1348."},
    "casework.help.made_on": {"lv": "Regulas 2024/1348 lietām: kad iesniegums izteikts (pirms reģistrēšanas).",
                              "en": "For Regulation 2024/1348 cases: when the application was made (before registration)."},
    "casework.help.departure_ground": {"lv": "Direktīvas 2008/115/EK 7. panta 4. punkts: vajadzīgs termiņam, kas īsāks par 7 dienām.",
                                       "en": "Directive 2008/115/EC Art. 7(4): needed for a period shorter than 7 days."},
    "casework.asylum.made_on_required": {
        "lv": "Regulas 2024/1348 iesniegumam jānorāda, kad tas izteikts (26. pants).",
        "en": "An application under Regulation 2024/1348 needs the day it was made (Art. 26)."},
    "casework.asylum.order_apr": {
        "lv": "Regulā 2024/1348 iesniegumu izsaka, tad reģistrē, tad iesniedz: “{later}” nevar būt agrāk par “{earlier}”.",
        "en": "Under Regulation 2024/1348 an application is made, then registered, then lodged: "
              "“{later}” cannot be before “{earlier}”."},
    "casework.asylum.order_asylum_law": {
        "lv": "Patvēruma likumā iesniegumu iesniedz, tad reģistrē: “{later}” nevar būt agrāk par “{earlier}”.",
        "en": "Under the Asylum Law an application is lodged, then registered: “{later}” cannot be before “{earlier}”."},
    "casework.asylum.admissibility_apr_only": {
        "lv": "Atsevišķa pieņemamības izvērtēšana ar savu termiņu ir tikai Regulā 2024/1348 (35. panta 1. punkts).",
        "en": "A separate admissibility examination with its own period exists only under Regulation 2024/1348 "
              "(Art. 35(1))."},
    "casework.asylum.postpone_apr_only": {
        "lv": "Lēmuma pieņemšanu atlikt var tikai Regulas 2024/1348 lietā (35. panta 7. punkts).",
        "en": "Only a case under Regulation 2024/1348 can have its decision postponed (Art. 35(7))."},
    "casework.return.short_period_needs_ground": {
        "lv": "Termiņam, kas īsāks par {min_days} dienām, norādiet Direktīvas 2008/115/EK 7. panta 4. punkta pamatu.",
        "en": "For a period shorter than {min_days} days, give the ground of Art. 7(4) of Directive 2008/115/EC."},
    "casework.return.extension_voluntary_only": {
        "lv": "Pagarināt var tikai brīvprātīgas izceļošanas termiņu.",
        "en": "Only a period for voluntary departure can be extended."},
})
MESSAGES.update(_pairs("casework.field", {
    "made_on": ("Izteikts", "Made on"), "postponed_on": ("Lēmums atlikts", "Decision postponed on"),
    "departure_ground": ("Īsāka termiņa pamats", "Ground for a shorter period"),
    "departure_extended_days": ("Termiņš pagarināts (dienas)", "Period extended (days)"),
    "departure_extension_reason": ("Pagarinājuma iemesls", "Reason for the extension"),
    "extend_by_days": ("Pagarināt par (dienām)", "Extend by (days)"),
}))
MESSAGES.update(_pairs("casework.choice.regime", {
    "asylum_law": ("Patvēruma likums (Direktīva 2013/32/ES)", "Asylum Law (Directive 2013/32/EU)"),
    "apr": ("Regula 2024/1348 (APR)", "Regulation 2024/1348 (APR)"),
}))
MESSAGES.update(_pairs("casework.choice.procedure", {
    "admissibility": ("Pieņemamības izvērtēšana", "Admissibility examination"),
    "admissible": ("Pieņemamības izvērtēšana", "Admissibility examination"),  # the stored code (12 characters)
}))
MESSAGES.update(_pairs("casework.choice.departure_ground", {
    "risk_of_absconding": ("Bēgšanas risks", "Risk of absconding"),
    "manifestly_unfounded": ("Pieteikums acīmredzami nepamatots", "Application manifestly unfounded"),
    "fraudulent": ("Pieteikums krāpniecisks", "Application fraudulent"),
    "danger": ("Drauds sabiedriskajai kārtībai vai drošībai", "Danger to public policy or security"),
}))
MESSAGES.update(_pairs("casework.choice.departure_extension_reason", {
    "length_of_stay": ("Uzturēšanās ilgums", "Length of stay"),
    "children_at_school": ("Bērni apmeklē skolu", "Children attending school"),
    "family_and_social_links": ("Ģimenes un sociālās saites", "Family and social links"),
    "other_circumstances": ("Citi lietas apstākļi", "Other circumstances of the case"),
}))
