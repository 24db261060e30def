"""The worklist's filter and order (screens.home, screens.worklist_filter), and a save refused because
another officer changed the case first (issue 14 points 9 and 10)."""

MESSAGES: dict[str, dict[str, str]] = {
    # desk.services.views.DueState: a case's next deadline, as the filter names it (labels.label)
    "due_state.overdue": {"lv": "Nokavēts", "en": "Overdue"},
    "due_state.today": {"lv": "Termiņš šodien", "en": "Due today"},
    "due_state.soon": {"lv": "Termiņš 7 dienās", "en": "Due within 7 days"},
    "due_state.open": {"lv": "Termiņš vēlāk", "en": "Due later"},
    "due_state.none": {"lv": "Nav termiņa", "en": "Nothing due"},
    # desk.services.views.WorklistOrder
    "worklist_order.due": {"lv": "tuvākais termiņš vispirms", "en": "nearest deadline first"},
    "worklist_order.waiting": {"lv": "ilgāk gaidošās vispirms", "en": "waiting longest first"},
    "ui.key.home.filter": {"lv": "Filtrs", "en": "Filter"},
    "ui.key.home.order": {"lv": "Kārtot", "en": "Sort"},
    "ui.home.narrowed": {"lv": " — {what}", "en": " — {what}"},
    "ui.home.ordered": {"lv": "Kārtots: {order}.", "en": "Sorted: {order}."},
    "ui.palette.filter": {"lv": "Filtrēt darba sarakstu", "en": "Filter the worklist"},
    "ui.palette.filter_help": {"lv": "Pēc veida, statusa, termiņa vai atbildīgā.",
                               "en": "By kind, status, deadline or officer."},
    "ui.palette.order": {"lv": "Kārtot: termiņš / gaidīšanas ilgums", "en": "Sort: due date / days waiting"},
    "ui.palette.order_help": {"lv": "Tuvākais termiņš vai ilgāk gaidošās lietas vispirms.",
                              "en": "Nearest deadline or the cases waiting longest first."},
    "ui.filter.title": {"lv": "Darba saraksta filtrs", "en": "Filter the worklist"},
    "ui.filter.kind": {"lv": "Lietas veids", "en": "Case kind"},
    "ui.filter.status": {"lv": "Statuss", "en": "Status"},
    "ui.filter.due": {"lv": "Termiņš", "en": "Deadline"},
    "ui.filter.officer": {"lv": "Atbildīgais", "en": "Officer"},
    "ui.filter.any": {"lv": "(jebkurš)", "en": "(any)"},
    "ui.filter.hint": {"lv": "Ctrl+S — lietot, Ctrl+R — notīrīt visu, Esc — atcelt.",
                       "en": "Ctrl+S applies, Ctrl+R clears all, Esc cancels."},
    "ui.key.filter.apply": {"lv": "Lietot", "en": "Apply"},
    "ui.key.filter.clear": {"lv": "Notīrīt", "en": "Clear"},
    "ui.key.filter.cancel": {"lv": "Atcelt", "en": "Cancel"},
}
