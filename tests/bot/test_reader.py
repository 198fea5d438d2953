"""The reader's components on small sentences written for these tests, without Neo4j: question analysis,
typed spans, ranking and the abstention threshold."""

from __future__ import annotations

import pytest

from policykg.bot.need import analyse_need
from policykg.bot.rank import THRESHOLD, WEIGHTS, Sentence, rank, score
from policykg.bot.reader import said, spans_for
from policykg.bot.spans import find_spans, question_spans


def test_need_reads_the_answer_type_and_unit_whatever_the_spacing_or_ending() -> None:
    cases = {
        "시범 사업에 배정된 돈은 얼마야?": ("money", None),
        "참여 기업은 몇곳임": ("count", "곳"),
        "지원받는 학생은 몇 명이야?": ("count", "명"),
        "드론 수량은?": ("count", None),
        "센서를 몇 개 사나요": ("count", "개"),
        "연구소 GPU 수량은?": ("count", "장"),
        "예산 증가율은 몇 %?": ("percent", None),
        "시범 사업 마감일은 언제야": ("date", None),
        "협회 회장은 누구?": ("person", None),
        "왜 지방에 두려는 거야?": ("reason", None),
        "참여사 전부 나열해줘": ("list", None),
        "장비를 시험하는 나라는 어디?": ("org", None),
        "어느 나라에서 시험해?": ("place", None),
    }
    for question, (kind, unit) in cases.items():
        need = analyse_need(question)
        assert (need.type, need.unit) == (kind, unit), question


def test_need_keeps_content_terms_and_the_figures_the_question_states() -> None:
    need = analyse_need("2024년 드론 300대 구매 예산은 얼마임?")
    assert {"드론", "구매", "예산"} <= set(need.terms) and "얼마" not in need.terms
    assert need.years == (2024,) and "count:300:대" in need.values


def test_spans_find_amounts_counts_dates_people_reasons_and_lists() -> None:
    sentence = "김하늘 해양수산부 제1차관은 3월까지 드론 1200대를 사는 데 3조 2500억 원을 쓴다고 밝혔다."
    spans = {(s.type, s.text) for s in find_spans(sentence)}
    assert ("person", "김하늘") in spans
    assert ("date", "3월까지") in spans
    assert ("count", "1200대") in spans
    assert ("money", "3조 2500억 원") in spans
    reason = find_spans("시는 바다 쓰레기를 줄이기 위해 드론을 띄운다.")
    assert any(s.type == "reason" and "쓰레기" in s.text for s in reason)
    listed = find_spans("참여사는 가나전자, 다라텔레콤, 마바클라우드다.")
    assert any(s.type == "list" and s.text == "가나전자, 다라텔레콤, 마바클라우드" for s in listed)
    assert [s.text for s in find_spans("평가 배점은 40점이다.") if s.type == "count"] == ["40점"]


def _rank(question: str, sentences: list[str]) -> list[tuple[str, float]]:
    need = analyse_need(question)
    evidence = [Sentence(f"s{i}", text, i, context=text) for i, text in enumerate(sentences)]
    ranked = rank(evidence, {s.key: spans_for(s.text, need) for s in evidence}, need)
    return [(c.span.text, c.score) for c in ranked]


def test_ranking_prefers_the_span_of_the_asked_unit_near_the_question_words() -> None:
    sentences = [
        "해양 드론 사업은 2025년에 시작됐다.",
        "해양 드론 사업에는 연구원 40명이 참여하고 드론 1200대가 투입된다.",
    ]
    assert _rank("해양 드론 사업에 투입되는 드론은 몇 대?", sentences)[0][0] == "1200대"
    assert _rank("해양 드론 사업에 참여하는 연구원은 몇 명?", sentences)[0][0] == "40명"


def test_a_span_that_repeats_the_question_is_not_its_answer() -> None:
    ranked = _rank("드론 1200대를 사는 예산은 얼마야?", ["드론 1200대를 사는 데 3조 2500억 원이 든다."])
    assert ranked[0][0] == "3조 2500억 원"


