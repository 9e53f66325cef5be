"""Writing never loses a byte: round trips, crashes, concurrent writers, edits behind the lock."""

from __future__ import annotations

import difflib
import errno
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, SCENARIOS, in_a_mount_namespace, unprivileged
from kehoach.commands import done, undo
from kehoach.files import records, storage
from kehoach.files.load import edit_folder, load_valid
from kehoach.files.oserrors import SystemRefused
from kehoach.files.storage import WriteRefused

UNIT = """\
# Ban A: comments, blank lines and odd quoting must survive.
schema: 1
id: 'ban-a'   # single-quoted on purpose
name: "Ban A Tỉnh ủy"

kind: party_board
records:
  - {task: II.1, period: "2022-Q1", done_on: 2022-03-20, evidence: 'Báo cáo số 45-BC/TU'}
  - task: III.1.2
    period: 2022
    done_on: 2022-12-20
    note: >-
      Làm cùng
      Văn phòng

# trailing comment
"""


def variants() -> dict[str, bytes]:
    text = UNIT.encode()
    tracked = (SCENARIOS / "tracked" / "units" / "ban-a.yaml").read_bytes()  # its records come last
    return {
        "comments": text,
        "crlf": text.replace(b"\n", b"\r\n"),
        "cr": text.replace(b"\n", b"\r"),
        "bom": b"\xef\xbb\xbf" + text,
        "bom-crlf": b"\xef\xbb\xbf" + text.replace(b"\n", b"\r\n"),
        "no-final-newline": text.rstrip(b"\n"),
        "records-last-no-final-newline": tracked.rstrip(b"\n"),
        "records-last-no-final-newline-crlf": tracked.rstrip(b"\n").replace(b"\n", b"\r\n"),
        "records-last-no-final-newline-cr": tracked.rstrip(b"\n").replace(b"\n", b"\r"),
    }


@pytest.fixture
def data(scenario: Callable[[str], Path]) -> Path:
    return scenario("tracked")


def mark(root: Path, out: object = None, **overrides: object) -> int:
    """``kehoach done II.2 --unit ban-a`` as of 05/01/2023, through the command's own function."""
    arguments = {"ref": "II.2", "unit": "ban-a", "period": None, "on": None, "evidence": "BC 1", "note": None}
    arguments.update(overrides)
    unit = str(arguments["unit"])
    return edit_folder(root, None, unit, done.run, sys.stdout, **arguments, as_of=date(2023, 1, 5))  # type: ignore[arg-type]


def only_lines_added(before: bytes, after: bytes) -> bool:
    old, new = before.splitlines(), after.splitlines()
    operations = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    return all(tag in ("equal", "insert") for tag, *_ in operations)


@pytest.mark.parametrize("name", sorted(variants()))
def test_done_then_undo_is_byte_identical(data: Path, name: str) -> None:
    path = data / "units/ban-a.yaml"
    path.write_bytes(variants()[name])
    assert mark(data) == 0
    written = path.read_bytes()
    assert only_lines_added(variants()[name], written)
    assert (b"\r\n" in written) == (b"\r\n" in variants()[name])  # the file's line ending is kept
    assert written.startswith(b"\xef\xbb\xbf") == variants()[name].startswith(b"\xef\xbb\xbf")
    assert edit_folder(data, None, "ban-a", undo.run, sys.stdout, ref="II.2", unit="ban-a", period="2022") == 0
    if name == "no-final-newline":
        return  # the record went after a final newline added for it; the rest is compared above
    assert path.read_bytes() == variants()[name]


def test_permissions_are_kept(data: Path) -> None:
    path = data / "units/ban-a.yaml"
    path.chmod(0o640)
    mark(data)
    assert path.stat().st_mode & 0o777 == 0o640


