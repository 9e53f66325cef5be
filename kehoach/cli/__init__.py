"""The command line: the edge where the language, the day and the data folder are chosen."""

from kehoach.cli.app import main

__all__ = ["main"]