def test_abstention_below_the_threshold_when_the_evidence_misses_the_question_s_nouns() -> None:
    ranked = _rank("드론 사업의 연간 전기요금은 얼마야?", ["드론 사업에는 3조 2500억 원이 든다."])
    assert not ranked or ranked[0][1] < THRESHOLD
    assert _rank("드론 사업에는 얼마가 들어?", ["드론 사업에는 3조 2500억 원이 든다."])[0][1] >= THRESHOLD


def test_weights_are_named_and_score_is_their_weighted_sum() -> None:
    assert score({name: 1.0 for name in WEIGHTS}) == sum(WEIGHTS.values())


def test_the_type_asked_at_the_end_wins_and_a_head_noun_beats_a_generic_asking_word() -> None:
    cases = {
        "보고에서 드론 일정을 밝힌 해양부 제1차관 이름은?": "person",
        "바다 시험장을 둔 국가는 어디?": "place",
        "드론 몇 %를 국산으로 채워야 해?": "percent",
        "해양위원회 원안 목표액 2030": "money",
        "해양 사업이 몇 년 만에 늘어나?": "count",
        "선정된 팀은 지원을 얼마 동안 받아?": "count",
        "김바다 의원은 어느 당 소속이야?": "org",
    }
    for question, kind in cases.items():
        assert analyse_need(question).type == kind, question
    assert analyse_need("선정된 팀은 지원을 얼마 동안 받아?").unit == "년"
    # the name of a linked body does not decide the type: '해양위원회' asks for no organisation
    assert analyse_need("해양위원회 드론 목표액", ("해양위원회",), ("해양위원회",)).type == "money"


def test_yes_no_questions_are_answered_from_the_sentence_that_states_their_figure() -> None:
    ranked = _rank("연구소에는 드론 40대가 가는 게 맞나요?", ["연구소에는 드론 40대, 대학에는 드론 60대가 간다."])
    assert ranked[0][0] == "예"
    denied = _rank("부적격이면 추가 선정을 꼭 하는 게 맞나요?", ["부적격 팀만 있으면 추가 선정을 하지 않을 수 있다."])
    assert denied[0][0] == "아니요"


def test_a_list_of_as_many_names_as_the_question_states_is_preferred() -> None:
    sentences = ["후보지는 가람시·나래시·다솜시 세 곳으로 좁혀졌고, 최종 후보는 가람시와 나래시다."]
    assert _rank("드론 시험장 후보지 세 곳은?", sentences)[0][0] == "가람시, 나래시, 다솜시"


def test_a_count_in_another_unit_never_answers_a_count_question() -> None:
    ranked = _rank("드론 업체는 몇 개사야?", ["드론 업체는 2003년에 처음 생겼다."])
    assert all(not text.endswith("년") for text, _ in ranked)


def test_posts_are_matched_as_whole_titles() -> None:
    from policykg.bot.understand import asked_posts, post_matches

    assert asked_posts("해양위원회 상근 부위원장은 누구?") == ["부위원장"]
    assert post_matches("상근 부위원장", ["부위원장"]) and not post_matches("부위원장", ["위원장"])
    assert post_matches("제2차관", asked_posts("해양부 2차관은 누구?"))
    assert not post_matches("장관", asked_posts("해양부 드론정책관은 누구?"))


def test_a_post_asked_matches_its_other_names() -> None:
    from policykg.bot.understand import asked_posts, post_matches

    assert post_matches("최고경영자", asked_posts("가상전자 대표는 누구야?"))
    assert post_matches("CTO", asked_posts("가상전자 최고기술책임자는?"))
    assert not post_matches("회장", asked_posts("가상전자 대표는 누구야?"))


def test_particles_follow_the_last_sound_of_the_word() -> None:
    from policykg.bot.examples import josa_ro

    assert [josa_ro(w) for w in ("정보통신산업진흥원", "서울", "부처", "NIPA")] == [
        "정보통신산업진흥원으로",
        "서울로",
        "부처로",
        "NIPA로",
    ]


def test_a_year_word_before_a_month_stays_with_the_date() -> None:
    assert any(s.type == "date" and s.text.startswith("내년 1월") for s in find_spans("법은 내년 1월부터 시행된다."))


