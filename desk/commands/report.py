"""``desk report --date YYYY-MM-DD --format csv|xlsx|json|html --output PATH``: the day's report.

``--officer USER`` names the officer who exports (as for every command touching case data);
``--csv-dialect comma`` writes the CSV with commas instead of Latvian Excel's semicolons.
``--for-officer USER`` limits the report to that officer's cases and activity. A supervisor
(Permission.REPORTS) may report on any office (``--office CODE`` or ``--office all``; default their own)
and any officer; any other officer may export only their own work (``--for-officer`` themselves).
"""
from __future__ import annotations

from desk.commands.common import add_command, add_officer_arguments, cli_actor, open_from_args
from desk.i18n import get_language, tn


def register(sub) -> None:
    p = add_command(sub, "report", report_command, "export the day's report (csv, xlsx, json or a printable html page)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the day (Europe/Riga; default today)")
    p.add_argument("--office", metavar="CODE", help="office code, or 'all' (default: the officer's own office)")
    p.add_argument("--for-officer", dest="for_officer", metavar="USER",
                   help="only this officer's cases and activity (any officer may export their own)")
    p.add_argument("--format", dest="fmt", choices=("csv", "xlsx", "json", "html"), default="json")
    p.add_argument("--csv-dialect", dest="csv_dialect", choices=("semicolon", "comma"), default="semicolon",
                   help="CSV field separator: ';' as Latvian Excel expects (default) or ',' (RFC 4180)")
    p.add_argument("--output", metavar="PATH", required=True, help="file to write ('-' for standard output)")
    p.add_argument("--show-personal-codes", action="store_true",
                   help="print personal codes in full (default masked: DDMMYY-*****); the choice is audited")
    add_officer_arguments(p)


def report_command(args) -> int:
    import sys

    from desk.services import report
    from desk.text import parse_date

    store = open_from_args(args)
    try:
        actor = cli_actor(store, args)
        day = parse_date(args.date) if args.date else None
        with store.uow() as uow:
            rep = report.daily_report(uow, actor, day or uow.clock.today(), office=args.office,
                                      for_officer=args.for_officer, show_personal_codes=args.show_personal_codes)
            to_stdout = args.output == "-"
            data = report.export(uow, actor, rep, args.fmt, None if to_stdout else args.output,
                                 lang=get_language(), csv_dialect=args.csv_dialect)  # the CLI's --lang
        if to_stdout:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            written = str(report.export_target(rep, args.output))  # -UNMASKED for codes in full
            print(tn("report.cli.written", len(data), day=rep.day.isoformat(), path=written), file=sys.stderr)
        return 0
    finally:
        store.dispose()
