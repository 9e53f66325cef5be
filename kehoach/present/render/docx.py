"""The report as a draft *Báo cáo* (python-docx), laid out as Hướng dẫn số 36-HD/VPTW (2018) lays
out the Party's documents, for the Board to finish and sign.

The layout (README, "kehoach report"):

* A4 portrait; margins 25 mm top and bottom, 35 mm left, 15 mm right (the guide's ranges are 20-25,
  30-35 and 15-20 mm); pages numbered at the top, centred, from the second page on;
* Times New Roman throughout, at the guide's sizes: the body at 14 pt, "ĐẢNG CỘNG SẢN VIỆT NAM"
  at 15 pt bold, the document's type at 16 pt bold, the list of recipients at 12 pt; tables at
  12 pt, their heading row repeated on every page;
* the header block from the plan's ``letterhead`` (the superior level, the issuing body in bold,
  the star, ``Số     -BC/TU`` with the number left blank), and on the right the Party's name and
  the place and date (day and month left blank: the office dates the report when it signs it);
* the body from the same report data as the other formats: part I, the results (overall figures,
  each task of the plan by its section with every unit's outcome and document, what is overdue
  and the backlog by unit, the extensions, the events awaited); parts II-V (assessment, causes,
  directions, proposals) as headings with a highlighted "[Cần bổ sung: …]" where the Board writes;
* the signature block and the list of recipients, from the ``letterhead`` too.

Without a ``letterhead`` the plan's issuer stands for the issuing body and the rest is left to
complete. Headings use Word's own heading styles, so a reader's navigation pane lists them.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import datetime, time

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from kehoach import i18n
from kehoach.domain.dataset import Dataset
from kehoach.domain.model import Letterhead, describe_schedule, section_of
from kehoach.domain.occurrences import Entry, Status
from kehoach.domain.report import Report, Tally, TaskReport, UnitReport, year_range
from kehoach.i18n import _, day_count, day_text
from kehoach.present.inert import bounded, visible
from kehoach.present.render import words
from kehoach.present.statuses import look, report_columns
from kehoach.present.views import evidence_text, period_cell

FONT = "Times New Roman"
BODY_SIZE, PARTY_SIZE, TYPE_SIZE, TABLE_SIZE = Pt(14), Pt(15), Pt(16), Pt(12)
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
TOP, BOTTOM, LEFT, RIGHT = Mm(25), Mm(25), Mm(35), Mm(15)
TEXT_WIDTH = Mm(210 - 35 - 15)
STT = Mm(12)
"""The width of a table's first column, its rows' numbers (Số thứ tự)."""
INDENT = Mm(10)
"""The body's first-line indent (the guide: 1 to 1.27 cm)."""
TABLE_TEXT, TABLE_HEADING, TO_COMPLETE_STYLE = "Table Text", "Table Heading", "To Complete"
_LANGUAGE_TAGS = {"vi": "vi-VN", "en": "en-GB"}
"""The document's language, for a reader's spelling and hyphenation."""

PARTY = _("ĐẢNG CỘNG SẢN VIỆT NAM")
DOCUMENT_TYPE = _("BÁO CÁO")
RESULTS = _("KẾT QUẢ THỰC HIỆN")
OVERALL = _("Kết quả chung")
OVERDUE_BY_UNIT = _("Việc quá hạn và tồn đọng theo đơn vị")
NOTHING_DUE = _("Không có kỳ nào đến hạn trong thời gian báo cáo.")
TO_COMPLETE = _("[Cần bổ sung: {what}]")
"""What marks the parts the Board writes itself: highlighted, and easy to search for."""
BOARD_PARTS = (
    (_("ĐÁNH GIÁ CHUNG"), (_("Ưu điểm"), _("Hạn chế, khuyết điểm"))),
    (_("NGUYÊN NHÂN"), (_("Nguyên nhân của ưu điểm"), _("Nguyên nhân của hạn chế, khuyết điểm"))),
    (_("PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"), ()),
    (_("ĐỀ XUẤT, KIẾN NGHỊ"), ()),
)
"""The parts after the results, each with its numbered headings: the Board's to write."""
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
TASK_HEADINGS = (_("STT"), words.UNIT, _("Kết quả"), words.DONE_ON, words.EVIDENCE)
OVERDUE_HEADINGS = (_("STT"), words.REF, words.TITLE, words.PERIOD, words.DUE, words.DAYS_LATE)


