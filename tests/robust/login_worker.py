"""One guesser: ``python login_worker.py URL USERNAME TRIES`` tries TRIES wrong passwords and prints
{"bad_credentials": n, "locked": n} as one JSON line (tests/robust/test_brute_force.py runs eight)."""
from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("DESK_FAST_HASH", "1")


def main(argv: list[str]) -> int:
    url, username, tries = argv[1], argv[2], int(argv[3])
    from desk.errors import AuthError
    from desk.services import auth
    from desk.store import open_store

    store = open_store(url, upgrade=False)
    seen = {"bad_credentials": 0, "locked": 0}
    for i in range(tries):
        try:
            with store.uow() as uow:
                auth.login(uow, username, f"guess-{os.getpid()}-{i}")
        except AuthError as exc:
            seen[exc.key.split(".")[1]] += 1
    store.dispose()
    print(json.dumps(seen))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
