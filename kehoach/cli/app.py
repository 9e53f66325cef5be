"""The command line: the Typer declaration of every command, and the one handler of their errors.

Each command here parses its options and calls the ``run`` function of its module in
:mod:`kehoach.commands` with keyword arguments: a read-only command through
:func:`~kehoach.cli.replay.replay` (which may print the answer given before), a write through
:func:`~kehoach.files.load.edit_folder`. :func:`_invoke` is the one place where errors become
messages and exit codes (the codes and their meanings: :class:`kehoach.errors.ExitCode`).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Concatenate, Optional, ParamSpec, TextIO

import typer

from kehoach.cli import completion
from kehoach.cli.dates import today
from kehoach.cli.delivery import deliver, refuse_binary_on_a_terminal
from kehoach.cli.replay import Later, replay
from kehoach.cli.typer_words import Command, Group
from kehoach.domain import periods
from kehoach.domain.periods import Span
from kehoach.domain.status import Status
from kehoach.errors import DataInvalid, KehoachError, UsageError, reported
from kehoach.files.paths import shown
from kehoach.i18n import _, ngettext
from kehoach.present.output import Format, ProblemFormat, ReportFormat, choose_colour, use_colour

if TYPE_CHECKING:  # mypy checks every call below against the command's own run
    from kehoach.commands.due import run as run_due
    from kehoach.commands.events import run as run_events
    from kehoach.commands.history import run as run_history
    from kehoach.commands.ongoing import run as run_ongoing
    from kehoach.commands.overdue import run as run_overdue
    from kehoach.commands.show import run as run_show
    from kehoach.commands.summary import run as run_summary
    from kehoach.commands.tasks import run as run_tasks
    from kehoach.commands.units import run as run_units
    from kehoach.commands.upcoming import run as run_upcoming
    from kehoach.files.cache import Cache
    from kehoach.files.load import Edit
else:  # a replayed answer imports none of them (see kehoach.cli.replay)
    (
        run_due,
        run_events,
        run_history,
        run_ongoing,
        run_overdue,
        run_show,
        run_summary,
        run_tasks,
        run_units,
        run_upcoming,
    ) = (
        Later(f"kehoach.commands.{name}")
        for name in (
            "due",
            "events",
            "history",
            "ongoing",
            "overdue",
            "show",
            "summary",
            "tasks",
            "units",
            "upcoming",
        )
    )

P = ParamSpec("P")

DEFAULT_SPAN: Span = "quarter"
"""``kehoach due`` with no period: the Organisation Board plans and reports by quarter."""

app = typer.Typer(
    cls=Group,
    name="kehoach",
    help=_("Theo dõi kế hoạch thực hiện: đơn vị nào phải làm gì, hạn khi nào, đã xong hay quá hạn."),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},  # inherited by every command
)

DataOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer reads this annotation at run time
    typer.Option(
        "--data",
        help=_(
            "Thư mục dữ liệu (chứa plan.yaml). Mặc định: biến KEHOACH_DATA, rồi thư mục dữ liệu gần nhất "
            "(data/, hoặc plan.yaml cùng units/)."
        ),
        file_okay=False,
        metavar=_("THƯ_MỤC"),
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help=_("Định dạng đầu ra."))]
UnitOption = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--unit",
        "-u",
        help=_("Chỉ đơn vị này (lặp lại được; một nhóm là mọi đơn vị trong nhóm)."),
        metavar=_("ĐƠN_VỊ"),
        autocompletion=completion.unit_ids,
    ),
]


AsOfOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--as-of",
        help=_("Xem như vào ngày này (YYYY-MM-DD hoặc dd/mm/yyyy). Mặc định: biến KEHOACH_TODAY, rồi hôm nay."),
        metavar=_("NGÀY"),
    ),
]


def _root(data: Path | None) -> Path:
    from kehoach.files.datadir import find_data_dir
    from kehoach.files.oserrors import current_folder

    return find_data_dir(data, os.environ, current_folder())


def _again(data: Path | None) -> tuple[str, ...]:
    """The options a hint repeats so that it runs where the command did: the ``--data`` typed."""
    return ("--data", str(data)) if data is not None else ()


def _cache() -> Cache:
    """The user's cache; one that others could write is not used, and the user is told why."""
    from kehoach.files.cache import Cache

    cache = Cache.from_environment(os.environ)
    if cache.refused is not None:
        sys.stderr.write(
            _("kehoach: không dùng bộ nhớ đệm {folder} ({reason}); lệnh vẫn chạy, chỉ chậm hơn").format(
                folder=cache.refused_folder, reason=cache.refused
            )
            + "\n"
        )
    return cache