def docx_bytes(report: Report, dataset: Dataset) -> bytes:
    document = Document()
    _page(document)
    _styles(document)
    letterhead = dataset.plan.plan.letterhead
    _header_block(document, report, dataset, letterhead)
    _title(document, report)
    _results(document, report, dataset)
    for number, (part, headings) in enumerate(BOARD_PARTS, start=2):
        document.add_heading(f"{ROMAN[number - 1]}. {part}", level=1)
        for index, heading in enumerate(headings, start=1):
            document.add_heading(f"{index}. {heading}", level=2)
            _to_complete(document, heading)
        if not headings:
            _to_complete(document, part.capitalize())
    _end(document, letterhead)
    properties = document.core_properties
    # Word's document properties hold at most 255 characters each.
    properties.title = bounded(visible(f"{DOCUMENT_TYPE} {_subject(report)}"), 254)
    properties.subject = bounded(visible(words.subtitle(report)), 254)
    properties.language = _LANGUAGE_TAGS[i18n.LANGUAGE]
    properties.author = properties.last_modified_by = "kehoach"
    # The format keeps a moment; the made day is all kehoach knows (the template's own is of 2013).
    properties.created = properties.modified = datetime.combine(report.made_on, time())
    properties.revision = 1
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


# --- page and styles ---------------------------------------------------------------------------


def _page(document: DocumentObject) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = TOP, BOTTOM
    section.left_margin, section.right_margin = LEFT, RIGHT
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    # The first page carries the header block; the page number starts on the second.
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    number._p.append(field)


def _styles(document: DocumentObject) -> None:
    styles = document.styles
    # Every style the template has, used or not, and the defaults: a style a reader picks later
    # (Title, Heading 5…) is in the document's font too.
    for properties in styles.element.iter(qn("w:rPr")):
        _named_font(properties)
    normal = styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    _font(normal, BODY_SIZE)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.first_line_indent = INDENT
    normal.paragraph_format.space_before, normal.paragraph_format.space_after = Pt(0), Pt(6)
    normal.paragraph_format.line_spacing = 1.0
    language = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), _LANGUAGE_TAGS[i18n.LANGUAGE])
    language.append(lang)
    for level, italic in ((1, False), (2, False), (3, True), (4, False)):
        heading = styles[f"Heading {level}"]
        assert isinstance(heading, ParagraphStyle)
        _font(heading, BODY_SIZE, bold=True, italic=italic)
        heading.paragraph_format.first_line_indent = INDENT
        heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        heading.paragraph_format.space_before, heading.paragraph_format.space_after = Pt(6), Pt(6)
        heading.paragraph_format.keep_with_next = True
    for name, bold, alignment in (
        (TABLE_TEXT, False, WD_ALIGN_PARAGRAPH.LEFT),
        (TABLE_HEADING, True, WD_ALIGN_PARAGRAPH.CENTER),
    ):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        assert isinstance(style, ParagraphStyle)
        style.base_style = normal
        _font(style, TABLE_SIZE, bold=bold)
        style.paragraph_format.first_line_indent = Pt(0)
        style.paragraph_format.alignment = alignment
        style.paragraph_format.space_after = Pt(0)
    marker = styles.add_style(TO_COMPLETE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(marker, ParagraphStyle)
    marker.base_style = normal
    marker.font.italic = True
    marker.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _font(style: ParagraphStyle, size: Length, *, bold: bool = False, italic: bool = False) -> None:
    """Times New Roman at ``size``, black: Word's heading styles come in the theme's font and colour."""
    style.font.size = size
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = RGBColor(0, 0, 0)
    _named_font(style.element.get_or_add_rPr())


def _named_font(properties: BaseOxmlElement) -> None:
    """Name the font of a ``w:rPr`` for every script, and drop the theme's fonts, which a reader
    would prefer to it."""
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), FONT)


