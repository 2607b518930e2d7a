"""API keys: created and revoked by an administrator (``planqa keys``), each with a role.

Only a SHA-256 digest of each key is stored. A key reads ``pqk_<id>_<secret>``: the id
finds its row, and the digest of the whole key is compared in constant time, so neither
the lookup nor the comparison tells a caller how close a guess came.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Literal

from app.admin.database import Database

Role = Literal["reader", "admin"]
ROLES: tuple[Role, ...] = ("reader", "admin")
_PREFIX = "pqk"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    digest TEXT NOT NULL,
    created REAL NOT NULL,
    revoked REAL
);
"""


class UnknownKey(LookupError):
    """A key name or id that names no key; the message says so."""


@dataclass(frozen=True)
class ApiKey:
    """A key as listed: never the key itself."""

    id: str
    name: str
    role: Role
    created: float  # seconds since the epoch
    revoked: float | None = None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class KeyStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    def create(self, role: str, name: str = "") -> tuple[ApiKey, str]:
        """A new key and its text, which is shown once and never stored."""
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}: use {' or '.join(ROLES)}")
        key_id = secrets.token_hex(4)
        key = f"{_PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
        name = (name or "").strip() or f"{role}-{key_id}"
        created = ApiKey(key_id, name, role, time.time())  # type: ignore[arg-type]
        with self._db.connect(_SCHEMA) as db:
            if db.execute("SELECT 1 FROM api_keys WHERE name = ?", (name,)).fetchone():
                raise ValueError(f"a key named {name!r} exists already; choose another --name")
            db.execute(
                "INSERT INTO api_keys (id, name, role, digest, created) VALUES (?, ?, ?, ?, ?)",
                (key_id, name, role, _digest(key), created.created),
            )
        return created, key

    def entries(self) -> list[ApiKey]:
        with self._db.connect(_SCHEMA) as db:
            rows = db.execute("SELECT * FROM api_keys ORDER BY created").fetchall()
        return [_key(row) for row in rows]

    def revoke(self, name_or_id: str) -> ApiKey:
        """Revoke the key with this name or id; it is refused from the next request on."""
        with self._db.connect(_SCHEMA) as db:
            row = db.execute(
                "SELECT * FROM api_keys WHERE name = ? OR id = ?", (name_or_id, name_or_id)
            ).fetchone()
            if row is None:
                raise UnknownKey(f"no API key named {name_or_id!r} (see planqa keys list)")
            if row["revoked"] is None:
                db.execute("UPDATE api_keys SET revoked = ? WHERE id = ?", (time.time(), row["id"]))
            row = db.execute("SELECT * FROM api_keys WHERE id = ?", (row["id"],)).fetchone()
        return _key(row)

    def check(self, key: str) -> ApiKey | None:
        """The key this text is, revoked or not; None if it is no key of this server."""
        parts = (key or "").split("_", 2)
        if len(parts) != 3 or parts[0] != _PREFIX:
            return None
        with self._db.connect(_SCHEMA) as db:
            row = db.execute("SELECT * FROM api_keys WHERE id = ?", (parts[1],)).fetchone()
        if row is None or not hmac.compare_digest(_digest(key), row["digest"]):
            return None
        return _key(row)


def _key(row) -> ApiKey:
    return ApiKey(row["id"], row["name"], row["role"], row["created"], row["revoked"])