def _write(
    data: Path | None,
    confined: str | None,
    run: Callable[Concatenate[Edit, TextIO, P], int],
    /,
    *args: P.args,
    **options: P.kwargs,
) -> int:
    """A command that writes, through the one write step (lock, read, check, run, check again);
    ``confined``: the one unit whose file it changes (see kehoach.files.load.read_folder)."""
    from kehoach.files.load import edit_folder

    return edit_folder(_root(data), _cache(), confined, run, sys.stdout, *args, **options)


def _invoke(command: Callable[[], int]) -> None:
    """Run a command body; turn every kehoach error into a message and an exit code."""
    try:
        code = command()
    except DataInvalid as error:
        where: dict[Path, str] = {}  # a path resolved once for all its file's problems
        for item in reported(error.problems):  # at most PROBLEMS_PER_FILE of a file, then how many more
            path = where.get(item.path) or where.setdefault(item.path, shown(item.path))
            sys.stderr.write(item.format(path) + "\n")
        count = len(error.problems)
        message = ngettext(
            "Dữ liệu có {count} lỗi; sửa rồi chạy lại (xem: kehoach validate).",
            "Dữ liệu có {count} lỗi; sửa rồi chạy lại (xem: kehoach validate).",
            count,
        )
        sys.stderr.write(message.format(count=count) + "\n")
        code = error.exit_code
    except KehoachError as error:
        sys.stderr.write(_("lỗi: {message}").format(message=error) + "\n")
        code = error.exit_code
    except BrokenPipeError:
        raise  # the reader left (`kehoach tasks | head`): kehoach.cli.main ends quietly
    except OSError as error:  # what no read or write of kehoach's own turned into a sentence already
        from kehoach.files.oserrors import refused

        failure = refused(error)
        sys.stderr.write(_("lỗi: {message}").format(message=failure) + "\n")
        code = failure.exit_code
    raise typer.Exit(code)


@app.command(cls=Command, help=_("Kiểm tra mọi tệp dữ liệu; báo từng lỗi theo tệp:dòng:cột."))
def validate(
    fmt: Annotated[
        ProblemFormat,
        typer.Option(
            "--format",
            "-f",
            help=_(
                "text: cho người đọc; github: chú thích GitHub Actions; gitlab: báo cáo Code Quality của GitLab; json."
            ),
        ),
    ] = ProblemFormat.text,
    as_of: AsOfOption = None,
    data: DataOption = None,
) -> None:
    from kehoach.commands import validate as command

    def body() -> int:
        root, cache, day = _root(data), _cache(), today(as_of)
        return command.run(root, sys.stdout, cache=cache, fmt=fmt, as_of=day, environ=os.environ)

    _invoke(body)


class Language(StrEnum):
    vi = "vi"
    en = "en"


def _print_version(wanted: bool) -> None:
    if wanted:
        sys.stdout.write(f"kehoach {installed_version()}\n")
        raise typer.Exit(0)


