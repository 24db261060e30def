"""Words of a list on screen written to a file (desk.services.listexport, issue 18 point 7)."""

MESSAGES: dict[str, dict[str, str]] = {
    "list.sheet.worklist": {"lv": "Darba saraksts", "en": "Worklist"},
    "list.sheet.search": {"lv": "Meklēšanas rezultāti", "en": "Search results"},
    "list.sheet.person_cases": {"lv": "Personas lietas", "en": "Person's cases"},
    "list.sheet.case_deadlines": {"lv": "Lietas termiņi", "en": "Case deadlines"},
    "list.unknown_list": {"lv": "Šo sarakstu nevar eksportēt ({value}).", "en": "This list cannot be exported ({value})."},
    "list.unknown_format": {"lv": "Nezināms faila formāts: {value}. Izvēlieties XLSX vai CSV.",
                            "en": "Unknown file format: {value}. Choose XLSX or CSV."},
    "report.action.list.export": {"lv": "Eksportēt sarakstu", "en": "Export a list"},
    "ui.palette.export_list": {"lv": "Eksportēt sarakstu…", "en": "Export this list…"},
    "ui.palette.export_list_help": {"lv": "Saglabāt redzamo sarakstu ({what}) XLSX vai CSV failā, personas kodi maskēti",
                                    "en": "Save the list shown ({what}) as an XLSX or CSV file, personal codes masked"},
    "ui.list.pick_format": {"lv": "Faila formāts", "en": "File format"},
    "ui.list.pick_hint": {"lv": "Fails tiks saglabāts mapē {folder}", "en": "The file goes to {folder}"},
    "ui.list.format.xlsx": {"lv": "XLSX (Excel darbgrāmata)", "en": "XLSX (Excel workbook)"},
    "ui.list.format.csv": {"lv": "CSV (UTF-8, atdalītājs ;)", "en": "CSV (UTF-8, separated by ;)"},
    "ui.list.exported": {"lv": "Saraksts saglabāts, {n} rinda: {path}|Saraksts saglabāts, {n} rindas: {path}|"
                                "Saraksts saglabāts, {n} rindu: {path}",
                         "en": "List saved, {n} row: {path}|List saved, {n} rows: {path}"},
}