def test_a_figure_of_another_programme_is_not_the_answer_about_this_one() -> None:
    from policykg.ontology.iris import mint_iri

    asked, other = mint_iri("programme", "드론_학교"), mint_iri("programme", "해양_센터")
    need = analyse_need("드론 학교의 2030년 예산은?")
    sentences = [Sentence("s0", "해양 센터 사업에 2030년까지 6000억원을 투입한다.", 0, mentions={other}, context="")]
    ranked = rank(sentences, {s.key: spans_for(s.text, need) for s in sentences}, need, {asked})
    assert ranked and ranked[0].features["other_subject"] == 1.0 and ranked[0].score < THRESHOLD


def test_asked_for_all_members_the_longest_list_of_proper_names_wins_over_common_nouns() -> None:
    sentences = [
        "설명회에는 한빛로보틱스, 누리데이터 등 연합체 참여사 관계자 20명이 왔다.",
        "연합체에는 한빛로보틱스·누리데이터·가람소프트·별빛전자·다온시스템이 참여한다.",
    ]
    ranked = _rank("해양 드론 연합체 참여사 전부 나열해줘", sentences)
    assert ranked[0][0] == "한빛로보틱스, 누리데이터, 가람소프트, 별빛전자, 다온시스템"
    common = find_spans("연합체 참여사와 협력사가 모였다.")
    assert not [s for s in common if s.type == "list"]


def test_a_name_kiwi_splits_is_still_a_person_beside_its_title() -> None:
    spans = find_spans("행사에는 한빛로보틱스 대표와 김명주 해양드론연구소장 등이 참석했다.")
    assert "김명주" in [s.text for s in spans if s.type == "person"]
    assert analyse_need("해양드론연구소 소장 이름은?").type == "person"


def test_a_day_asked_is_answered_by_the_deadline_day_not_the_year_or_the_dateline() -> None:
    sentences = ["드론청은 12일 '2026년 해양 드론 지원사업' 공모를 다음 달 13일까지 받는다고 밝혔다."]
    assert _rank("해양 드론 지원사업 공모는 며칠까지 받아?", sentences)[0][0] == "다음 달 13일까지"


def test_lists_keep_known_bodies_bracketed_abbreviations_and_latin_compounds_whole() -> None:
    def lists(sentence: str) -> list[str]:
        return [s.text for s in find_spans(sentence) if s.type == "list"]

    # bodies Kiwi reads as common nouns, known to the registry
    assert lists("시범 과제는 국세청·경찰청·산림청과 함께 진행한다.") == ["국세청, 경찰청, 산림청"]
    # an abbreviation in brackets belongs to the name before it
    assert lists("점검에는 정보통신산업진흥원(NIPA)과 한국지능정보사회진흥원(NIA)이 참여한다.") == [
        "정보통신산업진흥원, 한국지능정보사회진흥원"
    ]
    assert lists("오픈AI, 소프트뱅크, 오라클이 함께 투자한다.") == ["오픈AI, 소프트뱅크, 오라클"]


def test_kinds_of_body_joined_ask_for_a_list_and_a_list_of_what_the_question_names_is_no_answer() -> None:
    assert analyse_need("드론 사업에 참여하는 대학·기업은?").wants_list
    sentences = [
        "해양드론 연합에는 한빛로보틱스, 누리데이터, 가람소프트가 참여한다.",
        "해양드론 연합과 항공청이 손잡았다.",
    ]
    assert _rank("해양드론 연합에 참여하는 기업들은?", sentences)[0][0] == "한빛로보틱스, 누리데이터, 가람소프트"


def test_a_duration_in_days_is_a_count_of_days_not_of_years() -> None:
    need = analyse_need("시행령 입법예고 기간은 며칠이었나?")
    assert (need.type, need.unit) == ("count", "일")
    ranked = _rank("시행령 입법예고 기간은 며칠이었나?", ["시행령은 1년 뒤 시행되며 입법예고는 40일간 진행된다."])
    assert ranked[0][0] == "40일" and all(text != "1년" for text, _ in ranked)


def test_a_name_asked_of_a_kind_is_of_that_kind() -> None:
    assert analyse_need("해양 드론 사업 주관 부처 이름").type == "org"
    assert analyse_need("예산을 꼬집은 정치인의 이름은?").type == "person"
    assert analyse_need("드론청장 몇 년생이야?").type == "date"


