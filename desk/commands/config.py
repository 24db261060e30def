"""``desk config path`` prints where the settings file is; ``desk config check`` reports its bad entries
(desk.settings: language, theme, idle lock and key bindings by their ids)."""
from __future__ import annotations

import sys

from desk.commands.common import add_command
from desk.i18n import t


def register(sub) -> None:
    p = sub.add_parser("config", help="the settings file: language, theme, idle lock, key bindings")
    actions = p.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    add_command(actions, "path", config_path, "print the settings file's path")
    add_command(actions, "check", config_check, "report the settings file's bad entries, one line each")


def config_path(args) -> int:
    from desk.settings import settings_path

    print(settings_path())
    return 0


def config_check(args) -> int:
    from desk import settings
    from screens.app import binding_ids  # the ids the app's screens declare

    path = settings.settings_path()
    if not path.exists():
        print(t("settings.cli.none", path=path))
        return 0
    _found, problems = settings.load(path, binding_ids=binding_ids)
    for problem in problems:
        print(f"desk: {t(problem.key, **problem.params)}", file=sys.stderr)
    if not problems:
        print(t("settings.cli.ok", path=path))
    return 1 if problems else 0
