"""Messages of desk.rules: rule titles, consequences, anchors, notes, errors, and the labels of every
status and action of every case kind (``status.<module>.<value>``, ``action.<module>.<value>``).

Keys used by code are checked by tests/rules/test_catalog.py."""
from __future__ import annotations


def _m(lv: str, en: str) -> dict[str, str]:
    return {"lv": lv, "en": en}


MESSAGES: dict[str, dict[str, str]] = {
    # --- errors ---------------------------------------------------------------------------------------
    "rules.transition_refused": _m(
        "Darbība “{action}” nav atļauta, kad statuss ir “{state}”.",
        "The action “{action}” is not allowed when the status is “{state}”.",
    ),
    "rules.missing_date": _m("Trūkst datuma: {field}.", "A date is missing: {field}."),
    "rules.invalid_date": _m("Nederīgs datums: {value}.", "Not a valid date: {value}."),
    "rules.negative_period": _m("Termiņš nevar būt negatīvs.", "A period cannot be negative."),
    "rules.unknown_country": _m("Nezināma valsts: {country}.", "Unknown country: {country}."),
    "rules.dublin.no_request_limit": _m(
        "Informācijas pieprasījuma nosūtīšanai termiņa nav.",
        "There is no time limit for sending an information request.",
    ),
    "rules.dublin.unknown_kind": _m("Nezināms pieprasījuma veids: {kind}.", "Unknown request kind: {kind}."),
    "rules.dublin.unknown_regime": _m("Nezināms režīms: {regime}.", "Unknown regime: {regime}."),
    "rules.dublin.hit_required": _m(
        "Atpakaļuzņemšanas paziņojumam vajadzīgs Eurodac atbilstības saņemšanas datums.",
        "A take back notification needs the date the Eurodac hit was received.",
    ),
    "rules.dublin.urgent_take_charge_only": _m(
        "Steidzamu atbildi var lūgt tikai pārņemšanas pieprasījumā.",
        "An urgent reply can be asked only in a take charge request.",
    ),
    "rules.dublin.unknown_extension": _m(
        "Nezināms pārsūtīšanas termiņa pagarinājuma pamats: {extension}.",
        "Unknown ground for extending the transfer period: {extension}.",
    ),
    "rules.dublin.extension_not_in_regime": _m(
        "Pagarinājuma pamats “{extension}” šajā režīmā nav paredzēts.",
        "The extension ground “{extension}” does not exist under this regime.",
    ),
    "rules.dublin.urgent_ground_required": _m(
        "Regulā 2024/1351 steidzamu atbildi var lūgt tikai tad, ja iesniegums reģistrēts pēc lēmuma par "
        "ieceļošanas atteikumu vai atgriešanas lēmuma (39. panta 2. punkts): norādiet, kura.",
        "Under Regulation 2024/1351 an urgent reply may be asked only where the application was registered "
        "after a refusal of entry or a return decision (Art. 39(2)): say which.",
    ),
    "rules.dublin.urgent_too_short": _m(
        "Steidzamās atbildes termiņam jābūt vismaz {weeks} nedēļai no pieprasījuma saņemšanas.",
        "The urgent reply period must be at least {weeks} week from the receipt of the request.",
    ),
    "rules.dublin.minor_no_limit_yet": _m(
        "Bērna interesēs pieprasījumu var nosūtīt jebkurā laikā līdz pirmajam lēmumam pēc būtības; "
        "tāda lēmuma vēl nav, tāpēc pēdējās dienas nav.",
        "In the child's best interests the request may be sent at any time before the first decision on "
        "the substance; there is no such decision yet, so there is no last day.",
    ),
    # --- desk recompute --------------------------------------------------------------------------------
    "rules.recompute.law_2026": _m(
        "termiņi pārrēķināti pēc 2026. gada 1. decembrī spēkā esošajām tiesību normām (Regulas (ES) 2024/1351 "
        "75. pants, Regula (ES) 2024/1348, Direktīvas 2008/115/EK 7. pants)",
        "deadlines recomputed under the law in force on 1 December 2026 (Regulation (EU) 2024/1351 Art. 75, "
        "Regulation (EU) 2024/1348, Directive 2008/115/EC Art. 7)",
    ),
    "rules.recompute.cases": _m(
        "Pārbaudīta {n} atvērta lieta.|Pārbaudītas {n} atvērtas lietas.|Pārbaudītas {n} atvērtu lietu.",
        "{n} open case checked.|{n} open cases checked.",
    ),
    "rules.recompute.moved": _m(
        "Termiņi mainījušies {n} lietā (katras lietas vēsturē ieraksts).|Termiņi mainījušies {n} lietās "
        "(katras lietas vēsturē ieraksts).|Termiņi mainījušies {n} lietās (katras lietas vēsturē ieraksts).",
        "Deadlines moved in {n} case (an entry in its history).|Deadlines moved in {n} cases (an entry in "
        "each case's history).",
    ),
    "rules.recompute.dry_run": _m(
        "Termiņi mainītos {n} lietā (nekas nav mainīts).|Termiņi mainītos {n} lietās (nekas nav mainīts)."
        "|Termiņi mainītos {n} lietās (nekas nav mainīts).",
        "Deadlines would move in {n} case (nothing changed).|Deadlines would move in {n} cases (nothing changed).",
    ),
    "rules.recompute.gone": _m("vairs nav", "no longer due"),
    # --- anchors --------------------------------------------------------------------------------------
    "rules.anchor.lodged": _m("iesnieguma iesniegšana", "lodging of the application"),
    "rules.anchor.registered": _m("iesnieguma reģistrēšana", "registration of the application"),
    "rules.anchor.hit_received": _m("Eurodac/VIS atbilstības saņemšana", "receipt of the Eurodac/VIS hit"),
    "rules.anchor.detained": _m("aizturēšana", "placement in detention"),
    "rules.anchor.knowledge": _m(
        "ziņas, ka atbildīga varētu būt cita dalībvalsts",
        "learning that another Member State may be responsible",
    ),
    "rules.anchor.received": _m("pieprasījuma saņemšana", "receipt of the request"),
    "rules.anchor.refusal_received": _m("atteikuma saņemšana", "receipt of the refusal"),
    "rules.anchor.reexamination_requested": _m(
        "lūgums pēc atkārtotas izskatīšanas", "request for re-examination"
    ),
    "rules.anchor.accepted": _m("pieprasījuma akceptēšana", "acceptance of the request"),
    "rules.anchor.tacitly_accepted": _m("klusējot sniegta piekrišana", "tacit acceptance"),
    "rules.anchor.appeal_final": _m(
        "galīgais lēmums par pārsūdzību ar apturošu iedarbību",
        "final decision on an appeal with suspensive effect",
    ),
    "rules.anchor.transfer_decision_notified": _m(
        "lēmuma par pārsūtīšanu paziņošana", "notification of the transfer decision"
    ),
    "rules.anchor.urgent_asked": _m("lūgtais steidzamās atbildes termiņš", "the urgent reply period asked"),
    "rules.anchor.first_decision": _m("pirmais lēmums pēc būtības", "the first decision on the substance"),
    "rules.anchor.extension_notified": _m(
        "paziņojums atbildīgajai dalībvalstij par pagarinājumu", "notice of the extension to the responsible state"
    ),
    "rules.anchor.reappeared": _m("persona atkal pieejama iestādēm", "the person available to the authorities again"),
    # --- notes ----------------------------------------------------------------------------------------
    "rules.note.minor_best_interests": _m(
        "Nepavadīts nepilngadīgais: bērna interesēs pieprasījumu var nosūtīt līdz pirmajam lēmumam pēc būtības.",
        "Unaccompanied child: in the child's best interests the request may be sent until the first decision "
        "on the substance.",
    ),
    "rules.note.regime_boundary": _m(
        "Iesniegums reģistrēts 2026. gada 1. jūlijā: Regulas 2024/1351 84. pants šo dienu neaptver; "
        "piemērota Regula 2024/1351 - pārbaudiet.",
        "Application registered on 1 July 2026: Art. 84 of Regulation 2024/1351 does not cover that day; "
        "Regulation 2024/1351 was applied - please check.",
    ),
    "rules.note.sent_out_of_time": _m(
        "Pieprasījums nosūtīts pēc termiņa beigām.", "The request was sent after its time limit."
    ),
    # --- consequences ---------------------------------------------------------------------------------
    "rules.consequence.tacit_acceptance": _m(
        "Ja atbildes nav, pieprasījums uzskatāms par akceptētu (klusējot sniegta piekrišana).",
        "Without a reply the request is deemed accepted (tacit acceptance).",
    ),
    "rules.consequence.tacit_confirmation": _m(
        "Ja atbildes nav, paziņojuma saņemšana uzskatāma par apstiprinātu.",
        "Without a reply the receipt of the notification is deemed confirmed.",
    ),
    "rules.consequence.requesting_state_responsible": _m(
        "Par pieteikuma izskatīšanu atbildīga kļūst pieprasījuma iesniedzēja dalībvalsts.",
        "The requesting Member State becomes responsible for examining the application.",
    ),
    "rules.consequence.registering_state_responsible": _m(
        "Atbildīga kļūst dalībvalsts, kurā pieteikums reģistrēts.",
        "The Member State where the application was registered becomes responsible.",
    ),
    "rules.consequence.new_application_state_responsible": _m(
        "Atbildīga kļūst dalībvalsts, kurā iesniegts jaunais pieteikums.",
        "The Member State where the new application was lodged becomes responsible.",
    ),
    "rules.consequence.new_application_opportunity": _m(
        "Personai jādod iespēja iesniegt jaunu pieteikumu.",
        "The person must be given the opportunity to lodge a new application.",
    ),
    "rules.consequence.obligation_remains": _m(
        "Atbildīgās dalībvalsts pienākums uzņemt personu atpakaļ saglabājas.",
        "The responsible Member State's obligation to take the person back remains.",
    ),
    "rules.consequence.urgent_reply_late": _m(
        "Lūgtais steidzamās atbildes termiņš nav ievērots; klusēšana kļūst par piekrišanu mēnesi pēc saņemšanas.",
        "The urgent period asked was not respected; silence becomes acceptance one month after receipt.",
    ),
    "rules.consequence.reply_still_owed": _m(
        "Klusēšana nav piekrišana; pienākums atbildēt saglabājas, kavējums jāpamato.",
        "Silence is not acceptance; the duty to reply remains and any delay must be justified.",
    ),
    "rules.consequence.urgent_reply_late_ammr": _m(
        "Lūgtais steidzamās atbildes termiņš nav ievērots; klusēšana kļūst par piekrišanu divas nedēļas pēc "
        "saņemšanas (vai lūgtajā dienā, ja tā ir vēlāk).",
        "The urgent period asked was not respected; silence becomes acceptance two weeks after receipt (or on "
        "the day asked, if later).",
    ),
    "rules.consequence.no_tacit_effect": _m(
        "Klusēšanai nav juridisku seku (nav uzskatāma par piekrišanu).",
        "Silence has no legal effect (it is not acceptance).",
    ),
    "rules.consequence.refusal_final": _m(
        "Atteikums kļūst galīgs.", "The refusal becomes final."
    ),
    "rules.consequence.reexamination_ends": _m(
        "Atkārtotās izskatīšanas procedūra beidzas; klusēšana NAV piekrišana.",
        "The re-examination procedure ends; silence is NOT acceptance.",
    ),
    "rules.consequence.responsibility_shifts": _m(
        "Atbildība pāriet uz pārsūtītāju dalībvalsti.",
        "Responsibility passes to the transferring (requesting) Member State.",
    ),
    "rules.consequence.release_from_detention": _m(
        "Persona vairs nedrīkst tikt turēta aizturēšanā.", "The person may no longer be kept in detention."
    ),
    "rules.consequence.extension_unavailable": _m(
        "Pārsūtīšanas termiņu vairs nevar pagarināt.", "The transfer period can no longer be extended."
    ),
    "rules.consequence.decision_final": _m(
        "Lēmums kļūst neapstrīdams.", "The decision can no longer be challenged."
    ),
    # --- Dublin III rule titles -----------------------------------------------------------------------
    "rules.title.dublin3.take_charge.request": _m(
        "Pārņemšanas pieprasījuma nosūtīšana (3 mēneši)", "Send the take charge request (3 months)"
    ),
    "rules.title.dublin3.take_charge.request_hit": _m(
        "Pārņemšanas pieprasījums pēc Eurodac atbilstības (2 mēneši)",
        "Take charge request after a Eurodac hit (2 months)",
    ),
    "rules.title.dublin3.take_charge.request_hit_cap": _m(
        "Pārņemšanas pieprasījums ne vēlāk kā 3 mēnešos no iesniegšanas (Mengesteab)",
        "Take charge request no later than 3 months from lodging (Mengesteab)",
    ),
    "rules.title.dublin3.take_back.request": _m(
        "Atpakaļuzņemšanas pieprasījuma nosūtīšana (3 mēneši)", "Send the take back request (3 months)"
    ),
    "rules.title.dublin3.take_back.request_hit": _m(
        "Atpakaļuzņemšanas pieprasījums pēc Eurodac atbilstības (2 mēneši)",
        "Take back request after a Eurodac hit (2 months)",
    ),
    "rules.title.dublin3.take_back_no_application.request": _m(
        "Atpakaļuzņemšanas pieprasījums bez jauna pieteikuma (3 mēneši)",
        "Take back request without a new application (3 months)",
    ),
    "rules.title.dublin3.take_back_no_application.request_hit": _m(
        "Atpakaļuzņemšanas pieprasījums bez jauna pieteikuma pēc Eurodac atbilstības (2 mēneši)",
        "Take back request without a new application after a Eurodac hit (2 months)",
    ),
    "rules.title.dublin3.request_detained": _m(
        "Pieprasījums aizturētas personas lietā (1 mēnesis)", "Request for a detained person (1 month)"
    ),
    "rules.title.dublin3.take_charge.reply": _m(
        "Atbilde uz pārņemšanas pieprasījumu (2 mēneši)", "Reply to a take charge request (2 months)"
    ),
    "rules.title.dublin3.take_charge.reply_urgent": _m(
        "Steidzama atbilde lūgtajā termiņā", "Urgent reply within the period asked"
    ),
    "rules.title.dublin3.take_charge.reply_urgent_max": _m(
        "Steidzama atbilde ne vēlāk kā 1 mēnesī", "Urgent reply within one month at the latest"
    ),
    "rules.title.dublin3.take_back.reply": _m(
        "Atbilde uz atpakaļuzņemšanas pieprasījumu (1 mēnesis)", "Reply to a take back request (1 month)"
    ),
    "rules.title.dublin3.take_back.reply_hit": _m(
        "Atbilde uz atpakaļuzņemšanas pieprasījumu ar Eurodac datiem (2 nedēļas)",
        "Reply to a take back request based on Eurodac data (2 weeks)",
    ),
    "rules.title.dublin3.reply_detained": _m(
        "Atbilde aizturētas personas lietā (2 nedēļas)", "Reply for a detained person (2 weeks)"
    ),
    "rules.title.dublin3.information.reply": _m(
        "Atbilde uz informācijas pieprasījumu (5 nedēļas)", "Reply to an information request (5 weeks)"
    ),
    "rules.title.dublin3.reexamination.request": _m(
        "Lūgums atkārtoti izskatīt atteikumu (3 nedēļas)", "Ask for re-examination of a refusal (3 weeks)"
    ),
    "rules.title.dublin3.reexamination.reply": _m(
        "Atbilde uz lūgumu atkārtoti izskatīt (2 nedēļas)", "Reply to a re-examination request (2 weeks)"
    ),
    "rules.title.dublin3.transfer": _m("Pārsūtīšana (6 mēneši)", "Transfer (6 months)"),
    "rules.title.dublin3.transfer_imprisonment": _m(
        "Pārsūtīšana, pagarināts ieslodzījuma dēļ (1 gads)", "Transfer extended for imprisonment (1 year)"
    ),
    "rules.title.dublin3.transfer_absconding": _m(
        "Pārsūtīšana, pagarināts aizbēgšanas dēļ (18 mēneši)", "Transfer extended for absconding (18 months)"
    ),
    "rules.title.dublin3.transfer_detained": _m(
        "Aizturētas personas pārsūtīšana (6 nedēļas)", "Transfer of a detained person (6 weeks)"
    ),
    "rules.title.dublin3.transfer_extension_notice": _m(
        "Paziņojums par pārsūtīšanas termiņa pagarināšanu", "Notice of the extended transfer period"
    ),
    # --- AMMR rule titles ----------------------------------------------------------------------------
    "rules.title.ammr.take_charge.request": _m(
        "Pārņemšanas pieprasījuma nosūtīšana (2 mēneši)", "Send the take charge request (2 months)"
    ),
    "rules.title.ammr.take_charge.request_hit": _m(
        "Pārņemšanas pieprasījums pēc Eurodac vai VIS atbilstības (1 mēnesis)",
        "Take charge request after a Eurodac or VIS hit (1 month)",
    ),
    "rules.title.ammr.take_charge.request_detained": _m(
        "Pārņemšanas pieprasījums aizturētas personas lietā (2 nedēļas)",
        "Take charge request for a detained person (2 weeks)",
    ),
    "rules.title.ammr.take_charge.request_detained_later": _m(
        "Pārņemšanas pieprasījums, ja persona aizturēta vēlāk (1 nedēļa)",
        "Take charge request when detained later (1 week)",
    ),
    "rules.title.ammr.take_back.notification": _m(
        "Atpakaļuzņemšanas paziņojuma nosūtīšana (2 nedēļas)", "Send the take back notification (2 weeks)"
    ),
    "rules.title.ammr.take_back.notification_detained": _m(
        "Atpakaļuzņemšanas paziņojums aizturētas personas lietā (2 nedēļas)",
        "Take back notification for a detained person (2 weeks)",
    ),
    "rules.title.ammr.take_back.notification_detained_later": _m(
        "Atpakaļuzņemšanas paziņojums, ja persona aizturēta vēlāk (1 nedēļa)",
        "Take back notification when detained later (1 week)",
    ),
    "rules.title.ammr.take_charge.reply": _m(
        "Atbilde uz pārņemšanas pieprasījumu (1 mēnesis)", "Reply to a take charge request (1 month)"
    ),
    "rules.title.ammr.take_charge.reply_hit": _m(
        "Atbilde uz pārņemšanas pieprasījumu ar atbilstību (2 nedēļas)",
        "Reply to a hit-based take charge request (2 weeks)",
    ),
    "rules.title.ammr.reply_detained": _m(
        "Atbilde aizturētas personas lietā (1 nedēļa)", "Reply for a detained person (1 week)"
    ),
    "rules.title.ammr.take_back.confirmation": _m(
        "Atpakaļuzņemšanas paziņojuma saņemšanas apstiprināšana (2 nedēļas)",
        "Confirm receipt of a take back notification (2 weeks)",
    ),
    "rules.title.ammr.information.reply": _m(
        "Atbilde uz informācijas pieprasījumu (3 nedēļas)",
        "Reply to an information request (3 weeks)",
    ),
    "rules.title.ammr.reexamination.request": _m(
        "Lūgums atkārtoti izskatīt atteikumu (3 nedēļas)",
        "Ask for re-examination of a refusal (3 weeks)",
    ),
    "rules.title.ammr.reexamination.reply": _m(
        "Atbilde uz lūgumu atkārtoti izskatīt (2 nedēļas)",
        "Reply to a re-examination request (2 weeks)",
    ),
    "rules.title.ammr.transfer_decision": _m(
        "Lēmums par pārsūtīšanu (2 nedēļas)", "Transfer decision (2 weeks)"
    ),
    "rules.title.ammr.transfer_appeal": _m(
        "Lēmuma par pārsūtīšanu pārsūdzēšana", "Appeal against the transfer decision"
    ),
    "rules.title.ammr.transfer": _m("Pārsūtīšana (6 mēneši)", "Transfer (6 months)"),
    "rules.title.ammr.transfer_imprisonment": _m(
        "Pārsūtīšana, pagarināts brīvības atņemšanas dēļ (1 gads)",
        "Transfer extended for deprivation of liberty (1 year)",
    ),
    "rules.title.ammr.transfer_absconding": _m(
        "Pārsūtīšana, pagarināts bēgšanas, pretošanās vai nepiemērotības pārsūtīšanai dēļ (3 gadi no paziņojuma)",
        "Transfer extended for absconding, resisting or unfitness for transfer (3 years from the notice)",
    ),
    "rules.title.ammr.transfer_reappeared": _m(
        "Pārsūtīšana pēc personas atkārtotas parādīšanās (3 mēneši)",
        "Transfer after the person reappears (3 months)",
    ),
    "rules.title.ammr.transfer_detained": _m(
        "Aizturētas personas pārsūtīšana (5 nedēļas)", "Transfer of a detained person (5 weeks)"
    ),
    "rules.title.ammr.transfer_decision_detained": _m(
        "Lēmums par aizturētas personas pārsūtīšanu (2 nedēļas)", "Transfer decision for a detained person (2 weeks)"
    ),
    "rules.title.ammr.take_charge.request_minor": _m(
        "Pārņemšanas pieprasījums nepavadīta bērna interesēs (līdz pirmajam lēmumam)",
        "Take charge request in an unaccompanied child's interests (until the first decision)",
    ),
    "rules.title.ammr.take_charge.reply_urgent": _m(
        "Steidzama atbilde lūgtajā termiņā", "Urgent reply within the period asked"
    ),
    "rules.title.ammr.take_charge.reply_urgent_max": _m(
        "Steidzama atbilde, ja lūgtajā termiņā nav iespējams (2 nedēļas)",
        "Urgent reply where the period asked is not possible (2 weeks)",
    ),
    "rules.title.dublin3.transfer_detained_later": _m(
        "Pārsūtīšana, ja aizturēts pēc akceptēšanas (6 nedēļas no aizturēšanas)",
        "Transfer when detained after acceptance (6 weeks from detention)",
    ),
    "rules.title.ammr.transfer_extension_notice": _m(
        "Paziņojums par pārsūtīšanas termiņa pagarināšanu", "Notice of the extended transfer period"
    ),
    # --- Dublin values -------------------------------------------------------------------------------
    "rules.label.dublin.kind.take_charge": _m("pārņemšanas pieprasījums", "take charge request"),
    "rules.label.dublin.kind.take_back": _m("atpakaļuzņemšanas pieprasījums", "take back request"),
    "rules.label.dublin.kind.information": _m("informācijas pieprasījums", "information request"),
    "rules.label.dublin.regime.dublin_iii": _m("Dublinas III regula (604/2013)", "Dublin III (604/2013)"),
    "rules.label.dublin.regime.ammr": _m("Regula 2024/1351 (AMMR)", "Regulation 2024/1351 (AMMR)"),
    "rules.label.dublin.direction.outgoing": _m("nosūtīts", "outgoing"),
    "rules.label.dublin.direction.incoming": _m("saņemts", "incoming"),
    # --- Dublin statuses and actions -------------------------------------------------------------------
    "status.dublin.draft": _m("melnraksts", "draft"),
    "status.dublin.sent": _m("nosūtīts, gaida atbildi", "sent, awaiting reply"),
    "status.dublin.answered": _m("atbildēts", "answered"),
    "status.dublin.accepted": _m("akceptēts", "accepted"),
    "status.dublin.tacitly_accepted": _m("akceptēts klusējot", "tacitly accepted"),
    "status.dublin.rejected": _m("noraidīts", "rejected"),
    "status.dublin.reexamination_requested": _m("lūgta atkārtota izskatīšana", "re-examination requested"),
    "status.dublin.reexamination_lapsed": _m(
        "atkārtotā izskatīšana beigusies bez atbildes", "re-examination lapsed without reply"
    ),
    "status.dublin.closed": _m("slēgts (atteikums galīgs)", "closed (refusal final)"),
    "status.dublin.transfer_decided": _m("pieņemts lēmums par pārsūtīšanu", "transfer decided"),
    "status.dublin.transfer_scheduled": _m("pārsūtīšana ieplānota", "transfer scheduled"),
    "status.dublin.transfer_extended": _m("pārsūtīšanas termiņš pagarināts", "transfer period extended"),
    "status.dublin.transferred": _m("pārsūtīts", "transferred"),
    "status.dublin.expired": _m("pārsūtīšanas termiņš beidzies", "transfer period expired"),
    "status.dublin.withdrawn": _m("atsaukts", "withdrawn"),
    "status.dublin.received": _m("saņemts, gaida Latvijas atbildi", "received, awaiting Latvia's reply"),
    "status.dublin.transfer_expected": _m("gaidāma pārsūtīšana uz Latviju", "transfer to Latvia expected"),
    "status.dublin.arrived": _m("persona ieradusies Latvijā", "the person arrived in Latvia"),
    "action.dublin.send": _m("Nosūtīt", "Send"),
    "action.dublin.answer": _m("Reģistrēt atbildi", "Record the answer"),
    "action.dublin.accept": _m("Akceptēt", "Accept"),
    "action.dublin.accept_tacitly": _m("Reģistrēt klusējot sniegtu piekrišanu", "Record tacit acceptance"),
    "action.dublin.reject": _m("Noraidīt", "Reject"),
    "action.dublin.request_reexamination": _m("Lūgt atkārtotu izskatīšanu", "Ask for re-examination"),
    "action.dublin.accept_on_reexamination": _m("Akceptēt pēc atkārtotas izskatīšanas", "Accept on re-examination"),
    "action.dublin.reject_on_reexamination": _m("Noraidīt pēc atkārtotas izskatīšanas", "Reject on re-examination"),
    "action.dublin.lapse_reexamination": _m(
        "Atzīmēt, ka atkārtotā izskatīšana beigusies", "Mark the re-examination as lapsed"
    ),
    "action.dublin.close": _m("Slēgt", "Close"),
    "action.dublin.decide_transfer": _m("Pieņemt lēmumu par pārsūtīšanu", "Decide the transfer"),
    "action.dublin.schedule_transfer": _m("Ieplānot pārsūtīšanu", "Schedule the transfer"),
    "action.dublin.cancel_schedule": _m("Atcelt ieplānoto pārsūtīšanu", "Cancel the scheduled transfer"),
    "action.dublin.extend_transfer": _m("Pagarināt pārsūtīšanas termiņu", "Extend the transfer period"),
    "action.dublin.record_reappearance": _m("Persona atkal pieejama", "Person available again"),
    "action.dublin.complete_transfer": _m("Atzīmēt pārsūtīšanu kā notikušu", "Record the transfer as done"),
    "action.dublin.expire": _m("Atzīmēt termiņa beigas", "Mark as expired"),
    "action.dublin.withdraw": _m("Atsaukt", "Withdraw"),
    "action.dublin.ask_information": _m("Lūgt papildu informāciju", "Ask for more information"),
    "action.dublin.receive_reexamination": _m("Saņemts lūgums atkārtoti izskatīt", "Re-examination request received"),
    "action.dublin.expect_transfer": _m("Paziņota pārsūtīšana uz Latviju", "Transfer to Latvia announced"),
    "action.dublin.record_arrival": _m("Persona ieradusies", "The person arrived"),
}

