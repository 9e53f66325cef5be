"""``kehoach import``: a plan document becomes a draft data folder that validates, is the same on
every run, and on the seed matches the shipped data field by field (the figure the README states)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO, SHIPPED_DATA, Cli, word_document
from kehoach.domain.model import PlanFile, Task

SEED_DOCUMENT = REPO.parent / "shared" / "seed" / "000_c789a2f662faff50.txt"


def imported(cli: Cli, document: Path, target: Path, *extra: str) -> str:
    result = cli("import", str(document), "-o", str(target), *extra)
    assert result.exit_code == 0, result.stderr
    checked = cli("validate", "--data", str(target))
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    return result.stdout


def plan_of(folder: Path) -> PlanFile:
    return PlanFile.model_validate(yaml.safe_load((folder / "plan.yaml").read_text(encoding="utf-8")))


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def _schedule(task: Task) -> dict[str, Any] | None:
    """What the document says of when: the kind and its fields, and the phrase as written. An
    event's id and any ``within_days`` are the Board's words, not the document's; so is a
    ``review`` rhythm the document does not name."""
    if task.schedule is None:
        return None
    dumped = task.schedule.model_dump(exclude={"event", "within_days", "review"})
    return dumped


def differences(draft: PlanFile, shipped: PlanFile) -> tuple[int, list[str]]:
    """How many tasks match in ref, text, schedule and owners, and every difference, field by field."""
    found = {task.ref: task for task in draft.tasks}
    matched, listed = 0, []
    for task in shipped.tasks:
        mine = found.get(task.ref)
        if mine is None:
            listed.append(f"{task.ref}: missing from the draft")
            continue
        wrong = [
            f"{task.ref} {name}: draft {ours!r}, shipped {theirs!r}"
            for name, ours, theirs in (
                ("text", mine.text, task.text),
                ("schedule", _schedule(mine), _schedule(task)),
                ("owners", sorted(mine.owners), sorted(task.owners)),
            )
            if ours != theirs
        ]
        matched += not wrong
        listed += wrong
        listed += [
            f"{task.ref} {name} (not scored): draft {ours!r}, shipped {theirs!r}"
            for name, ours, theirs in (
                ("role", mine.role, task.role),
                ("coordinators", mine.coordinators, task.coordinators),
                ("related", mine.related, task.related),
            )
            if ours != theirs
        ]
    listed += [f"{ref}: not in the shipped data" for ref in found.keys() - {t.ref for t in shipped.tasks}]
    return matched, listed


@pytest.fixture(scope="module")
def seed_draft(tmp_path_factory: pytest.TempPathFactory, seed_text: str) -> Path:
    """The seed imported with the shipped units, once for the module (the ``cli`` fixture is per
    test, so this runs the command as a process would, in-process)."""
    from typer.testing import CliRunner

    from kehoach.cli.app import app

    target = tmp_path_factory.mktemp("seed") / "draft"
    env = {"KEHOACH_TODAY": "2026-12-01", "KEHOACH_LANG": "vi", "COLUMNS": "100"}
    result = CliRunner().invoke(
        app, ["import", str(SEED_DOCUMENT), "-o", str(target), "--units-from", str(SHIPPED_DATA)], env=env
    )
    assert result.exit_code == 0, result.output
    (target.parent / "stdout.txt").write_text(result.stdout, encoding="utf-8")
    return target


def test_the_seed_drafts_a_folder_that_validates_with_a_short_review_list(cli: Cli, seed_draft: Path) -> None:
    checked = cli("validate", "--data", str(seed_draft))
    assert checked.exit_code == 0, checked.stdout
    assert checked.stdout.splitlines() == [
        "Hợp lệ: 34 tệp, 83 nhiệm vụ, 33 đơn vị, 5 nhóm.",
        "Lưu ý: nhóm 'chua-ro-don-vi' chưa có đơn vị nào: chưa đơn vị nào phải làm 1 nhiệm vụ của nhóm (IV.1); "
        "ghi mã các đơn vị vào 'members'.",
    ]
    printed = (seed_draft.parent / "stdout.txt").read_text(encoding="utf-8")
    review = (seed_draft / "review.txt").read_text(encoding="utf-8").splitlines()
    # The review list printed is the one written beside the draft, each point at its line.
    assert review[0].startswith("Cần xem lại trong bản nháp (15 điểm), theo vị trí trong 000_c789a2f662faff50.txt")
    assert all(line in printed for line in review[1:])
    assert len(review) - 1 <= 20  # read in a few minutes
    assert "  dòng 211: nhiệm vụ IV.1: không rõ đơn vị thực hiện" in "\n".join(review)


def test_the_draft_matches_the_shipped_plan_field_by_field(seed_draft: Path) -> None:
    shipped = PlanFile.model_validate(yaml.safe_load((SHIPPED_DATA / "plan.yaml").read_text(encoding="utf-8")))
    matched, listed = differences(plan_of(seed_draft), shipped)
    share = matched / len(shipped.tasks)
    print(f"\n{matched} of {len(shipped.tasks)} tasks match ({share:.1%}):", *listed, sep="\n  ")
    assert share >= 0.95
    # The README states the figure this test measures.
    stated = re.search(r"(\d+) of the (\d+) tasks \((\d+\.\d)%\)", (REPO / "README.md").read_text(encoding="utf-8"))
    assert stated is not None and stated.groups() == (str(matched), str(len(shipped.tasks)), f"{share * 100:.1f}")
    # What differs is what the document does not say: IV.1's and IV.2's owners.
    assert [line.split(":")[0] for line in listed if "not scored" not in line] == ["IV.1 owners", "IV.2 owners"]


def test_the_plan_head_and_the_carried_data(seed_draft: Path) -> None:
    draft, shipped = (
        plan_of(seed_draft),
        PlanFile.model_validate(yaml.safe_load((SHIPPED_DATA / "plan.yaml").read_text(encoding="utf-8"))),
    )
    head = ("title", "issuer", "implements", "starts", "preamble", "purpose", "closing")
    assert {key: getattr(draft.plan, key) for key in head} == {key: getattr(shipped.plan, key) for key in head}
    assert draft.term_calendars == shipped.term_calendars
    assert [(s.ref, s.title) for s in draft.sections] == [(s.ref, s.title) for s in shipped.sections]
    # Carried units are the shipped ones without their records.
    units = sorted(path.stem for path in (seed_draft / "units").glob("*.yaml"))
    assert units == sorted(path.stem for path in (SHIPPED_DATA / "units").glob("*.yaml"))
    carried = yaml.safe_load((seed_draft / "units" / "ban-to-chuc-tinh-uy.yaml").read_text(encoding="utf-8"))
    assert carried == {
        "schema": 1,
        "id": "ban-to-chuc-tinh-uy",
        "name": "Ban Tổ chức Tỉnh ủy",
        "kind": "party_board",
        "records": None,
    }


def test_a_second_run_writes_the_same_bytes(
    cli: Cli, seed_draft: Path, tmp_path: Path
) -> None:  # seed_draft needs the seed
    imported(cli, SEED_DOCUMENT, tmp_path / "again", "--units-from", str(SHIPPED_DATA))
    assert files_of(tmp_path / "again") == files_of(seed_draft)


def test_the_seed_as_a_word_document_drafts_the_same_folder(
    cli: Cli, seed_text: str, seed_draft: Path, tmp_path: Path
) -> None:
    document = word_document(seed_text, tmp_path / SEED_DOCUMENT.with_suffix(".docx").name)
    imported(cli, document, tmp_path / "from-word", "--units-from", str(SHIPPED_DATA))
    from_word, from_text = files_of(tmp_path / "from-word"), files_of(seed_draft)
    # The same plan and units, but for the document's name in the first comment.
    review_word, review_text = from_word.pop("review.txt").decode(), from_text.pop("review.txt").decode()
    assert {name: data.replace(b".docx", b".txt") for name, data in from_word.items()} == from_text

    # The same points to review, placed by paragraph in a Word document (it has no lines).
    def points(text: str) -> list[str]:
        return [re.sub(r"^  (dòng|đoạn) \d+: ", "", line) for line in text.splitlines()[1:]]

    assert points(review_word) == points(review_text)
    assert "  đoạn 105: nhiệm vụ IV.1: không rõ đơn vị thực hiện" in review_word


def test_without_known_units_the_owners_become_new_units_and_empty_groups(
    cli: Cli, seed_text: str, tmp_path: Path
) -> None:
    out = imported(cli, SEED_DOCUMENT, tmp_path / "first")
    draft = plan_of(tmp_path / "first")
    groups = {group.id: group for group in draft.groups}
    assert groups["cac-huyen-uy-thanh-uy-dang"].members == []
    assert groups["cac-huyen-uy-thanh-uy-dang"].name.startswith("Các huyện ủy, thành ủy, Đảng ủy Khôi")
    text = (tmp_path / "first" / "plan.yaml").read_text(encoding="utf-8")
    assert (
        "  # văn bản không liệt kê thành viên: ghi mã các đơn vị của nhóm vào 'members'\n  - id: cac-huyen-uy" in text
    )
    tasks = {task.ref: task for task in draft.tasks}
    assert tasks["III.3.1"].owners == [
        "ban-can-su-dang-toa-an-nhan-dan-tinh",
        "ban-can-su-dang-vien-kiem-sat-nhan-dan-tinh",
    ]
    assert tasks["III.12.1"].owners == [
        "dang-uy-cong-an-tinh",
        "dang-uy-quan-su-tinh",
        "dang-uy-bo-doi-bien-phong-tinh",
    ]
    unit = yaml.safe_load((tmp_path / "first" / "units" / "uy-ban-kiem-tra-tinh-uy.yaml").read_text(encoding="utf-8"))
    assert (unit["name"], unit["kind"]) == ("Ủy ban Kiểm tra Tỉnh ủy", "inspection_committee")
    assert "đơn vị mới 'uy-ban-kiem-tra-tinh-uy'" in out
    # A new term calendar: its first term is the one the document names, and the guess is listed.
    assert [(c.id, c.first_term) for c in draft.term_calendars] == [
        ("dai-hoi-dang", "2020-2025"),
        ("hoi-dong-nhan-dan-cac-cap", "2020-2025"),
    ]
    assert "lịch nhiệm kỳ 'dai-hoi-dang'" in out


def test_roles_coordinators_and_related_tasks(seed_draft: Path) -> None:
    tasks = {task.ref: task for task in plan_of(seed_draft).tasks}
    assert [ref for ref, task in tasks.items() if task.role == "coordinate"] == [
        "III.4.3",
        "III.6.2",
        "III.10.1",
        "III.11.3",
    ]
    assert tasks["III.3.3"].role == "lead"  # "Phối hợp với các cơ quan liên quan tăng cường…": its own work
    assert tasks["IV.3"].coordinators == ["co-quan-tham-muu-tinh-uy"]
    assert {ref: tasks[ref].related for ref in ("III.4.3", "III.6.2", "III.10.1", "III.11.3")} == {
        "III.4.3": ["III.9.4", "III.9.5"],
        "III.6.2": ["III.5.8"],
        "III.10.1": ["III.7.1"],
        "III.11.3": [],
    }


# Robustness: other plans' shapes, and what is no plan at all -------------------------------------

PLAN = """KẾ HOẠCH

