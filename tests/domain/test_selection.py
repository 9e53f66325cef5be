"""What ``--unit`` and a task ref name (kehoach.domain.selection): units, groups standing for their
members, tasks, and a refusal that helps when a name is unknown."""

from __future__ import annotations

import functools

import pytest

from conftest import SCENARIOS, SHIPPED_DATA
from kehoach.domain.dataset import Dataset
from kehoach.domain.selection import resolve_task, resolve_units
from kehoach.errors import UsageError
from kehoach.files.load import load_valid


@functools.cache
def minimal() -> Dataset:
    return load_valid(SCENARIOS / "minimal")


def test_a_group_stands_for_its_members() -> None:
    assert resolve_units(minimal(), ["ca-hai"]) == {"ban-a", "huyen-b"}
    assert resolve_units(minimal(), ["huyen-b"]) == {"huyen-b"}
    assert resolve_units(minimal(), ["ban-a", "ca-hai"]) == {"ban-a", "huyen-b"}


@pytest.mark.parametrize(
    ("names", "refusal"),
    [
        (["ban-a", "huyen-c"], "không có đơn vị hay nhóm 'huyen-c'. Có phải ý bạn là: huyen-b?"),
        (["ca-ba"], "không có đơn vị hay nhóm 'ca-ba'. Có phải ý bạn là: ca-hai?"),
        (["so-tai-chinh"], "không có đơn vị hay nhóm 'so-tai-chinh'."),
    ],
)
def test_an_unknown_name_is_refused_with_the_closest_known_ones(names: list[str], refusal: str) -> None:
    with pytest.raises(UsageError) as refused:
        resolve_units(minimal(), names)
    assert str(refused.value) == f"{refusal} Xem danh sách bằng: kehoach units"


def test_a_ref_names_its_task() -> None:
    assert resolve_task(minimal(), "III.1.2").title == "Hai năm"


@pytest.mark.parametrize(
    ("ref", "refusal"),
    [
        ("iii.1.2", "không có nhiệm vụ 'iii.1.2'; có phải ý bạn là III.1.2?"),  # another case: only that one
        ("IV.2", "không có nhiệm vụ 'IV.2'; có phải ý bạn là IV.1, II.2?"),  # a typo: the closest first
        ("III.1.9", "không có nhiệm vụ 'III.1.9'; có phải ý bạn là III.1.3, III.1.2, III.1.1?"),
        ("nhiệm vụ 5", "không có nhiệm vụ 'nhiệm vụ 5'; xem danh sách bằng: kehoach tasks"),  # nothing close
    ],
)
def test_an_unknown_ref_is_refused_with_the_refs_it_may_mean(ref: str, refusal: str) -> None:
    with pytest.raises(UsageError) as refused:
        resolve_task(minimal(), ref)
    assert str(refused.value) == refusal


@functools.cache
def reorg() -> Dataset:
    return load_valid(SCENARIOS / "reorg")


def test_a_group_stands_for_its_members_successors_too() -> None:
    """The reorg plan's groups name the units of 2021; the units that took over belong to them."""
    assert resolve_units(reorg(), ["huyen"]) == {"huyen-a", "huyen-b", "huyen-ab"}  # a merger
    assert resolve_units(reorg(), ["khoi-vp"]) == {"p", "q", "r"}  # successors of successors
    assert resolve_units(reorg(), ["huyen-a"]) == {"huyen-a"}  # a unit named alone is itself only


def test_on_the_shipped_data_a_group_is_its_members() -> None:
    shipped = load_valid(SHIPPED_DATA)
    for group in shipped.groups.values():
        assert resolve_units(shipped, [group.id]) == set(group.members)
