"""Seconds to ingest oversized files: `uv run python -m bench.ingest_limits [SIZE_KB ...]`.

Writes generated articles of Korean amount sentences (one per paragraph, or all on one line, the shape an
attacker used) into a temporary folder and prints, for each, the time `ingest_file` takes with SHACL and
its report line: within the budgets it is ingested, past one it is refused with the reason, promptly. CPU
seconds are printed beside wall seconds because the wall clock on a shared machine measures the neighbours.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from policykg.ingest.pipeline import ingest_file
from policykg.korean.sentences import kiwi
from policykg.ontology.schema import ontology, shapes

PAYERS = ("과학기술정보통신부", "중소벤처기업부", "행정안전부", "교육부", "보건복지부")
REGIONS = ("서울", "부산", "대구", "광주", "대전", "울산", "세종", "강원")


def amount_sentence(i: int) -> str:
    """A distinct funding sentence for every i, so every one is a fact of its own."""
    return (
        f"{PAYERS[i % len(PAYERS)]}는 {2020 + i % 7}년 {REGIONS[i % len(REGIONS)]} 인공지능 거점 {i}호 사업에 "
        f"{i % 9000 + 10}억 {i % 9 + 1}000만 원을 투입한다고 밝혔다."
    )


def amounts_article(size: int, one_line: bool = False) -> str:
    """About `size` bytes of UTF-8: a title, then amount sentences as paragraphs or on one line."""
    sentences: list[str] = []
    total = 0
    while total < size:
        sentences.append(amount_sentence(len(sentences)))
        total += len(sentences[-1].encode()) + 1
    return "인공지능 거점 사업 예산 현황\n\n" + (" " if one_line else "\n\n").join(sentences) + "\n"


def main(*sizes_kb: int) -> None:
    kiwi(), ontology(), shapes()  # one-off start-up costs, not the file's
    with tempfile.TemporaryDirectory(prefix="policykg-limits-") as folder:
        for size_kb in sizes_kb or (100, 1000, 10_000):
            for one_line in (False, True):
                path = Path(folder) / f"amounts-{size_kb}kb-{'one-line' if one_line else 'paragraphs'}.txt"
                path.write_text(amounts_article(size_kb * 1000, one_line), encoding="utf-8")
                start, cpu = time.perf_counter(), time.process_time()
                report = ingest_file(path).report
                wall, cpu = time.perf_counter() - start, time.process_time() - cpu
                print(f"{wall:7.1f} s ({cpu:6.1f} s CPU)  {path.name:32} {report.line()[:100]}", flush=True)


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
