"""The layers point one way: screens -> desk.services -> desk.rules; desk.services -> models.

desk.rules imports neither textual, sqlmodel nor sqlalchemy (checked by importing each module in a
fresh interpreter and looking at sys.modules); the domain never imports textual; screens never reach
the store themselves (checked on their source: no sqlmodel/sqlalchemy/models imports, no select(),
no Session)."""
import ast
import json
import pkgutil
import shutil
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


# --- the static import graph: no circles, function-local imports included -----------------------------------

PACKAGES = ("desk", "screens", "models", "seed")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _project_modules() -> dict[str, Path]:
    return {_module_name(p): p for top in PACKAGES for p in sorted((ROOT / top).rglob("*.py"))
            if "migrations" not in p.relative_to(ROOT).parts}


def _imported_names(node: ast.AST, module: str, is_package: bool) -> list[str]:
    """The dotted names one import statement may load (``from a import b``: ``a`` and ``a.b``)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        source = ".".join(base + ([node.module] if node.module else []))
    else:
        source = node.module or ""
    return [source] + [f"{source}.{a.name}" for a in node.names]


def import_graph() -> dict[str, dict[str, int]]:
    """module -> {imported project module: line of the first such import}, over every import statement in
    the module (top level, inside functions, under TYPE_CHECKING), resolved to the nearest project module."""
    modules = _project_modules()
    graph: dict[str, dict[str, int]] = {}
    for module, path in modules.items():
        edges = graph.setdefault(module, {})
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            for name in _imported_names(node, module, path.name == "__init__.py"):
                while name and name not in modules:
                    name = name.rpartition(".")[0]
                if name and name != module:
                    edges.setdefault(name, node.lineno)
    return graph


def find_cycle(graph: dict[str, dict[str, int]], within: str | None) -> list[str] | None:
    """One import circle among the modules ``within`` (a package prefix; None: all), as [a, b, ..., a], or None."""
    inside = {m for m in graph if within is None or m == within or m.startswith(within + ".")}
    done: set[str] = set()
    for start in sorted(inside):
        if start in done:
            continue
        path: list[str] = []
        on_path: set[str] = set()
        stack = [(start, iter(sorted(t for t in graph[start] if t in inside)))]
        path.append(start)
        on_path.add(start)
        while stack:
            node, targets = stack[-1]
            for target in targets:
                if target in on_path:
                    return path[path.index(target):] + [target]
                if target not in done:
                    stack.append((target, iter(sorted(t for t in graph[target] if t in inside))))
                    path.append(target)
                    on_path.add(target)
                    break
            else:
                stack.pop()
                path.pop()
                on_path.discard(node)
                done.add(node)
    return None


def _show(graph, cycle: list[str]) -> str:
    return " -> ".join(f"{a} (line {graph[a][b]})" for a, b in zip(cycle, cycle[1:])) + f" -> {cycle[-1]}"


@pytest.mark.parametrize("package", ["desk.services", "screens", "desk", "models", "seed", None],
                         ids=lambda p: p or "the whole tree")
def test_no_import_cycle(package):
    """desk.services: vocabulary -> write side -> read models; screens: the app imports the screens, a screen
    asks the app for the next one (screens.navigation). A circle is opened by a lower tier, never hidden by a
    function-local import."""
    graph = import_graph()
    cycle = find_cycle(graph, package)
    assert cycle is None, f"import cycle in {package or 'the tree'}: {_show(graph, cycle)}"


def test_the_import_graph_sees_function_local_imports_and_finds_a_planted_cycle():
    graph = import_graph()
    assert "screens.casefile" in graph["screens.app"]  # imported inside DeskApp.open_case
    assert "desk.services.audit" in graph["desk.services.report.exporting"]
    planted = {m: dict(edges) for m, edges in graph.items()}
    planted["desk.services.labels"]["desk.services.views"] = 1
    cycle = find_cycle(planted, "desk.services")
    assert cycle is not None and cycle[0] == cycle[-1] and "desk.services.views" in cycle


def _names_object(annotation: ast.expr | None) -> bool:
    if annotation is None:
        return False
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        annotation = ast.parse(annotation.value, mode="eval").body
    return any(isinstance(n, ast.Name) and n.id == "object" for n in ast.walk(annotation))


def _service_fields():
    for path in sorted((ROOT / "desk" / "services").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for stmt in cls.body:
                if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                    yield f"{path.relative_to(ROOT)}:{stmt.lineno} {cls.name}.{stmt.target.id}", stmt.annotation


def test_no_service_field_is_typed_object():
    """A field typed ``object`` hides what it holds (and so which module it depends on)."""
    fields = list(_service_fields())
    assert len(fields) > 50
    assert not [where for where, annotation in fields if _names_object(annotation)]
    assert _names_object(ast.parse("x: object | None").body[0].annotation)


# --- import-linter: the contracts in pyproject.toml -----------------------------------------------------------

def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    """``lint-imports`` with the contracts of ``cwd``/pyproject.toml over the packages in ``cwd``."""
    script = Path(sys.executable).with_name("lint-imports")
    command = [str(script)] if script.exists() else [sys.executable, "-c",
                                                      "import sys; from importlinter.cli import lint_imports_command; "
                                                      "sys.exit(lint_imports_command())"]
    return subprocess.run(command + ["--no-cache"], capture_output=True, text=True, cwd=cwd)


def _contract_names() -> list[str]:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [c["name"] for c in config["tool"]["importlinter"]["contracts"]]


def test_import_linter_contracts_are_kept():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    names = _contract_names()
    assert len(names) >= 9
    assert f"Contracts: {len(names)} kept, 0 broken." in result.stdout


@pytest.mark.parametrize("module, line, contract", [
    ("desk/services/report/renderers.py", "from desk.services.views import SCOPES", "read-model tier"),
    ("desk/services/report/layout.py", "from desk.services.report.queries import counted",
     "drawing a report reads no store"),
    ("desk/services/report/queries.py", "from desk.services.report.gather import daily_report", "the report: exporting"),
    ("desk/services/views.py", "from desk.services.report import render", "the report is not a read model's"),
    ("desk/services/labels.py", "from desk.services import audit", "vocabulary tier"),
    ("desk/rules/visas.py", "from desk.text import fold", "desk.rules is pure"),
    ("screens/casefile.py", "from screens.home import HomeScreen", "a screen imports no sibling screen"),
    ("screens/form.py", "from screens.app import DeskApp", "a screen imports no sibling screen"),
])
def test_import_linter_fails_when_a_contract_is_broken(tmp_path, module, line, contract):
    """The same contracts over a copy of the tree with one forbidden import planted in a function."""
    for top in PACKAGES:
        shutil.copytree(ROOT / top, tmp_path / top, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    with (tmp_path / module).open("a", encoding="utf-8") as f:
        f.write(f"\n\ndef _planted():\n    {line}\n")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    broken = [name for name in _contract_names() if f"{name} BROKEN" in " ".join(result.stdout.split())]
    assert any(contract in name for name in broken), result.stdout
