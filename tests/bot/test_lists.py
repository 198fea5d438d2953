"""Answers that are lists ('참여 기업들은?', '분과 다섯 개 이름', '국회의원 둘은?'), on sentences written for these
tests, without Neo4j: how a list is found in a sentence, what the question says of its items, and how lists rank."""

from __future__ import annotations

from policykg.bot.need import analyse_need
from policykg.bot.rank import Sentence, rank
from policykg.bot.reader import spans_for
from policykg.bot.spans import find_spans


def _lists(sentence: str) -> list[str]:
    return [s.text for s in find_spans(sentence) if s.type == "list"]


def _best(question: str, sentences: list[str]) -> str:
    need = analyse_need(question)
    evidence = [Sentence(f"s{i}", text, i, context=text) for i, text in enumerate(sentences)]
    ranked = rank(evidence, {s.key: spans_for(s.text, need) for s in evidence}, need)
    return ranked[0].span.text


def test_names_side_by_side_with_only_a_space_are_no_list() -> None:
    assert _lists("회의는 가람시 나래구 해양센터에서 열렸다.") == []
    assert _lists("기념식은 사우디아라비아 담맘에서 열렸다.") == []
    assert _lists("참여사는 가나전자·다라텔레콤·마바클라우드다.") == ["가나전자, 다라텔레콤, 마바클라우드"]


def test_items_after_bullets_make_a_list_each_up_to_its_particle() -> None:
    sentence = "연구회는 생활 분과에 △기술 △교육 △복지가, 산업 분과에는 △해양드론 △스마트 항만 △수산가공으로 나뉜다."
    assert _lists(sentence) == ["기술, 교육, 복지", "해양드론, 스마트 항만, 수산가공"]
    # a gloss in brackets after an item does not end the list
    assert _lists("세 분야는 ▲항만 전환(Port) ▲드론 실증(Drone) ▲인재 양성이다.") == ["항만 전환, 드론 실증, 인재 양성"]
    assert _best("산업 분과 세 개 이름 알려줘", [sentence]) == "해양드론, 스마트 항만, 수산가공"


def test_phrases_the_sentence_counts_make_a_list_of_that_many() -> None:
    sentence = (
        "시는 올해부터 해양 드론 산업 육성, 어민이 쓸 수 있는 서비스 보급 및 전문인력 양성 등 3개 분야에 힘을 쏟는다."
    )
    assert _lists(sentence) == ["해양 드론 산업 육성, 어민이 쓸 수 있는 서비스 보급, 전문인력 양성"]
    # a count that is not the number of phrases before it makes no list
    assert _lists("시는 올해부터 해양 드론 산업 육성, 서비스 보급 등 5개 분야에 힘을 쏟는다.") == []
    assert _best("시가 올해 힘을 쏟는 3개 분야는?", [sentence]).startswith("해양 드론 산업 육성, ")


def test_people_named_in_a_row_with_their_posts_make_a_list() -> None:
    # a name right before the separator shares the title after the next one
    assert "정가람, 최보람" in _lists("공동의장은 해양부 장관, 가람당 정가람·나래당 최보람 의원 등 3인이 맡는다.")
    appointed = (
        "정책관에는 김하나 국장이, 기획과장에는 박두리 과장이 임명됐고 안전을 맡는 김세찬 해양안전정책과장, "
        "최우람 해양안전지원과장이 각각 보임됐다."
    )
    assert _lists(appointed) == ["김세찬, 최우람"]  # a particle ends a run: '김하나 국장이, …'
    assert _best("해양 안전을 맡은 두 과장 이름 알려줘", [appointed]) == "김세찬, 최우람"


def test_a_question_counting_people_or_naming_a_plural_says_what_its_list_holds() -> None:
    assert analyse_need("연구회 공동의장을 맡은 국회의원 둘은?").several == (2,)
    need = analyse_need("해양 안전을 맡은 두 과장 이름 알려줘")
    assert (need.type, need.several, need.wants_list) == ("person", (2,), True)
    assert analyse_need("드론 특구에 관심을 보인 기업들은?").item == "org"
    assert analyse_need("해양 드론 연합체 참여사 전부 알려줘").item == "org"


def test_a_list_of_the_kind_asked_beats_a_list_of_another_kind() -> None:
    sentences = [
        "이번에 선정된 해양 드론 연합체는 영국, 태국 등 새 권역에서 실증한다.",
        "해양 드론 사업에는 가람전자, 나래클라우드가 연합체로 참여한다.",
    ]
    assert _best("해양 드론 사업 연합체 전부", sentences) == "가람전자, 나래클라우드"


def test_the_verb_after_the_asked_slot_is_read_and_the_list_before_it_fills_the_slot() -> None:
    assert analyse_need("해양 드론 과제들은 어떤 기관과 협력해 진행돼?").frame == "협력"
    assert analyse_need("해양 드론 연합체 참여 기업들은?").frame == ""
    sentences = [
        "가람시와 나래시는 해양 드론 과제를 올해 처음 공모했다.",
        "해당 과제는 해양경찰청·기상청·수산과학원 등과 협력해 진행된다.",
    ]
    # the whole list, not its last item, and not the list that merely names the programme
    assert _best("해양 드론 과제들은 어떤 기관과 협력해 진행돼?", sentences) == "해양경찰청, 기상청, 수산과학원"
