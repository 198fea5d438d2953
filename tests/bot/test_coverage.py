"""What the evidence must state of a question, and which of several figures a stage or a place word picks, on
sentences written for these tests (no Neo4j)."""

from __future__ import annotations

from policykg.bot.need import Need, analyse_need, asked_frame, specific_nouns
from policykg.bot.rank import THRESHOLD, Sentence, rank
from policykg.bot.reader import said, spans_for
from policykg.bot.spans import find_spans


def _ranked(question: str, sentences: list[str], article: str = "") -> list[tuple[str, float, dict[str, float]]]:
    need = analyse_need(question)
    evidence = [Sentence(f"s{i}", t, i, context=t, article=article or t) for i, t in enumerate(sentences)]
    ranked = rank(evidence, {s.key: spans_for(s.text, need) for s in evidence}, need)
    return [(c.span.text, c.score, c.features) for c in ranked]


def test_the_noun_naming_the_kind_asked_need_not_be_in_the_evidence() -> None:
    # '어느 기관', '착공 시기': the evidence writes the body or the date, not the word for its kind
    assert "기관" not in specific_nouns("드론 사업 공고는 어느 기관 누리집에 올라와?", kind="org")
    assert "시기" not in specific_nouns("드론 센터 착공 예정 시기", kind="date")
    # a count of 분야 asks about 분야: the evidence must name them
    assert "분야" in specific_nouns("두 부처의 협력 분야는 모두 몇 개?", kind="count")
    ranked = _ranked("드론 센터 착공 예정 시기", ["드론 센터는 내년 2분기 착공에 들어간다."])
    assert ranked[0][0] == "내년 2분기" and ranked[0][1] >= THRESHOLD


def test_what_the_question_says_of_its_source_may_stand_elsewhere_in_the_article() -> None:
    question = "해양 드론 운용계획 설명자료 기준, 드론 교육 사업에 올해 얼마 들어가?"
    sentence = "드론 교육 사업에는 올해 300억원이 들어간다."
    alone = _ranked(question, [sentence], article=sentence)
    with_lead = _ranked(question, [sentence], article="해양 드론 운용계획 설명자료가 나왔다. " + sentence)
    assert alone[0][2]["uncovered"] == 1.0
    assert with_lead[0][0] == "300억 원" and with_lead[0][2]["uncovered"] == 0.0
    assert with_lead[0][1] > alone[0][1] and with_lead[0][1] >= THRESHOLD


def test_a_small_number_of_the_question_is_matched_whole() -> None:
    # the '2' of '2차' is not in '2025': a dateline of another meeting does not cover the question
    ranked = _ranked("드론위원회 2 차 전체회의 날짜", ["date 2025-08-11 드론위원회가 출범했다."])
    assert not ranked or ranked[0][2]["uncovered"] == 1.0


def test_the_figure_of_the_stage_asked_wins_over_another_stage_s() -> None:
    sentence = "해양 드론 사업에는 1차 추경에서 500억원, 2차 추경에서 120억원이 편성됐다."
    assert _ranked("2차 추경 해양 드론 사업 예산", [sentence])[0][0] == "120억 원"
    assert _ranked("1차 추경 해양 드론 사업 예산", [sentence])[0][0] == "500억 원"
    # '2차관' is a post, not a stage
    ranked = _ranked("드론청 2차관 소관 예산은?", ["드론청 1차관 소관 예산은 300억원이다."])
    assert ranked[0][0] == "300억 원" and ranked[0][2]["stage"] == 0.0


def test_countries_and_cities_no_suffix_marks_are_places() -> None:
    spans = {(s.text, s.type) for s in find_spans("홍길동 원장은 1970년 부산에서 태어나 아랍에미리트에서 일했다.")}
    assert ("부산", "place") in spans and ("아랍에미리트", "place") in spans


def test_the_verb_after_the_asked_slot_is_matched_without_its_fused_ending() -> None:
    assert asked_frame("홍길동 원장은 어디서 태어났어?") == "태어"
    ranked = _ranked(
        "홍길동 원장은 어디서 태어났어?", ["1970년 부산에서 태어난 홍길동 원장은 서울에서 드론을 공부했다."]
    )
    assert ranked[0][0] == "부산"


