"""The command line. The only module that knows Typer.

Each command here parses its options, finds the data folder and calls the ``run`` function of
its module in :mod:`kehoach.commands`; :func:`_invoke` is the one place where errors become
messages and exit codes:

====  ==========================================================
0     success
1     the data has problems (``validate``), or ``--check`` found something
2     the command cannot be done as asked (unknown unit, bad option)
3     no data folder found
====  ==========================================================
"""

from __future__ import annotations

import gc
import io
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Optional, TextIO

import typer

from kehoach.errors import DataInvalid, KehoachError, UsageError
from kehoach.i18n import _
from kehoach.output import Format
from kehoach.paths import shown

ENV_TODAY = "KEHOACH_TODAY"
DEFAULT_SPAN = "quarter"
"""``kehoach due`` with no period: the Organisation Board plans and reports by quarter."""

app = typer.Typer(
    name="kehoach",
    help=_("Theo dõi kế hoạch thực hiện: đơn vị nào phải làm gì, hạn khi nào, đã xong hay quá hạn."),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

DataOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer reads this annotation at run time
    typer.Option(
        "--data",
        help=_("Thư mục dữ liệu (chứa plan.yaml). Mặc định: biến KEHOACH_DATA, rồi thư mục data/ gần nhất."),
        file_okay=False,
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help=_("Định dạng đầu ra."))]
UnitOption = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--unit", "-u", help=_("Chỉ đơn vị này (lặp lại được; một nhóm là mọi đơn vị trong nhóm).")),
]


AsOfOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--as-of",
        help=_("Xem như vào ngày này (YYYY-MM-DD hoặc dd/mm/yyyy). Mặc định: biến KEHOACH_TODAY, rồi hôm nay."),
        metavar="NGÀY",
    ),
]


def _today(as_of: str | None) -> date:
    """The one place that reads the clock: ``--as-of``, else ``$KEHOACH_TODAY``, else today."""
    from kehoach.dates import parse_user_date

    if as_of:
        return parse_user_date(as_of, "--as-of")
    if os.environ.get(ENV_TODAY):
        return parse_user_date(os.environ[ENV_TODAY], ENV_TODAY)
    return date.today()


def _root(data: Path | None) -> Path:
    from kehoach.datadir import find_data_dir

    return find_data_dir(data, os.environ, Path.cwd())


def _cache() -> Any:
    from kehoach.cache import Cache

    return Cache.from_environment(os.environ)


def _command(name: str) -> Any:
    """A command's module, imported only when the answer has to be computed (it loads the models)."""
    import importlib

    return importlib.import_module(f"kehoach.commands.{name}")


def _memoized(data: Path | None, question: tuple[Any, ...], answer: Callable[[Any, TextIO], int]) -> int:
    """Answer a read-only command, or replay the answer given before to the same question.

    The key holds every data file's name and bytes, the command and its arguments (the day
    included), the terminal's width and colour, and kehoach's own code (kehoach.cache), so a
    replayed answer is byte for byte what computing it again would print.
    """
    from kehoach.cache import content_digest
    from kehoach.datadir import read_files
    from kehoach.output import Screen

    root, cache, screen = _root(data), _cache(), Screen(sys.stdout)
    files = read_files(root)
    named = [(path.relative_to(root).as_posix(), raw) for path, raw in files[0].items()]
    key = "output-" + content_digest([*named, ("question", repr((*question, screen.width, screen.colour)).encode())])
    replay = None if files[1] else cache.get(key)  # an unreadable file is reported, never replayed over
    if isinstance(replay, tuple) and len(replay) == 2:
        sys.stdout.write(replay[0])
        return int(replay[1])
    from kehoach.load import load_valid

    buffer = TerminalBuffer(sys.stdout)
    code = answer(load_valid(root, cache, files), buffer)
    sys.stdout.write(buffer.getvalue())
    cache.put(key, (buffer.getvalue(), code))
    return code


def _on_day(
    data: Path | None, as_of: str | None, question: tuple[Any, ...], answer: Callable[[Any, date, TextIO], int]
) -> int:
    """A read-only answer that depends on the day: the day is read once and is part of the question."""
    day = _today(as_of)
    return _memoized(data, (*question, day), lambda dataset, out: answer(dataset, day, out))


