"""Presentations of a :class:`kehoach.domain.report.Report`: JSON data, Markdown, HTML, xlsx, docx.

:func:`render` is the one place a report format is chosen; its ``match`` is exhaustive, so a
format added to :class:`~kehoach.present.output.ReportFormat` fails mypy until it is rendered.
Each renderer is imported only when it is asked for (openpyxl and python-docx are slow to import).
"""

from __future__ import annotations

from typing import assert_never

from kehoach.domain.dataset import Dataset
from kehoach.domain.report import Report
from kehoach.present.inert import json_text
from kehoach.present.output import ReportFormat


def render(report: Report, dataset: Dataset, fmt: ReportFormat) -> bytes:
    """The report's bytes in ``fmt`` (UTF-8 for the text formats)."""
    match fmt:
        case ReportFormat.xlsx:
            from kehoach.present.render.xlsx import workbook_bytes

            return workbook_bytes(report, dataset)
        case ReportFormat.docx:
            from kehoach.present.render.docx import docx_bytes

            return docx_bytes(report, dataset)
        case ReportFormat.html:
            from kehoach.present.render.html import html

            return html(report, dataset).encode("utf-8")
        case ReportFormat.json:
            from kehoach.present.render.data import report_data

            return (json_text(report_data(report, dataset)) + "\n").encode("utf-8")
        case ReportFormat.md:
            from kehoach.present.render.markdown import markdown

            return markdown(report, dataset).encode("utf-8")
        case _:
            assert_never(fmt)
