"""The command line: the edge where the language, the day and the data folder are chosen.

Nothing here imports what translates as it is imported (the Typer declarations in
:mod:`kehoach.cli.app`, the commands): :func:`main` chooses the language first.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

from kehoach import i18n

LANG_OPTION = "--lang"


def main() -> None:
    # A run builds up to hundreds of thousands of small objects (records, occurrences) that live
    # until exit and hold no cycles; CPython's default thresholds traverse them again and again,
    # which cost a third of a run at ten times the benchmark's size. Collect rarely, as mypy does.
    gc.set_threshold(200_000, 30, 30)
    args = lang_first(sys.argv[1:])
    i18n.use(i18n.choose(args, os.environ))
    if sys.stdout is None:  # `kehoach due >&-`: nowhere to answer; say so rather than crash
        from kehoach.errors import ExitCode
        from kehoach.i18n import _

        sys.stderr.write(
            _("lỗi: đầu ra chuẩn đã bị đóng; hãy chạy lại với đầu ra mở, ví dụ: kehoach … > tep.txt") + "\n"
        )
        sys.exit(ExitCode.SYSTEM)
    from kehoach.cli.app import app  # its help texts are translated as it is imported

    try:
        app(args=args)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # `kehoach tasks | head`: the reader left; that is not an error
        _leave_quietly()
    except OSError as error:
        # What Typer and click print themselves (--help, --version, --show-completion) to an output
        # that refuses it (`> /dev/full`); a command's own refusals are sentences already.
        _refused(error)
    finally:
        _flush()


def _flush() -> None:
    """Write out what is still buffered now, where a failure can still be said in a sentence (at
    the interpreter's exit it would be an English "Exception ignored")."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _leave_quietly()
    except OSError as error:
        _refused(error)


def _refused(error: OSError) -> None:
    """Standard output refused what was written to it: say so in a sentence, and leave."""
    from kehoach.files.oserrors import output_refused
    from kehoach.i18n import _

    failure = output_refused(error)
    sys.stderr.write(_("lỗi: {message}").format(message=failure) + "\n")
    _leave_quietly(failure.exit_code)


def _leave_quietly(code: int = 0) -> None:
    """Exit without flushing standard output again: what it holds cannot be written."""
    sys.stderr.flush()
    os._exit(code)


def lang_first(args: Sequence[str]) -> list[str]:
    """The arguments with every ``--lang X`` (or ``--lang=X``) moved to the front, where the root
    command reads (and checks) it: so it may be written before or after the command, as a
    pre-commit hook's ``args: [--lang, en]`` comes after ``validate``. After ``--``, nothing is
    an option."""
    front: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(args):
        argument = args[index]
        if argument == "--":
            rest.extend(args[index:])
            break
        if argument == LANG_OPTION:
            if index + 1 == len(args):
                return [LANG_OPTION]  # no value: that is the error to report, whatever the command
            front.extend(args[index : index + 2])  # the option and its value, as click reads them
            index += 2
            continue
        (front if argument.startswith(LANG_OPTION + "=") else rest).append(argument)
        index += 1
    return front + rest


__all__ = ["main"]
