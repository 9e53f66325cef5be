"""Typer's own words in the user's language: its help frame and its usage errors.

Typer (and the click it vendors) writes "Usage:", "Options", "Show this message and exit." and
its usage errors in English. Its help goes through one formatter and its errors through one
exception type, so both are translated here, where they are written; the msgids are Vietnamese
like every other, and the English catalogue gives back Typer's own words. :class:`Group` is the
root command (``typer.Typer(cls=Group)``) and :class:`Command` every command's class.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from functools import partial
from typing import Any

import typer
from typer._completion_shared import Shells, _get_shell_name, get_completion_script, install
from typer.core import TyperCommand, TyperGroup

try:  # Typer 0.2x vendors click; earlier versions use the click package
    from typer import _click as click
    from typer._click.exceptions import ClickException
    from typer._click.exceptions import UsageError as ClickUsageError
    from typer._click.formatting import HelpFormatter
except ImportError:  # pragma: no cover
    import click  # type: ignore[no-redef,import-not-found,assignment,unused-ignore]
    from click.exceptions import ClickException  # type: ignore[no-redef,import-not-found,assignment,unused-ignore]
    from click.exceptions import UsageError as ClickUsageError  # type: ignore[no-redef,import-not-found,assignment,unused-ignore]
    from click.formatting import HelpFormatter  # type: ignore[no-redef,import-not-found,assignment,unused-ignore]

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
    # the same two options where Typer is told not to detect the shell (its tests, and ours)
    "Install completion for the specified shell.": _("Cài gợi ý lệnh (phím Tab) cho shell đã chọn."),
    "Show completion for the specified shell, to copy it or customize the installation.": _(
        "In mã gợi ý lệnh cho shell đã chọn, để chép hoặc tự cài."
    ),
    "[default: ": _("[mặc định: "),
    "[required]": _("[bắt buộc]"),
    "[OPTIONS]": _("[TÙY_CHỌN]"),
    "COMMAND [ARGS]...": _("LỆNH [THAM_SỐ]..."),
}
TYPE_NAMES = {  # click's names of the parameter types (typer/_click/types.py, typer/models.py)
    "str": _("CHỮ"),
    "int": _("SỐ"),
    "integer": _("SỐ"),
    "int range": _("SỐ"),
    "float": _("SỐ"),
    "float range": _("SỐ"),
    "boolean": _("ĐÚNG_SAI"),
    "directory": _("THƯ_MỤC"),
    "file": _("TỆP"),
    "filename": _("TỆP"),
    "path": _("ĐƯỜNG_DẪN"),
    "datetime": _("THỜI_ĐIỂM"),
    "uuid": _("UUID"),
}
"""What a parameter given no metavar of its own shows (``<int range>``): every parameter of
kehoach has one (cli/app.py); this is for one that may be added without."""
_TYPE_METAVAR = re.compile(r"<(" + "|".join(sorted(TYPE_NAMES, key=len, reverse=True)) + r")>(\.\.\.)?")

_VALUE = r"'(.*)'"
_A_PATH = r"(?:Directory|File|Path) '(.*)'"
USAGE_ERRORS = [  # click's and Typer's messages (typer/_click/{core,parser,exceptions}.py, typer/core.py)
    (
        re.compile(r"No such option: (\S+) (?:\(Possible options: (.+)\)|Did you mean (.+)\?)"),
        _("không có tùy chọn {0}; có phải ý bạn là {1}?"),
    ),
    (re.compile(r"No such option: (\S+)"), _("không có tùy chọn {0}")),
    (re.compile(r"Missing option (.+)\. Choose from:\s+(.+)", re.S), _("thiếu tùy chọn {0}; chọn một trong: {1}")),
    (re.compile(r"Missing argument (.+)\. Choose from:\s+(.+)", re.S), _("thiếu tham số {0}; chọn một trong: {1}")),
    (re.compile(r"Missing option (.+)\."), _("thiếu tùy chọn {0}")),
    (re.compile(r"Missing (?:argument|parameter) (.+)\."), _("thiếu tham số {0}")),
    (re.compile(r"Missing parameter: (.+)"), _("thiếu tham số {0}")),
    (
        re.compile(r"Invalid value for (.+?): " + _VALUE + r" is not one of (.+)\."),
        _("giá trị '{1}' không hợp lệ cho {0}; chọn một trong: {2}"),
    ),
    (_INVALID_FOR := re.compile(r"Invalid value for (.+?): (.+)", re.S), _("giá trị không hợp lệ cho {0}: {1}")),
    (_INVALID := re.compile(r"Invalid value: (.+)", re.S), _("giá trị không hợp lệ: {0}")),
    (_EXTRA := re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)"), _("thừa tham số: {0}")),
    (re.compile(r"Option (.+) requires an argument\."), _("tùy chọn {0} cần một giá trị")),
    (re.compile(r"Option (.+) requires (\d+) arguments\."), _("tùy chọn {0} cần {1} giá trị")),
    (re.compile(r"Option (.+) does not take a value\."), _("tùy chọn {0} không nhận giá trị")),
    (re.compile(r"Argument (.+) takes (\d+) values\."), _("tham số {0} cần {1} giá trị")),
    (
        re.compile(r"No such command (.+)\. Did you mean (.+)\?"),
        _("không có lệnh {0}; có phải ý bạn là {1}? Xem: kehoach --help"),
    ),
    (re.compile(r"No such command (.+)\."), _("không có lệnh {0}; xem: kehoach --help")),
    (re.compile(r"Missing command\."), _("thiếu lệnh; xem: kehoach --help")),
]
"""Each of click's usage errors, by its English text, and the words kehoach gives it; most
specific first. After ``Invalid value for {0}:`` comes why, which :data:`VALUE_ERRORS` words."""
VALUE_ERRORS = [  # why a value was refused (typer/_click/types.py, typer/_types.py, typer/models.py)
    (re.compile(_VALUE + r" is not a valid (?:integer|int|int range)\."), _("'{0}' không phải số nguyên")),
    (re.compile(_VALUE + r" is not a valid (?:float|float range)\."), _("'{0}' không phải số")),
    (
        re.compile(_VALUE + r" is not a valid boolean\. Recognized values: (.+)"),
        _("'{0}' không phải đúng hay sai; viết một trong: {1}"),
    ),
    (re.compile(_VALUE + r" is not a valid UUID\."), _("'{0}' không phải một UUID")),
    (re.compile(r"(.+) is not in the range (.+)\."), _("{0} nằm ngoài khoảng {1}")),
    (re.compile(_VALUE + r" does not match the formats (.+)\."), _("'{0}' không đúng định dạng nào trong: {1}")),
    (re.compile(_A_PATH + r" is a file\."), _("'{0}' là một tệp, không phải thư mục")),
    (
        re.compile(_A_PATH + r" is a directory\."),
        _("'{0}' là một thư mục, không phải tệp"),
    ),
    (re.compile(_A_PATH + r" does not exist\."), _("không có '{0}'")),
    (re.compile(_A_PATH + r" is not readable\."), _("không đọc được '{0}'")),
    (re.compile(_A_PATH + r" is not writable\."), _("không ghi được vào '{0}'")),
    (re.compile(r"Value must be an iterable\."), _("cần một danh sách giá trị")),
    (re.compile(r"Takes (\d+) values but (\d+) given\."), _("cần {0} giá trị, nhưng có {1}")),
    (re.compile(r"(\d+) values are required, but (\d+) given\."), _("cần {0} giá trị, nhưng có {1}")),
]


def _framed(text: str) -> str:
    for english, translated in FRAME.items():
        text = text.replace(english, translated)
    return _typed(text)


def _typed(text: str) -> str:
    return _TYPE_METAVAR.sub(lambda found: TYPE_NAMES[found[1]] + (found[2] or ""), text)


def _usage_message(message: str) -> str:
    """Click's message in the user's language; one kehoach does not know (a newer click's) is
    quoted in a sentence of the user's language, rather than left bare."""
    for pattern, template in USAGE_ERRORS:
        if found := pattern.fullmatch(message):
            groups = [_choices(group or "") for group in found.groups() if group is not None]
            if pattern in (_INVALID_FOR, _INVALID):  # the reason, in words of its own
                groups[-1] = _value_message(groups[-1])
            if pattern is _EXTRA:  # what the user typed, quoted as every value typed is
                groups[0] = ", ".join(f"'{argument}'" for argument in groups[0].split(" "))
            return template.format(*groups)
    return _("Typer không nhận lệnh này ({message})").format(message=message)


def _value_message(reason: str) -> str:
    for pattern, template in VALUE_ERRORS:
        if found := pattern.fullmatch(reason):
            return template.format(*found.groups())
    return _("theo Typer: {reason}").format(reason=reason)


def _choices(text: str) -> str:
    """Choices as click lists them under a missing parameter (one a line, tab-indented) on one line."""
    return re.sub(r",\s*\n\s*", ", ", text)


class Formatter(HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, _framed(args), FRAME["Usage: "] if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(FRAME.get(heading, heading))

    def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
        super().write_dl([(_typed(term), _framed(text)) for term, text in rows], *args, **kwargs)


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
        for param in self.params:  # Typer adds its completion options after making the group
            param.callback = _COMPLETION_CALLBACKS.get(param.name or "", param.callback)
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


# --- the completion installer (typer/completion.py's callbacks, in the user's language) ------------

SHELLS = tuple(shell.value for shell in Shells)


def _install_completion(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    if not value or ctx.resilient_parsing:
        return value
    shell = _shell(value)
    path = install(shell=shell)[1]
    sys.stdout.write(_("Đã cài gợi ý lệnh cho {shell} vào {path}").format(shell=shell, path=path) + "\n")
    sys.stdout.write(_("Gợi ý lệnh có hiệu lực từ lần mở cửa sổ dòng lệnh tới.") + "\n")
    sys.exit(0)


def _show_completion(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    if not value or ctx.resilient_parsing:
        return value
    prog_name = ctx.find_root().info_name or "kehoach"
    complete_var = "_{}_COMPLETE".format(prog_name.replace("-", "_").upper())
    shell = _shell(value)
    sys.stdout.write(get_completion_script(prog_name=prog_name, complete_var=complete_var, shell=shell) + "\n")
    sys.exit(0)


def _shell(value: Any) -> str:
    """The shell asked for (``--install-completion bash``) or the one running; refused, in the
    user's words, when Typer has no script for it (Typer would say so in English)."""
    if isinstance(value, str):
        shell: str | None = value
    else:
        detect = not os.getenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION")  # Typer's own switch
        shell = _get_shell_name() if detect else None
    if shell not in SHELLS:
        message = _("không có gợi ý lệnh cho shell {shell}; kehoach có cho: {shells}")
        sys.stderr.write(message.format(shell=shell or "?", shells=", ".join(SHELLS)) + "\n")
        sys.exit(1)
    return shell


_COMPLETION_CALLBACKS = {"install_completion": _install_completion, "show_completion": _show_completion}
