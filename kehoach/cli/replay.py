"""Answers replayed: a read-only command's printed answer, kept in the cache and printed again
when the same request is made of the same data (see README, "Speed").

A request is the command's ``run`` and the keyword arguments it is called with: the key is built
from that very dict, so no option can be left out of it. A replay imports neither the command's
module nor the models; :class:`Later` stands for a ``run`` until an answer must be computed.
"""

from __future__ import annotations

import importlib
import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TextIO

from kehoach import i18n

if TYPE_CHECKING:
    from kehoach.domain.dataset import Dataset
    from kehoach.files.cache import Cache

P = ParamSpec("P")


def replay(
    root: Path,
    cache: Cache,
    run: Callable[Concatenate[Dataset, TextIO, P], int],
    /,
    *args: P.args,
    **arguments: P.kwargs,
) -> int:
    """``run(dataset, sys.stdout, **arguments)`` on the data in ``root``, or the answer it gave before.

    The key holds every data file's name and bytes, the command's module and every argument (the
    day included), the terminal's width and colour, the language, and kehoach's own code and
    catalogues (kehoach.files.cache), so a replayed answer is byte for byte what computing it again
    would print.
    """
    from kehoach.files.cache import content_digest
    from kehoach.files.datadir import read_files
    from kehoach.present.output import Screen

    screen = Screen(sys.stdout)
    files = read_files(root)
    named = [(path.relative_to(root).as_posix(), raw) for path, raw in files[0].items()]
    request = (run.__module__, args, sorted(arguments.items()), screen.width, screen.colour, i18n.LANGUAGE)
    key = "output-" + content_digest([*named, ("request", repr(request).encode())])
    replayed = None if files[1] else cache.get(key, tuple)  # an unreadable file is reported, never replayed over
    if replayed is not None and [type(part) for part in replayed] == [str, int]:
        sys.stdout.write(replayed[0])
        return int(replayed[1])
    from kehoach.files.load import load_valid

    buffer = TerminalBuffer(sys.stdout)
    code = run(load_valid(root, cache, files), buffer, *args, **arguments)
    if not buffer.spilled:  # an answer too long to keep was written as it came, and is not kept
        answer = buffer.getvalue()
        sys.stdout.write(answer)
        cache.put(key, (answer, code))
    return code


class Later:
    """A command's ``run``, its module imported on the first call (importing a command loads the
    models, which a replayed answer never needs). Its ``__module__`` is the command's, as the
    function's own is: that is the name the answer is cached under."""

    def __init__(self, module: str) -> None:
        self.__module__ = module

    def __call__(self, *args: object, **kwargs: object) -> int:
        run: Callable[..., int] = importlib.import_module(self.__module__).run
        return run(*args, **kwargs)


KEPT_ANSWER = 32 * 1024 * 1024
"""Characters of an answer kept to replay (the quarter of a province at ten times the benchmark's
size is about ten million). A longer one (every record of such a province as JSON: a couple of
hundred million) is written on as it comes rather than held, copied and pickled, and computed
again next time."""


class TerminalBuffer(io.StringIO):
    """Collects output while looking, to rich, like the terminal (or pipe) it will go to; past
    :data:`KEPT_ANSWER` characters, writes what it holds to the target and passes the rest on
    (``spilled``)."""

    def __init__(self, target: TextIO) -> None:
        super().__init__()
        self.target, self.limit = target, KEPT_ANSWER
        self.spilled = False
        self._held = 0

    def write(self, text: str) -> int:
        if self.spilled:
            return self.target.write(text)
        self._held += len(text)
        written = super().write(text)
        if self._held > self.limit:
            self.target.write(self.getvalue())
            self.seek(0)
            self.truncate()
            self.spilled = True
        return written

    def isatty(self) -> bool:
        return self.target.isatty()

    def fileno(self) -> int:
        return self.target.fileno()
