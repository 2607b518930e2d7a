"""``planqa keys create | list | revoke``: the API keys of this data directory.

A created key is printed once, on standard output, and never again: only its digest is
kept. Every creation and revocation goes into the audit trail as the operating-system
user on the command line.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import time

from app.admin import audit as actions
from app.admin.audit import AuditLog
from app.admin.database import Database
from app.admin.keys import ROLES, ApiKey, KeyStore
from app.settings import Settings


def add_commands(sub: argparse._SubParsersAction) -> None:
    keys = sub.add_parser("keys", help="create, list or revoke API keys")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True)
    create = keys_sub.add_parser("create", help="a new key, printed once")
    create.add_argument(
        "--role",
        choices=ROLES,
        required=True,
        help="reader: ask and read; admin: also upload, remove, review",
    )
    create.add_argument("--name", default="", help="what it is for, e.g. oa-bot (default: role-id)")
    listing = keys_sub.add_parser("list", help="name, role, created, revoked (never the key)")
    listing.add_argument("--json", action="store_true")
    revoke = keys_sub.add_parser("revoke", help="refuse a key from the next request on")
    revoke.add_argument("key", metavar="NAME_OR_ID")


def _when(seconds: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(seconds)) if seconds else "-"


def _row(key: ApiKey) -> dict[str, str]:
    return {"id": key.id, "name": key.name, "role": key.role, "created": _when(key.created),
            "revoked": _when(key.revoked)}  # fmt: skip


def run(settings: Settings, args: argparse.Namespace) -> int:
    """Runs one ``planqa keys`` command; a bad role, name or key raises ValueError/LookupError."""
    database = Database(settings.data_dir)
    store, audit = KeyStore(database), AuditLog(database)
    actor = f"cli {getpass.getuser()}"
    if args.keys_command == "create":
        key, text = store.create(args.role, args.name)
        audit.record(actions.KEY_CREATE, actor, "cli", f"{key.name} ({key.role})")
        print(text)
        print(f"planqa: created {key.role} key {key.name!r} (id {key.id}); it is shown only "
              "this once", file=sys.stderr)  # fmt: skip
        return 0
    if args.keys_command == "revoke":
        key = store.revoke(args.key)
        audit.record(actions.KEY_REVOKE, actor, "cli", f"{key.name} ({key.role})")
        print(f"revoked {key.name} (id {key.id}) at {_when(key.revoked)}")
        return 0
    rows = [_row(k) for k in store.entries()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    for row in rows:
        print("\t".join(row.values()))
    return 0
