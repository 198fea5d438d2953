"""People with their posts (ingest/people.py), on sentences written for these tests: each shape of a name with its
post that news uses, and words that look like one but name nobody's post."""

from __future__ import annotations

import pytest

from policykg.ingest.entities import extract_entities
from policykg.korean.sentences import analyse

Person = tuple[str, str, str | None]  # name, post as written, organisation's canonical name


def _people(text: str) -> set[Person]:
    sentences, tokens = analyse(text)
    posts = extract_entities(text, sentences, tokens).posts
    return {(p.person.name, p.post, p.organization.name if p.organization else None) for p in posts}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("개막식에는 윤하람 네이버 이사회 의장도 참석했다.", ("윤하람", "이사회 의장", "네이버")),
        ("행사에는 남궁별 원장께서 직접 나오셨다.", ("남궁별", "원장", None)),
        ("예산은 국회가 정한다고 오세린 국토교통부 장관만 답했다.", ("오세린", "장관", "국토교통부")),
    ],
    ids=["도", "께서", "만"],
)
def test_a_title_closed_by_any_particle(text: str, person: Person) -> None:
    assert person in _people(text)


def test_a_broadcast_speaker_tag_with_a_slash() -> None:
    assert _people("[한서윤/국토교통부 대변인 : 다음 달에 발표하겠습니다.]") == {("한서윤", "대변인", "국토교통부")}


def test_age_or_hanja_in_parentheses_after_the_name() -> None:
    assert _people("한소율(52) 대표는 투자를 늘린다고 말했다.") == {("한소율", "대표", None)}
    assert _people("정다온(鄭多溫) 원장이 취임했다.") == {("정다온", "원장", None)}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("간담회에는 문가람 전 과학기술정보통신부 장관이 왔다.", ("문가람", "전 장관", "과학기술정보통신부")),
        ("간담회에는 문가람 전 장관이 왔다.", ("문가람", "전 장관", None)),
        ("간담회에는 문가람 현 과학기술정보통신부 장관이 왔다.", ("문가람", "장관", "과학기술정보통신부")),
    ],
    ids=["former-with-organisation", "former", "current"],
)
def test_a_former_post_keeps_its_mark(text: str, person: Person) -> None:
    assert _people(text) == {person}


def test_a_university_short_name_then_a_department() -> None:
    found = _people("정부는 차관에 이나래 현 한빛대 데이터 과학 융합학부 교수를 임명했다.")
    assert ("이나래", "융합학부 교수", None) in found


def test_the_organisation_right_before_the_name() -> None:
    assert _people("국토부 홍다빈 장관은 현장을 찾았다.") == {("홍다빈", "장관", "국토교통부")}
