"""Follow-up questions made to stand alone from the conversation (bot/followup.py), without Neo4j: the turns
are built by hand over the entities of the project's own sample articles (ingest/samples)."""

from __future__ import annotations

from policykg.bot.followup import Turn, leans_on_context, named, resolve
from policykg.bot.models import Answer, Named
from policykg.bot.understand import Linked
from policykg.ontology.neo4j_names import Label

ORG = [Label.Organization, Label.Agent]
NIPA = Named(
    iri="urn:nipa",
    name="정보통신산업진흥원",
    labels=[Label.PublicAgency, *ORG],
    surface="정보통신산업진흥원",
    answered=False,
)
YOON = Named(iri="urn:yoon", name="윤서진", labels=[Label.Person, Label.Agent], surface="윤서진", answered=True)
AISI = Named(
    iri="urn:aisi", name="AI안전연구소", labels=[Label.ResearchInstitute, *ORG], surface="AI 안전연구소", answered=False
)
JUNG = Named(iri="urn:jung", name="정세린", labels=[Label.Person, Label.Agent], surface="정세린", answered=True)
CLUSTER = Named(
    iri="urn:cluster",
    name="인공지능 집적단지 2단계 사업",
    labels=[Label.Programme],
    surface="인공지능 집적단지 2단계 사업",
    answered=False,
)

WHO_HEADS_NIPA = Turn("정보통신산업진흥원 원장은 누구야?", "윤서진입니다. [1]", (NIPA, YOON))
WHO_HEADS_AISI = Turn("AI안전연구소 소장은 누구야?", "정세린입니다. [1]", (AISI, JUNG))
PRIVATE_SHARE = Turn("인공지능 집적단지 2단계 사업에서 민간이 내는 돈은?", "800억 원입니다. [1]", (CLUSTER,))
AISI_BUDGET = Turn("AI안전연구소 2026년 예산은 얼마야?", "약 150억 원입니다. [1]", (AISI,))


def linked(entity: Named, surface: str | None = None) -> Linked:
    return Linked(entity.iri, entity.name, tuple(entity.labels), surface or entity.surface, True)


def test_without_history_a_question_is_left_as_it_is() -> None:
    assert resolve("그 기관은 올해 몇 곳을 선정했어?", [], []) == "그 기관은 올해 몇 곳을 선정했어?"


def test_a_determiner_and_its_noun_point_at_an_entity_of_that_kind() -> None:
    # '그 기관' is the body the previous question named, '그 사람' the person its answer named
    assert (
        resolve("그 기관은 올해 몇 곳을 선정했어?", [], [WHO_HEADS_NIPA])
        == "정보통신산업진흥원은 올해 몇 곳을 선정했어?"
    )
    assert resolve("그 사람은 언제 취임했어?", [], [WHO_HEADS_NIPA]) == "윤서진은 언제 취임했어?"
    assert resolve("해당 사업은 언제 끝나?", [], [PRIVATE_SHARE]) == "인공지능 집적단지 2단계 사업은 언제 끝나?"
    assert resolve("이 사업 예산은 얼마야?", [], [PRIVATE_SHARE]) == "인공지능 집적단지 2단계 사업 예산은 얼마야?"


def test_a_demonstrative_pronoun_points_at_an_entity_of_its_kind() -> None:
    assert resolve("거기 올해 예산은 얼마야?", [], [WHO_HEADS_AISI]) == "AI안전연구소 올해 예산은 얼마야?"
    assert resolve("그분은 무슨 말을 했어?", [], [WHO_HEADS_AISI]) == "정세린은 무슨 말을 했어?"
    assert resolve("그거 언제 끝나?", [], [PRIVATE_SHARE]) == "인공지능 집적단지 2단계 사업 언제 끝나?"


def test_a_place_pronoun_prefers_the_one_body_the_answer_named() -> None:
    selected_by = Turn(
        "AI 바우처 지원사업 수요기업은 어디서 선정했어?",
        "정보통신산업진흥원입니다. [1]",
        (NIPA.model_copy(update={"answered": True}),),
    )
    assert resolve("거기 원장은 누구야?", [], [PRIVATE_SHARE, selected_by]) == "정보통신산업진흥원 원장은 누구야?"


def test_a_determiner_before_another_noun_points_at_the_previous_topic() -> None:
    assert (
        resolve("그 예산 중 국비는 얼마야?", [], [PRIVATE_SHARE])
        == "인공지능 집적단지 2단계 사업 예산 중 국비는 얼마야?"
    )


def test_references_look_back_past_a_turn_without_that_kind() -> None:
    unrelated = Turn("AI 기본법은 언제 시행돼?", "22일부터입니다. [1]", ())
    assert resolve("그분 직책이 뭐야?", [], [WHO_HEADS_AISI, unrelated]) == "정세린 직책이 뭐야?"


def test_particles_agree_with_the_name_put_in() -> None:
    nia = Named(iri="urn:nia", name="NIA", labels=[Label.PublicAgency, *ORG], surface="NIA", answered=False)
    turn = Turn("NIA 원장은 누구야?", "자료에서 근거를 찾지 못했습니다.", (nia,))
    assert resolve("그 기관이 맡은 사업은?", [], [turn]) == "NIA가 맡은 사업은?"
    assert resolve("그곳을 어디로 옮겨?", [], [WHO_HEADS_AISI]) == "AI안전연구소를 어디로 옮겨?"