class TerminalBuffer(io.StringIO):
    """Collects output while looking, to rich, like the terminal (or pipe) it will go to."""

    def __init__(self, target: TextIO) -> None:
        super().__init__()
        self.target = target

    def isatty(self) -> bool:
        return self.target.isatty()

    def fileno(self) -> int:
        return self.target.fileno()


def _invoke(command: Callable[[], int]) -> None:
    """Run a command body; turn every kehoach error into a message and an exit code."""
    try:
        code = command()
    except DataInvalid as error:
        for problem in error.problems:
            sys.stderr.write(problem.format(shown(problem.path)) + "\n")
        sys.stderr.write(
            _("Dữ liệu có {count} lỗi; sửa rồi chạy lại (xem: kehoach validate).").format(count=len(error.problems))
            + "\n"
        )
        code = error.exit_code
    except KehoachError as error:
        sys.stderr.write(_("lỗi: {message}").format(message=error) + "\n")
        code = error.exit_code
    raise typer.Exit(code)


@app.command()
def validate(data: DataOption = None) -> None:
    """Kiểm tra mọi tệp dữ liệu; báo từng lỗi theo tệp:dòng:cột."""
    from kehoach.commands import validate as command

    _invoke(lambda: command.run(_root(data), sys.stdout, _cache()))


@app.command()
def tasks(unit: UnitOption = None, fmt: FormatOption = Format.table, data: DataOption = None) -> None:
    """Liệt kê các nhiệm vụ của kế hoạch."""
    _invoke(
        lambda: _memoized(data, ("tasks", unit, fmt), lambda ds, out: _command("tasks").run(ds, unit or [], fmt, out))
    )


@app.command()
def units(fmt: FormatOption = Format.table, data: DataOption = None) -> None:
    """Liệt kê các đơn vị và nhóm đơn vị."""
    _invoke(lambda: _memoized(data, ("units", fmt), lambda ds, out: _command("units").run(ds, fmt, out)))


@app.command()
def due(
    week: Annotated[bool, typer.Option("--week", help=_("Tuần (thứ Hai – Chủ nhật) chứa ngày xem."))] = False,
    month: Annotated[bool, typer.Option("--month", help=_("Tháng chứa ngày xem."))] = False,
    quarter: Annotated[bool, typer.Option("--quarter", help=_("Quý chứa ngày xem (mặc định)."))] = False,
    year: Annotated[bool, typer.Option("--year", help=_("Năm chứa ngày xem."))] = False,
    unit: UnitOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> None:
    """Việc đến hạn trong tuần, tháng, quý (mặc định) hoặc năm chứa ngày xem, theo đơn vị."""

    def body() -> int:
        spans = [
            name for name, chosen in (("week", week), ("month", month), ("quarter", quarter), ("year", year)) if chosen
        ]
        if len(spans) > 1:
            raise UsageError(_("chỉ chọn một trong --week, --month, --quarter, --year"))
        span = spans[0] if spans else DEFAULT_SPAN

        def answer(dataset: Any, day: date, out: TextIO) -> int:
            return int(_command("due").run(dataset, unit or [], day, span, fmt, out))

        return _on_day(data, as_of, ("due", span, unit, fmt), answer)

    _invoke(body)


@app.command()
def overdue(
    check: Annotated[
        bool, typer.Option("--check", help=_("Thoát với mã 1 nếu có việc quá hạn (cho CI, cron)."))
    ] = False,
    unit: UnitOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> None:
    """Mọi việc quá hạn chưa hoàn thành, cũ nhất trước, kèm số ngày trễ."""

    def answer(dataset: Any, day: date, out: TextIO) -> int:
        return int(_command("overdue").run(dataset, unit or [], day, check, fmt, out))

    _invoke(lambda: _on_day(data, as_of, ("overdue", check, unit, fmt), answer))


@app.command()
def upcoming(
    days: Annotated[int, typer.Option("--days", min=0, help=_("Số ngày tới."))] = 30,
    unit: UnitOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> None:
    """Việc chưa hoàn thành sắp đến hạn trong N ngày tới (mặc định 30)."""

    def answer(dataset: Any, day: date, out: TextIO) -> int:
        return int(_command("upcoming").run(dataset, unit or [], day, days, fmt, out))

    _invoke(lambda: _on_day(data, as_of, ("upcoming", days, unit, fmt), answer))


@app.command()
def events(fmt: FormatOption = Format.table, data: DataOption = None) -> None:
    """Các sự kiện kích hoạt nhiệm vụ: đã xảy ra chưa, nhiệm vụ nào đang chờ."""
    _invoke(lambda: _memoized(data, ("events", fmt), lambda ds, out: _command("events").run(ds, fmt, out)))


@app.command()
def ongoing(unit: UnitOption = None, fmt: FormatOption = Format.table, data: DataOption = None) -> None:
    """Các nhiệm vụ thường xuyên (không có hạn cụ thể) của từng đơn vị."""
    _invoke(
        lambda: _memoized(
            data, ("ongoing", unit, fmt), lambda ds, out: _command("ongoing").run(ds, unit or [], fmt, out)
        )
    )


RefArgument = Annotated[str, typer.Argument(help=_("Số hiệu nhiệm vụ, ví dụ II.2b."), metavar="SỐ_HIỆU")]
OneUnitOption = Annotated[str, typer.Option("--unit", "-u", help=_("Mã đơn vị (không phải nhóm)."))]
PeriodOption = Annotated[str, typer.Option("--period", "-p", help=_("Kỳ: 2022, 2022-Q1, 2022-02, 2020-2025…"))]
OnOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--on", help=_("Ngày thực hiện (mặc định: hôm nay / --as-of)."), metavar="NGÀY"),
]


def _on(on: str | None) -> date | None:
    from kehoach.dates import parse_user_date

    return parse_user_date(on, "--on") if on else None


@app.command()
def done(
    ref: RefArgument,
    unit: OneUnitOption,
    period: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--period", "-p", help=_("Kỳ (mặc định: kỳ cũ nhất chưa ghi nhận, quá hạn trước).")),
    ] = None,
    on: OnOption = None,
    evidence: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--evidence", "-e", help=_("Văn bản chứng minh, ví dụ 'Báo cáo số 45-BC/TU'.")),
    ] = None,
    note: Annotated[Optional[str], typer.Option("--note", help=_("Ghi chú."))] = None,  # noqa: UP045
    as_of: AsOfOption = None,
    data: DataOption = None,
) -> None:
    """Ghi nhận đơn vị đã hoàn thành một kỳ của nhiệm vụ, kèm văn bản chứng minh."""
    from kehoach.commands import done as command

    _invoke(
        lambda: command.run(
            _root(data), ref, unit, period, _on(on), evidence, note, _today(as_of), sys.stdout, _cache()
        )
    )


