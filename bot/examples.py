"""Example questions for the UI, phrased from what the loaded graph holds, so they fit any corpus."""

from __future__ import annotations

import neo4j

from policykg.graph import cypher

FALLBACK = ["과기정통부 장관은 누구야?", "인공지능 기본법은 언제 시행돼?"]


def topic_particle(word: str) -> str:
    """은 after a final consonant, 는 after a vowel (Hangul syllables); 은 for anything else."""
    last = word[-1:] if word else ""
    if "가" <= last <= "힣":
        return "은" if (ord(last) - 0xAC00) % 28 else "는"
    return "은"


def example_questions(driver: neo4j.Driver, database: str, k: int = 3) -> list[str]:
    programmes, _, _ = driver.execute_query(cypher.EXAMPLE_PROGRAMMES, k=k, database_=database)
    posts, _, _ = driver.execute_query(cypher.EXAMPLE_POSTS, k=k, database_=database)
    questions = [f"{r['name']} 예산은 얼마야?" for r in programmes]
    questions += [f"{r['org']} {r['post']}{topic_particle(r['post'])} 누구야?" for r in posts]
    return questions or FALLBACK
