"""A full disk, for real: a small tmpfs, mounted in a user namespace of the test's own, holding the
data folder and the cache, filled to the last byte. Every write says so in a sentence (exit 5)
and leaves its file as it was; every read still answers (only the cache cannot learn); nothing
half-written is left behind, in the data folder or the cache."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SCENARIOS, in_a_mount_namespace

AS_OF = "2023-01-05"
WRITES = [
    ["done", "II.2", "--unit", "ban-a", "--as-of", AS_OF, "--evidence", "Báo cáo số 1-BC"],
    ["waive", "II.2", "--unit", "ban-a", "--period", "2022", "--as-of", AS_OF, "--reason", "Đã lồng ghép"],
    ["extend", "II.2", "--unit", "ban-a", "--period", "2022", "--to", "2023-03-31", "--by", "CV 12"],
]
READS = [["validate"], ["due", "--year", "--as-of", AS_OF], ["overdue", "--as-of", AS_OF], ["history"]]

DRIVER = r"""
import json, os, shutil, subprocess, sys
disk, scenario, commands = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
data, cache = os.path.join(disk, "data"), os.path.join(disk, "cache")
shutil.copytree(scenario, data)
filler = os.path.join(disk, "filler")
with open(filler, "wb", buffering=0) as stream:  # fill the disk to the last byte
    try:
        while True:
            stream.write(b"\0" * 4096)
    except OSError:
        pass
    try:
        while True:
            stream.write(b"\0")
    except OSError:
        pass
def files():
    found = {}
    for folder, _, names in os.walk(disk):
        for name in names:
            path = os.path.join(folder, name)
            if path != filler:
                found[os.path.relpath(path, disk)] = open(path, "rb").read().hex()
    return found
results = []
for command in commands:
    before = files()
    env = {**os.environ, "KEHOACH_CACHE": cache, "KEHOACH_LANG": "vi"}
    done = subprocess.run([sys.executable, "-m", "kehoach", *command, "--data", data],
                          capture_output=True, text=True, env=env, timeout=60)
    after = files()
    data_changed = sorted(k for k in set(before) | set(after)
                          if k.startswith("data" + os.sep) and ".kehoach" not in k and before.get(k) != after.get(k))
    results.append({"command": command, "code": done.returncode, "stdout": done.stdout,
                    "stderr": done.stderr, "data_changed": data_changed,
                    "leftovers": sorted(k for k in after if k.endswith(".tmp") or "/.tmp-" in k)})
print(json.dumps(results))
"""


def in_a_full_disk(tmp_path: Path, commands: list[list[str]]) -> list[dict[str, object]]:
    disk = tmp_path / "disk"
    disk.mkdir()
    script = 'mount -t tmpfs -o size=8m tmpfs "$1" && exec "$2" -c "$3" "$1" "$4" "$5"'
    scenario = str(SCENARIOS / "tracked")
    command = in_a_mount_namespace(script, str(disk), sys.executable, DRIVER, scenario, json.dumps(commands))
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 and "mount" in result.stderr:
        pytest.skip(f"tmpfs cannot be mounted here: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


def test_every_write_on_a_full_disk_is_a_sentence_and_changes_nothing(tmp_path: Path) -> None:
    for result in in_a_full_disk(tmp_path, WRITES):
        assert result["code"] == 5, result
        assert "Traceback" not in str(result["stderr"])
        assert "ổ đĩa đã đầy; hãy giải phóng dung lượng đĩa rồi chạy lại" in str(result["stderr"]), result
        assert "units/ban-a.yaml" in str(result["stderr"]) or "plan.yaml" in str(result["stderr"]), result
        assert result["data_changed"] == [], result
        assert result["leftovers"] == [], result


def test_every_read_on_a_full_disk_still_answers_and_leaves_no_half_written_cache(tmp_path: Path) -> None:
    for result in in_a_full_disk(tmp_path, READS + READS):  # twice: the second finds what the first left
        assert result["code"] == 0, result
        assert "Traceback" not in str(result["stderr"])
        assert result["data_changed"] == [], result
        assert result["leftovers"] == [], result
