"""Who may be what (desk.rules.eligibility), and notes on a case: refusals, the fields they need, the notes."""

MESSAGES: dict[str, dict[str, str]] = {
    # refusals: desk.rules.eligibility.Refusal (each says why and cites its article)
    "eligibility.latvian_asylum": {
        "lv": "Persona ir Latvijas pilsonis: Latvijas pilsonis nevar lūgt patvērumu Latvijā ({article}).",
        "en": "The person is a Latvian citizen: a Latvian citizen cannot seek asylum in Latvia ({article})."},
    "eligibility.eu_asylum_without_ground": {
        "lv": "Persona ir ES pilsonis ({citizenship}): ES pilsoņa patvēruma iesniegumu izskata tikai Protokolā "
              "Nr. 24 paredzētajos gadījumos; izvēlieties pamatu ({article}).",
        "en": "The person is an EU citizen ({citizenship}): an EU citizen's asylum application is examined only "
              "in the cases of Protocol No 24; choose the ground ({article})."},
    "eligibility.protocol_ground_not_eu": {
        "lv": "Protokola Nr. 24 pamatu norāda tikai ES pilsonim; personas pilsonība ir {citizenship} ({article}).",
        "en": "A Protocol No 24 ground is for EU citizens only; the person's citizenship is {citizenship} ({article})."},
    "eligibility.dublin_not_third_country": {
        "lv": "Dublinas pieprasījums attiecas tikai uz trešo valstu pilsoņiem un bezvalstniekiem; personas "
              "pilsonība ir {citizenship} (ES, Norvēģija, Islande, Lihtenšteina vai Šveice) ({article}).",
        "en": "A Dublin request concerns only third-country nationals and stateless persons; the person's "
              "citizenship is {citizenship} (the EU, Norway, Iceland, Liechtenstein or Switzerland) ({article})."},
    "eligibility.return_free_movement": {
        "lv": "Atgriešanas lēmumu saskaņā ar Atgriešanas direktīvu nepieņem personai, kurai ir Savienības tiesības "
              "brīvi pārvietoties; personas pilsonība ir {citizenship}. ES pilsoņa izraidīšanu regulē cits "
              "tiesību akts ({article}).",
        "en": "A return decision under the Return Directive is not for a person with the Union right of free "
              "movement; the person's citizenship is {citizenship}. An EU citizen's expulsion is another law's "
              "matter ({article})."},
    "eligibility.first_but_earlier": {
        "lv": "Personai jau ir patvēruma iesniegums: reģistrējiet šo kā atkārtotu iesniegumu vai apstipriniet, ka "
              "tas ir pirmreizējs ({article}).",
        "en": "The person has applied for asylum before: register this as a repeat application, or confirm that "
              "it is a first one ({article})."},
    # names: desk.rules.eligibility.NameProblem
    "eligibility.name_not_letter": {
        "lv": "Vārdā un uzvārdā drīkst būt tikai burti, atstarpes, defises un apostrofi; {char} nav atļauts.",
        "en": "A name may hold only letters, spaces, hyphens and apostrophes; {char} is not allowed."},
    "eligibility.name_symbol": {
        "lv": "Vārdā un uzvārdā nedrīkst būt simboli vai emocijzīmes: {char}.",
        "en": "A name may not hold symbols or emoji: {char}."},
    "eligibility.name_invisible": {
        "lv": "Vārdā un uzvārdā nedrīkst būt vadības vai neredzamas rakstzīmes: {char}.",
        "en": "A name may not hold control or invisible characters: {char}."},
    "eligibility.name_lone_mark": {
        "lv": "Diakritiskā zīme {char} nav pievienota burtam.",
        "en": "The combining mark {char} does not follow a letter."},
    "eligibility.name_no_letter": {"lv": "Vārdā nav neviena burta.", "en": "The name has no letter."},
    "person.personal_code_birth_mismatch": {
        "lv": "Personas kods norāda dzimšanas datumu {coded}, bet norādītais dzimšanas datums ir {born}.",
        "en": "The personal code gives the date of birth {coded}, but the date of birth given is {born}."},
    # the asylum registration's fields for these rules
    "casework.field.first_confirmed": {"lv": "Apstiprināts kā pirmreizējs", "en": "Confirmed as first"},
    "casework.field.protocol24_ground": {"lv": "Protokola Nr. 24 pamats", "en": "Protocol No 24 ground"},
    "casework.choice.protocol24_ground.echr_derogation": {
        "lv": "a) pilsonības valsts atkāpjas no ECTK saistībām (15. pants)",
        "en": "(a) the state of nationality derogates from the ECHR (Art. 15)"},
    "casework.choice.protocol24_ground.art7_initiated": {
        "lv": "b) pret pilsonības valsti uzsākta LES 7. panta 1. punkta procedūra",
        "en": "(b) the TEU Art. 7(1) procedure is under way against the state of nationality"},
    "casework.choice.protocol24_ground.art7_decided": {
        "lv": "c) par pilsonības valsti pieņemts lēmums saskaņā ar LES 7. pantu",
        "en": "(c) a decision under TEU Art. 7 has been adopted on the state of nationality"},
    "casework.choice.protocol24_ground.unilateral": {
        "lv": "d) Latvija vienpusēji nolēmusi iesniegumu izskatīt",
        "en": "(d) Latvia has decided unilaterally to examine the application"},
    "casework.help.application_type": {
        "lv": "Ja neizvēlas: atkārtots, ja personai jau ir patvēruma iesniegums, citādi pirmreizējs.",
        "en": "If not chosen: repeat when the person has applied before, otherwise first."},
    "casework.help.first_confirmed": {
        "lv": "Atzīmējiet tikai tad, ja personai ir agrāks iesniegums, bet šis tomēr ir pirmreizējs.",
        "en": "Tick only when the person applied before and this is nevertheless a first application."},
    "casework.help.protocol24_ground": {
        "lv": "Tikai ES pilsonim: gadījums, kurā viņa iesniegumu izskata (Protokols Nr. 24).",
        "en": "EU citizens only: the case in which the application is examined (Protocol No 24)."},
}
