"""Terminal columns: what keeps CLI tables of Korean text aligned."""

from __future__ import annotations

import unicodedata

from policykg.korean.textwidth import fit, width


def test_hangul_and_fullwidth_take_two_columns_ascii_one() -> None:
    assert width("과기정통부") == 10
    assert width("AI 반도체") == 9
    assert width("ＡＢ") == 4  # fullwidth Latin
    assert width("") == 0


def test_decomposed_hangul_takes_the_columns_of_the_composed_syllable() -> None:
    decomposed = unicodedata.normalize("NFD", "한국")  # as macOS file names carry it
    assert len(decomposed) > 2 and width(decomposed) == width("한국") == 4
    assert width("e\u0301") == 1  # combining acute accent


def test_fit_pads_and_cuts_by_columns_never_through_a_wide_character() -> None:
    assert fit("NIA", 6) == "NIA   "
    assert fit("과기부", 8) == "과기부  "
    assert fit("과기부", 5) == "과기 "
    assert fit("A과기부", 4) == "A과 "
    assert all(width(fit(text, n)) == n for text in ("과기부", "AI 반도체", "x") for n in range(0, 9))
