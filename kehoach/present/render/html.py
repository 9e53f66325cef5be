"""The report as one self-contained HTML file: no script, no network, no font to fetch.

It opens from a USB stick on an office computer and prints on A4. Every number sits in an
element with ``data-unit`` and ``data-key`` attributes, so a test can hold the page to the JSON.
"""

from __future__ import annotations

from kehoach import i18n
from kehoach.domain.dataset import Dataset
from kehoach.domain.labels import period_of
from kehoach.domain.occurrences import Entry, Status
from kehoach.domain.report import Report, Tally
from kehoach.i18n import day_text
from kehoach.present.inert import html_text as escape
from kehoach.present.render import charts, words
from kehoach.present.statuses import look, report_columns

STYLE_TEMPLATE = """
:root { --ink: #1b1b1b; --muted: #5f6b73; --rule: #d5dbdf; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); margin: 0 auto;
       max-width: 1000px; padding: 24px; line-height: 1.4; font-size: 14px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
.subtitle { color: var(--muted); margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; }
thead th { background: #eef2f4; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--ink); }
td.overdue { color: OVERDUE_COLOUR; font-weight: 600; }
svg text { font-family: inherit; font-size: 11px; fill: var(--ink); }
svg .count { fill: var(--muted); } svg .axis { stroke: var(--muted); } svg .grid { stroke: var(--rule); }
td.period { white-space: nowrap; }
svg .today { stroke: #1565c0; stroke-width: 2; stroke-dasharray: 4 3; } svg .today-label { fill: #1565c0; }
footer { color: var(--muted); margin-top: 32px; font-size: 12px; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  h2 { break-after: avoid; } tr, svg { break-inside: avoid; } thead { display: table-header-group; }
  tfoot { display: table-row-group; } /* the totals once, at the end: never under a page's part of the list */
}
"""


STYLE = STYLE_TEMPLATE.replace("OVERDUE_COLOUR", look(Status.overdue).colour)  # one colour per status


def html(report: Report, dataset: Dataset) -> str:
    body = [
        f'<header><h1>{escape(report.title)}</h1><p class="subtitle">{escape(words.subtitle(report))}</p></header>',
        _section("summary", words.SUMMARY, _summary(report)),
        _section("chart", words.CHART, charts.outcome_bars(report.units)),
        _section("timeline", words.TIMELINE, charts.quarter_columns(report.timeline, report.as_of)),
        _section("overdue", words.OVERDUE, _overdue(report, dataset)),
        _section("backlog", words.BACKLOG, _overdue(report, dataset, backlog=True)),
        _section("without-evidence", words.WITHOUT_EVIDENCE, _without_evidence(report, dataset)),
        _section(
            "extensions", words.EXTENSIONS, _items([words.extension_line(e, o, dataset) for e, o in report.extensions])
        ),
        _section("waiting", words.WAITING, _waiting(report)),
        f"<footer>{escape(words.made_on(report))}</footer>",
    ]
    return (
        f'<!DOCTYPE html>\n<html lang="{i18n.LANGUAGE}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(report.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _section(name: str, title: str, content: str) -> str:
    return f'<section id="{name}"><h2>{escape(title)}</h2>{content}</section>'


def _summary(report: Report) -> str:
    headings = "".join(f'<th class="num">{escape(look(s).heading)}</th>' for s in report_columns())
    rows = "".join(_tally_row(unit.unit, unit.name, unit.tally) for unit in report.units)
    return (
        f'<table class="summary"><thead><tr><th>{escape(words.UNIT)}</th>{headings}'
        f'<th class="num">{escape(words.RATE)}</th></tr></thead><tbody>{rows}</tbody>'
        f"<tfoot>{_tally_row('*', words.TOTAL, report.total)}"
        f"{_tally_row('*reports', words.OF_WHICH_REPORTS, report.reports)}</tfoot></table>"
    )


def _tally_row(unit: str, label: str, tally: Tally) -> str:
    cells = "".join(
        f'<td class="num{" overdue" if status.value == "overdue" and tally[status] else ""}" '
        f'data-unit="{escape(unit)}" data-key="{status.value}">{tally[status]}</td>'
        for status in report_columns()
    )
    rate = tally.completion_rate
    value = "" if rate is None else f"{rate:.4f}"
    return (
        f'<tr><th title="{escape(unit)}">{escape(label)}</th>{cells}'
        f'<td class="num" data-unit="{escape(unit)}" data-key="completion_rate" data-value="{value}">'
        f"{escape(words.percent(rate))}</td></tr>"
    )


def _overdue(report: Report, dataset: Dataset, backlog: bool = False) -> str:
    """What is overdue of the range, or with ``backlog`` from before it."""
    rows = "".join(
        _overdue_row(unit.name, entry, dataset)
        for unit in report.units
        for entry in (unit.backlog if backlog else unit.overdue)
    )
    if not rows:
        return f"<p>{escape(words.NONE)}</p>"
    headings = (words.UNIT, words.REF, words.TITLE, words.PERIOD, words.DUE, words.DAYS_LATE)
    numeric = {words.DUE, words.DAYS_LATE}
    head = "".join(f'<th class="{"num" if h in numeric else ""}">{escape(h)}</th>' for h in headings)
    return f'<table class="overdue"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _overdue_row(name: str, entry: Entry, dataset: Dataset) -> str:
    occurrence = entry.occurrence
    cells = [name, occurrence.task, dataset.tasks[occurrence.task].title]
    return (
        f'<tr data-task="{escape(occurrence.task)}" data-period="{escape(occurrence.period)}">'
        + "".join(f"<td>{escape(cell)}</td>" for cell in cells)
        + f'<td class="period">{escape(period_of(dataset, occurrence))}</td>'
        + f'<td class="num">{day_text(occurrence.due)}</td><td class="num">{entry.days_late or 0}</td></tr>'
    )


def _without_evidence(report: Report, dataset: Dataset) -> str:
    """Completions recorded without their document: allowed, but listed, so the gap is seen."""
    rows = "".join(
        _without_evidence_row(unit.name, entry, dataset) for unit in report.units for entry in unit.without_evidence
    )
    if not rows:
        return f"<p>{escape(words.NONE)}</p>"
    headings = (words.UNIT, words.REF, words.TITLE, words.PERIOD, words.DONE_ON)
    head = "".join(f'<th class="{"num" if h == words.DONE_ON else ""}">{escape(h)}</th>' for h in headings)
    return f'<table class="without-evidence"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _without_evidence_row(name: str, entry: Entry, dataset: Dataset) -> str:
    occurrence, record = entry.occurrence, entry.record
    assert record is not None and record.done_on is not None  # a completed item has its record
    cells = [name, occurrence.task, dataset.tasks[occurrence.task].title]
    return (
        f'<tr data-task="{escape(occurrence.task)}" data-period="{escape(occurrence.period)}">'
        + "".join(f"<td>{escape(cell)}</td>" for cell in cells)
        + f'<td class="period">{escape(period_of(dataset, occurrence))}</td>'
        + f'<td class="num">{day_text(record.done_on)}</td></tr>'
    )


def _items(lines: list[str]) -> str:
    if not lines:
        return f"<p>{escape(words.NONE)}</p>"
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"


def _waiting(report: Report) -> str:
    if not report.waiting:
        return f"<p>{escape(words.NONE)}</p>"
    items = "".join(f"<li>{escape(event.name)}: {escape(', '.join(refs))}</li>" for event, refs in report.waiting)
    return f"<ul>{items}</ul>"