def test_reasons_are_the_cause_itself_and_purposes_are_read_before_their_word() -> None:
    def reasons(sentence: str) -> list[str]:
        return [s.text for s in find_spans(sentence) if s.type == "reason"]

    assert "아직 인력 문제" in reasons("드론 사업은 아직 인력 문제 때문에 늦어지고 있다.")
    assert "섬 지역 배송 격차를 줄일" in reasons("운영비를 차등 지원함으로써 섬 지역 배송 격차를 줄일 방침이다.")
    assert analyse_need("드론청이 이번 사업으로 노리는 게 뭐야?").type == "reason"


def test_the_figure_asked_of_a_noun_is_the_one_written_after_that_noun() -> None:
    assert analyse_need("드론법 하위법령에 지침은 몇 개 들어가?").counted == "지침"
    sentences = ["드론법 하위법령은 시행령 1개, 고시 3개, 지침 6개로 짜였다."]
    assert _rank("드론법 하위법령에 지침은 몇 개 들어가?", sentences)[0][0] == "6개"


def test_a_question_with_no_wh_word_that_ends_in_a_verb_asks_yes_or_no() -> None:
    for question in (
        "해양청도 드론 펀드에 현금을 내는 거야?",
        "드론청은 1차 평가에 붙었어?",
        "회사 업무용 드론도 신고해야 해?",
    ):
        assert analyse_need(question).type == "yesno", question
    for question in ("드론 연합 참여사 전부 나열해줘", "드론청 예산 총액은?", "드론청 예산은 얼마야?"):
        assert analyse_need(question).type != "yesno", question


def test_an_article_of_a_law_is_no_amount_and_answers_which_article() -> None:
    assert analyse_need("드론 계획은 드론법 몇 조에 근거해?").type == "name"
    assert (
        _rank("드론 계획은 드론법 몇 조에 근거해?", ["드론 계획은 드론법 제6조에 따른 법정 계획이다."])[0][0] == "제6조"
    )


def test_a_name_split_by_kiwi_is_a_person_before_a_title_with_its_particle() -> None:
    spans = find_spans("김용범 드론청 정책실장은 새 센터를 짓겠다고 했다.")
    assert "김용범" in [s.text for s in spans if s.type == "person"]


def test_a_purpose_clause_is_said_as_a_whole_phrase_and_a_reason_of_the_question_s_own_words_is_none() -> None:

    from policykg.bot.spans import Span

    assert said(Span("섬 배송을 늘린다는", "reason", "reason:x", 0, 9)) == "섬 배송을 늘린다는 것"
    ranked = _rank("드론 사업으로 노리는 게 뭐야?", ["드론 사업을 위한 예산을 늘려 섬 배송 격차를 줄인다는 취지다."])
    assert ranked[0][0] != "드론 사업을"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("해양 드론 1단계에서 떨어진 팀은?", "org"),
        ("드론 센터 개소 예정일은?", "date"),
        ("드론 센터 착공 시점", "date"),
        ("드론 사업 추경 총액은?", "money"),  # a noun in 액 followed by its particle
        ("드론 학교 참여 인원?", "count"),  # '인원?' is no currency '원'
        ("드론 학교 운영 책임자는?", "person"),
        ("드론 실증 후보지", "place"),
        ("드론 보급률은?", "percent"),
        ("드론 학교를 세운 배경은?", "reason"),
    ],
)
def test_a_question_without_an_asking_word_asks_for_what_its_last_noun_names(question: str, kind: str) -> None:
    assert analyse_need(question).type == kind


def test_a_year_asked_with_a_case_ending_is_a_date_and_a_number_of_years_is_a_count() -> None:
    assert analyse_need("드론 1만 대는 몇 년까지 보급해?").type == "date"
    assert analyse_need("드론 센터는 몇 년도에 문을 열어?").type == "date"
    need = analyse_need("드론 사업 기간은 몇 년이야?")
    assert (need.type, need.unit) == ("count", "년")


def test_a_body_the_registry_knows_is_an_organisation_though_no_suffix_says_so() -> None:
    spans = find_spans("중소기업중앙회가 드론 기업 300곳에 물었다.")
    assert ("org", "중소기업중앙회") in [(s.type, s.text) for s in spans]


