"""Thin launcher so that `python cli.py <command>` works from a checkout."""

from kehoach.cli import main

if __name__ == "__main__":
    main()
