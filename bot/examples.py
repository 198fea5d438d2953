"""Example questions for the UI, phrased from what the loaded graph holds, so they fit any corpus."""

from __future__ import annotations

import neo4j

from policykg.graph import cypher

FALLBACK = ["과기정통부 장관은 누구야?", "인공지능 기본법은 언제 시행돼?"]


def ends_in_consonant(word: str) -> bool:
    """Whether a word is read with a final consonant, which picks 은/는, 이/가, 을/를, 과/와. Latin letters and
    digits by how Koreans say them ('AI' and 'KT' end in a vowel; 'CTO' too; '3' (삼) does not)."""
    last = word[-1:]
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28 != 0
    return last.lower() in "lmnr" or last in "013678"


def josa(word: str, after_consonant: str, after_vowel: str) -> str:
    """The word with the particle its last sound takes: josa('원장', '은', '는') == '원장은'."""
    return word + (after_consonant if ends_in_consonant(word) else after_vowel)


def josa_ro(word: str) -> str:
    """The word with 으로/로: 로 after a vowel and after ㄹ ('서울로'), 으로 after other final consonants."""
    last = word[-1:]
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28
        return word + ("으로" if final not in (0, 8) else "로")
    return word + ("으로" if ends_in_consonant(word) and last.lower() != "l" else "로")


def example_questions(driver: neo4j.Driver, database: str, k: int = 3) -> list[str]:
    programmes, _, _ = driver.execute_query(cypher.EXAMPLE_PROGRAMMES, k=k, database_=database)
    posts, _, _ = driver.execute_query(cypher.EXAMPLE_POSTS, k=k, database_=database)
    questions = [f"{r['name']} 예산은 얼마야?" for r in programmes]
    questions += [f"{r['org']} {josa(r['post'], '은', '는')} 누구야?" for r in posts]
    return questions or FALLBACK
