"""Wording of unit kinds and dates for tables (presentation only)."""

from __future__ import annotations

from kehoach.i18n import _

UNIT_KINDS = {
    "party_delegation": _("Đảng đoàn"),
    "party_affairs_committee": _("Ban cán sự đảng"),
    "party_board": _("Ban của Tỉnh ủy"),
    "inspection_committee": _("Ủy ban kiểm tra"),
    "party_office": _("Văn phòng"),
    "political_school": _("Trường chính trị"),
    "party_committee": _("Cấp ủy"),
    "youth_union": _("Đoàn thanh niên"),
    "standing_committee": _("Ban Thường vụ"),
    "group": _("Nhóm"),
}
