"""`policykg ask` (text, --json, --json - for many) and `policykg eval`, through the CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import neo4j
from click.testing import CliRunner

from policykg.cli import main
from policykg.graph.server import ManagedNeo4j
from tests.bot.test_answers import OWN, SAMPLE_IDS

KEYS = {"question", "answer", "abstained", "citations", "facts", "cypher", "resolved", "entities"}
CITATION_KEYS = {"n", "source_id", "title", "publisher", "published", "url", "quote", "start", "end"}


def _run(args: list[str], server: ManagedNeo4j, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, input=stdin, env={"POLICYKG_HOME": str(server.home)})
    return result.exit_code, result.stdout, result.stderr


def test_ask_prints_answer_then_numbered_citations(loaded: neo4j.Driver, managed_neo4j: ManagedNeo4j) -> None:
    code, out, _ = _run(["ask", "정보통신산업진흥원 원장은 누구야?"], managed_neo4j)
    lines = out.splitlines()
    assert code == 0 and lines[0] == "윤서진입니다. [1]"
    assert any(line.startswith("[1] ") and "가상지역일보" in line and "2026-03-05" in line for line in lines)
    assert any(line.strip().startswith("“") and "윤서진" in line for line in lines)


def test_ask_json_has_the_documented_shape(loaded: neo4j.Driver, managed_neo4j: ManagedNeo4j) -> None:
    code, out, _ = _run(["ask", "--json", "광주 인공지능 집적단지 2단계 사업의 총 사업비는?"], managed_neo4j)
    answer = json.loads(out)
    assert code == 0 and set(answer) == KEYS
    assert answer["answer"].splitlines()[0].startswith("6000억 원 (600,000,000,000원)입니다.")
    assert set(answer["citations"][0]) == CITATION_KEYS and answer["citations"][0]["source_id"] == "regional_ai_cluster"
    assert answer["abstained"] is False and answer["facts"] and answer["cypher"]


def test_ask_json_reads_one_question_per_line(loaded: neo4j.Driver, managed_neo4j: ManagedNeo4j) -> None:
    stdin = "AI안전연구소 소장은 누구야?\n\n삼성전자 대표는 누구야?\n"
    code, out, _ = _run(["ask", "--json", "-"], managed_neo4j, stdin)
    answers = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(answers) == 2
    assert answers[0]["answer"].startswith("정세린") and answers[1]["abstained"] is True


def test_ask_follow_up_reads_the_lines_as_one_conversation(loaded: neo4j.Driver, managed_neo4j: ManagedNeo4j) -> None:
    stdin = "AI안전연구소 소장은 누구야?\n거기 올해 예산은 얼마야?\n"
    code, out, _ = _run(["ask", "--follow-up", "--json", "-"], managed_neo4j, stdin)
    answers = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and answers[0]["resolved"] is None
    assert (
        answers[1]["resolved"] == "AI안전연구소 올해 예산은 얼마야?" and "150억" in answers[1]["answer"].splitlines()[0]
    )
    code, out, _ = _run(["ask", "--follow-up", "-"], managed_neo4j, stdin)  # text: the reading comes first
    assert code == 0 and "(질문을 이렇게 읽었습니다: AI안전연구소 올해 예산은 얼마야?)\n약 150억" in out


def test_without_follow_up_every_line_stands_alone(loaded: neo4j.Driver, managed_neo4j: ManagedNeo4j) -> None:
    stdin = "AI안전연구소 소장은 누구야?\n거기 올해 예산은 얼마야?\n"
    code, out, _ = _run(["ask", "--json", "-"], managed_neo4j, stdin)
    assert code == 0 and all(json.loads(line)["resolved"] is None for line in out.splitlines())
    code, _, err = _run(["ask", "--follow-up", "거기 올해 예산은 얼마야?"], managed_neo4j)
    assert code == 1 and "--follow-up needs QUESTION '-'" in err


def test_eval_reports_accuracy_citations_abstention_and_latency(
    loaded: neo4j.Driver, managed_neo4j: ManagedNeo4j, tmp_path: Path
) -> None:
    # The own questions about the samples and the abstentions: all decided by the samples alone.
    golds = [
        g for g in map(json.loads, OWN.read_text(encoding="utf-8").splitlines()) if set(g["sources"]) <= SAMPLE_IDS
    ]
    (tmp_path / "qa.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in golds), "utf-8")
    code, out, _ = _run(["eval", str(tmp_path / "qa.jsonl")], managed_neo4j)
    n, abstain = len(golds), sum(bool(g.get("abstain")) for g in golds)
    assert code == 0 and n >= 10 and abstain >= 4
    assert f"accuracy: {n}/{n} (100%)" in out and f"citation correctness: {n}/{n}" in out
    assert f"abstention correctness: {abstain}/{abstain}" in out and "p95" in out