def test_a_fragment_swaps_a_payer_for_the_previous_payer() -> None:
    expected = "인공지능 집적단지 2단계 사업에서 국비가 내는 돈은?"
    assert resolve("그럼 국비는?", [], [PRIVATE_SHARE]) == expected  # Kiwi alone reads 국 + 비(다) here
    assert resolve("시비는요?", [], [PRIVATE_SHARE]) == "인공지능 집적단지 2단계 사업에서 시비가 내는 돈은?"


def test_a_fragment_swaps_a_date_for_the_previous_date() -> None:
    assert resolve("그럼 2027년은?", [], [AISI_BUDGET]) == "AI안전연구소 2027년 예산은 얼마야?"
    assert resolve("내년은?", [], [AISI_BUDGET]) == "AI안전연구소 내년 예산은 얼마야?"
    # no date before: the new one goes in front
    assert resolve("그럼 2026년은?", [], [WHO_HEADS_AISI]) == "2026년 AI안전연구소 소장은 누구야?"


def test_a_fragment_swaps_an_entity_for_the_previous_one_of_its_kind() -> None:
    own = [linked(NIPA, "NIPA")]
    assert resolve("NIPA는?", own, [AISI_BUDGET]) == "NIPA 2026년 예산은 얼마야?"


def test_a_fragment_swaps_the_noun_asked_about_and_keeps_the_ask_when_it_fits() -> None:
    assert resolve("부소장은?", [], [WHO_HEADS_AISI]) == "AI안전연구소 부소장은 누구야?"


def test_a_fragment_asking_for_another_type_of_answer_drops_the_previous_ask() -> None:
    # '예산' wants money: '…예산은 누구야?' would be answered with a person
    assert resolve("예산은?", [], [WHO_HEADS_AISI]) == "AI안전연구소 예산은?"
    assert resolve("그럼 올해 예산은?", [], [WHO_HEADS_AISI]) == "올해 AI안전연구소 예산은?"


def test_a_connective_before_a_question_naming_nothing_continues_the_topic() -> None:
    assert resolve("그럼 예산은 얼마야?", [], [PRIVATE_SHARE]) == "인공지능 집적단지 2단계 사업 예산은 얼마야?"


def test_a_question_that_names_its_own_entity_stands_alone() -> None:
    question = "AI안전연구소 소장은 누구야?"
    assert resolve(question, [linked(AISI)], [WHO_HEADS_NIPA]) == question
    fragment = "AI 반도체 실증 사업 투자액은?"  # an entity and what it asks about it: no ellipsis
    programme = Linked("urn:chip", "AI 반도체 실증 사업", (Label.Programme,), "AI 반도체 실증 사업", True)
    assert resolve(fragment, [programme], [PRIVATE_SHARE]) == fragment
    connective = "그럼 정보통신산업진흥원 원장은 누구야?"
    assert resolve(connective, [linked(NIPA)], [WHO_HEADS_AISI]) == connective


def test_what_points_at_a_group_or_a_place_in_the_text_is_left_alone() -> None:
    for question in ("그 기업들은 최대 얼마를 지원받아?", "그들은 누구야?", "이 가운데 국비는 얼마야?"):
        assert resolve(question, [], [PRIVATE_SHARE, WHO_HEADS_AISI]) == question


def test_a_long_bare_noun_phrase_is_a_new_question_not_a_fragment() -> None:
    question = "프로야구 개막전 관중 수는?"
    assert resolve(question, [], [WHO_HEADS_AISI]) == question


def test_a_turn_remembers_the_question_as_answered_and_what_both_named() -> None:
    answer = Answer(
        question="거기 소장은 누구야?",
        answer="정세린입니다. [1]\n— 정세린: AI안전연구소 소장",
        abstained=False,
        citations=[],
        facts=[],
        cypher=[],
        resolved="AI안전연구소 소장은 누구야?",
    )
    linked_in = {"정세린입니다. [1]": [linked(JUNG), linked(AISI)]}  # what a catalogue would link in the first line
    entities = named([linked(AISI)], answer, lambda text: linked_in.get(text, []))
    assert [(e.name, e.answered) for e in entities] == [("AI안전연구소", False), ("정세린", True)]
    turn = Turn.of(answer.model_copy(update={"entities": entities}))
    assert turn.question == "AI안전연구소 소장은 누구야?" and turn.entities == tuple(entities)


def test_an_abstention_names_nothing_the_answer_found() -> None:
    answer = Answer(
        question="q", answer="자료에서 근거를 찾지 못했습니다.", abstained=True, citations=[], facts=[], cypher=[]
    )
    assert named([linked(AISI)], answer, lambda text: [linked(JUNG)]) == [
        AISI.model_copy(update={"surface": "AI 안전연구소"})
    ]


def test_a_fragment_opened_by_a_connective_leans_on_a_conversation_it_may_not_have() -> None:
    assert leans_on_context("그럼 국비는?", [])
    assert not leans_on_context("드론 학교 국비는 얼마야?", [])
    assert not leans_on_context("그럼 드론 학교 예산은 얼마야?", [])
    # pointing back at something with nothing to point at
    assert leans_on_context("거기 올해 예산은 얼마야?", [])
    assert leans_on_context("그 기관 원장은 누구야?", [])