def test_the_place_something_was_held_is_the_name_before_eseo_and_a_verb_of_holding() -> None:
    question = "드론 보급 간담회는 어디서 열렸어?"
    sentences = ["해양부는 드론 보급 간담회를 5일 부산항만공사에서 개최했다.", "드론 보급 간담회 참석자는 40명이다."]
    assert _rank(question, sentences)[0][0] == "부산항만공사"
    assert "부산항만공사" not in [s.text for s in find_spans("부산항만공사에서 드론 40대를 샀다.") if s.type == "place"]
    # the place words written before the venue stay with it, a date does not; the verb may come after a long name
    spans = find_spans("해양부는 3일 부산 영도구 드론파크에서 ‘제2회 해양 드론 보급 확산 간담회’를 열었다.")
    assert "부산 영도구 드론파크" in [s.text for s in spans if s.type == "place"]


def test_people_counted_with_the_counter_in_answer_a_question_in_myeong() -> None:
    ranked = _rank(
        "드론 위원회 공동위원장은 몇 명이야?", ["드론 위원회는 장관과 업계 대표 등 5인이 공동위원장을 맡는다."]
    )
    assert ranked[0][0] == "5인"


def test_a_dateline_date_is_said_as_korean_readers_write_it_and_schools_are_counted_in_places() -> None:

    span = next(s for s in find_spans("date 2026-02-25 드론 위원회가 열렸다.") if s.type == "date")
    assert said(span) == "2026년 2월 25일"
    assert _rank("드론 대학원은 몇 곳 뽑았어?", ["드론 대학원으로 4개교를 새로 뽑았다."])[0][0] == "4개교"


def test_a_count_never_answers_a_question_that_asks_for_money_by_name() -> None:
    sentences = ["드론 협력 협약에는 국내 기업 7곳이 참여했다."]
    assert _rank("드론 협력 협약 투자 규모 얼마임?", sentences) == []
    assert _rank("드론 모델의 매개변수 규모는?", ["드론 모델의 매개변수는 700억개에 이른다."])[0][0] == "700억개"


def test_a_yes_no_question_is_answered_no_when_the_evidence_states_the_opposite_outcome() -> None:
    def answer(question: str, sentence: str) -> str:
        return next(s.text for s in question_spans(sentence, question, (), ()) if s.type == "yesno")

    assert answer("부산은 드론 공모에 선정됐어?", "세 곳을 선정하는 드론 공모에서 부산은 탈락했다.") == "아니요"
    assert answer("부산은 드론 공모에 선정됐어?", "드론 공모에서 부산이 최종 선정됐다.") == "예"
    assert answer("드론청장 자리는 차관급이야?", "드론청장 자리는 장관급으로 운영된다.") == "아니요"


def test_the_question_words_an_article_s_headline_states_count_as_covered_for_its_sentences() -> None:
    need = analyse_need("해양 드론 공공 실증 과제 공모 마감 며칠임?")
    text = "해양부는 오는 13일까지 과제 공모를 받는다."
    bare = Sentence("s0", text, 0, context=text)
    headed = Sentence("s1", text, 0, context=text, title="해양 드론 공공 실증 사업 시작")
    features = {s.key: rank([s], {s.key: spans_for(text, need)}, need)[0].features for s in (bare, headed)}
    assert features["s0"]["uncovered"] == 1.0
    assert features["s1"]["uncovered"] == 0.0


def test_a_count_written_before_its_noun_is_the_count_of_that_noun_not_the_next_figure() -> None:
    sentences = ["이번 공고로 5개 드론 제조사 기업의 12개 기체가 조달 목록에 올랐다."]
    assert _rank("조달 목록에 오른 드론 제조사는 몇 곳?", sentences)[0][0].startswith("5개")
    sentences = ["이번 조사에는 드론 기업 230개가 응답했다.", "드론 기업의 매출은 평균 12% 늘었다."]
    assert _rank("드론 조사에 답한 기업 수는?", sentences)[0][0] == "230개"


def test_a_title_counted_by_a_numeral_asks_for_people_and_a_noun_with_its_particle_is_no_name() -> None:
    assert analyse_need("드론 위원회에 이름을 올린 국회의원 둘은?").type == "person"
    spans = find_spans("해양 안전과 신뢰를 맡는 김해동 드론안전정책과장이 발표했다.")
    assert "안전과" not in [s.text for s in spans if s.type == "person"]


