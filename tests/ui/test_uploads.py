"""Uploaded files: a browser-chosen name never leaves the uploads folder; limits are enforced."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policykg.errors import UserError
from policykg.ingest.loading import MAX_BYTES
from policykg.ui.app import check_exposure, is_loopback
from policykg.ui.uploads import safe_name, store


@pytest.mark.parametrize(
    "name, expected",
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\windows\\win.ini.md", "win.ini.md"),
        ("/abs/path/기사 원문.HTML", "기사_원문.html"),
        (".hidden.txt", "hidden.txt"),
        ("..", "article"),
        ("a\x00b;rm -rf.txt", "a_b_rm_-rf.txt"),
    ],
)
def test_safe_name_keeps_only_a_clean_base_name(name: str, expected: str) -> None:
    assert safe_name(name) == expected


@given(st.text(min_size=1, max_size=300))
def test_any_name_stays_inside_the_folder(name: str) -> None:
    folder = Path("/srv/uploads")
    clean = safe_name(name)
    assert clean and "/" not in clean and "\\" not in clean and not clean.startswith(".")
    assert (folder / clean).resolve().parent == folder and len(clean) <= 100


def test_store_copies_articles_and_refuses_other_types_and_huge_files(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("과기정통부는 발표했다.", encoding="utf-8")
    (src / "b.exe").write_bytes(b"MZ")
    (src / "big.md").write_bytes(b"x" * (MAX_BYTES + 1))
    kept, refused = store(
        [("../a.txt", src / "a.txt"), ("b.exe", src / "b.exe"), ("big.md", src / "big.md")], tmp_path / "uploads"
    )
    assert kept == [(tmp_path / "uploads" / "a.txt").resolve()]
    assert kept[0].read_text(encoding="utf-8") == "과기정통부는 발표했다."
    assert {r.name: r.reason.split(":")[0] for r in refused} == {
        "b.exe": "기사 파일이 아닙니다",
        "big.md": "파일이 너무 큽니다",
    }
    assert "(not an article file)" in refused[0].reason and "(larger than 10 MB)" in refused[1].reason


def test_only_loopback_is_served_without_a_password() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("10.0.0.5") and not is_loopback("example.org")
    check_exposure("127.0.0.1", share=False, auth=None)
    check_exposure("0.0.0.0", share=False, auth=("me", "secret"))
    for host, share in (("0.0.0.0", False), ("127.0.0.1", True)):
        with pytest.raises(UserError, match="POLICYKG_UI_PASSWORD"):
            check_exposure(host, share=share, auth=None)
