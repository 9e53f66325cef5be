"""Typer's own words in the user's language: its help frame and its usage errors.

Typer (and the click it vendors) writes "Usage:", "Options", "Show this message and exit." and
its usage errors in English. Its help goes through one formatter and its errors through one
exception type, so both are translated here, where they are written; the msgids are Vietnamese
like every other, and the English catalogue gives back Typer's own words. :class:`Group` is the
root command (``typer.Typer(cls=Group)``) and :class:`Command` every command's class.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from functools import partial
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

try:  # Typer 0.2x vendors click; earlier versions use the click package
    from typer._click.exceptions import ClickException
    from typer._click.exceptions import UsageError as ClickUsageError
    from typer._click.formatting import HelpFormatter
except ImportError:  # pragma: no cover
    from click.exceptions import ClickException  # type: ignore[no-redef,import-not-found,unused-ignore]
    from click.exceptions import UsageError as ClickUsageError  # type: ignore[no-redef,import-not-found,unused-ignore]
    from click.formatting import HelpFormatter  # type: ignore[no-redef,import-not-found,unused-ignore]

from kehoach.i18n import _

FRAME = {
    "Usage: ": _("Cách dùng: "),
    "Options": _("Tùy chọn"),
    "Arguments": _("Tham số"),
    "Commands": _("Lệnh"),
    "Show this message and exit.": _("Hiện trợ giúp này rồi thoát."),
    "Install completion for the current shell.": _("Cài gợi ý lệnh (phím Tab) cho shell đang dùng."),
    "Show completion for the current shell, to copy it or customize the installation.": _(
        "In mã gợi ý lệnh cho shell đang dùng, để chép hoặc tự cài."
    ),
    "[default: ": _("[mặc định: "),
    "[required]": _("[bắt buộc]"),
    "[OPTIONS]": _("[TÙY_CHỌN]"),
    "COMMAND [ARGS]...": _("LỆNH [THAM_SỐ]..."),
}
USAGE_ERRORS = [  # click's messages (typer/_click), most specific first
    (
        re.compile(r"No such option: (\S+)(?: Did you mean (\S+)\?)?(?: \(Possible options: (.+)\))?"),
        _("không có tùy chọn {0}"),
    ),
    (re.compile(r"Missing option (.+)\."), _("thiếu tùy chọn {0}")),
    (re.compile(r"Missing argument (.+)\."), _("thiếu tham số {0}")),
    (
        re.compile(r"Invalid value for (.+?): '(.*)' is not one of (.+)\."),
        _("giá trị '{1}' không hợp lệ cho {0}; chọn một trong: {2}"),
    ),
    (
        re.compile(r"Invalid value for (.+?): '(.*)' is not a valid integer\."),
        _("giá trị '{1}' cho {0} không phải số nguyên"),
    ),
    (re.compile(r"Invalid value for (.+?): (.+)"), _("giá trị không hợp lệ cho {0}: {1}")),
    (re.compile(r"Got unexpected extra arguments? \((.+)\)"), _("thừa tham số: {0}")),
    (re.compile(r"Option (.+) requires an argument\."), _("tùy chọn {0} cần một giá trị")),
    (re.compile(r"No such command (.+)\."), _("không có lệnh {0}; xem: kehoach --help")),
    (re.compile(r"Missing command\."), _("thiếu lệnh; xem: kehoach --help")),
]


def _framed(text: str) -> str:
    for english, translated in FRAME.items():
        text = text.replace(english, translated)
    return text


def _usage_message(message: str) -> str:
    for pattern, template in USAGE_ERRORS:
        if found := pattern.fullmatch(message):
            return template.format(*(group or "" for group in found.groups()))
    return message


class Formatter(HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, _framed(args), FRAME["Usage: "] if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(FRAME.get(heading, heading))

    def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
        super().write_dl([(term, _framed(text)) for term, text in rows], *args, **kwargs)


class Context(typer.Context):
    formatter_class = Formatter


class Command(TyperCommand):
    context_class = Context


class Group(TyperGroup):
    """The root command: its help and its usage errors speak the user's language."""

    context_class = Context

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        run = partial(super().main, args, prog_name, complete_var, False, windows_expand_args, **extra)
        if not standalone_mode:
            return run()
        try:
            code = run()
        except ClickUsageError as error:
            _show_usage_error(error)
            sys.exit(error.exit_code)
        except ClickException as error:
            sys.stderr.write(_("lỗi: {message}").format(message=error.format_message()) + "\n")
            sys.exit(error.exit_code)
        except typer.Abort:
            sys.stderr.write(_("Đã dừng.") + "\n")
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def _show_usage_error(error: ClickUsageError) -> None:
    ctx = error.ctx
    if ctx is not None and error.message == ctx.get_help():  # no arguments: the help is the answer
        sys.stderr.write(ctx.get_help() + "\n")
        return
    if ctx is not None:
        hint = _("Xem: {command} --help").format(command=ctx.command_path)
        sys.stderr.write(f"{ctx.get_usage()}\n{hint}\n\n")
    sys.stderr.write(_("lỗi: {message}").format(message=_usage_message(error.format_message())) + "\n")