def without_exchange(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system without an atomic exchange (renameat2 answers EINVAL): the fallback rename."""

    def unsupported(first: Path, second: Path) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(storage, "_exchange", unsupported)


@pytest.mark.parametrize("step", ["_exchange", "replace"])
def test_a_failure_of_the_final_step_leaves_the_old_file_and_no_temporary(
    data: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """The swap (atomic exchange) fails, or the rename that replaces it where there is none."""
    before = (data / "units/ban-a.yaml").read_bytes()

    def broken(source: str, target: str) -> None:
        raise OSError("disk full")

    if step == "replace":
        without_exchange(monkeypatch)
    monkeypatch.setattr(storage.os if step == "replace" else storage, step, broken)
    with pytest.raises(SystemRefused, match="lỗi hệ thống OSError"):
        mark(data)
    assert (data / "units/ban-a.yaml").read_bytes() == before
    assert sorted(path.name for path in (data / "units").iterdir()) == ["ban-a.yaml", "huyen-b.yaml"]


REFUSALS = {
    # where the system refuses, what it raises there, and the sentence the user reads
    "no permission to create": ("open", PermissionError(errno.EACCES, "Permission denied"), "không có quyền truy cập"),
    "read-only disk": ("open", OSError(errno.EROFS, "Read-only file system"), "ổ đĩa chỉ cho phép đọc"),
    "full disk": ("fsync", OSError(errno.ENOSPC, "No space left on device"), "ổ đĩa đã đầy"),
    "over quota": ("fsync", OSError(errno.EDQUOT, "Disk quota exceeded"), "hạn mức dung lượng"),
    "immutable file": ("_exchange", PermissionError(errno.EPERM, "Operation not permitted"), "lsattr -d"),
    "busy": ("_exchange", OSError(errno.EBUSY, "Device or resource busy"), "đang được dùng"),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_a_refused_write_is_a_sentence_and_leaves_the_old_file_and_no_temporary(
    data: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    where, error, words = REFUSALS[case]
    before = (data / "units/ban-a.yaml").read_bytes()
    module = storage if where.startswith("_") else os  # the swap is kehoach's own function
    real = getattr(module, where)

    def refusing(*args: object, **kwargs: object) -> object:
        if where != "open" or str(args[0]).endswith(".tmp"):  # the lock file and the reads go through
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(module, where, refusing)
    with pytest.raises(SystemRefused) as refused:
        mark(data)
    assert str(refused.value).startswith(f"không ghi được {data / 'units/ban-a.yaml'}: ")
    assert words in str(refused.value) and error.strerror not in str(refused.value)
    assert (data / "units/ban-a.yaml").read_bytes() == before
    assert sorted(path.name for path in (data / "units").iterdir()) == ["ban-a.yaml", "huyen-b.yaml"]


def world_readable_copy() -> Path:
    """The tracked scenario where another user can read it (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="kehoach-test-"))
    folder.chmod(0o755)
    shutil.copytree(SCENARIOS / "tracked", folder / "tracked")
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return folder / "tracked"


DONE = ["done", "II.2", "--unit", "ban-a", "--as-of", "2023-01-05"]


def kehoach(*args: str, prefix: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "KEHOACH_CACHE": "off", "KEHOACH_LANG": "vi"}
    command = [*prefix, sys.executable, "-m", "kehoach", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, env=environment, cwd=cwd)


def test_a_folder_the_user_may_not_write_is_a_sentence_not_a_traceback() -> None:
    prefix = unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: no user whom permissions stop")
    data = world_readable_copy()
    try:
        before = (data / "units/ban-a.yaml").read_bytes()
        (data / "units").chmod(0o555)
        result = kehoach(*DONE, "--data", "tracked", prefix=prefix, cwd=data.parent)
        assert (result.returncode, result.stdout, result.stderr) == (
            5,
            "",
            "lỗi: không ghi được tracked/units/ban-a.yaml: không có quyền truy cập; hãy kiểm tra quyền đọc, ghi "
            "của nó và của thư mục tracked/units (ls -la tracked/units) hoặc dùng tài khoản có quyền\n",
        )
        assert (data / "units/ban-a.yaml").read_bytes() == before
        assert sorted(path.name for path in (data / "units").iterdir()) == ["ban-a.yaml", "huyen-b.yaml"]
    finally:
        (data / "units").chmod(0o755)
        shutil.rmtree(data.parent)


def test_a_read_only_disk_is_a_sentence_not_a_traceback(data: Path, tmp_path: Path) -> None:
    """A real read-only mount: a bind mount remounted read-only in a user namespace of our own."""
    mounted = tmp_path / "read-only"
    mounted.mkdir()
    script = 'mount --bind "$1" "$2" && mount -o remount,bind,ro "$2" && shift 2 && exec "$@"'
    command = in_a_mount_namespace(script, str(data), str(mounted))
    result = kehoach(*DONE, "--data", "read-only", prefix=command, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        5,
        "lỗi: không ghi được read-only/units/ban-a.yaml: ổ đĩa chỉ cho phép đọc; hãy ghi vào thư mục khác "
        "hoặc gắn lại ổ đĩa ở chế độ ghi được\n",
    )
    assert load_valid(data).units["ban-a"].records == load_valid(SCENARIOS / "tracked").units["ban-a"].records


