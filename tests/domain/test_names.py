"""Names as a document writes them, matched to the data's (kehoach.domain.names): case, diacritics
and the seed's typo do not matter; a near or partial match is a guess, and says so."""

from __future__ import annotations

from kehoach.domain.names import Found, Names, Sureness, folded, slug

KNOWN = Names(
    [
        ("Ban Tổ chức Tỉnh ủy", "ban-to-chuc-tinh-uy"),
        ("Ban Tuyên giáo Tỉnh ủy", "ban-tuyen-giao-tinh-uy"),
        (
            "Các huyện ủy, thành ủy, Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh, Đảng ủy Tổng Công ty Cổ phần "
            "Dệt may Nam Định",
            "huyen-uy-dang-uy-truc-thuoc",
        ),
        ("Các cấp ủy, tổ chức đảng, cơ quan nhà nước, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội", "tat-ca"),
    ]
)


def test_folding_drops_case_diacritics_and_punctuation() -> None:
    assert folded("Đảng ủy Khối, Các cơ quan") == "dang uy khoi cac co quan"
    assert folded("hoá") == folded("hóa") == "hoa"
    assert slug("Ban Tổ chức Tỉnh ủy") == "ban-to-chuc-tinh-uy"
    assert slug("Các cấp ủy, tổ chức đảng, các cơ quan nhà nước") == "cac-cap-uy-to-chuc-dang"
    assert slug("…") == "khong-ten"


def test_the_seeds_typo_is_the_same_name_once_folded() -> None:
    written = (
        "Các huyện ủy, thành ủy, Đảng ủy Khôi Các cơ quan và Doanh nghiệp tỉnh, Đảng ủy Tổng Công ty Cổ phần "
        "Dệt may Nam Định"
    )
    assert KNOWN.find(written) == Found("huyen-uy-dang-uy-truc-thuoc", Sureness.same)
    assert KNOWN.find("BAN TỔ CHỨC TỈNH UỶ") == Found("ban-to-chuc-tinh-uy", Sureness.same)


def test_a_near_name_is_a_typo_and_another_board_is_not() -> None:
    assert KNOWN.find("Ban Tổ chúc Tinh ủy") == Found("ban-to-chuc-tinh-uy", Sureness.same)  # diacritics only
    assert KNOWN.find("Ban Tổ chứ Tỉnh ủy") == Found("ban-to-chuc-tinh-uy", Sureness.typo)
    assert KNOWN.find("Ban Dân vận Tỉnh ủy", by_words=False) is None


def test_a_longer_wording_of_a_known_name_is_matched_by_its_words() -> None:
    written = (
        "Các cấp ủy, tổ chức đảng, các cơ quan nhà nước, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội"
    )
    found = KNOWN.find(written)
    assert found is not None and found.id == "tat-ca" and found.sureness is not Sureness.same
    assert KNOWN.find("Ban Tổ chức Tỉnh ủy tỉnh") == Found("ban-to-chuc-tinh-uy", Sureness.words)
    assert KNOWN.find("Ban Tổ chức Tỉnh ủy tỉnh", by_words=False) is None
    # A name holding a few of a known name's words is not it.
    assert KNOWN.find("Tổ chức thực hiện") is None


def test_names_mentioned_in_a_text_in_the_order_it_names_them() -> None:
    text = "Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy theo dõi"
    assert KNOWN.mentioned(text) == ["ban-tuyen-giao-tinh-uy", "ban-to-chuc-tinh-uy"]