def installed_version() -> str:
    """The installed distribution's version; from a checkout that is not installed (``python
    cli.py``), the package's own."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kehoach")
    except PackageNotFoundError:
        from kehoach import __version__

        return __version__


@app.callback()
def options(
    lang: Annotated[
        Optional[Language],  # noqa: UP045
        typer.Option(
            "--lang", help=_("Ngôn ngữ: vi (mặc định) hoặc en. Cũng chọn được bằng biến KEHOACH_LANG hoặc locale.")
        ),
    ] = None,
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", help=_("In phiên bản của kehoach rồi thoát."), is_eager=True, callback=_print_version
        ),
    ] = False,
) -> None:
    # The language was chosen before any message was translated (kehoach.cli.main, which also
    # moves a --lang written after the command to here); the option is declared for --help and
    # to refuse a language kehoach lacks. Colour is read from the environment here, once, before
    # any command runs (NO_COLOR, FORCE_COLOR: see kehoach.present.output.choose_colour).
    use_colour(choose_colour(os.environ))


class SchemaKind(StrEnum):
    plan = "plan"
    unit = "unit"


@app.command(cls=Command, help=_("In JSON Schema của tệp kế hoạch hoặc tệp đơn vị (cho trình soạn thảo YAML)."))
def schema(
    which: Annotated[
        SchemaKind, typer.Argument(help=_("plan: tệp kế hoạch; unit: tệp đơn vị."), metavar="[plan|unit]")
    ] = SchemaKind.plan,
) -> None:
    from kehoach.commands import schema as command

    _invoke(lambda: command.run(sys.stdout, which=which.value))


@app.command(cls=Command, help=_("Tạo một kho dữ liệu kế hoạch mới: dữ liệu, JSON Schema, pre-commit, CI, README."))
def init(
    target: Annotated[Path, typer.Argument(help=_("Thư mục của kho (mới hoặc rỗng)."), metavar=_("THƯ_MỤC"))],
    source: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--from",
            help=_("Bắt đầu từ kế hoạch và các đơn vị của một thư mục dữ liệu có sẵn (đã kiểm tra hợp lệ)."),
            file_okay=False,
            metavar=_("THƯ_MỤC"),
        ),
    ] = None,
    update: Annotated[
        bool, typer.Option("--update", help=_("Chỉ viết lại JSON Schema của kho (sau khi nâng cấp kehoach)."))
    ] = False,
    requirement: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--requirement",
            help=_("Gói pip mà pre-commit và CI cài (mặc định: kehoach==phiên bản đang chạy)."),
            metavar=_("YÊU_CẦU"),
        ),
    ] = None,
    hook_repo: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--hook-repo",
            help=_("Kho hook pre-commit của kehoach (URL), thay cho hook cục bộ cài từ --requirement."),
            metavar="URL",
        ),
    ] = None,
    hook_rev: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--hook-rev", help=_("Phiên bản (rev) của kho hook (mặc định: v + phiên bản đang chạy)."), metavar="REV"
        ),
    ] = None,
    title: Annotated[str, typer.Option("--title", help=_("Tên kế hoạch (cho kế hoạch mới)."))] = _("Kế hoạch mới"),
    issuer: Annotated[str, typer.Option("--issuer", help=_("Cơ quan ban hành."))] = _("(cơ quan ban hành)"),
    implements: Annotated[str, typer.Option("--implements", help=_("Văn bản được thực hiện."))] = _(
        "(văn bản được thực hiện)"
    ),
    as_of: AsOfOption = None,
) -> None:
    from kehoach.commands import init as command

    def body() -> int:
        options = command.Options(
            requirement=requirement or f"kehoach=={installed_version()}",
            hook_repo=hook_repo,
            hook_rev=hook_rev or f"v{installed_version()}",
            title=title,
            issuer=issuer,
            implements=implements,
            starts=today(as_of),
        )
        source_root = None if source is None else find_data_dir_at(source)
        return command.run(target, sys.stdout, options=options, source=source_root, update=update)

    _invoke(body)


@app.command(
    "import",
    cls=Command,
    help=_(
        "Soạn bản nháp dữ liệu (plan.yaml, units/) từ văn bản kế hoạch (.txt, .md, .docx), "
        "kèm danh sách những điểm cần xem lại."
    ),
)
def import_(
    document: Annotated[
        Path,
        typer.Argument(help=_("Văn bản kế hoạch: .txt, .md (UTF-8) hoặc .docx."), metavar=_("TỆP"), dir_okay=False),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help=_("Thư mục ghi bản nháp (mới hoặc rỗng)."), metavar=_("THƯ_MỤC")),
    ],
    units_from: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--units-from",
            help=_("Lấy đơn vị, nhóm, lịch nhiệm kỳ, sự kiện từ một thư mục dữ liệu có sẵn (khớp theo tên)."),
            file_okay=False,
            metavar=_("THƯ_MỤC"),
        ),
    ] = None,
    as_of: AsOfOption = None,
) -> None:
    from kehoach.commands import import_ as command

    def body() -> int:
        source = None if units_from is None else find_data_dir_at(units_from, "--units-from")
        return command.run(document, output, sys.stdout, units_from=source, today=today(as_of))

    _invoke(body)


def find_data_dir_at(folder: Path, option: str = "--from") -> Path:
    """The data folder ``--from`` (or ``option``) names: it, or its ``data/`` (a checkout of kehoach itself)."""
    from kehoach.files.datadir import DATA_DIR, PLAN_FILE, find_data_dir
    from kehoach.files.oserrors import current_folder

    if not (folder / PLAN_FILE).is_file() and (folder / DATA_DIR / PLAN_FILE).is_file():
        folder = folder / DATA_DIR
    return find_data_dir(folder, os.environ, current_folder(), option)


@app.command(
    "merge-file",
    cls=Command,
    help=_("Trình gộp của git cho tệp đơn vị và plan.yaml: gộp bản ghi hai nhánh cùng thêm (xem kehoach init)."),
)
def merge_file(
    ancestor: Annotated[Path, typer.Argument(help=_("Bản chung của hai nhánh (%O)."), metavar="%O")],
    ours: Annotated[Path, typer.Argument(help=_("Bản của nhánh này, nơi ghi kết quả (%A)."), metavar="%A")],
    theirs: Annotated[Path, typer.Argument(help=_("Bản của nhánh kia (%B)."), metavar="%B")],
    name: Annotated[str, typer.Argument(help=_("Đường dẫn của tệp trong kho (%P)."), metavar="%P")] = "",
) -> None:
    from kehoach.commands import merge_file as command

    _invoke(lambda: command.run(ancestor, ours, theirs, name, sys.stderr))


@app.command(cls=Command, help=_("Liệt kê các nhiệm vụ của kế hoạch."))
def tasks(unit: UnitOption = None, fmt: FormatOption = Format.table, data: DataOption = None) -> None:
    _invoke(lambda: replay(_root(data), _cache(), run_tasks, units=unit or [], fmt=fmt))


@app.command(cls=Command, help=_("Liệt kê các đơn vị và nhóm đơn vị."))
def units(fmt: FormatOption = Format.table, data: DataOption = None) -> None:
    _invoke(lambda: replay(_root(data), _cache(), run_units, fmt=fmt))


WeekOption = Annotated[bool, typer.Option("--week", help=_("Tuần (thứ Hai – Chủ nhật) chứa ngày xem."))]
MonthOption = Annotated[bool, typer.Option("--month", help=_("Tháng chứa ngày xem."))]
QuarterOption = Annotated[bool, typer.Option("--quarter", help=_("Quý chứa ngày xem (mặc định)."))]
YearOption = Annotated[bool, typer.Option("--year", help=_("Năm chứa ngày xem."))]
StatusOption = Annotated[
    Optional[list[Status]],  # noqa: UP045
    typer.Option("--status", "-s", help=_("Chỉ việc ở trạng thái này (lặp lại được).")),
]


def _span(week: bool, month: bool, quarter: bool, year: bool) -> Span:
    """The one period option given (``due``, ``summary``), or the quarter."""
    chosen: list[tuple[Span, bool]] = [("week", week), ("month", month), ("quarter", quarter), ("year", year)]
    spans = [name for name, wanted in chosen if wanted]
    if len(spans) > 1:
        raise UsageError(_("chỉ chọn một trong --week, --month, --quarter, --year"))
    return spans[0] if spans else DEFAULT_SPAN


@app.command(
    cls=Command,
    help=_(
        "Tổng quan rồi chi tiết: việc đến hạn trong tuần, tháng, quý (mặc định) hoặc năm chứa ngày xem, theo đơn vị."
    ),
)
def due(
    week: WeekOption = False,
    month: MonthOption = False,
    quarter: QuarterOption = False,
    year: YearOption = False,
    brief: Annotated[
        bool,
        typer.Option("--brief", "-b", help=_("Chỉ in bảng tổng quan (như kehoach summary).")),
    ] = False,
    status: StatusOption = None,
    unit: UnitOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> None:

    def body() -> int:
        span, day = _span(week, month, quarter, year), today(as_of)
        return replay(
            _root(data),
            _cache(),
            run_due,
            units=unit or [],
            as_of=day,
            span=span,
            fmt=fmt,
            statuses=status or [],
            again=_again(data),
            brief=brief,
        )

    _invoke(body)


@app.command(
    cls=Command,
    help=_("Tổng quan theo đơn vị trong tuần, tháng, quý (mặc định) hoặc năm: đến hạn, hoàn thành, quá hạn, tỷ lệ."),
)
def summary(
    week: WeekOption = False,
    month: MonthOption = False,
    quarter: QuarterOption = False,
    year: YearOption = False,
    unit: UnitOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> None:

    def body() -> int:
        span, day = _span(week, month, quarter, year), today(as_of)
        return replay(_root(data), _cache(), run_summary, units=unit or [], as_of=day, span=span, fmt=fmt)

    _invoke(body)


@app.command(cls=Command, help=_("Mọi việc quá hạn chưa hoàn thành, cũ nhất trước, kèm số ngày trễ."))
def overdue(
    check: Annotated[
        bool, typer.Option("--check", help=_("Thoát với mã 1 nếu có việc quá hạn (cho CI, cron)."))
    ] = False,
    status: StatusOption = None,
    unit: UnitOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> None:

    def body() -> int:
        day = today(as_of)
        return replay(
            _root(data),
            _cache(),
            run_overdue,
            units=unit or [],
            as_of=day,
            check=check,
            fmt=fmt,
            statuses=status or [],
            again=_again(data),
        )

    _invoke(body)


@app.command(cls=Command, help=_("Việc chưa hoàn thành sắp đến hạn trong N ngày tới (mặc định 30)."))
def upcoming(
    days: Annotated[
        int, typer.Option("--days", min=0, max=periods.MAX_DAYS, help=_("Số ngày tới."), metavar=_("SỐ_NGÀY"))
    ] = 30,
    status: StatusOption = None,
    unit: UnitOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> None:

    def body() -> int:
        day = today(as_of)
        return replay(
            _root(data),
            _cache(),
            run_upcoming,
            units=unit or [],
            as_of=day,
            days=days,
            fmt=fmt,
            statuses=status or [],
            again=_again(data),
        )

    _invoke(body)


OutputOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--output", "-o", help=_("Ghi ra tệp này (bỏ trống hoặc -: ra màn hình)."), metavar=_("TỆP")),
]


@app.command(cls=Command, help=_("Xuất lịch iCalendar (.ics): mỗi kỳ hạn là một sự kiện cả ngày, để nhập vào lịch."))
def ics(
    unit: UnitOption = None,
    start: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--from",
            help=_("Từ ngày (mặc định: ngày kế hoạch có hiệu lực, nhưng không quá mười năm trước --to)."),
            metavar=_("NGÀY"),
        ),
    ] = None,
    end: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--to", help=_("Đến ngày (mặc định: hết năm sau)."), metavar=_("NGÀY")),
    ] = None,
    remind: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--remind",
            help=_("Nhắc trước mỗi hạn chưa đến bấy nhiêu ngày (một báo thức trong lịch)."),
            min=0,
            max=366,
            metavar=_("SỐ_NGÀY"),
        ),
    ] = None,
    output: OutputOption = None,
    as_of: AsOfOption = None,
    data: DataOption = None,
) -> None:

    def body() -> int:
        from kehoach.cli.dates import parse_user_date
        from kehoach.commands import ics as command
        from kehoach.files.load import load_valid

        first = parse_user_date(start, "--from") if start else None
        last = parse_user_date(end, "--to") if end else None
        dataset = load_valid(_root(data), _cache())
        buffer = io.StringIO()
        code = command.run(dataset, buffer, units=unit or [], first=first, last=last, as_of=today(as_of), remind=remind)
        deliver(buffer.getvalue().encode("utf-8"), output)
        return code

    _invoke(body)


@app.command(
    cls=Command, help=_("Xuất kế hoạch và tiến độ ra một tệp SQLite để truy vấn (sqlite3, Datasette, DuckDB).")
)
def export(
    target: Annotated[Path, typer.Argument(help=_("Tệp SQLite sẽ ghi (- : đầu ra chuẩn)."), metavar=_("TỆP"))],
    as_of: AsOfOption = None,
    data: DataOption = None,
) -> None:

    def body() -> int:
        from kehoach.commands import export as command
        from kehoach.files.load import load_valid

        day, made = today(as_of), today(None)
        dataset = load_valid(_root(data), _cache())
        deliver(command.database(dataset, day, made), target, binary=True)
        return 0

    _invoke(body)


@app.command(
    cls=Command, help=_("Báo cáo kết quả (sơ kết, tổng kết): Markdown, HTML, xlsx, dự thảo Báo cáo docx hoặc JSON.")
)
def report(
    year: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--year",
            help=_("Năm báo cáo (mặc định: năm của ngày xem)."),
            min=periods.MIN_YEAR,
            max=periods.MAX_YEAR,
            metavar=_("NĂM"),
        ),
    ] = None,
    start: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--from", help=_("Từ ngày (thay cho --year)."), metavar=_("NGÀY")),
    ] = None,
    end: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--to", help=_("Đến ngày (thay cho --year)."), metavar=_("NGÀY")),
    ] = None,
    unit: UnitOption = None,
    fmt: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            help=_("md: để dán vào văn bản; html: bảng điều khiển; xlsx; docx: dự thảo Báo cáo; json."),
        ),
    ] = ReportFormat.md,
    output: OutputOption = None,
    as_of: AsOfOption = None,
    data: DataOption = None,
) -> None:
    def body() -> int:
        from kehoach.cli.dates import parse_user_date
        from kehoach.commands import report as command
        from kehoach.files.load import load_valid

        if fmt.binary:
            refuse_binary_on_a_terminal(output, fmt.value)
        first = parse_user_date(start, "--from") if start else None
        last = parse_user_date(end, "--to") if end else None
        dataset = load_valid(_root(data), _cache())
        buffer = io.BytesIO()
        code = command.run(
            dataset,
            buffer,
            units=unit or [],
            year=year,
            first=first,
            last=last,
            as_of=today(as_of),
            fmt=fmt,
            made=today(None),
        )
        deliver(buffer.getvalue(), output, binary=fmt.binary)
        return code

    _invoke(body)


@app.command(cls=Command, help=_("Các sự kiện kích hoạt nhiệm vụ: đã xảy ra chưa, nhiệm vụ nào đang chờ."))
def events(fmt: FormatOption = Format.table, data: DataOption = None) -> None:
    _invoke(lambda: replay(_root(data), _cache(), run_events, fmt=fmt))


@app.command(cls=Command, help=_("Các nhiệm vụ thường xuyên (không có hạn cụ thể) của từng đơn vị."))
def ongoing(unit: UnitOption = None, fmt: FormatOption = Format.table, data: DataOption = None) -> None:
    _invoke(lambda: replay(_root(data), _cache(), run_ongoing, units=unit or [], fmt=fmt))


RefArgument = Annotated[
    str,
    typer.Argument(help=_("Số hiệu nhiệm vụ, ví dụ II.2b."), metavar=_("SỐ_HIỆU"), autocompletion=completion.task_refs),
]
OneUnitOption = Annotated[
    str,
    typer.Option(
        "--unit",
        "-u",
        help=_("Mã đơn vị (không phải nhóm)."),
        metavar=_("ĐƠN_VỊ"),
        autocompletion=completion.single_unit_ids,
    ),
]
PeriodOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--period",
        "-p",
        help=_("Kỳ: mã (2022, 2022-Q1…) hoặc tên (Quý I/2022, Năm 2023…); bỏ trống khi chỉ có một kỳ."),
        metavar=_("KỲ"),
        autocompletion=completion.period_keys,
    ),
]
OnOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--on", help=_("Ngày thực hiện (mặc định: hôm nay / --as-of)."), metavar=_("NGÀY")),
]


def _on(on: str | None) -> date | None:
    from kehoach.cli.dates import parse_user_date

    return parse_user_date(on, "--on") if on else None


@app.command(cls=Command, help=_("Ghi nhận đơn vị đã hoàn thành một kỳ của nhiệm vụ, kèm văn bản chứng minh."))
def done(
    ref: RefArgument,
    unit: OneUnitOption,
    period: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--period",
            "-p",
            help=_("Kỳ, mã hoặc tên (mặc định: kỳ cũ nhất chưa ghi nhận, quá hạn trước)."),
            metavar=_("KỲ"),
            autocompletion=completion.period_keys,
        ),
    ] = None,
    on: OnOption = None,
    evidence: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--evidence", "-e", help=_("Văn bản chứng minh, ví dụ 'Báo cáo số 45-BC/TU'."), metavar=_("VĂN_BẢN")
        ),
    ] = None,
    note: Annotated[Optional[str], typer.Option("--note", help=_("Ghi chú."), metavar=_("GHI_CHÚ"))] = None,  # noqa: UP045
    as_of: AsOfOption = None,
    data: DataOption = None,
) -> None:
    from kehoach.commands import done as command

    _invoke(
        lambda: _write(
            data,
            unit,
            command.run,
            ref=ref,
            unit=unit,
            period=period,
            on=_on(on),
            evidence=evidence,
            note=note,
            as_of=today(as_of),
        )
    )


@app.command(cls=Command, help=_("Ghi nhận một kỳ của nhiệm vụ không áp dụng với đơn vị (miễn thực hiện), kèm lý do."))
def waive(
    ref: RefArgument,
    unit: OneUnitOption,
    reason: Annotated[str, typer.Option("--reason", help=_("Lý do không áp dụng."), metavar=_("LÝ_DO"))],
    period: PeriodOption = None,
    on: OnOption = None,
    as_of: AsOfOption = None,
    data: DataOption = None,
) -> None:
    from kehoach.commands import waive as command

    _invoke(
        lambda: _write(
            data,
            unit,
            command.run,
            ref=ref,
            unit=unit,
            period=period,
            reason=reason,
            on=_on(on),
            as_of=today(as_of),
        )
    )


@app.command(
    cls=Command,
    help=_("Ghi vào kế hoạch việc gia hạn một kỳ của nhiệm vụ theo văn bản (cho một đơn vị hoặc mọi đơn vị)."),
)
def extend(
    ref: RefArgument,
    to: Annotated[str, typer.Option("--to", help=_("Hạn mới."), metavar=_("NGÀY"))],
    by: Annotated[
        str, typer.Option("--by", help=_("Văn bản quyết định, ví dụ 'Công văn số 12-CV/TU'."), metavar=_("VĂN_BẢN"))
    ],
    period: PeriodOption = None,
    unit: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--unit",
            "-u",
            help=_("Chỉ đơn vị này (mặc định: mọi đơn vị)."),
            metavar=_("ĐƠN_VỊ"),
            autocompletion=completion.single_unit_ids,
        ),
    ] = None,
    on: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--on", help=_("Ngày của văn bản."), metavar=_("NGÀY")),
    ] = None,
    as_of: AsOfOption = None,
    data: DataOption = None,
) -> None:
    from kehoach.cli.dates import parse_user_date
    from kehoach.commands import extend as command

    _invoke(
        lambda: _write(
            data,
            None,
            command.run,
            ref=ref,
            unit=unit,
            period=period,
            to=parse_user_date(to, "--to"),
            by=by,
            on=_on(on),
            as_of=today(as_of),
        )
    )


@app.command(cls=Command, help=_("Ghi vào kế hoạch rằng một sự kiện (nhiệm vụ chờ nó) đã xảy ra, theo văn bản nào."))
def event(
    name: Annotated[
        str,
        typer.Argument(
            help=_("Mã sự kiện (xem: kehoach events)."), metavar=_("SỰ_KIỆN"), autocompletion=completion.event_ids
        ),
    ],
    on: Annotated[str, typer.Option("--on", help=_("Ngày sự kiện xảy ra."), metavar=_("NGÀY"))],
    by: Annotated[
        str, typer.Option("--by", help=_("Văn bản cho biết, ví dụ 'Kế hoạch số 10-KH/TW'."), metavar=_("VĂN_BẢN"))
    ],
    as_of: AsOfOption = None,
    data: DataOption = None,
) -> None:
    from kehoach.cli.dates import parse_user_date
    from kehoach.commands import event as command

    _invoke(
        lambda: _write(
            data,
            None,
            command.run,
            event=name,
            on=parse_user_date(on, "--on"),
            by=by,
            as_of=today(as_of),
        )
    )


@app.command(cls=Command, help=_("Xóa bản ghi (hoàn thành hoặc miễn) của một kỳ."))
def undo(ref: RefArgument, unit: OneUnitOption, period: PeriodOption = None, data: DataOption = None) -> None:
    from kehoach.commands import undo as command

    _invoke(lambda: _write(data, unit, command.run, ref=ref, unit=unit, period=period))


@app.command(cls=Command, help=_("Những gì đã hoàn thành hoặc được miễn, khi nào, với văn bản nào; mới nhất trước."))
def history(
    ref: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(help=_("Chỉ nhiệm vụ này."), metavar=_("[SỐ_HIỆU]"), autocompletion=completion.task_refs),
    ] = None,
    status: StatusOption = None,
    unit: UnitOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> None:
    _invoke(
        lambda: replay(
            _root(data),
            _cache(),
            run_history,
            ref=ref,
            units=unit or [],
            fmt=fmt,
            as_of=today(as_of),
            statuses=status or [],
            again=_again(data),
        )
    )


@app.command(cls=Command, help=_("Một nhiệm vụ trọn vẹn: nội dung, đơn vị, thời hạn, gia hạn, mọi kỳ theo đơn vị."))
def show(
    ref: RefArgument,
    status: StatusOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> None:

    def body() -> int:
        day = today(as_of)
        return replay(_root(data), _cache(), run_show, ref=ref, as_of=day, fmt=fmt, statuses=status or [])

    _invoke(body)
