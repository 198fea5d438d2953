"""Questions that ask for several things at once, split into one question per thing: '기종이랑 수량은?',
'지난해와 내년에 각각 얼마?', 'A, B, C를 합치면 얼마?', 'A랑 B 중 어느 쪽이 더 커?'. The parts are read from
Kiwi's tags: nouns joined by a conjunctive particle (와/과/이랑/하고/및), a comma or a middle dot. Each part is
answered on its own by the bot; the answers are then put side by side, added up or compared (bot/combine.py).
Pure: testable without Neo4j."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from policykg.korean.sentences import Token, tokens_of

_NOUNISH = {"NNG", "NNP", "NNB", "SL", "SN", "NR", "XSN", "XPN", "XR", "SH"}
_JOINERS = {"와", "과", "이랑", "랑", "하고", "및", ",", "·"}
# Words that end a conjunct rather than belong to it: '예산 중 어느 쪽', '세 유형' (Kiwi may read 세 as a numeral)
_STOP_NOUNS = {"중", "가운데", "각각", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열"}
_SUM = re.compile(r"(?:을|를)?\s*(?:다\s*|모두\s*)?(?:합치면|합하면|더하면|합산하면|합계|총합)")
_MORE = re.compile(r"(?:어느|어떤|어디|뭐|무엇|누가|누구)\S*\s*(?:쪽|것|곳|게)?\S*\s*(?:더\s*)?(?:크|커|많|높|길)")
_LESS = re.compile(r"(?:어느|어떤|어디|뭐|무엇|누가|누구)\S*\s*(?:쪽|것|곳|게)?\S*\s*(?:더\s*)?(?:작|적|낮|짧)")
_EACH = re.compile(r"\s*각각\s*")
# what follows the last part when the question ends on it: a particle and the question mark ('수량은?')
_ENDS = re.compile(r"^(?:은|는|이|가|을|를|도|요|이요|에|에서|의)?\s*(?:요|뭐야|뭐임|얼마|몇)?\S{0,4}\s*\??\s*$")


@dataclass(frozen=True)
class Split:
    """The parts of a question, the question to ask for each, and how their answers combine."""

    items: tuple[str, ...]
    anchors: tuple[str, ...]  # each item, with the word before it when the item has no noun of two syllables
    questions: tuple[str, ...]
    mode: str  # "each" (side by side), "sum", "more" or "less" (the larger or smaller one), "ratio" (first ÷ second)


def _chain(text: str, tokens: list[Token]) -> tuple[int, int, list[tuple[int, int]]] | None:
    """The first run of two or more noun phrases joined by joiners: (start, end, the parts' offsets). A part
    before a joiner is its own word ('수와' → '수'); one after runs to the next particle ('참여 기관 수는')."""
    for i, tok in enumerate(tokens):
        if text[tok.start : tok.end] not in _JOINERS or not i or tokens[i - 1].tag not in _NOUNISH:
            continue
        # the part before: the nouns of the joiner's own word
        j = i - 1
        while j > 0 and tokens[j - 1].tag in _NOUNISH and tokens[j - 1].end == tokens[j].start:
            j -= 1
        parts = [(tokens[j].start, tokens[i - 1].end)]
        k = i + 1
        while k < len(tokens):
            start = k
            while (
                k < len(tokens)
                and tokens[k].tag in _NOUNISH
                and text[tokens[k].start : tokens[k].end] not in _STOP_NOUNS
                and text[tokens[k].start : tokens[k].end] not in _JOINERS
            ):
                k += 1
            if k == start:
                break
            parts.append((tokens[start].start, tokens[k - 1].end))
            if k < len(tokens) and text[tokens[k].start : tokens[k].end] in _JOINERS:
                k += 1
                continue
            break
        if len(parts) >= 2:
            return parts[0][0], parts[-1][1], parts
    return None


# 'A는 B의 몇 % 수준이야?': what share one figure is of another
_RATIO = re.compile(r"^(?P<a>.+)(?:은|는|이|가)\s+(?P<b>\S.*?)의\s*(?:대략\s*|약\s*)?몇\s*(?:%|퍼센트|퍼|프로)")
_WHOLE = {"전체", "총", "합계", "전부", "총액"}  # 'the whole' is the figure the question states, not a second question


def ratio(text: str, asking: str = "얼마야?") -> Split | None:
    """'A는 B의 몇 %야?' as the two figures to divide."""
    m = _RATIO.match(text)
    if not m or m["b"].strip() in _WHOLE:
        return None
    items = (m["a"].strip(), m["b"].strip())
    return Split(items, items, tuple(f"{item} {asking}" for item in items), "ratio")


def split(text: str, asking: str = "얼마야?") -> Split | None:
    """The parts of `text` when it asks for each of several things, their sum or the larger of them; `asking` ends
    the question put for each part of a sum or a comparison."""
    tokens = tokens_of(text)
    found = _chain(text, tokens)
    if found is None:
        return None
    start, end, parts = found
    shared = ""
    if all(text[a:b].strip() == "·" for (_, a), (b, _) in pairwise(parts)):
        # '공공·의료·제조 AI 대전환 사업': the words after the last part belong to every part
        last_start, last_end = parts[-1]
        cut = text.find(" ", last_start, last_end)
        if cut > 0:
            parts[-1], shared = (last_start, cut), text[cut:last_end]
    items = tuple(text[a:b] for a, b in parts)
    before, after = text[:start], shared + text[end:]
    previous = before.split()[-1:] if before.strip() else []
    anchors = tuple(item if re.search(r"[가-힣A-Za-z]{2}", item) else " ".join([*previous, item]) for item in items)
    summed, more, less = _SUM.search(after), _MORE.search(after), _LESS.search(after)
    if summed or more or less:
        mode = "sum" if summed else "more" if more else "less"
        questions = tuple(f"{before}{item}{shared} {asking}".strip() for item in items)
        return Split(items, anchors, questions, mode)
    if _EACH.search(text) or _ENDS.match(after):
        rest = _EACH.sub(" ", after)
        questions = tuple(re.sub(r"\s+", " ", f"{before}{item}{rest}").strip() for item in items)
        return Split(items, anchors, questions, "each")
    return None
