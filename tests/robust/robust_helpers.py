"""Shared by the robustness tests: officers for the worker processes, running a worker script."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
REPO = HERE.parent.parent
PASSWORD = "stress-pass-1"


def add_officers(store, n: int, *, role: str = "asylum", prefix: str = "stress") -> list[str]:
    """Reference data (if missing) and ``n`` officers of ``role``; returns their usernames."""
    from desk.services import auth
    from models import Office
    from seed.reference import load_reference
    from sqlmodel import select

    names = [f"{prefix}{i}" for i in range(n)]
    with store.uow() as uow:
        if uow.session.exec(select(Office.id).limit(1)).first() is None:
            load_reference(uow.session)
        for name in names:
            auth.create_officer(uow, None, username=name, full_name=f"Stress Officer {name[-1]}",
                                office_code="RIG-CEN", roles=role, password=PASSWORD, bootstrap=True)
    return names


def worker_env() -> dict:
    env = dict(os.environ)
    env["DESK_FAST_HASH"] = "1"
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    return env


def spawn(script: str, *args, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(HERE / script), *map(str, args)], cwd=REPO, env=worker_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