# --- the header block and the title ------------------------------------------------------------


def _header_block(document: DocumentObject, report: Report, dataset: Dataset, letterhead: Letterhead | None) -> None:
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    _widths(table, (Mm(70), TEXT_WIDTH - Mm(70)))
    left, right = table.rows[0].cells
    body = letterhead.body if letterhead else dataset.plan.plan.issuer.upper()
    lines: list[tuple[str, bool]] = []
    if letterhead and letterhead.superior:
        lines.append((letterhead.superior, False))
    lines += [(body, True), ("*", False)]
    symbol = f"BC/{letterhead.symbol}" if letterhead else "BC"
    lines.append((_("Số     -{symbol}").format(symbol=symbol), False))
    _cell_lines(left, [(visible(text), bold, False, BODY_SIZE) for text, bold in lines])
    place = letterhead.place if letterhead else TO_COMPLETE.format(what=_("địa danh"))
    dated = _("{place}, ngày      tháng      năm {year}").format(place=place, year=report.made_on.year)
    _cell_lines(
        right, [(PARTY, True, False, PARTY_SIZE), ("", False, False, Pt(8)), (visible(dated), False, True, BODY_SIZE)]
    )
    right.paragraphs[0].runs[0].font.underline = True
    if not letterhead:
        _marked(right.paragraphs[2].runs[0])


def _cell_lines(cell: _Cell, lines: Sequence[tuple[str, bool, bool, Length]]) -> None:
    """Centred lines in a cell of the header or end block: (text, bold, italic, size)."""
    first = cell.paragraphs[0]
    for index, (text, bold, italic, size) in enumerate(lines):
        paragraph = first if index == 0 else cell.add_paragraph()
        _plain(paragraph, WD_ALIGN_PARAGRAPH.CENTER)
        run = paragraph.add_run(text)
        run.bold, run.italic, run.font.size = bold, italic, size


def _plain(paragraph: Paragraph, alignment: WD_ALIGN_PARAGRAPH) -> None:
    paragraph.alignment = alignment
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.paragraph_format.space_after = Pt(0)


def _title(document: DocumentObject, report: Report) -> None:
    kind = document.add_paragraph()
    _plain(kind, WD_ALIGN_PARAGRAPH.CENTER)
    kind.paragraph_format.space_before = Pt(18)
    run = kind.add_run(DOCUMENT_TYPE)
    run.bold, run.font.size = True, TYPE_SIZE
    subject = document.add_paragraph()
    _plain(subject, WD_ALIGN_PARAGRAPH.CENTER)
    subject.add_run(visible(_subject(report))).bold = True
    # The short rule under the subject: a bottom border on an empty paragraph 3 cm wide.
    rule = document.add_paragraph()
    _plain(rule, WD_ALIGN_PARAGRAPH.CENTER)
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Mm((210 - 35 - 15 - 30) / 2)
    rule.paragraph_format.space_after = Pt(12)
    _border(rule, "bottom")
    opening = document.add_paragraph(
        _(
            "Căn cứ kết quả theo dõi, tổng hợp từ báo cáo của các đơn vị được giao nhiệm vụ, tính đến ngày "
            "{as_of}, kết quả thực hiện Kế hoạch từ ngày {first} đến ngày {last} như sau:"
        ).format(as_of=day_text(report.as_of), first=day_text(report.first), last=day_text(report.last))
    )
    opening.paragraph_format.space_after = Pt(6)


