"""kehoach: keep an official implementation plan honest.

The package is a library under a thin CLI: only :mod:`kehoach.cli.app` knows Typer, and the
domain modules (:mod:`kehoach.domain.periods`, :mod:`kehoach.domain.model`, :mod:`kehoach.domain.occurrences`)
do no I/O and no presentation.
"""

__version__ = "0.1.0"