# --- asylum, permits, visas, invitations, returns ------------------------------------------------------
MESSAGES.update({
    # anchors
    "rules.anchor.accepted_for_examination": _m(
        "lēmums par iesnieguma pieņemšanu izskatīšanai", "decision to accept the application for examination"
    ),
    "rules.anchor.interview": _m("personīgā intervija", "personal interview"),
    "rules.anchor.notified": _m("lēmuma paziņošana", "notification of the decision"),
    "rules.anchor.valid_from": _m("derīguma sākums", "start of validity"),
    "rules.anchor.card_issued": _m("kartes izsniegšana vai pārreģistrācija", "issue or re-registration of the card"),
    "rules.anchor.entered": _m("ieceļošana", "entry"),
    "rules.anchor.submitted": _m("iesniegšana", "submission"),
    "rules.anchor.applied": _m("iesnieguma saņemšana", "receipt of the application"),
    "rules.title.permits.decision": _m("Lēmums par uzturēšanās atļauju (1 mēnesis)", "Decision on the residence permit (1 month)"),
    "rules.title.visas.decision": _m("Lēmums par vīzu vai tās pagarināšanu (1 mēnesis)",
                                     "Decision on the visa or its extension (1 month)"),
    "rules.anchor.approved": _m("apstiprināšana", "approval"),
    "rules.anchor.contest_decided": _m("lēmums par apstrīdēšanu", "decision on the contest"),
    "rules.anchor.departed": _m("faktiskā izceļošana", "actual departure"),
    # consequences
    "rules.consequence.decision_late": _m(
        "Lēmums nav pieņemts likumā noteiktajā termiņā.", "The decision was not taken within the legal time limit."
    ),
    "rules.consequence.right_to_work": _m(
        "Ja lēmuma nav un kavēšanās nav patvēruma meklētāja vainas dēļ, viņam rodas tiesības strādāt.",
        "Without a decision, and through no fault of the applicant, the applicant acquires the right to work.",
    ),
    "rules.consequence.permit_expires": _m(
        "Uzturēšanās atļauja zaudē derīgumu; jāpiesakās laikus.",
        "The residence permit lapses; apply in good time.",
    ),
    "rules.consequence.card_invalid": _m(
        "Uzturēšanās atļaujas karte zaudē derīgumu, ja tā nav pārreģistrēta.",
        "The residence card becomes invalid unless it is re-registered.",
    ),
    "rules.consequence.overstay": _m(
        "Uzturēšanās pēc šīs dienas ir nelikumīga.", "Staying after this day is unlawful."
    ),
    "rules.consequence.invitation_expires": _m(
        "Ielūgums vai izsaukums zaudē derīgumu.", "The invitation or call lapses."
    ),
    "rules.consequence.forced_expulsion": _m(
        "Ja persona neizceļo, to var piespiedu kārtā izraidīt.", "If the person does not leave, they may be expelled."
    ),
    "rules.consequence.ban_ends": _m(
        "Ieceļošanas aizliegums beidzas; nākamajā dienā persona drīkst ieceļot.",
        "The entry ban ends; the person may enter from the next day.",
    ),
    # errors
    "rules.asylum.extension_too_long": _m(
        "Lēmuma termiņu var pagarināt ne vairāk kā par {max} mēnešiem (norādīts: {months}).",
        "The decision period can be extended by at most {max} months (given: {months}).",
    ),
    "rules.asylum.apr_extension_too_long": _m(
        "Regula 2024/1348 (35. pants) ļauj šo termiņu pagarināt ne vairāk kā par {max} mēnešiem (norādīts: {months}).",
        "Regulation 2024/1348 (Art. 35) allows this period to be extended by at most {max} months (given: {months}).",
    ),
    "rules.asylum.apr_no_extension_accelerated": _m(
        "Regula 2024/1348 (35. panta 3. punkts) paātrinātās procedūras termiņa pagarinājumu neparedz "
        "(norādīts: {months} mēn.).",
        "Regulation 2024/1348 (Art. 35(3)) provides no extension of the accelerated procedure's period "
        "(given: {months} months).",
    ),
    "rules.permits.until_required": _m(
        "Termiņuzturēšanās atļaujai jānorāda derīguma beigu datums.",
        "A temporary residence permit needs an end date.",
    ),
    "rules.permits.until_before_from": _m(
        "Derīguma beigas ({valid_until}) nevar būt pirms sākuma ({valid_from}).",
        "The end of validity ({valid_until}) cannot be before its start ({valid_from}).",
    ),
    "rules.permits.too_long": _m(
        "Atļauju var izsniegt ne ilgāk kā uz {max_years} g.; vēlākais beigu datums: {latest}.",
        "The permit can be issued for at most {max_years} years; the latest end date is {latest}.",
    ),
    "rules.permits.too_short": _m(
        "Termiņuzturēšanās atļauju izsniedz vismaz uz {min_years} g.; agrākais beigu datums: {earliest}.",
        "A temporary residence permit is issued for at least {min_years} year(s); the earliest end date is {earliest}.",
    ),
    "rules.visa_too_long": _m(
        "C vīza atļauj uzturēties ne vairāk kā {max_days} dienas (norādīts: {days}).",
        "A C visa allows at most {max_days} days of stay (given: {days}).",
    ),
    "rules.visas.d_visa_too_long": _m(
        "D vīza derīga ne ilgāk kā {max_years} gadu; vēlākais beigu datums: {latest}.",
        "A D visa is valid for at most {max_years} year; the latest end date is {latest}.",
    ),
    "rules.visas.until_before_from": _m(
        "Vīzas derīguma beigas ({valid_until}) nevar būt pirms sākuma ({valid_from}).",
        "The visa's end of validity ({valid_until}) cannot be before its start ({valid_from}).",
    ),
    "rules.visas.days_of_stay_invalid": _m(
        "Uzturēšanās dienu skaitam jābūt vismaz 1 (norādīts: {days}).",
        "The days of stay must be at least 1 (given: {days}).",
    ),
    "rules.visas.stay_longer_than_validity": _m(
        "Uzturēšanās dienu skaits ({days}) pārsniedz vīzas derīguma dienas ({validity_days}).",
        "The days of stay ({days}) exceed the visa's days of validity ({validity_days}).",
    ),
    "rules.visas.exit_before_entry": _m(
        "Izceļošanas datums ({exit}) ir pirms ieceļošanas datuma ({entry}).",
        "The exit date ({exit}) is before the entry date ({entry}).",
    ),
    "rules.visas.no_days_left": _m(
        "Ieceļojot {entry}, 90 dienu limits 180 dienu periodā jau ir izlietots.",
        "Entering on {entry}, the 90 days in any 180-day period are already used up.",
    ),
    "rules.invitations.no_invited_person": _m(
        "Ielūgumā jānorāda vismaz viena uzaicinātā persona.", "An invitation must name at least one invited person."
    ),
    "rules.invitations.too_many_invited": _m(
        "Vienā ielūgumā var norādīt ne vairāk kā {max} personas (norādītas: {count}).",
        "One invitation can name at most {max} persons (given: {count}).",
    ),
    "rules.invitations.extension_too_long": _m(
        "Lēmuma termiņu var pagarināt līdz {max} mēnešiem (norādīts: {months}).",
        "The decision period can be extended to at most {max} months (given: {months}).",
    ),
    "rules.returns.departure_period_out_of_range": _m(
        "Brīvprātīgas izceļošanas termiņam jābūt no {min_days} līdz {max_days} dienām (norādīts: {days}).",
        "The period for voluntary departure must be {min_days} to {max_days} days (given: {days}).",
    ),
    "rules.returns.no_departure_period_for_expulsion": _m(
        "Lēmumā par piespiedu izraidīšanu brīvprātīgas izceļošanas termiņu nenosaka.",
        "A forced expulsion decision sets no period for voluntary departure.",
    ),
    "rules.returns.ban_required": _m(
        "Lēmumam par piespiedu izraidīšanu jānosaka ieceļošanas aizliegums.",
        "A forced expulsion decision must impose an entry ban.",
    ),
    "rules.returns.ban_too_long": _m(
        "Ieceļošanas aizliegums nevar pārsniegt {max_years} gadus (norādīts: {years} g. {months} mēn.).",
        "The entry ban cannot exceed {max_years} years (given: {years} years {months} months).",
    ),
    "rules.returns.ban_limit_too_long": _m(
        "Ieceļošanas aizlieguma ilgākais termiņš nevar pārsniegt direktīvas {max_years} gadus (norādīts: {years}).",
        "The longest entry ban cannot exceed the Directive's {max_years} years (given: {years}).",
    ),
    "rules.returns.short_period_needs_ground": _m(
        "Izceļošanas termiņu, kas īsāks par {min_days} dienām (norādīts: {days}), var noteikt tikai ar "
        "Direktīvas 2008/115/EK 7. panta 4. punkta pamatu; norādiet to.",
        "A departure period shorter than {min_days} days (given: {days}) needs a ground of Art. 7(4) of "
        "Directive 2008/115/EC; record it.",
    ),
    "rules.returns.extension_reason_required": _m(
        "Izceļošanas termiņa pagarinājumam (Direktīvas 2008/115/EK 7. panta 2. punkts) jānorāda iemesls.",
        "An extension of the departure period (Art. 7(2) of Directive 2008/115/EC) needs its reason.",
    ),
    "rules.returns.extension_voluntary_only": _m(
        "Pagarināt var tikai brīvprātīgas izceļošanas termiņu.",
        "Only a period for voluntary departure can be extended.",
    ),
    # rule titles
    "rules.title.asylum.decision": _m(
        "Lēmums par statusu (3 mēneši pēc intervijas, ne vēlāk kā 6 mēneši pēc reģistrēšanas)",
        "Decision on status (3 months after the interview, at most 6 months after registration)",
    ),
    "rules.title.asylum.decision_interview": _m(
        "Lēmums par statusu (3 mēneši pēc intervijas)", "Decision on status (3 months after the interview)"
    ),
    "rules.title.asylum.decision_extended": _m(
        "Lēmums par statusu, termiņš pagarināts", "Decision on status, period extended"
    ),
    "rules.title.asylum.decision_eu_cap": _m(
        "Lēmums ne vēlāk kā 21 mēnesi pēc iesniegšanas", "Decision within 21 months of lodging at the latest"
    ),
    "rules.title.asylum.interview": _m(
        "Personīgā intervija (1 mēnesis)", "Personal interview (1 month)"
    ),
    "rules.title.asylum.right_to_work_9m": _m(
        "Tiesības strādāt, ja 9 mēnešos nav lēmuma", "Right to work without a decision after 9 months"
    ),
    "rules.title.asylum.right_to_work_6m": _m(
        "Tiesības strādāt, ja 6 mēnešos nav lēmuma", "Right to work without a decision after 6 months"
    ),
    "rules.title.asylum.right_to_work_3m": _m(
        "Tiesības strādāt, ja 3 mēnešos nav lēmuma", "Right to work without a decision after 3 months"
    ),
    "rules.title.asylum.appeal": _m(
        "Pārsūdzība administratīvajā rajona tiesā (1 mēnesis)", "Appeal to the District Administrative Court (1 month)"
    ),
    # Asylum Procedure Regulation (EU) 2024/1348
    "rules.title.apr.decision": _m(
        "Lēmums pēc būtības (6 mēneši no iesniegšanas)", "Decision on the merits (6 months from lodging)"
    ),
    "rules.title.apr.decision_extended": _m(
        "Lēmums pēc būtības, termiņš pagarināts (ne vairāk kā par 6 mēnešiem)",
        "Decision on the merits, period extended (by at most 6 months)",
    ),
    "rules.title.apr.decision_postponed": _m(
        "Lēmums atlikts: ne vēlāk kā 21 mēnesi no iesniegšanas",
        "Decision postponed: within 21 months of lodging at the latest",
    ),
    "rules.title.apr.accelerated": _m(
        "Paātrinātā procedūra (3 mēneši no iesniegšanas)", "Accelerated procedure (3 months from lodging)"
    ),
    "rules.title.apr.admissibility": _m(
        "Pieņemamības izvērtēšana (2 mēneši no iesniegšanas)", "Admissibility examination (2 months from lodging)"
    ),
    "rules.title.apr.admissibility_extended": _m(
        "Pieņemamības izvērtēšana, termiņš pagarināts (ne vairāk kā par 2 mēnešiem)",
        "Admissibility examination, period extended (by at most 2 months)",
    ),
    "rules.title.apr.appeal_short": _m(
        "Pārsūdzība tiesā (saīsinātais termiņš, 5–10 dienas)", "Appeal to the court (short period, 5 to 10 days)"
    ),
    "rules.title.apr.appeal": _m(
        "Pārsūdzība tiesā (2 nedēļas – 1 mēnesis)", "Appeal to the court (2 weeks to 1 month)"
    ),
    "rules.label.asylum.regime.asylum_law": _m(
        "Patvēruma likums un Direktīva 2013/32/ES", "Asylum Law and Directive 2013/32/EU"
    ),
    "rules.label.asylum.regime.apr": _m("Regula 2024/1348 (APR)", "Regulation 2024/1348 (APR)"),
    "rules.title.permits.validity_end": _m("Uzturēšanās atļaujas derīguma beigas", "End of the permit's validity"),
    "rules.title.permits.card_reregistration": _m(
        "Uzturēšanās atļaujas kartes pārreģistrācija", "Re-registration of the residence card"
    ),
    "rules.title.visas.validity_end": _m("Vīzas derīguma beigas", "End of the visa's validity"),
    "rules.title.visas.schengen_90_180": _m(
        "Pēdējā uzturēšanās diena (90 dienas 180 dienu periodā)", "Last day of stay (90 days in any 180)"
    ),
    "rules.title.permits.contest": _m("Atteikuma apstrīdēšana (1 mēnesis no paziņošanas)",
                                      "Contesting the refusal (1 month from notification)"),
    "rules.title.visas.contest": _m("Atteikuma apstrīdēšana (1 mēnesis no paziņošanas)",
                                    "Contesting the refusal (1 month from notification)"),
    "rules.title.invitations.contest": _m("Atteikuma apstrīdēšana (1 mēnesis no paziņošanas)",
                                          "Contesting the refusal (1 month from notification)"),
    "rules.title.invitations.decision": _m(
        "Lēmums par ielūgumu vai izsaukumu (1 mēnesis)", "Decision on the invitation or call (1 month)"
    ),
    "rules.title.invitations.decision_extended": _m(
        "Lēmums par ielūgumu vai izsaukumu, termiņš pagarināts", "Decision on the invitation or call, period extended"
    ),
    "rules.title.invitations.validity": _m(
        "Ielūguma vai izsaukuma derīguma beigas", "End of the invitation's or call's validity"
    ),
    "rules.title.returns.voluntary_departure": _m(
        "Brīvprātīga izceļošana (7-30 dienas)", "Voluntary departure (7-30 days)"
    ),
    "rules.title.returns.voluntary_departure_short": _m(
        "Brīvprātīga izceļošana, saīsināts termiņš (mazāk par 7 dienām)",
        "Voluntary departure, shorter period (under 7 days)",
    ),
    "rules.title.returns.voluntary_departure_extended": _m(
        "Brīvprātīga izceļošana, termiņš pagarināts", "Voluntary departure, period extended"
    ),
    "rules.title.returns.entry_ban_max": _m(
        "Ilgākais ieceļošanas aizliegums (PMLP prakse: 3 gadi)", "Longest entry ban (PMLP practice: 3 years)"
    ),
    "rules.title.returns.contest": _m("Apstrīdēšana iestādes vadītājam", "Contest to the head of the authority"),
    "rules.title.returns.court_appeal": _m("Pārsūdzība tiesā", "Appeal to the court"),
    "rules.title.returns.entry_ban": _m(
        "Ieceļošanas aizlieguma beigas (no faktiskās izceļošanas)", "End of the entry ban (from the actual departure)"
    ),
    # asylum statuses and actions
    "status.asylum.lodged": _m("iesniegts", "lodged"),
    "status.asylum.accepted_for_examination": _m("pieņemts izskatīšanai", "accepted for examination"),
    "status.asylum.interviewed": _m("intervija notikusi", "interviewed"),
    "status.asylum.refugee_status": _m("piešķirts bēgļa statuss", "refugee status granted"),
    "status.asylum.alternative_status": _m("piešķirts alternatīvais statuss", "alternative status granted"),
    "status.asylum.refused": _m("atteikts", "refused"),
    "status.asylum.left_without_examination": _m("atstāts bez izskatīšanas", "left without examination"),
    "status.asylum.withdrawn": _m("atsaukts", "withdrawn"),
    "status.asylum.appealed": _m("pārsūdzēts", "appealed"),
    "status.asylum.final": _m("galīgs", "final"),
    "action.asylum.accept_for_examination": _m("Pieņemt izskatīšanai", "Accept for examination"),
    "action.asylum.hold_interview": _m("Reģistrēt personīgo interviju", "Record the personal interview"),
    "action.asylum.grant_refugee_status": _m("Piešķirt bēgļa statusu", "Grant refugee status"),
    "action.asylum.grant_alternative_status": _m("Piešķirt alternatīvo statusu", "Grant alternative status"),
    "action.asylum.refuse": _m("Atteikt", "Refuse"),
    "action.asylum.leave_without_examination": _m("Atstāt bez izskatīšanas", "Leave without examination"),
    "action.asylum.withdraw": _m("Reģistrēt atsaukumu", "Record the withdrawal"),
    "action.asylum.appeal": _m("Reģistrēt pārsūdzību", "Record an appeal"),
    "action.asylum.court_remits": _m("Tiesa nodod lietu jaunai izskatīšanai", "Court sends the case back"),
    "action.asylum.become_final": _m("Atzīmēt kā galīgu", "Mark as final"),
    "action.asylum.extend_decision": _m("Pagarināt lēmuma termiņu", "Extend the decision period"),
    "action.asylum.postpone_decision": _m("Atlikt lēmumu (Regulas 2024/1348 35. panta 7. punkts)",
                                          "Postpone the decision (Art. 35(7) of Regulation 2024/1348)"),
    # permits
    "status.permits.applied": _m("pieprasīta", "applied for"),
    "status.permits.granted": _m("piešķirta", "granted"),
    "status.permits.refused": _m("atteikta", "refused"),
    "status.permits.issued": _m("izsniegta", "issued"),
    "status.permits.reregistered": _m("pārreģistrēta", "re-registered"),
    "status.permits.annulled": _m("anulēta", "annulled"),
    "status.permits.expired": _m("derīguma termiņš beidzies", "expired"),
    "status.permits.withdrawn": _m("pieprasījums atsaukts", "application withdrawn"),
    "action.permits.grant": _m("Piešķirt", "Grant"),
    "action.permits.refuse": _m("Atteikt", "Refuse"),
    "action.permits.issue": _m("Izsniegt", "Issue"),
    "action.permits.reregister": _m("Pārreģistrēt", "Re-register"),
    "action.permits.annul": _m("Anulēt", "Annul"),
    "action.permits.expire": _m("Atzīmēt derīguma beigas", "Mark as expired"),
    "action.permits.withdraw": _m("Reģistrēt atsaukumu", "Record the withdrawal"),
    "action.permits.notify": _m("Reģistrēt atteikuma paziņošanu", "Record the refusal's notification"),
    "action.permits.contest": _m("Reģistrēt apstrīdēšanu", "Record a contest"),
    # visas
    "status.visas.applied": _m("pieprasīta", "applied for"),
    "status.visas.issued": _m("izsniegta", "issued"),
    "status.visas.refused": _m("atteikta", "refused"),
    "status.visas.extended": _m("pagarināta", "extended"),
    "status.visas.annulled": _m("anulēta", "annulled"),
    "status.visas.revoked": _m("atcelta", "revoked"),
    "status.visas.expired": _m("derīguma termiņš beidzies", "expired"),
    "status.visas.withdrawn": _m("pieprasījums atsaukts", "application withdrawn"),
    "action.visas.issue": _m("Izsniegt", "Issue"),
    "action.visas.refuse": _m("Atteikt", "Refuse"),
    "action.visas.extend": _m("Pagarināt", "Extend"),
    "action.visas.annul": _m("Anulēt", "Annul"),
    "action.visas.revoke": _m("Atcelt", "Revoke"),
    "action.visas.expire": _m("Atzīmēt derīguma beigas", "Mark as expired"),
    "action.visas.withdraw": _m("Reģistrēt atsaukumu", "Record the withdrawal"),
    "action.visas.notify": _m("Reģistrēt atteikuma paziņošanu", "Record the refusal's notification"),
    "action.visas.contest": _m("Reģistrēt apstrīdēšanu", "Record a contest"),
    # invitations
    "status.invitations.submitted": _m("iesniegts", "submitted"),
    "status.invitations.approved": _m("apstiprināts", "approved"),
    "status.invitations.refused": _m("atteikts", "refused"),
    "status.invitations.used": _m("izmantots", "used"),
    "status.invitations.expired": _m("derīguma termiņš beidzies", "expired"),
    "status.invitations.cancelled": _m("anulēts", "cancelled"),
    "action.invitations.approve": _m("Apstiprināt", "Approve"),
    "action.invitations.refuse": _m("Atteikt", "Refuse"),
    "action.invitations.use": _m("Atzīmēt kā izmantotu", "Mark as used"),
    "action.invitations.expire": _m("Atzīmēt derīguma beigas", "Mark as expired"),
    "action.invitations.cancel": _m("Anulēt", "Cancel"),
    "action.invitations.notify": _m("Reģistrēt atteikuma paziņošanu", "Record the refusal's notification"),
    "action.invitations.contest": _m("Reģistrēt apstrīdēšanu", "Record a contest"),
    # returns
    "status.returns.issued": _m("izdots", "issued"),
    "status.returns.notified": _m("paziņots", "notified"),
    "status.returns.contested": _m("apstrīdēts", "contested"),
    "status.returns.appealed": _m("pārsūdzēts tiesā", "appealed to court"),
    "status.returns.departed_voluntarily": _m("izceļojis brīvprātīgi", "departed voluntarily"),
    "status.returns.expelled": _m("piespiedu kārtā izraidīts", "expelled"),
    "status.returns.ban_in_force": _m("ieceļošanas aizliegums spēkā", "entry ban in force"),
    "status.returns.ban_expired": _m("ieceļošanas aizliegums beidzies", "entry ban expired"),
    "status.returns.closed": _m("slēgts", "closed"),
    "status.returns.annulled": _m("atcelts", "annulled"),
    "action.returns.notify": _m("Reģistrēt paziņošanu", "Record the notification"),
    "action.returns.contest": _m("Reģistrēt apstrīdēšanu", "Record a contest"),
    "action.returns.uphold": _m("Atstāt lēmumu negrozītu", "Uphold the decision"),
    "action.returns.appeal": _m("Reģistrēt pārsūdzību tiesā", "Record an appeal to court"),
    "action.returns.depart": _m("Reģistrēt brīvprātīgu izceļošanu", "Record voluntary departure"),
    "action.returns.expel": _m("Reģistrēt piespiedu izraidīšanu", "Record the expulsion"),
    "action.returns.start_ban": _m("Sākt ieceļošanas aizliegumu", "Start the entry ban"),
    "action.returns.close": _m("Slēgt", "Close"),
    "action.returns.expire_ban": _m("Atzīmēt aizlieguma beigas", "Mark the ban as expired"),
    "action.returns.annul": _m("Atcelt", "Annul"),
    "action.returns.extend_departure": _m("Pagarināt izceļošanas termiņu", "Extend the departure period"),
})