thực hiện Nghị quyết số 05-NQ/TW, ngày 01/3/2023 của Bộ Chính trị về công tác cán bộ

Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Quán triệt sâu sắc Nghị quyết.

{parts}

Nơi nhận:

- Như trên,
"""
OWNERS = """{number}. NHIỆM VỤ CỦA CÁC CƠ QUAN

1. Ban Tổ chức Tỉnh ủy

- Tham mưu quy định về công tác cán bộ (*Quý II/2023*).

- Hướng dẫn kiểm điểm (*năm 2023*), tổng hợp kết quả (*năm 2024*) và báo cáo Ban Thường vụ (*hằng năm*).

- Theo dõi việc thực hiện.

2. Các huyện ủy, thành ủy

- Xây dựng kế hoạch thực hiện (*tháng 5/2023*)."""
CLOSING = """{number}. TỔ CHỨC THỰC HIỆN

1. Giao Ban Tổ chức Tỉnh ủy chủ trì theo dõi, đôn đốc thực hiện Kế hoạch (*thực hiện thường xuyên*).

Các cấp ủy báo cáo kết quả về Ban Tổ chức Tỉnh ủy."""


def write_plan(folder: Path, text: str) -> Path:
    path = folder / "ke-hoach.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_renumbered_parts_give_the_documents_own_refs(cli: Cli, tmp_path: Path) -> None:
    document = write_plan(
        tmp_path, PLAN.format(parts=OWNERS.format(number="II") + "\n\n" + CLOSING.format(number="III"))
    )
    imported(cli, document, tmp_path / "draft")
    tasks = {task.ref: task for task in plan_of(tmp_path / "draft").tasks}
    assert list(tasks) == ["II.1.1", "II.1.2a", "II.1.2b", "II.1.2c", "II.1.3", "II.2.1", "III.1"]
    assert tasks["III.1"].owners == ["ban-to-chuc-tinh-uy"]
    assert tasks["II.2.1"].owners == ["cac-huyen-uy-thanh-uy"]


def test_a_paragraph_with_three_annotations_is_three_tasks_and_a_task_without_one_has_no_schedule(
    cli: Cli, tmp_path: Path
) -> None:
    document = write_plan(
        tmp_path, PLAN.format(parts=OWNERS.format(number="II") + "\n\n" + CLOSING.format(number="III"))
    )
    out = imported(cli, document, tmp_path / "draft")
    tasks = {task.ref: task for task in plan_of(tmp_path / "draft").tasks}
    assert [
        (tasks[ref].text, tasks[ref].schedule is not None and tasks[ref].schedule.kind)
        for ref in ("II.1.2a", "II.1.2b", "II.1.2c")
    ] == [
        ("Hướng dẫn kiểm điểm (năm 2023),", "deadline"),
        ("tổng hợp kết quả (năm 2024)", "deadline"),
        ("và báo cáo Ban Thường vụ (hằng năm).", "yearly"),
    ]
    assert tasks["II.1.3"].schedule is None and tasks["II.1.3"].text == "Theo dõi việc thực hiện."
    assert "đoạn II.1.2 có 3 chú thích thời hạn" in out
    assert tasks["II.1.2c"].schedule is not None and tasks["II.1.2c"].schedule.model_dump()["from_"] == 2023


def test_a_plan_without_an_owners_section_still_drafts(cli: Cli, tmp_path: Path) -> None:
    parts = """II. NHIỆM VỤ TRỌNG TÂM

