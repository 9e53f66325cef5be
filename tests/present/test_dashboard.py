"""The HTML dashboard as a person sees it: rendered by a real headless Chromium.

Checks that the page logs no console errors, that every number in it is the one
``report --format json`` gives, and saves a screenshot (build/test-artifacts/dashboard.png).
Chromium comes from Debian (``.ci/run`` installs it and sets KEHOACH_BROWSER_TESTS=required, so
in CI these tests cannot be skipped); without it, they are skipped locally.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO, Cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
ARTIFACTS = REPO / "build" / "test-artifacts"
REPORT = ("--year", "2022", "--as-of", "2023-01-10")

if CHROMIUM is None:
    if os.environ.get("KEHOACH_BROWSER_TESTS") == "required":
        pytest.fail("Chromium is required (KEHOACH_BROWSER_TESTS=required) but not installed", pytrace=False)
    pytest.skip("Chromium is not installed (apt install chromium); .ci/run installs it", allow_module_level=True)


def chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Chromium as the machine allows it headless (flags from this workplace's notes: no sandbox as
    root, no background networking on a closed network)."""
    assert CHROMIUM is not None
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        "--hide-scrollbars",
    ]
    return subprocess.run([CHROMIUM, *flags, *args, page.as_uri()], capture_output=True, text=True, timeout=120)


def console_errors(log: str) -> list[str]:
    return [line for line in log.splitlines() if "CONSOLE" in line or "Uncaught" in line]


class Numbers(HTMLParser):
    """Every element with data-unit and data-key, as (unit, key) -> its text (or data-value)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[tuple[str, str], str] = {}
        self.open: tuple[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if named.get("data-unit") and named.get("data-key"):
            key = (named["data-unit"] or "", named["data-key"] or "")
            if "data-value" in named:
                self.found[key] = named["data-value"] or ""
            else:
                self.open = key

    def handle_data(self, data: str) -> None:
        if self.open is not None and data.strip():
            self.found[self.open] = data.strip()
            self.open = None


@pytest.fixture
def dashboard(cli: Cli, scenario: Callable[[str], Path], tmp_path: Path) -> tuple[Path, dict]:
    data = scenario("tracked")
    page = tmp_path / "dashboard.html"
    assert cli("report", *REPORT, "--format", "html", "-o", str(page), "--data", str(data)).exit_code == 0
    expected = json.loads(cli("report", *REPORT, "--format", "json", "--data", str(data)).stdout)
    return page, expected


def test_the_page_renders_without_console_errors(dashboard: tuple[Path, dict], tmp_path: Path) -> None:
    page, _expected = dashboard
    result = chromium(page, tmp_path / "profile", "--dump-dom")
    assert "<svg" in result.stdout
    assert console_errors(result.stderr) == []


def test_a_console_error_would_be_seen(tmp_path: Path) -> None:
    """The check above can fail: a page that logs an error is caught."""
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><html><body><script>console.error('hỏng'); nosuch();</script></body></html>")
    assert console_errors(chromium(page, tmp_path / "profile", "--dump-dom").stderr) != []


def test_the_numbers_in_the_page_are_the_reports(dashboard: tuple[Path, dict], tmp_path: Path) -> None:
    page, expected = dashboard
    parser = Numbers()
    parser.feed(chromium(page, tmp_path / "profile", "--dump-dom").stdout)
    keys = ("done", "done_late", "overdue", "open", "waived")
    reports = {"unit": "*reports", **expected["reports"]}  # counted apart from the deadlines
    for unit in [*expected["units"], {"unit": "*", **expected["totals"]}, reports]:
        assert [parser.found[(unit["unit"], key)] for key in keys] == [str(unit[key]) for key in keys]
        rate = parser.found[(unit["unit"], "completion_rate")]
        assert (float(rate) if rate else None) == pytest.approx(unit["completion_rate"], abs=1e-4)
    assert len(parser.found) == 6 * (len(expected["units"]) + 2)


def test_the_page_needs_no_network(dashboard: tuple[Path, dict]) -> None:
    text = dashboard[0].read_text(encoding="utf-8")
    assert re.findall(r"(?:src|href)=\"https?:", text) == [] and "@import" not in text and "<script" not in text


def test_a_screenshot_is_kept_as_an_artifact(dashboard: tuple[Path, dict], tmp_path: Path) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / "dashboard.png"
    target.unlink(missing_ok=True)
    chromium(dashboard[0], tmp_path / "profile", f"--screenshot={target}", "--window-size=1000,1600")
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