def test_a_date_dates_the_event_written_after_it_up_to_the_next_date() -> None:
    # the programme is linked, so only '착공' and '예정' are the question's own nouns
    need = analyse_need("드론청 센터 착공 예정 시기", ("드론청 센터",), ("드론청 센터",))
    text = "정부는 올 3분기 착공 예정이며 2028년까지 드론청 센터를 완공할 계획이다."
    evidence = [Sentence("s0", text, 0, context=text, article=text)]
    dated = {c.span.text: c.features["dated"] for c in rank(evidence, {"s0": spans_for(text, need)}, need)}
    assert dated["3분기"] == 1.0 and dated["2028년까지"] == 0.0


def test_a_question_naming_a_publisher_is_answered_from_its_report() -> None:
    question = "가상일보 기사 기준으로 드론 교육 사업 예산은 얼마야?"
    sentences = [
        ("드론 교육 사업 예산은 300억원이다.", "나라일보"),
        ("드론 교육 사업 예산은 280억원으로 잡혔다.", "가상일보"),
    ]
    evidence = [Sentence(f"s{i}", t, i, context=t, article=t, publisher=p) for i, (t, p) in enumerate(sentences)]

    def best(need: Need) -> str:
        return rank(evidence, {s.key: spans_for(s.text, need) for s in evidence}, need)[0].span.text

    assert best(analyse_need(question, ("가상일보",), ("가상일보",), sources=("가상일보",))) == "280억 원"
    assert best(analyse_need(question, ("나라일보",), ("나라일보",), sources=("나라일보",))) == "300억 원"
    # '기사' names the report, not something its sentence must state
    assert "기사" not in analyse_need(question, sources=("가상일보",)).specific


def test_a_day_written_without_its_month_is_said_with_its_article_s_month() -> None:
    from datetime import date

    spans = find_spans("위원회는 25일 서울에서 두 번째 전체회의를 열었다.", date(2026, 2, 26))
    day = next(s for s in spans if s.type == "date")
    assert day.text == "25일" and said(day) == "2026년 2월 25일"


def test_a_year_asked_is_not_answered_by_a_day_without_its_year() -> None:
    from datetime import date

    text = "지난 24일 취임한 홍길동 원장은 1970년 부산에서 태어났다."
    need = analyse_need("홍길동 원장은 몇 년생이야?")
    evidence = [Sentence("s0", text, 0, context=text, article=text)]
    ranked = rank(evidence, {"s0": spans_for(text, need, date(2026, 2, 26))}, need)
    assert ranked[0].span.text == "1970년"
    assert next(c for c in ranked if c.span.text.endswith("24일")).features["type"] == 0.0


def test_a_figure_of_a_bulleted_breakdown_belongs_to_its_own_item() -> None:
    sentence = (
        "드론 분야에서는 ▲해양 드론 센터 구축 20억 원(총사업비 900억 원) "
        "▲드론 배송 실증 150억 원(총사업비 610억 원)이 반영됐다."
    )
    assert _ranked("드론 배송 실증 사업의 총사업비는 얼마야?", [sentence])[0][0] == "610억 원"
    assert _ranked("해양 드론 센터 구축 총사업비는 얼마야?", [sentence])[0][0] == "900억 원"


def test_the_venue_is_the_name_before_its_bracketed_abbreviation_and_eseo() -> None:
    spans = find_spans("설명회는 서울 중구 가상정보진흥원(VIA)에서 열렸다.")
    assert any(s.type == "place" and s.text.endswith("가상정보진흥원") for s in spans)


def test_how_far_a_rate_moved_is_asked_in_percentage_points() -> None:
    assert analyse_need("드론 이용률은 전년보다 얼마나 올랐어?").type == "percent"
    assert analyse_need("드론 예산은 전년보다 얼마나 늘었어?").type == "money"
    ranked = _ranked("드론 이용률은 전년보다 얼마나 올랐어?", ["드론 이용률은 12.5%로 전년보다 2.1%p 올랐다."])
    assert ranked[0][0] == "2.1%p"