Các cấp ủy, tổ chức đảng từ tỉnh đến cơ sở tập trung thực hiện:

1. Quán triệt Nghị quyết (*Quý III/2023*).

2. Thực hiện nghiêm quy trình công tác cán bộ (*thực hiện thường xuyên*).

""" + CLOSING.format(number="III")
    imported(cli, write_plan(tmp_path, PLAN.format(parts=parts)), tmp_path / "draft")
    draft = plan_of(tmp_path / "draft")
    assert [(task.ref, task.owners) for task in draft.tasks] == [
        ("II.1", ["cac-cap-uy-to-chuc-dang"]),
        ("II.2", ["cac-cap-uy-to-chuc-dang"]),
        ("III.1", ["ban-to-chuc-tinh-uy"]),
    ]
    assert [group.members for group in draft.groups] == [[]]


def test_an_unread_phrase_is_left_empty_with_its_words_kept(cli: Cli, tmp_path: Path) -> None:
    parts = OWNERS.format(number="II").replace("(*Quý II/2023*)", "(*theo tiến độ của Trung ương*)")
    out = imported(cli, write_plan(tmp_path, PLAN.format(parts=parts)), tmp_path / "draft")
    task = plan_of(tmp_path / "draft").tasks[0]
    assert task.schedule is None and task.text.endswith("(theo tiến độ của Trung ương).")
    assert "chưa đọc được thời hạn 'theo tiến độ của Trung ương'" in out
    assert "    # chưa đọc được thời hạn" in (tmp_path / "draft" / "plan.yaml").read_text(encoding="utf-8") or (
        "  # chưa đọc được thời hạn" in (tmp_path / "draft" / "plan.yaml").read_text(encoding="utf-8")
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "không thấy nhiệm vụ nào"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "không phải tệp văn bản"),
        ("Biên bản họp chi bộ.\n\nCác đồng chí thống nhất.\n".encode(), "không thấy nhiệm vụ nào"),
    ],
    ids=["empty", "binary", "no tasks"],
)
def test_what_is_no_plan_is_refused_and_nothing_is_written(
    cli: Cli, tmp_path: Path, content: bytes, message: str
) -> None:
    document = tmp_path / "ke-hoach.txt"
    document.write_bytes(content)
    result = cli("import", str(document), "-o", str(tmp_path / "draft"))
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cache", "ke-hoach.txt"] or sorted(
        path.name for path in tmp_path.iterdir()
    ) == ["ke-hoach.txt"]


def test_a_folder_that_holds_files_is_not_written_into(cli: Cli, seed_text: str, tmp_path: Path) -> None:
    (tmp_path / "draft").mkdir()
    (tmp_path / "draft" / "notes.txt").write_text("giữ nguyên\n", encoding="utf-8")
    result = cli("import", str(SEED_DOCUMENT), "-o", str(tmp_path / "draft"))
    assert result.exit_code == 2 and "không rỗng" in result.stderr
    assert [path.name for path in (tmp_path / "draft").iterdir()] == ["notes.txt"]
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".draft.")]


def test_an_empty_folder_is_written_into(cli: Cli, seed_text: str, tmp_path: Path) -> None:
    (tmp_path / "draft").mkdir()
    imported(cli, SEED_DOCUMENT, tmp_path / "draft", "--units-from", str(SHIPPED_DATA))
    assert (tmp_path / "draft" / "plan.yaml").is_file()
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".draft.")]


def test_what_reads_but_cannot_be_kept_is_left_unread_and_odd_dates_are_not_the_start(cli: Cli, tmp_path: Path) -> None:
    text = PLAN.format(parts=OWNERS.format(number="II").replace("(*Quý II/2023*)", "(*năm thứ 7 nhiệm kỳ*)"))
    text = text.replace("ngày 01/3/2023", "ngày 01/3/1890, sửa đổi ngày 31/02/2023")
    out = imported(cli, write_plan(tmp_path, text), tmp_path / "draft")
    draft = plan_of(tmp_path / "draft")
    assert draft.tasks[0].schedule is None and "chưa đọc được thời hạn 'năm thứ 7 nhiệm kỳ'" in out
    # No date the plan can mean in its subject: it starts on 1 January of its first year, a guess.
    assert draft.plan.starts.isoformat() == "2023-01-01" and "ngày bắt đầu 2023-01-01 là phỏng đoán" in out


def test_numbers_the_document_repeats_keep_every_owner_and_paragraph(cli: Cli, tmp_path: Path) -> None:
    parts = """II. NHIỆM VỤ CHUNG

