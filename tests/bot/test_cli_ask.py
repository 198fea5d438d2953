"""`policykg ask` (text, --json, --json - for many) and `policykg eval`, through the CLI runner."""

from __future__ import annotations

import json

import neo4j
from click.testing import CliRunner

from policykg.cli import main
from policykg.graph.server import ManagedNeo4j
from tests.conftest import SHARED

KEYS = {"question", "answer", "abstained", "citations", "facts", "cypher"}
CITATION_KEYS = {"n", "source_id", "title", "publisher", "published", "url", "quote", "start", "end"}


def _run(args: list[str], server: ManagedNeo4j, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, input=stdin, env={"POLICYKG_HOME": str(server.home)})
    return result.exit_code, result.stdout, result.stderr


def test_ask_prints_answer_then_numbered_citations(seeded: neo4j.Driver, managed_neo4j: ManagedNeo4j) -> None:
    code, out, _ = _run(["ask", "KOSA 회장은 누구인가?"], managed_neo4j)
    lines = out.splitlines()
    assert code == 0 and lines[0] == "조준희입니다. [1]"
    assert any(line.startswith("[1] ") and "이데일리" in line and "2026-01-29" in line for line in lines)
    assert any(line.strip().startswith("“") and "조준희" in line for line in lines)


def test_ask_json_has_the_documented_shape(seeded: neo4j.Driver, managed_neo4j: ManagedNeo4j) -> None:
    code, out, _ = _run(["ask", "--json", "국가AI컴퓨팅센터 SPC에 출자되는 총 금액은?"], managed_neo4j)
    answer = json.loads(out)
    assert code == 0 and set(answer) == KEYS
    assert answer["answer"].splitlines()[0].startswith("4000억 원 (400,000,000,000원)입니다.")
    assert (
        set(answer["citations"][0]) == CITATION_KEYS and answer["citations"][0]["source_id"] == "004_53fb900db9c2816c"
    )
    assert answer["abstained"] is False and answer["facts"] and answer["cypher"]


def test_ask_json_reads_one_question_per_line(seeded: neo4j.Driver, managed_neo4j: ManagedNeo4j) -> None:
    stdin = "NC AI의 최고기술책임자는 누구야?\n\n국가AI컴퓨팅센터 구축 사업자로 최종 선정된 기업은 어디야?\n"
    code, out, _ = _run(["ask", "--json", "-"], managed_neo4j, stdin)
    answers = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(answers) == 2
    assert answers[0]["answer"].startswith("김민재") and answers[1]["abstained"] is True


def test_eval_reports_accuracy_citations_abstention_and_latency(
    seeded: neo4j.Driver, managed_neo4j: ManagedNeo4j
) -> None:
    code, out, _ = _run(["eval", str(SHARED / "eval" / "dev_qa.jsonl")], managed_neo4j)
    assert code == 0
    assert "accuracy: 17/17 (100%)" in out and "citation correctness: 17/17" in out
    assert "abstention correctness: 1/1" in out and "p95" in out