def _subject(report: Report) -> str:
    """The subject under BÁO CÁO: the results of the plan for a year, or between two days."""
    whole_year = (report.first, report.last) == year_range(report.first.year)
    if whole_year:
        return _("kết quả thực hiện {title} năm {year}").format(title=report.title, year=report.first.year)
    return _("kết quả thực hiện {title} từ ngày {first} đến ngày {last}").format(
        title=report.title, first=day_text(report.first), last=day_text(report.last)
    )


_AFTER_BORDERS = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
    "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
"""What follows ``w:pBdr`` in a paragraph's properties (ECMA-376, ``CT_PPrBase``)."""


def _border(paragraph: Paragraph, side: str) -> None:
    properties = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{side}")
    for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        line.set(qn(name), value)
    borders.append(line)
    # In its place in the schema's sequence (before spacing, indents and alignment): Word reports
    # a document whose elements are out of order as damaged.
    properties.insert_element_before(borders, *_AFTER_BORDERS)


# --- part I: the results -----------------------------------------------------------------------


def _results(document: DocumentObject, report: Report, dataset: Dataset) -> None:
    document.add_heading(f"I. {RESULTS}", level=1)
    number = 1
    document.add_heading(f"{number}. {OVERALL}", level=2)
    _overall(document, report)
    for part, under in _parts(report.tasks):
        number += 1
        document.add_heading(f"{number}. {_heading_of(part, dataset)}", level=2)
        sub = 0
        for heading, tasks in under:
            if heading is not None:
                sub += 1
                document.add_heading(f"{number}.{sub}. {_heading_of(heading, dataset)}", level=3)
            for task in tasks:
                _task(document, task, dataset)
    number += 1
    document.add_heading(f"{number}. {OVERDUE_BY_UNIT}", level=2)
    _overdue(document, report, dataset)
    number += 1
    document.add_heading(f"{number}. {words.EXTENSIONS}", level=2)
    _listed(document, [words.extension_line(e, original, dataset) for e, original in report.extensions])
    number += 1
    document.add_heading(f"{number}. {words.WAITING}", level=2)
    _listed(document, [f"{event.name}: {', '.join(refs)}" for event, refs in report.waiting])


def _overall(document: DocumentObject, report: Report) -> None:
    """The figures of the range, as a list, then the table of units (the summary)."""
    total = report.total
    figures = [
        (_("Tổng số lượt nhiệm vụ đến hạn trong kỳ"), str(total.total)),
        (_("Trong đó, báo cáo định kỳ (nhiệm vụ không có hạn riêng)"), _report_figures(report.reports)),
        *((look(status).heading, str(total[status])) for status in report_columns()),
        (words.RATE, words.percent(total.completion_rate)),
        (words.WITHOUT_EVIDENCE, str(report.without_evidence_total)),
        (words.BACKLOG, str(report.backlog_total)),
    ]
    for label, value in figures:
        document.add_paragraph(f"- {label}: {value}.")
    headings = [_("STT"), words.UNIT, *(look(status).heading for status in report_columns()), words.RATE]
    rows = [[str(index), unit.name, *words.counts(unit.tally)] for index, unit in enumerate(report.units, start=1)]
    rows.append(["", words.TOTAL, *words.counts(report.total)])
    table = _table(document, headings, rows, (STT, Mm(58), *([Mm(15)] * 6)), numeric_from=2)
    for cell in table.rows[-1].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True


def _report_figures(tally: Tally) -> str:
    return _("{total} lượt, đã báo cáo {reported}, quá hạn {overdue}").format(
        total=tally.total, reported=tally.finished, overdue=tally[Status.overdue]
    )


Part = tuple[str, list[tuple[str | None, list[TaskReport]]]]