Ban Tổ chức Tỉnh ủy có trách nhiệm:

1. Quán triệt (*năm 2023*); kiểm tra (*năm 2024*).

1. Sơ kết (*năm 2025*); tổng kết (*năm 2026*).

II. NHIỆM VỤ CỦA CÁC CƠ QUAN

1. Ban Tổ chức Tỉnh ủy

- Tham mưu (*năm 2023*).

1. Ban Tuyên giáo Tỉnh ủy

- Tuyên truyền (*năm 2023*)."""
    out = imported(cli, write_plan(tmp_path, PLAN.format(parts=parts)), tmp_path / "draft")
    draft = plan_of(tmp_path / "draft")
    assert [(task.ref, task.owners) for task in draft.tasks] == [
        ("II.1a", ["ban-to-chuc-tinh-uy"]),
        ("II.1b", ["ban-to-chuc-tinh-uy"]),
        ("II.2a", ["ban-to-chuc-tinh-uy"]),
        ("II.2b", ["ban-to-chuc-tinh-uy"]),
        ("III.1.1", ["ban-to-chuc-tinh-uy"]),
        ("III.2.1", ["ban-tuyen-giao-tinh-uy"]),
    ]
    assert [section.ref for section in draft.sections] == ["II", "III", "III.1", "III.2"]
    for said in ("số II lặp lại trong văn bản: đánh lại là III", "số II.1 lặp lại trong văn bản: đánh lại là II.2"):
        assert said in out
    assert "đoạn II.1 có 2 chú thích thời hạn" in out and "đoạn II.2 có 2 chú thích thời hạn" in out


@pytest.mark.parametrize(
    ("heading", "owners"),
    [
        ("...", ["chua-ro-don-vi"]),
        ("Ban A, Ban A", ["ban-a"]),
        ("Chưa rõ đơn vị", ["chua-ro-don-vi"]),  # a unit of that name, and the group of tasks without one
        ("Ban " + "B" * 300, ["ban-" + "b" * 56]),
    ],
    ids=["punctuation", "named twice", "the fallback's name", "one long word"],
)
def test_owners_that_name_nothing_twice_or_too_long(cli: Cli, tmp_path: Path, heading: str, owners: list[str]) -> None:
    parts = f"II. NHIỆM VỤ CỦA CÁC CƠ QUAN\n\n1. {heading}\n\n- Việc A (*năm 2023*).\n\n"
    parts += "III. TỔ CHỨC THỰC HIỆN\n\n1. Việc B."
    imported(cli, write_plan(tmp_path, PLAN.format(parts=parts)), tmp_path / "draft")
    draft = plan_of(tmp_path / "draft")
    assert draft.tasks[0].owners == owners
    ids = [path.stem for path in (tmp_path / "draft" / "units").glob("*.yaml")] + [g.id for g in draft.groups]
    assert len(ids) == len(set(ids))  # no unit shares an id with a group
    assert draft.tasks[1].owners == [next(g.id for g in draft.groups if g.name == "Chưa rõ đơn vị thực hiện")]


def test_a_decomposed_text_reads_as_the_composed_one(cli: Cli, tmp_path: Path) -> None:
    import unicodedata

    text = PLAN.format(parts=OWNERS.format(number="II") + "\n\n" + CLOSING.format(number="III"))
    imported(cli, write_plan(tmp_path, text), tmp_path / "composed")
    (tmp_path / "nfd").mkdir()
    imported(cli, write_plan(tmp_path / "nfd", unicodedata.normalize("NFD", text)), tmp_path / "decomposed")
    assert files_of(tmp_path / "decomposed") == files_of(tmp_path / "composed")


def test_paths_that_cannot_be_used_are_named(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = write_plan(tmp_path, PLAN.format(parts=OWNERS.format(number="II")))
    missing = cli("import", str(tmp_path / "khong-co.txt"), "-o", str(tmp_path / "a"))
    assert (missing.exit_code, missing.stderr) == (
        2,
        f"lỗi: không có tệp {tmp_path / 'khong-co.txt'}; hãy kiểm tra đường dẫn\n",
    )
    (tmp_path / "tep").write_text("", encoding="utf-8")
    into_a_file = cli("import", str(document), "-o", str(tmp_path / "tep"))
    assert into_a_file.exit_code == 2 and "là một tệp, không phải thư mục" in into_a_file.stderr
    no_data = cli("import", str(document), "-o", str(tmp_path / "b"), "--units-from", str(tmp_path / "khong-co"))
    assert no_data.exit_code == 3 and "(từ --units-from)" in no_data.stderr
    # The current folder, empty: the draft's files move into it.
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    imported(cli, document, Path("."))
    assert sorted(path.name for path in Path(".").iterdir()) == ["plan.yaml", "review.txt", "units"]
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]


def test_a_new_unit_never_takes_the_id_of_a_known_one(cli: Cli, tmp_path: Path) -> None:
    """ "Ubkt tỉnh ủy" makes the id of the shipped Ủy ban Kiểm tra's; when the document names that
    unit too, the two stay two."""
    parts = """II. NHIỆM VỤ CỦA CÁC CƠ QUAN

1. Ubkt tỉnh ủy

- Việc A (*năm 2023*).

2. Ủy ban Kiểm tra Tỉnh ủy

- Việc B (*năm 2023*)."""
    imported(cli, write_plan(tmp_path, PLAN.format(parts=parts)), tmp_path / "draft", "--units-from", str(SHIPPED_DATA))
    tasks = plan_of(tmp_path / "draft").tasks
    assert [task.owners for task in tasks] == [["ubkt-tinh-uy-2"], ["ubkt-tinh-uy"]]
    names = {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))["name"]
        for path in (tmp_path / "draft" / "units").glob("*.yaml")
    }
    assert names == {"ubkt-tinh-uy-2": "Ubkt tỉnh ủy", "ubkt-tinh-uy": "Ủy ban Kiểm tra Tỉnh ủy"}
