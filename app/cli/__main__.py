"""`python -m app.cli` runs the command line."""

from app.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