def test_a_process_killed_mid_write_leaves_the_old_file(data: Path) -> None:
    """The process dies right before the swap, as a power cut would: nothing is half-written."""
    before = (data / "units/ban-a.yaml").read_bytes()
    script = (
        "import os, sys; import kehoach.files.storage as s; s._exchange = lambda *a: os._exit(9);"
        "from kehoach.cli import main; sys.argv = ['kehoach'] + sys.argv[1:]; main()"
    )
    args = ["done", "II.2", "--unit", "ban-a", "--as-of", "2023-01-05", "--data", str(data)]
    environment = {**os.environ, "KEHOACH_CACHE": "off"}
    result = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=False, env=environment
    )
    assert result.returncode == 9
    assert (data / "units/ban-a.yaml").read_bytes() == before
    assert load_valid(data).units["ban-a"].records == load_valid(SCENARIOS / "tracked").units["ban-a"].records
    # A killed process cannot remove its temporary file; the next write (under the lock) does.
    assert any(path.name.endswith(".tmp") for path in (data / "units").iterdir())
    assert mark(data) == 0
    assert sorted(path.name for path in (data / "units").iterdir()) == ["ban-a.yaml", "huyen-b.yaml"]


def test_a_file_changed_behind_the_lock_is_not_overwritten(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An editor saves the file between kehoach's reading it and its writing the new text.

    Fault injection, as with the swap above: that instant has no public seam (it lasts
    microseconds), so the record's text edit, which happens in it, is where the editor saves.
    """
    path = data / "units/ban-a.yaml"
    original = records.append_mapping

    def edit_meanwhile(*args: object, **kwargs: object) -> str:
        text = original(*args, **kwargs)  # type: ignore[arg-type]
        path.write_text(path.read_text(encoding="utf-8") + "# an editor saved this\n", encoding="utf-8")
        return text

    monkeypatch.setattr(records, "append_mapping", edit_meanwhile)
    with pytest.raises(WriteRefused, match="đã bị sửa"):
        mark(data)
    assert path.read_text(encoding="utf-8").endswith("# an editor saved this\n")
    assert "II.2" not in path.read_text(encoding="utf-8").split("records:")[1].split("# an editor")[0]


def test_new_text_that_does_not_read_back_as_intended_is_refused(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fault injection: a bug in the text edit of a record (there is none to trigger from outside)."""
    path = data / "units/ban-a.yaml"
    before = path.read_bytes()
    monkeypatch.setattr(records, "append_mapping", lambda document, loc, item: document.text + "  - oops\n")
    with pytest.raises(WriteRefused, match="không đọc lại đúng"):
        mark(data)
    assert path.read_bytes() == before


def test_a_flow_style_list_is_refused_not_rewritten(data: Path) -> None:
    path = data / "units/ban-a.yaml"
    path.write_text(
        "schema: 1\nid: ban-a\nname: Ban A\nkind: party_board\n"
        "records: [{task: II.1, period: 2022-Q1, done_on: 2022-03-20}]\n",
        encoding="utf-8",
    )
    before = path.read_bytes()
    with pytest.raises(WriteRefused, match="danh sách khối"):
        mark(data)
    assert path.read_bytes() == before


def test_twenty_concurrent_writers_lose_nothing(data: Path) -> None:
    """Twenty processes mark twenty different years of one task in the same unit file at once."""
    years = range(2022, 2042)
    launcher = str(REPO / "cli.py")
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                launcher,
                "done",
                "II.2",
                "--unit",
                "ban-a",
                "--period",
                str(year),
                "--on",
                f"{year}-12-20",  # within its year: a year's work is not done before the year begins
                "--as-of",
                "2041-12-31",
                "-e",
                f"BC {year}",
                "--data",
                str(data),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for year in years
    ]
    outcomes = [(process.wait(timeout=120), process.stderr.read() if process.stderr else "") for process in processes]
    assert [code for code, _ in outcomes] == [0] * 20, outcomes
    marked = {r.period for r in load_valid(data).units["ban-a"].records if r.task == "II.2"}
    assert marked == {str(year) for year in years}


TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # lone surrogates cannot be typed or stored
    min_size=1,
    max_size=40,
).filter(lambda value: bool(value.strip()))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(evidence=TEXT, note=st.none() | TEXT)
def test_any_text_a_user_can_type_reads_back_exactly(evidence: str, note: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "data"
        shutil.copytree(SCENARIOS / "tracked", root)
        assert mark(root, evidence=evidence, note=note) == 0
        record = load_valid(root).units["ban-a"].records[-1]
        assert (record.evidence, record.note) == (evidence, note)


@pytest.mark.parametrize(
    "text",
    ["no", "yes", "on", "1:30", "2024-01-01", "[x", "{y}", "a # b", "x: y", "null", "~", "1.10", "- z", "'q'", "%t"],
)
def test_strings_yaml_could_misread_are_written_to_read_back(data: Path, text: str) -> None:
    assert mark(data, evidence=text, note=text) == 0
    record = load_valid(data).units["ban-a"].records[-1]
    assert (record.evidence, record.note) == (text, text)
