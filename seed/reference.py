"""Reference data: PMLP's offices, countries (Latvian and English names from pycountry), the Dublin
partner states, residence permit purposes and decision reasons. ``load_reference`` is idempotent:
it inserts what is missing and updates names that changed, and never deletes."""
from __future__ import annotations

import gettext
from functools import lru_cache

from sqlmodel import select

from models import Country, DecisionReason, Office, PermitPurpose

# PMLP territorial offices (teritoriālās nodaļas) and Riga's branches: code, Latvian name, English name, town.
OFFICES: list[tuple[str, str, str, str]] = [
    ("RIG-CEN", "Rīgas 1. nodaļa (Čiekurkalna 1. līnija)", "Riga 1st Office (Čiekurkalna 1. līnija)", "Rīga"),
    ("RIG-2", "Rīgas 2. nodaļa (Ropažu iela)", "Riga 2nd Office (Ropažu iela)", "Rīga"),
    ("RIG-3", "Rīgas 3. nodaļa (Sarkandaugavas iela)", "Riga 3rd Office (Sarkandaugavas iela)", "Rīga"),
    ("RIG-MIG", "Migrācijas lietu nodaļa (Raiņa bulvāris)", "Migration Affairs Division (Raiņa bulvāris)", "Rīga"),
    ("RIG-PAT", "Patvēruma lietu nodaļa", "Asylum Affairs Division", "Rīga"),
    ("MUC", "Patvēruma meklētāju izmitināšanas centrs \"Mucenieki\"", "Asylum seekers' reception centre \"Mucenieki\"", "Mucenieki"),
    ("AIZ", "Aizkraukles nodaļa", "Aizkraukle Office", "Aizkraukle"),
    ("ALU", "Alūksnes nodaļa", "Alūksne Office", "Alūksne"),
    ("BAL", "Balvu nodaļa", "Balvi Office", "Balvi"),
    ("BAU", "Bauskas nodaļa", "Bauska Office", "Bauska"),
    ("CES", "Cēsu nodaļa", "Cēsis Office", "Cēsis"),
    ("DAU", "Daugavpils nodaļa", "Daugavpils Office", "Daugavpils"),
    ("DOB", "Dobeles nodaļa", "Dobele Office", "Dobele"),
    ("GUL", "Gulbenes nodaļa", "Gulbene Office", "Gulbene"),
    ("JEK", "Jēkabpils nodaļa", "Jēkabpils Office", "Jēkabpils"),
    ("JEL", "Jelgavas nodaļa", "Jelgava Office", "Jelgava"),
    ("JUR", "Jūrmalas nodaļa", "Jūrmala Office", "Jūrmala"),
    ("KRA", "Krāslavas nodaļa", "Krāslava Office", "Krāslava"),
    ("KUL", "Kuldīgas nodaļa", "Kuldīga Office", "Kuldīga"),
    ("LIE", "Liepājas nodaļa", "Liepāja Office", "Liepāja"),
    ("LIM", "Limbažu nodaļa", "Limbaži Office", "Limbaži"),
    ("LUD", "Ludzas nodaļa", "Ludza Office", "Ludza"),
    ("MAD", "Madonas nodaļa", "Madona Office", "Madona"),
    ("OGR", "Ogres nodaļa", "Ogre Office", "Ogre"),
    ("PRE", "Preiļu nodaļa", "Preiļi Office", "Preiļi"),
    ("REZ", "Rēzeknes nodaļa", "Rēzekne Office", "Rēzekne"),
    ("SAL", "Saldus nodaļa", "Saldus Office", "Saldus"),
    ("SIG", "Siguldas nodaļa", "Sigulda Office", "Sigulda"),
    ("TAL", "Talsu nodaļa", "Talsi Office", "Talsi"),
    ("TUK", "Tukuma nodaļa", "Tukums Office", "Tukums"),
    ("VAL", "Valkas nodaļa", "Valka Office", "Valka"),
    ("VLM", "Valmieras nodaļa", "Valmiera Office", "Valmiera"),
    ("VEN", "Ventspils nodaļa", "Ventspils Office", "Ventspils"),
]

# TEU Art. 49-52 and the acts of accession: the Member States of the European Union (Country.eu_member;
# Protocol No 24 on asylum for nationals of Member States).
EU_MEMBER_STATES = frozenset({
    "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL",
    "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE",
})
# Dublin III Art. 1 and AMMR: the EU Member States, plus Iceland, Norway, Switzerland and Liechtenstein
# by their association agreements (the same four enjoy free movement: the EEA Agreement, the EC-Swiss one).
DUBLIN_PARTNERS = EU_MEMBER_STATES | frozenset({"ISL", "NOR", "CHE", "LIE"})

# ICAO Doc 9303 codes for the cases ISO 3166 has no country for.
SPECIAL_COUNTRIES = [
    ("XXA", None, "Bezvalstnieks", "Stateless"),
    ("XXX", None, "Nezināma", "Unknown"),
]

PERMIT_PURPOSES = [
    ("employment", "Nodarbinātība", "Employment"),
    ("study", "Studijas", "Study"),
    ("family", "Ģimenes atkalapvienošanās", "Family reunification"),
    ("business", "Komercdarbība", "Business"),
    ("investment", "Investīcijas", "Investment"),
    ("repatriate", "Repatriants", "Repatriate"),
    ("international_protection", "Starptautiskā aizsardzība", "International protection"),
    ("research", "Pētniecība", "Research"),
    ("eu_citizen", "ES pilsoņa reģistrācija", "EU citizen registration"),
    ("other", "Cits", "Other"),
]

