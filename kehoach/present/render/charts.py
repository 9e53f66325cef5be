"""Inline SVG charts for the HTML dashboard, drawn by kehoach: no script, no network, prints as drawn."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date

from kehoach.domain.occurrences import Status
from kehoach.domain.report import QuarterTally, UnitReport
from kehoach.i18n import day_text
from kehoach.present.inert import html_text as escape
from kehoach.present.render import words
from kehoach.present.statuses import look, report_columns

BARS = [status for status in report_columns() if status is not Status.waived]
"""The four outcomes of the task-tracking rules; waived occurrences are not drawn."""
WIDTH = 720
LABEL = 250
ROW = 18


LABEL_CHARACTERS = 40
"""Characters of a unit's name on one line beside its bar; a longer name wraps onto more lines."""


def outcome_bars(units: Sequence[UnitReport]) -> str:
    """One stacked horizontal bar per unit, in the order given, with the count in each segment's
    tooltip; each unit's name whole, on as many lines as it takes."""
    most = max((sum(unit.tally[s] for s in BARS) for unit in units), default=0) or 1
    scale = (WIDTH - LABEL - 40) / most
    names = [textwrap.wrap(unit.name, LABEL_CHARACTERS) or [""] for unit in units]
    height = ROW * sum(len(lines) for lines in names) + 30
    parts = [_svg_open(height, words.CHART)]
    y = 0
    for unit, lines in zip(units, names, strict=True):
        spans = "".join(
            f'<tspan x="{LABEL - 6}" dy="{0 if number == 0 else ROW - 4}">{escape(line)}</tspan>'
            for number, line in enumerate(lines)
        )
        parts.append(f'<text x="{LABEL - 6}" y="{y + 13}" text-anchor="end" class="label">{spans}</text>')
        x = float(LABEL)
        for status in BARS:
            count = unit.tally[status]
            if count:
                parts.append(
                    _segment(x, y + 2, count * scale, ROW - 4, status, f"{unit.name}: {look(status).heading} {count}")
                )
                x += count * scale
        total = sum(unit.tally[s] for s in BARS)
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 13}" class="count">{total}</text>')
        y += ROW * len(lines)
    parts.append(_legend(y + 12))
    parts.append("</svg>")
    return "".join(parts)


def quarter_columns(quarters: Sequence[QuarterTally], today: date) -> str:
    """One stacked column per quarter of the plan's dated obligations, with today marked."""
    height, top, bottom = 240, 20, 40
    most = max((sum(q.tally[s] for s in BARS) for q in quarters), default=0) or 1
    step = (WIDTH - 40) / max(len(quarters), 1)
    scale = (height - top - bottom) / most
    parts = [_svg_open(height + 20, words.TIMELINE)]
    base = height - bottom
    for index, quarter in enumerate(quarters):
        x, y = 30 + index * step, float(base)
        for status in BARS:
            count = quarter.tally[status]
            if count:
                label = f"{quarter.key}: {look(status).heading} {count}"
                parts.append(_segment(x + 2, y - count * scale, step - 4, count * scale, status, label))
                y -= count * scale
        if quarter.key.endswith("Q1") or index == 0:
            parts.append(f'<text x="{x + 2:.1f}" y="{base + 14}" class="label">{quarter.key[:4]}</text>')
        if quarter.start <= today <= quarter.end:
            share = (today - quarter.start).days / ((quarter.end - quarter.start).days + 1)
            mark = x + share * step
            parts.append(f'<line x1="{mark:.1f}" y1="{top - 8}" x2="{mark:.1f}" y2="{base}" class="today"/>')
            anchor, shift = ("end", -3) if mark > WIDTH - 140 else ("start", 3)  # keep the label on the page
            parts.append(
                f'<text x="{mark + shift:.1f}" y="{top - 10}" text-anchor="{anchor}" class="today-label">'
                f"{escape(words.AS_OF.format(day=day_text(today)))}</text>"
            )
    for tick in ticks(most):  # the value axis: how many, at a glance, without a tooltip
        level = base - tick * scale
        parts.append(f'<line x1="28" y1="{level:.1f}" x2="{WIDTH - 8}" y2="{level:.1f}" class="grid"/>')
        parts.append(f'<text x="24" y="{level + 4:.1f}" text-anchor="end" class="count">{tick}</text>')
    parts.append(f'<line x1="28" y1="{base}" x2="{WIDTH - 8}" y2="{base}" class="axis"/>')
    parts.append(_legend(height))
    parts.append("</svg>")
    return "".join(parts)


def ticks(most: int) -> list[int]:
    """Round values from 0 up to ``most``, about four of them (1, 2 or 5 times a power of ten apart)."""
    step, power = 1, 1
    while most / step > 4:
        for factor in (2, 5, 10):
            step = power * factor
            if most / step <= 4:
                break
        power *= 10
    return list(range(0, most + 1, step))


def _svg_open(height: float, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" width="100%" role="img" '
        f'aria-label="{escape(title)}">'
    )


def _segment(x: float, y: float, width: float, height: float, status: Status, label: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
        f'fill="{look(status).colour}" data-status="{status.value}"><title>{escape(label)}</title></rect>'
    )


def _legend(y: float) -> str:
    parts, x = [], float(LABEL)
    for status in BARS:
        parts.append(f'<rect x="{x:.0f}" y="{y}" width="10" height="10" fill="{look(status).colour}"/>')
        name = look(status).heading
        parts.append(f'<text x="{x + 14:.0f}" y="{y + 9}" class="label">{escape(name)}</text>')
        x += 24 + 6.5 * len(name)
    return "".join(parts)