@app.command()
def waive(
    ref: RefArgument,
    unit: OneUnitOption,
    period: PeriodOption,
    reason: Annotated[str, typer.Option("--reason", help=_("Lý do không áp dụng."))],
    on: OnOption = None,
    as_of: AsOfOption = None,
    data: DataOption = None,
) -> None:
    """Ghi nhận một kỳ của nhiệm vụ không áp dụng với đơn vị (miễn thực hiện), kèm lý do."""
    from kehoach.commands import waive as command

    _invoke(lambda: command.run(_root(data), ref, unit, period, reason, _on(on), _today(as_of), sys.stdout, _cache()))


@app.command()
def undo(ref: RefArgument, unit: OneUnitOption, period: PeriodOption, data: DataOption = None) -> None:
    """Xóa bản ghi (hoàn thành hoặc miễn) của một kỳ."""
    from kehoach.commands import undo as command

    _invoke(lambda: command.run(_root(data), ref, unit, period, sys.stdout, _cache()))


@app.command()
def history(
    ref: Annotated[Optional[str], typer.Argument(help=_("Chỉ nhiệm vụ này."), metavar="[SỐ_HIỆU]")] = None,  # noqa: UP045
    unit: UnitOption = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> None:
    """Những gì đã hoàn thành hoặc được miễn, khi nào, với văn bản nào; mới nhất trước."""
    question = ("history", ref, unit, fmt)
    _invoke(lambda: _memoized(data, question, lambda ds, out: _command("history").run(ds, ref, unit or [], fmt, out)))


def main() -> None:
    # A run builds up to hundreds of thousands of small objects (records, occurrences) that live
    # until exit and hold no cycles; CPython's default thresholds traverse them again and again,
    # which cost a third of a run at ten times the benchmark's size. Collect rarely, as mypy does.
    gc.set_threshold(200_000, 30, 30)
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # `kehoach tasks | head`: the reader left; that is not an error
        sys.stderr.close()
        sys.exit(0)