def _parts(tasks: Iterable[TaskReport]) -> list[Part]:
    """The tasks by the plan's parts (II, III, IV…), and within a part by its numbered headings
    (III.5, an owner's) where its tasks' refs have a level below them, in the plan's order: a run
    of tasks under one heading is one group (II.1, then II.5.1 and II.5.2 under II.5, then II.6)."""
    parts: list[Part] = []
    for task in tasks:
        headings = section_of(task.ref)
        part = headings[0]
        heading = headings[1] if len(headings) > 1 else None  # III.5.3 stands under III.5; II.2a under II alone
        if not parts or parts[-1][0] != part:
            parts.append((part, []))
        groups = parts[-1][1]
        if not groups or groups[-1][0] != heading:
            groups.append((heading, []))
        groups[-1][1].append(task)
    return parts


def _heading_of(ref: str, dataset: Dataset) -> str:
    """A heading by the plan's title for it and its number in the plan (``Mục III.5``, untitled)."""
    title = next((section.title for section in dataset.plan.sections if section.ref == ref), None)
    return visible(_("{title} (mục {ref})").format(title=title, ref=ref) if title else _("Mục {ref}").format(ref=ref))


def _task(document: DocumentObject, task: TaskReport, dataset: Dataset) -> None:
    """A task: its title and schedule, then for each of its periods in the range the outcomes in a
    sentence and every unit's in a table."""
    planned = dataset.tasks[task.ref]
    document.add_heading(visible(f"{task.ref}. {planned.title}"), level=4)
    when = document.add_paragraph()
    when.add_run(visible(f"{words.WHEN}: {describe_schedule(planned.schedule, dataset)}.")).italic = True
    when.paragraph_format.keep_with_next = True  # a task's lines start a page with its table, never end one
    if not task.entries:
        document.add_paragraph(NOTHING_DUE)
        return
    by_period: dict[str, list[Entry]] = {}
    for entry in task.entries:
        by_period.setdefault(period_cell(entry, dataset), []).append(entry)
    for period, found in by_period.items():
        document.add_paragraph(
            visible(f"{period}: {_tally_line(Tally.of(found))}")
        ).paragraph_format.keep_with_next = True
        rows = [
            [
                str(index),
                dataset.units[entry.occurrence.unit].name,
                _outcome(entry),
                day_text(entry.record.done_on) if entry.record and entry.record.done_on else "",
                evidence_text(entry.record),
            ]
            for index, entry in enumerate(found, start=1)
        ]
        _table(document, list(TASK_HEADINGS), rows, (STT, Mm(54), Mm(30), Mm(26), Mm(38)))


def _tally_line(tally: Tally) -> str:
    """Outcomes in a sentence: ``33 lượt; Hoàn thành đúng hạn 20; Quá hạn 13.``"""
    counts = "; ".join(f"{look(status).heading} {tally[status]}" for status in report_columns() if tally[status])
    return _("{total} lượt; {counts}.").format(total=tally.total, counts=counts)


def _outcome(entry: Entry) -> str:
    """An occurrence's outcome as the report words it: the status, and how late."""
    word = look(entry.status).word
    return _("{outcome} ({days})").format(outcome=word, days=day_count(entry.days_late)) if entry.days_late else word


def _overdue(document: DocumentObject, report: Report, dataset: Dataset) -> None:
    """Per unit, most overdue first: what is overdue of the range, then what earlier ranges left."""
    owing = [unit for unit in report.units if unit.overdue or unit.backlog]
    if not owing:
        document.add_paragraph(words.NONE)
        return
    for unit in owing:
        document.add_heading(visible(_unit_heading(unit)), level=3)
        for label, found in ((words.OVERDUE, unit.overdue), (words.BACKLOG, unit.backlog)):
            if found:
                caption = document.add_paragraph()
                caption.add_run(f"{label}:").italic = True
                caption.paragraph_format.keep_with_next = True
                _table(
                    document,
                    list(OVERDUE_HEADINGS),
                    _overdue_rows(found, dataset),
                    (STT, Mm(20), Mm(58), Mm(28), Mm(24), Mm(18)),
                    numeric_from=5,
                )


