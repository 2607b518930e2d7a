"""Materialise the real-regulation development collection listed in eval/laws_docs.txt.

    .venv/bin/python scripts/fetch_laws.py SOURCE OUT [--list eval/laws_docs.txt]

SOURCE is a LawRefBook/Laws checkout or a bare git directory of it. From a git
repository each file is read at the listed commit (``git show COMMIT:PATH``), so the
collection is the same whatever the checkout's branch; from a plain folder (an
unpacked archive) the files are copied as they are, with a note.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIST = ROOT / "eval" / "laws_docs.txt"


def read_list(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """(commit, [(destination, repository path)]) from the list file."""
    commit, files = "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("commit "):
            commit = line.split()[1]
            continue
        destination, source = line.split("\t")
        files.append((destination, source))
    if not commit:
        raise SystemExit(f"{path}: no 'commit <sha>' line")
    return commit, files


def git_dir(source: Path) -> Path | None:
    """The git directory of ``source`` (bare or a checkout's .git), if it is a repository."""
    if (source / "objects").is_dir() and (source / "HEAD").is_file():
        return source
    if (source / ".git").exists():
        return source / ".git"
    return None


def fetch(source: Path, out: Path, listing: Path = LIST) -> int:
    """Write every listed file under ``out``; returns how many were written."""
    commit, files = read_list(listing)
    repository = git_dir(source)
    if repository is None:
        print(
            f"fetch_laws: {source} is not a git repository: copying files as they are "
            f"(the list was made at {commit[:12]})",
            file=sys.stderr,
        )
    for destination, path in files:
        if repository is not None:
            data = subprocess.run(
                ["git", f"--git-dir={repository}", "show", f"{commit}:{path}"],
                capture_output=True,
                check=True,
            ).stdout
        else:
            data = (source / path).read_bytes()
        target = out / destination
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path, help="LawRefBook/Laws checkout or bare git dir")
    parser.add_argument("out", type=Path, help="folder to write the collection into")
    parser.add_argument("--list", type=Path, default=LIST, help="the list of files")
    args = parser.parse_args()
    count = fetch(args.source, args.out, args.list)
    print(f"fetch_laws: {count} files written under {args.out}")


if __name__ == "__main__":
    main()
