"""The audit key: a secret kept outside the database, so that whoever can write the store cannot forge
what is signed with it (audit checkpoints) nor reverse what is hashed with it (a username typed at a
failed login, which may be a password typed in the wrong field).

Where it lives: ``DESK_AUDIT_KEY_FILE`` if set (a deployment puts one file, readable only by the account
that runs desk, on every host that runs desk - like the database credentials), else ``audit.key`` in the
user's configuration directory. It is 32 random bytes, created 0600 (in a 0700 directory) on first use.
A store's owner who can read the database but not this file cannot re-sign a rewritten trail.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import lru_cache
from pathlib import Path

from desk.private import private_dir

KEY_BYTES = 32


def key_path() -> Path:
    env = os.environ.get("DESK_AUDIT_KEY_FILE")
    if env:
        return Path(env)
    return _default_path()


@lru_cache(maxsize=1)
def _default_path() -> Path:
    """The user's configuration directory, asked of platformdirs once (every audit entry signs with the
    key: 0.1 ms a time, a tenth of an import line's own work; issue 17)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("desk", appauthor=False)) / "audit.key"


@lru_cache(maxsize=8)
def _load(path: str) -> bytes:
    p = Path(path)
    if not p.exists():
        private_dir(p.parent)
        try:
            fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first: use theirs
            pass
        else:
            with os.fdopen(fd, "wb") as f:
                f.write(secrets.token_bytes(KEY_BYTES))
    data = p.read_bytes()
    if len(data) < KEY_BYTES:
        raise RuntimeError("the audit key file is too short")
    return data


def audit_key() -> bytes:
    return _load(str(key_path()))


def keyed_hash(purpose: str, text: str, *, length: int = 16) -> str:
    """HMAC-SHA256 of ``text`` for ``purpose``: the same input gives the same tag (entries can be
    grouped), but the input cannot be recovered or guessed without the key."""
    mac = hmac.new(audit_key(), f"{purpose}\x00{text}".encode("utf-8", "surrogatepass"), hashlib.sha256)
    return mac.hexdigest()[:length]


def sign(message: bytes) -> str:
    return hmac.new(audit_key(), message, hashlib.sha256).hexdigest()


def signature_ok(message: bytes, signature: str) -> bool:
    return hmac.compare_digest(sign(message), signature or "")