def _unit_heading(unit: UnitReport) -> str:
    return _("{unit}: quá hạn {overdue}, tồn đọng {backlog}").format(
        unit=unit.name, overdue=len(unit.overdue), backlog=len(unit.backlog)
    )


def _overdue_rows(found: Sequence[Entry], dataset: Dataset) -> list[list[str]]:
    return [
        [
            str(index),
            entry.occurrence.task,
            dataset.tasks[entry.occurrence.task].title,
            period_cell(entry, dataset),
            day_text(entry.occurrence.due),
            str(entry.days_late or 0),
        ]
        for index, entry in enumerate(found, start=1)
    ]


def _listed(document: DocumentObject, lines: Sequence[str]) -> None:
    for line in lines or [words.NONE]:
        document.add_paragraph(visible(f"- {line}" if lines else line))


# --- tables ------------------------------------------------------------------------------------


def _table(
    document: DocumentObject,
    headings: list[str],
    rows: list[list[str]],
    widths: Sequence[int],
    numeric_from: int | None = None,
) -> Table:
    """A bordered table in 12 pt, its heading row repeated on every page and no row split."""
    table: Table = document.add_table(rows=1 + len(rows), cols=len(headings))
    table.style = document.styles["Table Grid"]  # the default template's bordered table
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    # By style id on the element: python-docx looks a style object up on every assignment, which
    # at a province's thousands of cells is most of the document's making.
    text, heading = document.styles[TABLE_TEXT].style_id, document.styles[TABLE_HEADING].style_id
    for row_index, (row, values) in enumerate(zip(table.rows, [headings, *rows], strict=True)):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:tblHeader" if row_index == 0 else "w:cantSplit"))
        for column, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            paragraph = cell.paragraphs[0]
            paragraph._p.style = heading if row_index == 0 else text
            if row_index and (column == 0 or (numeric_from is not None and column >= numeric_from)):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(visible(value))
    _widths(table, widths)
    return table


def _widths(table: Table, widths: Sequence[int]) -> None:
    """Column widths as Word reads them (each cell's) and LibreOffice (the grid's)."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


# --- parts II-IV and the end -------------------------------------------------------------------


def _to_complete(document: DocumentObject, what: str) -> None:
    document.add_paragraph(TO_COMPLETE.format(what=what[:1].lower() + what[1:]), style=TO_COMPLETE_STYLE)


def _end(document: DocumentObject, letterhead: Letterhead | None) -> None:
    """The recipients bottom left (12 pt; "Nơi nhận:" at 14, underlined), the signature right."""
    document.add_paragraph()
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    _widths(table, (Mm(75), TEXT_WIDTH - Mm(75)))
    left, right = table.rows[0].cells
    heading = left.paragraphs[0]
    _plain(heading, WD_ALIGN_PARAGRAPH.LEFT)
    label = heading.add_run(_("Nơi nhận:"))
    label.underline, label.font.size = True, BODY_SIZE
    recipients = letterhead.recipients if letterhead and letterhead.recipients else []
    for line in recipients or [TO_COMPLETE.format(what=_("nơi nhận"))]:
        paragraph = left.add_paragraph()
        _plain(paragraph, WD_ALIGN_PARAGRAPH.LEFT)
        run = paragraph.add_run(visible(f"- {line}" if recipients else line))
        run.font.size = TABLE_SIZE
        if not recipients:
            _marked(run)
    signature = letterhead.signature if letterhead and letterhead.signature else []
    lines = [(visible(line), True, False, BODY_SIZE) for line in signature]
    lines.append((TO_COMPLETE.format(what=_("chức vụ, họ tên người ký")), False, True, BODY_SIZE))
    _cell_lines(right, lines)
    _marked(right.paragraphs[-1].runs[0])


def _marked(run: Run) -> None:
    """A run the Board must replace, marked as the parts it writes are."""
    run.italic = True
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
