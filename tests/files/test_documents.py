"""A plan document's text (kehoach.files.documents): a Word document with its annotations in
italics reads to the same outline as the text export; what is neither is refused, clearly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document

from conftest import word_document
from kehoach.domain.outline import outline
from kehoach.errors import UsageError
from kehoach.files.documents import plan_text

ANNOTATION = re.compile(r"\(\*(.*?)\*\)", re.S)


@pytest.mark.parametrize("italic_parentheses", [False, True], ids=["italic words", "italic parentheses"])
def test_the_seed_as_a_word_document_reads_to_the_same_outline(
    seed_text: str, tmp_path: Path, italic_parentheses: bool
) -> None:
    path = word_document(seed_text, tmp_path / "ke-hoach.docx", italic_parentheses=italic_parentheses)
    from_word, from_text = outline(plan_text(path)), outline(seed_text)
    assert [(o.ref, o.text, o.phrase) for o in from_word.obligations] == [
        (o.ref, o.text, o.phrase) for o in from_text.obligations
    ]
    assert (from_word.headings, from_word.purpose, from_word.closing) == (
        from_text.headings,
        from_text.purpose,
        from_text.closing,
    )
    assert len(from_word.obligations) == 83


def test_italics_outside_parentheses_are_not_annotations(tmp_path: Path) -> None:
    document = Document()
    paragraph = document.add_paragraph("1. Quán triệt ")
    paragraph.add_run("Kết luận").italic = True
    paragraph.add_run(" (")
    paragraph.add_run("năm 2022").italic = True
    paragraph.add_run(").")
    document.save(str(tmp_path / "a.docx"))
    assert plan_text(tmp_path / "a.docx") == "1. Quán triệt Kết luận (*năm 2022*).\n"


def test_a_text_export_may_have_a_byte_order_mark_and_windows_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_bytes("\ufeffKẾ HOẠCH\r\n\r\nthực hiện X\r\n".encode())
    assert outline(plan_text(path)).kind == "KẾ HOẠCH"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "anh.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "không phải tệp văn bản; hãy dùng tệp .txt, .md (UTF-8) hoặc .docx",
        ),
        ("cu.txt", "Kế hoạch".encode("cp1258", errors="replace") + b"\xff", "không phải văn bản UTF-8"),
        ("hong.docx", b"PK\x03\x04 not really a zip", "(.docx): tệp hỏng hoặc không phải .docx"),
    ],
    ids=["binary", "not UTF-8", "damaged docx"],
)
def test_what_is_not_a_plan_document_is_refused(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UsageError, match=re.escape(message)):
        plan_text(path)


def test_the_text_of_a_link_is_kept(tmp_path: Path) -> None:
    """A plan may link the documents it cites; the link's words are part of the task's text."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = Document()
    paragraph = document.add_paragraph("1. Thực hiện ")
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), "kl21")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "Kết luận số 21-KL/TW"
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    paragraph.add_run(" (")
    paragraph.add_run("năm 2022").italic = True
    paragraph.add_run(").")
    document.save(str(tmp_path / "a.docx"))
    assert plan_text(tmp_path / "a.docx") == "1. Thực hiện Kết luận số 21-KL/TW (*năm 2022*).\n"
