"""Sentence splitting on our own sentences: every sentence verbatim at its offsets, none cut after the first
words of the next one."""

from policykg.korean.sentences import split_sentences


def test_a_sentence_opening_with_a_quoted_name_keeps_its_name() -> None:
    body = "연구개발 예산은 전년보다 크게 늘었다. 전체의 3분의 1 규모다. '미래 핵심기술' 분야에는 4조 원이 배정됐다."
    sentences = split_sentences(body)
    assert [s.text for s in sentences][-1] == "'미래 핵심기술' 분야에는 4조 원이 배정됐다."
    assert all(body[s.start : s.end] == s.text for s in sentences)


def test_a_quotation_of_several_sentences_stays_one_sentence_with_its_speaker() -> None:
    body = "장관은 “예산이 늦었다. 올해는 빨리 집행하겠다”라고 말했다."
    assert [s.text for s in split_sentences(body)] == [body]
