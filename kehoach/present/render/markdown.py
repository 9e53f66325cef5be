"""The report as Markdown, for pasting into a document (GitHub-flavoured tables)."""

from __future__ import annotations

from collections.abc import Sequence

from kehoach.domain.dataset import Dataset
from kehoach.domain.labels import period_of
from kehoach.domain.model import describe_schedule
from kehoach.domain.occurrences import Entry
from kehoach.domain.report import Report, UnitReport
from kehoach.i18n import day_text
from kehoach.present.inert import visible
from kehoach.present.render import words
from kehoach.present.statuses import look, report_columns
from kehoach.present.views import evidence_text


def markdown(report: Report, dataset: Dataset) -> str:
    lines = [f"# {_cell(report.title)}", "", f"*{words.subtitle(report)}*", "", f"## {words.SUMMARY}", ""]
    lines += _summary(report)
    for unit in report.units:
        lines += ["", f"## {_cell(unit.name)} ({unit.unit})", ""]
        lines += _unit(unit, dataset)
    lines += ["", f"## {words.EXTENSIONS}", ""]
    lines += [f"- {_cell(words.extension_line(e, original, dataset))}" for e, original in report.extensions] or [
        words.NONE
    ]
    lines += ["", f"## {words.WAITING}", ""]
    lines += [f"- {_cell(event.name)}: {', '.join(refs)}" for event, refs in report.waiting] or [words.NONE]
    lines += ["", f"*{words.made_on(report)}*"]
    return "\n".join(lines) + "\n"


def _summary(report: Report) -> list[str]:
    headings = [words.UNIT, *(look(status).heading for status in report_columns()), words.RATE]
    rows = [[f"{_cell(unit.name)} ({unit.unit})", *words.counts(unit.tally)] for unit in report.units]
    rows.append([f"**{words.TOTAL}**", *words.counts(report.total)])
    rows.append([f"*{words.OF_WHICH_REPORTS}*", *words.counts(report.reports)])
    return _table(headings, rows, numeric_from=1)


def _unit(unit: UnitReport, dataset: Dataset) -> list[str]:
    lines = [f"### {words.OVERDUE}", ""]
    lines += _table(
        [words.REF, words.TITLE, words.PERIOD, words.DUE, words.DAYS_LATE], _overdue(unit.overdue, dataset)
    ) or [words.NONE]
    if unit.backlog:
        lines += ["", f"### {words.BACKLOG}", ""]
        lines += _table(
            [words.REF, words.TITLE, words.PERIOD, words.DUE, words.DAYS_LATE], _overdue(unit.backlog, dataset)
        )
    lines += ["", f"### {words.COMPLETED}", ""]
    headings = [words.REF, words.TITLE, words.PERIOD, words.DUE, words.DONE_ON, words.DAYS_LATE, words.EVIDENCE]
    lines += _table(headings, _completed(unit.completed, dataset)) or [words.NONE]
    if unit.ongoing:
        lines += ["", f"### {words.ONGOING}", ""]
        lines += [
            f"- {ref} {_cell(dataset.tasks[ref].title)} ({describe_schedule(dataset.tasks[ref].schedule, dataset)})"
            for ref in unit.ongoing
        ]
    return lines


def _overdue(found: Sequence[Entry], dataset: Dataset) -> list[list[str]]:
    return [
        [
            e.occurrence.task,
            _cell(dataset.tasks[e.occurrence.task].title),
            period_of(dataset, e.occurrence),
            day_text(e.occurrence.due),
            str(e.days_late or 0),
        ]
        for e in found
    ]


def _completed(found: Sequence[Entry], dataset: Dataset) -> list[list[str]]:
    rows = []
    for entry in found:
        record = entry.record
        done_on = day_text(record.done_on) if record and record.done_on else ""
        rows.append(
            [
                entry.occurrence.task,
                _cell(dataset.tasks[entry.occurrence.task].title),
                period_of(dataset, entry.occurrence),
                day_text(entry.occurrence.due),
                done_on,
                str(entry.days_late or ""),
                _cell(evidence_text(record)),
            ]
        )
    return rows


def _table(headings: list[str], rows: list[list[str]], numeric_from: int | None = None) -> list[str]:
    if not rows:
        return []
    rule = ["---:" if numeric_from is not None and index >= numeric_from else "---" for index in range(len(headings))]
    return [_row(headings), _row(rule), *(_row(row) for row in rows)]


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no pipes, no line breaks, control characters shown."""
    return " ".join(visible(text).replace("|", "\\|").split())
