"""The layers point one way: screens -> desk.services -> desk.rules; desk.services -> models.

desk.rules imports neither textual, sqlmodel nor sqlalchemy (checked by importing each module in a
fresh interpreter and looking at sys.modules); the domain never imports textual; screens never reach
the store themselves (checked on their source: no sqlmodel/sqlalchemy/models imports, no select(),
no Session)."""
import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _modules(package: str) -> list[str]:
    path = ROOT.joinpath(*package.split("."))
    return [package] + [f"{package}.{m.name}" for m in pkgutil.iter_modules([str(path)])]


def _loaded_after_import(module: str) -> set[str]:
    code = f"import sys, json, {module}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return {m.split(".")[0] for m in json.loads(out.stdout)}


@pytest.mark.parametrize("module", _modules("desk.rules"))
def test_rules_are_pure(module):
    loaded = _loaded_after_import(module)
    assert not loaded & {"textual", "sqlmodel", "sqlalchemy", "models", "screens"}, module


@pytest.mark.parametrize("module", _modules("desk.services") + ["desk.store", "desk.cli", "models", "seed.reference"])
def test_domain_does_not_import_textual(module):
    assert "textual" not in _loaded_after_import(module), module


FORBIDDEN_IMPORTS = ("sqlmodel", "sqlalchemy", "models", "desk.store")


def _screen_files():
    return sorted(p for p in (ROOT / "screens").rglob("*.py"))


@pytest.mark.parametrize("path", _screen_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_screens_do_not_touch_the_store(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in {"select", "Session", "text"}, f"{path.name}:{node.lineno}"
            continue
        else:
            continue
        for name in names:
            assert not any(name == f or name.startswith(f + ".") for f in FORBIDDEN_IMPORTS), \
                f"{path.name}:{node.lineno} imports {name}"


def test_there_are_screens_to_check():
    assert len(_screen_files()) >= 3