DECISION_REASONS = [
    ("asylum.well_founded_fear", "asylum", "Pamatotas bailes no vajāšanas", "Well-founded fear of persecution"),
    ("asylum.serious_harm", "asylum", "Reāls risks ciest nopietnu kaitējumu", "Real risk of serious harm"),
    ("asylum.safe_country", "asylum", "Droša izcelsmes valsts", "Safe country of origin"),
    ("asylum.not_credible", "asylum", "Sniegtās ziņas nav ticamas", "Statements not credible"),
    ("asylum.other_state_responsible", "asylum", "Atbildīga cita dalībvalsts", "Another Member State is responsible"),
    ("asylum.withdrawn", "asylum", "Iesniegums atsaukts", "Application withdrawn"),
    ("permit.conditions_met", "permit", "Nosacījumi izpildīti", "Conditions met"),
    ("permit.insufficient_means", "permit", "Nepietiekami līdzekļi", "Insufficient means of subsistence"),
    ("permit.false_information", "permit", "Sniegtas nepatiesas ziņas", "False information given"),
    ("permit.threat_public_order", "permit", "Drauds sabiedriskajai kārtībai", "Threat to public order"),
    ("visa.unforeseen_circumstances", "visa", "Neparedzēti apstākļi", "Unforeseen circumstances"),
    ("visa.force_majeure", "visa", "Nepārvarama vara", "Force majeure"),
    ("visa.humanitarian", "visa", "Humāni apsvērumi", "Humanitarian reasons"),
    ("invitation.conditions_met", "invitation", "Nosacījumi izpildīti", "Conditions met"),
    ("invitation.inviter_unreliable", "invitation", "Uzaicinātājs nav uzticams", "Inviter not reliable"),
    ("visa.conditions_not_met", "visa", "Nav pamata pagarināt uzturēšanos (Vīzu kodeksa 33. pants)", "No ground to extend the stay (Visa Code Art. 33)"),
    ("visa.false_information", "visa", "Sniegtas nepatiesas ziņas", "False information given"),
    ("visa.threat_public_order", "visa", "Drauds sabiedriskajai kārtībai vai drošībai", "Threat to public policy or security"),
    ("visa.entry_ban", "visa", "Ieceļošanas aizliegums (SIS brīdinājums)", "Entry ban (SIS alert)"),
    ("invitation.documents_missing", "invitation", "Nav iesniegti visi dokumenti", "Documents missing"),
    ("invitation.false_information", "invitation", "Uzaicinātājs sniedzis nepatiesas ziņas", "False information given by the inviter"),
    ("invitation.entry_ban", "invitation", "Uzaicinātajam noteikts ieceļošanas aizliegums", "The invited person is banned from entry"),
    ("invitation.illegal_immigration_risk", "invitation", "Nelegālās imigrācijas risks", "Risk of illegal immigration"),
    ("invitation.withdrawn_by_inviter", "invitation", "Uzaicinātājs atsaucis izsaukumu", "Withdrawn by the inviter"),
    ("return.overstay", "return", "Pārsniegts atļautais uzturēšanās laiks", "Overstay"),
    ("return.no_visa", "return", "Nav derīgas vīzas", "No valid visa"),
    ("return.no_permit", "return", "Nav derīgas uzturēšanās atļaujas", "No valid residence permit"),
    ("return.visa_free_breach", "return", "Pārkāpti bezvīzu režīma nosacījumi", "Visa-free conditions breached"),
    ("return.illegal_entry", "return", "Nelikumīga ieceļošana", "Irregular entry"),
]


@lru_cache(maxsize=1)
def countries() -> list[tuple[str, str | None, str, str]]:
    """(alpha3, alpha2, Latvian name, English name) for every ISO 3166 country, plus XXA and XXX."""
    import pycountry

    lv = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["lv"], fallback=True)
    rows = []
    for c in pycountry.countries:
        english = getattr(c, "common_name", None) or c.name
        rows.append((c.alpha_3, c.alpha_2, lv.gettext(c.name), english))
    rows.extend(SPECIAL_COUNTRIES)
    return sorted(rows)


def load_reference(session) -> dict[str, int]:
    """Insert or update the reference tables; returns how many rows of each were added."""
    added = {"offices": 0, "countries": 0, "purposes": 0, "reasons": 0}
    existing = {o.code: o for o in session.exec(select(Office)).all()}
    for code, lv, en, town in OFFICES:
        row = existing.get(code)
        if row is None:
            session.add(Office(code=code, name_lv=lv, name_en=en, town=town))
            added["offices"] += 1
        elif (row.name_lv, row.name_en, row.town) != (lv, en, town):
            row.name_lv, row.name_en, row.town = lv, en, town
            session.add(row)
    have = {c.code: c for c in session.exec(select(Country)).all()}
    for code, a2, lv, en in countries():
        partner, eu = code in DUBLIN_PARTNERS, code in EU_MEMBER_STATES
        row = have.get(code)
        if row is None:
            session.add(Country(code=code, alpha2=a2, name_lv=lv, name_en=en, dublin_partner=partner, eu_member=eu))
            added["countries"] += 1
        elif (row.name_lv, row.name_en, row.dublin_partner, row.eu_member) != (lv, en, partner, eu):
            row.name_lv, row.name_en, row.dublin_partner, row.eu_member = lv, en, partner, eu
            session.add(row)
    purposes = {p.code for p in session.exec(select(PermitPurpose)).all()}
    for code, lv, en in PERMIT_PURPOSES:
        if code not in purposes:
            session.add(PermitPurpose(code=code, name_lv=lv, name_en=en))
            added["purposes"] += 1
    reasons = {r.code for r in session.exec(select(DecisionReason)).all()}
    for code, kind, lv, en in DECISION_REASONS:
        if code not in reasons:
            session.add(DecisionReason(code=code, case_kind=kind, name_lv=lv, name_en=en))
            added["reasons"] += 1
    session.flush()
    return added
