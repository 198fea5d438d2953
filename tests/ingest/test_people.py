"""People with their posts (ingest/people.py), on sentences written for these tests: each shape of a name with its
post that news uses, and words that look like one but name nobody's post."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.ingest import people
from policykg.ingest.article import build_article
from policykg.ingest.context import build_context
from policykg.ingest.entities import extract_entities
from policykg.ingest.facts import extract_facts
from policykg.ingest.loading import read_source
from policykg.korean.sentences import analyse
from policykg.korean.words import same_post

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


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("삼성전자 회장 남궁온은 투자를 발표했다.", ("남궁온", "회장", "삼성전자")),
        ("엔비디아 CEO 젠슨 황은 피지컬 AI를 강조했다.", ("젠슨 황", "CEO", "엔비디아")),
        ("오픈AI CEO 샘 올트먼과 만났다.", ("샘 올트먼", "CEO", "오픈AI")),
    ],
    ids=["korean-name", "foreign-name", "companion-particle"],
)
def test_organisation_then_title_then_the_name(text: str, person: Person) -> None:
    assert _people(text) == {person}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("방한했던 젠슨 황 엔비디아 최고경영자의 발표가 나왔다.", {("젠슨 황", "최고경영자", "엔비디아")}),
        ("대통령은 젠슨 황 최고경영자를 만났다.", {("젠슨 황", "최고경영자", None)}),
        (
            "행사에는 마크 저커버그 메타 CEO, 순다르 피차이 구글 CEO가 왔다.",
            {("마크 저커버그", "CEO", "메타"), ("순다르 피차이", "CEO", "구글")},
        ),
        ("일론 머스크 가상모터스 CEO는 말했다.", {("일론 머스크", "CEO", None)}),
    ],
    ids=["with-organisation", "without", "a-list-two-syllable-given-name", "unknown-company-is-no-name"],
)
def test_a_foreign_name_before_its_title(text: str, expected: set[Person]) -> None:
    assert {p for p in _people(text) if p[0] != "대통령"} == expected


@pytest.mark.parametrize(
    "text",
    [
        "미국 실리콘밸리 대표 기업이 들어온다.",  # proper nouns before a title that no particle closes
        "과학기술정보통신부 장관 서울에서 회의를 열었다.",  # a place after a title
        "과학기술정보통신부 장관 주재로 회의가 열렸다.",  # a common noun after a title
        "이날 김하늘 기자가 현장을 취재했다.",  # a reporter is the article's author, not a post holder it reports
    ],
)
def test_no_post_holder(text: str) -> None:
    assert _people(text) == set()


def _post_facts(tmp_path: Path, body: str) -> list[tuple[str, str]]:
    path = tmp_path / "posts.txt"
    path.write_text(f"가상 기사\n\n2026.03.02 09:00 김하늘 기자\n\n{body}\n", encoding="utf-8")
    article = build_article(read_source(path))
    sentences, tokens = analyse(article.body)
    facts = extract_facts(build_context(article, sentences, extract_entities(article.body, sentences, tokens)))
    return sorted((f.literals["postTitle"], f.roles.get("organization", "")) for f in facts if f.kind == "PostHolding")


def test_a_post_restated_in_other_words_is_one_post(tmp_path: Path) -> None:
    facts = _post_facts(
        tmp_path,
        "방한한 젠슨 황 엔비디아 최고경영자의 발표가 나왔다. 이어 젠슨 황 대표는 협력을 약속했다. "
        "젠슨 황 CEO는 다음 달 다시 온다.",
    )
    assert [post for post, _ in facts] == ["최고경영자"]


def test_a_former_post_is_no_restatement_of_the_post(tmp_path: Path) -> None:
    facts = _post_facts(tmp_path, "문가람 과학기술정보통신부 장관은 현장을 찾았다. 문가람 전 장관은 지난해 떠났다.")
    assert [post for post, _ in facts] == ["장관", "전 장관"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("CEO", "최고경영자", True),
        ("엔비디아 CEO", "대표", True),
        ("장관", "부총리 겸 과학기술정보통신부 장관", True),
        ("CTO", "최고기술책임자", True),
        ("대표", "회장", False),
        ("CTO", "CEO", False),
    ],
)
def test_same_post_in_other_words(a: str, b: str, same: bool) -> None:
    assert same_post(a, b) is same and same_post(b, a) is same


def test_the_post_in_parentheses_after_the_name() -> None:
    assert _people("정다온(네이버클라우드 대표)은 협력을 제안했다.") == {("정다온", "대표", "네이버클라우드")}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("홍다빈 한국가상진흥원(KVA) 원장은 말했다.", ("홍다빈", "원장", "한국가상진흥원")),
        ("홍다빈 한국가상진흥원장은 말했다.", ("홍다빈", "한국가상진흥원장", "한국가상진흥원")),
    ],
    ids=["abbreviation-then-title", "title-glued-to-the-name"],
)
def test_an_organisation_the_registry_does_not_know_never_holds_the_name_before_it(text: str, person: Person) -> None:
    sentences, tokens = analyse(text)
    entities = extract_entities(text, sentences, tokens)
    assert [m.name for m in entities.mentions if m.cls not in ("Person",)] == ["한국가상진흥원"]
    assert _people(text) == {person}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("김한결 국가AI전략위원회 위원은 말했다.", ("김한결", "위원", "국가인공지능전략위원회")),
        (
            "김한결 과학기술정보통신부 인공지능정책담당관은 말했다.",
            ("김한결", "인공지능정책담당관", "과학기술정보통신부"),
        ),
        ("김한결 부산시 부시장은 말했다.", ("김한결", "부시장", "부산광역시")),
        ("김한결 울산시장은 말했다.", ("김한결", "울산시장", None)),
    ],
    ids=["committee-member", "담당관", "deputy-mayor", "mayor"],
)
def test_more_titles_of_the_civil_service_and_local_government(text: str, person: Person) -> None:
    assert _people(text) == {person}


def test_a_market_glued_to_a_name_is_no_mayor() -> None:
    assert _people("김한결 가상시장은 커졌다.") == set()
    assert _people("김한결 대표는 반도체시장을 말했다.") == {("김한결", "대표", None)}


def test_a_province_short_name_with_do_names_the_province() -> None:
    assert _people("오예린 경북도 경제부지사는 “기업을 돕겠다”고 말했다.") == {("오예린", "경제부지사", "경상북도")}


def test_an_adverb_before_a_name_is_no_name() -> None:
    assert _people("이어 한유진 경남도 정무부지사는 말했다.") == {("한유진", "정무부지사", "경상남도")}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # Kiwi reads '이유라' here as '이유' + copula + ending, alone as one proper noun
        ("업무를 맡을 이유라 데이터정책과장도 새로 왔다.", ("이유라", "데이터정책과장", None)),
        # Kiwi reads '한미란' as '한미' + the short topic particle 'ㄴ'
        ("한미란 경북도 경제부지사는 말했다.", ("한미란", "경제부지사", "경상북도")),
    ],
    ids=["noun-copula-ending", "final-consonant-particle"],
)
def test_a_rare_name_kiwi_misreads_in_the_sentence(text: str, person: Person) -> None:
    assert _people(text) == {person}


def test_an_appointment_names_the_post_and_not_the_rank_after_the_name() -> None:
    found = _people("데이터기획관에는 문서준 국장이, 데이터기획과장에는 하지원 과장이 각각 임명됐다.")
    assert found == {("문서준", "데이터기획관", None), ("하지원", "데이터기획과장", None)}


def test_an_appointment_keeps_a_post_held_elsewhere() -> None:
    found = _people("법무부 차관에 홍길동 대검찰청 형사부장을 임명했다.")
    assert {(name, post) for name, post, _ in found} == {("홍길동", "차관"), ("홍길동", "형사부장")}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("협약식에는 파리드 알 주바이르 테라코 디지털 CEO가 참석했다.", ("파리드 알 주바이르", "CEO", None)),
        ("서명은 파리드 알 주바이르 디지털 솔루션부문 사장이 했다.", ("파리드 알 주바이르", "솔루션부문 사장", None)),
        ("서명은 모하메드 카림 디지털 서비스부문 사장이 했다.", ("모하메드 카림", "서비스부문 사장", None)),
    ],
    ids=["three-words-and-a-two-word-company", "a-division-before-the-title", "four-syllables-are-no-korean-name"],
)
def test_a_foreign_name_with_more_words(text: str, person: Person) -> None:
    assert _people(text) == {person}


def test_a_four_syllable_korean_name_has_a_two_syllable_surname() -> None:
    assert _people("남궁하람 가상전자 대표는 말했다.") == {("남궁하람", "대표", "가상전자")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("김다인 강원지사는 말했다.", {("김다인", "강원지사", None)}),
        ("김다인 충북지사와 만났다.", {("김다인", "충북지사", None)}),
        ("김다인 가상소프트 한국지사장은 말했다.", {("김다인", "한국지사장", "가상소프트")}),
        ("김다인 한국지사는 문을 열었다.", set()),  # a branch office, no governor
    ],
    ids=["governor", "governor-companion", "branch-head", "branch"],
)
def test_a_province_glued_to_jisa_is_its_governor(text: str, expected: set[Person]) -> None:
    assert _people(text) == expected


def test_where_the_person_stands_in_a_photo_after_the_name() -> None:
    found = _people("김다인(왼쪽 두번째) 국토교통부 장관이 현장을 둘러보고 있다.")
    assert found == {("김다인", "장관", "국토교통부")}


def test_names_listed_with_a_middle_dot_share_the_post() -> None:
    found = _people("박바다·김하늘·오세린 가상전자 공동대표가 참석했다.")
    assert found == {(name, "공동대표", "가상전자") for name in ("박바다", "김하늘", "오세린")}
    assert _people("데이터·인재 대표 기업이 나왔다.") == set()


# Pieces of name-post phrases (own words): names, organisations, titles (one with spaces, '부총리 겸 … 장관'),
# parentheses, separators and the marks that end a phrase.
_PIECES = [
    *("홍길동", "남궁별", "윤하람", "가상부", "가상전자", "한빛대", "컴퓨터", "공학부", "AI연구원"),
    *("장관", "대표", "부총리 겸 과학기술정보통신부 장관", "교수", "원장", "시장", "가상시장", "의장", "겸"),
    *(" ", " ", " ", "(55)", "(5.5)", "(KVA)", "(", ")", "/", " / ", ".", ",", "“", "”", "'", "은", "도", "이"),
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=3, max_size=14))
def test_the_title_look_up_skips_only_places_where_no_name_post_phrase_starts(pieces: list[str]) -> None:
    text = "".join(pieces)
    starts = [m.start() for m in people._TITLE_WORD.finditer(text)]
    ends = [m.end() for m in people._TITLE_WORD.finditer(text)]
    for name in people._WORD_START.finditer(text):
        if people._PERSON_POST.match(text, name.start()):
            assert people._title_before_break(text, name.end(), starts, ends), (text, name.start())