def test_a_question_word_misspelt_by_a_confused_vowel_still_covers_the_evidence() -> None:
    need = analyse_need("프로잭트 예산 얼마")
    text = "해양 드론 프로젝트에는 120억 원의 예산이 들어간다."
    ranked = rank([Sentence("s0", text, 0, context=text)], {"s0": spans_for(text, need)}, need)
    assert ranked[0].features["uncovered"] == 0.0
    need = analyse_need("파트너십 예산 얼마")
    text = "해양 드론 파트너스에는 120억 원의 예산이 들어간다."
    ranked = rank([Sentence("s0", text, 0, context=text)], {"s0": spans_for(text, need)}, need)
    assert ranked[0].features["uncovered"] == 1.0


def test_a_name_in_quotes_is_one_name_and_a_quoted_remark_is_none() -> None:
    sentence = "해양도는 ‘해양 드론산업 육성 및 지원 조례’를 제정했고, 지사는 “드론이 바다를 지킬 것이다”라고 말했다."
    names = [s.text for s in find_spans(sentence) if s.type == "name"]
    assert "해양 드론산업 육성 및 지원 조례" in names
    assert not any(n.startswith("드론이 바다를") for n in names)
    assert _rank("해양도가 드론 지원 근거로 제정한 조례 이름은?", [sentence])[0][0] == "해양 드론산업 육성 및 지원 조례"


def test_a_data_centre_s_power_is_a_measure_with_its_range_not_money() -> None:
    need = analyse_need("해양 데이터센터 GW 규모는 얼마?")
    assert (need.type, need.unit) == ("count", "GW")
    sentences = ["해양 데이터센터에는 3조 원이 들어가며 전력 규모는 1~2GW로 키운다."]
    assert _rank("해양 데이터센터 GW 규모는 얼마?", sentences)[0][0] == "1~2GW"
    assert [s.text for s in find_spans("우선 100MW급 데이터센터를 짓는다.") if s.type == "count"] == ["100MW"]


def test_a_hyphened_name_the_question_gives_is_missed_where_the_sentence_lacks_it() -> None:
    need = analyse_need("K-드론 조사에 답한 기업 수는?")
    text = "드론 협회 조사에 답한 기업은 90곳이다."
    ranked = rank([Sentence("s0", text, 0, context=text)], {"s0": spans_for(text, need)}, need)
    assert ranked[0].features["missing_name"] == 1.0


def test_a_latin_unit_is_a_whole_word() -> None:
    assert not [s for s in find_spans("2025 MWC에서 드론 30대를 공개했다.") if s.unit == "MW"]


def test_of_two_years_figures_in_one_sentence_the_one_of_the_year_asked_wins() -> None:
    sentences = ["해양 드론 공통기반 예산은 올해 30억원에서 내년 45억원으로 늘어난다."]
    assert _rank("해양 드론 공통기반 예산은 내년에 얼마야?", sentences)[0][0] == "45억 원"
    assert _rank("해양 드론 공통기반 예산은 올해 얼마야?", sentences)[0][0] == "30억 원"


def test_a_figure_named_by_more_than_the_question_asks_about_loses_to_one_named_just_so() -> None:
    sentences = ["드론 해외 실증 지원(30억원)과 별도로, 드론 실증 지원에 500억원이 배정됐다."]
    assert _rank("드론 실증 지원 예산 얼마야?", sentences)[0][0] == "500억 원"


def test_the_first_item_of_a_breakdown_does_not_take_the_words_of_the_sentence_before_its_name() -> None:
    sentences = [
        "해양도의 내년 국비 신규 사업은 해양 관측 허브(20억원), 연안 드론 실증(70억원), 항만 전환(15억원)이다."
    ]
    assert _rank("연안 드론 실증 해양도 내년 국비", sentences)[0][0] == "70억 원"


def test_latin_letters_joined_by_an_ampersand_are_one_term() -> None:
    need = analyse_need("중기부 R&D 예산 얼마야?")
    assert "R&D" in need.terms and "R" not in need.terms and "R&D" in need.specific
