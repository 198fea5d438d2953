"""Whatever a user types, the bot answers and the output is safe: Lucene syntax and huge questions in `ask`
and the entity search, a batch on stdin with broken lines, formulas in CSV cells, guessed UI passwords."""

from __future__ import annotations

import csv
import io
import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from pathlib import Path

import neo4j
import pytest
from click.testing import CliRunner

from policykg.bot import answer as answer_module
from policykg.bot.answer import MAX_QUESTION_CHARS, USAGE_HINT, Bot
from policykg.bot.followup import Turn
from policykg.cli import main
from policykg.graph import cypher, search
from policykg.graph.query import QueryResult, render
from policykg.graph.server import ManagedNeo4j
from policykg.ui.app import LOGIN_ATTEMPTS, LoginGuard
from policykg.ui.backend import Backend
from tests.ui.conftest import serving

pytestmark = pytest.mark.neo4j

POISON = [
    "과기부 장관 AND",
    "OR 과기부 장관",
    "NOT",
    "과기부 and or not to 장관",
    '과기부 "장관',
    "과기부 (장관",
    "[과기부 TO 장관}",
    "*",
    "과기부~ 장관^2",
    "과기부 && || ! 장관",
    "과기부 장관은 누구야? " * 150,  # 3,600 characters: TooManyClauses before
]
LONG = "과기부 장관은 누구야? " * 8000  # about 100 KB


@pytest.fixture(scope="module")
def bot(seeded: neo4j.Driver) -> Bot:
    return Bot(seeded)


def _run(args: list[str], server: ManagedNeo4j, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, input=stdin, env={"POLICYKG_HOME": str(server.home)})
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("text", ["과기부 장관 AND", "x OR y NOT z", "a to b", '"(*~^', "가" * 5000, "a b " * 500])
def test_lucene_query_lists_plain_terms_only(text: str) -> None:
    for analyzer in search.FULLTEXT_INDEXES:
        terms = search.lucene_query(text, analyzer).split()
        assert len(terms) <= search.MAX_TERMS
        assert not {t.lower() for t in terms} & {"and", "or", "not", "to"}
        assert all(len(t.replace("\\", "")) <= search.MAX_TERM_CHARS for t in terms)


@pytest.mark.parametrize("text", POISON)
def test_fulltext_search_takes_any_text(seeded: neo4j.Driver, text: str) -> None:
    for analyzer in search.FULLTEXT_INDEXES:
        assert isinstance(search.fulltext(seeded, "neo4j", text, analyzer), list)
    assert search.fulltext(seeded, "neo4j", "과기부 장관 AND")  # the words around an operator still find


def test_entity_search_takes_any_text(seeded: neo4j.Driver, tmp_path: Path) -> None:
    backend = Backend(seeded, "neo4j", tmp_path)  # type: ignore[arg-type]
    for text in POISON:
        assert isinstance(backend.search_entities(text), list)
    assert any(h.name == "과학기술정보통신부" for h in backend.search_entities("과학기술정보통신부 AND"))


def test_a_fulltext_query_neo4j_refuses_is_no_hits_with_a_log_line(
    seeded: neo4j.Driver, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="policykg.graph.search"):
        records = search.query_fulltext(seeded, "neo4j", cypher.SEARCH_FULLTEXT, "예산", "cjk", index="missing", k=5)
    assert records == [] and "treated as no hits" in caplog.text


@pytest.mark.parametrize("text", POISON)
def test_poison_questions_are_answered(bot: Bot, text: str) -> None:
    answer = bot.ask(text)
    assert answer.answer and answer.question == text


def test_a_huge_question_is_refused_with_the_limit_before_any_analysis(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(answer_module, "analyse_question", lambda text, _: calls.append(text))
    answer = bot.ask(LONG)
    assert f"{MAX_QUESTION_CHARS}자" in answer.answer and f"{len(LONG.strip()):,}자" in answer.answer
    assert answer.abstained and not answer.citations and calls == []


def test_an_empty_question_gets_the_usage_hint(bot: Bot, managed_neo4j: ManagedNeo4j) -> None:
    assert bot.ask("").answer == bot.ask("  \n ").answer == USAGE_HINT
    code, out, _ = _run(["ask", ""], managed_neo4j)
    assert code == 0 and out.strip() == USAGE_HINT and "예:" in out


def test_a_batch_answers_every_line_despite_poison_and_invalid_utf8(
    seeded: neo4j.Driver, managed_neo4j: ManagedNeo4j
) -> None:
    normal = ["KOSA 회장은 누구인가?", "국가AI컴퓨팅센터 SPC에 출자되는 총 금액은?"]
    lines = [[*POISON, LONG, *normal][i % (len(POISON) + 3)].encode() for i in range(199)]
    lines.insert(100, "과기부 장관은".encode("euc-kr"))  # not UTF-8
    lines[-1] = "KOSA 회장은 누구인가?".encode()
    code, out, _ = _run(["ask", "--json", "-"], managed_neo4j, b"\n".join(lines) + b"\n")
    objects = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(objects) == 200
    assert objects[100] == {"line": 101, "error": "invalid UTF-8"}
    assert all("answer" in o for i, o in enumerate(objects) if i != 100)
    assert objects[-1]["answer"].startswith("조준희입니다.")


def test_a_line_that_crashes_gets_an_error_object_and_the_batch_goes_on(
    seeded: neo4j.Driver, managed_neo4j: ManagedNeo4j, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ask = Bot.ask

    def crashing(self: Bot, text: str, history: Sequence[Turn] = ()) -> object:
        if text == "boom":
            raise RuntimeError("a bug")
        return ask(self, text, history)

    monkeypatch.setattr(Bot, "ask", crashing)
    # the session's server reached through its URI from a home of this test's own, which gets the crash log
    env = {
        "POLICYKG_HOME": str(tmp_path),
        "NEO4J_URI": str(managed_neo4j.uri),
        "NEO4J_PASSWORD": managed_neo4j.password(),
    }
    result = CliRunner().invoke(main, ["ask", "--json", "-"], input="boom\nKOSA 회장은 누구인가?\n", env=env)
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert result.exit_code == 3 and first["line"] == 1 and "internal error (RuntimeError: a bug)" in first["error"]
    assert str(next((tmp_path / "logs").glob("crash-*.log"))) in first["error"]
    assert second["answer"].startswith("조준희입니다.")


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised_numbers_are_not(tmp_path: Path) -> None:
    values = ["=1+1", "+SUM(A1)", "-cmd", "@x", "\tx", "\rx", "x\r=1+1", "a=b", -5, 3.5, "-5", None]
    result = QueryResult(columns=["=alias", *(f"c{i}" for i in range(1, len(values)))], rows=[values], truncated=False)
    header, row = csv.reader(io.StringIO(render(result, "csv"), newline=""))
    assert header[0] == "'=alias"
    assert row == ["'=1+1", "'+SUM(A1)", "'-cmd", "'@x", "'\tx", "'\rx", "x\r=1+1", "a=b", "-5", "3.5", "'-5", ""]
    backend = Backend(None, "neo4j", tmp_path)  # type: ignore[arg-type]  # writing a CSV needs no Neo4j
    data = backend.csv_file(result).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf'=alias,") and b"'=1+1" in data


def test_login_guard_refuses_after_five_failures_until_the_window_passes() -> None:
    now = [0.0]
    guard = LoginGuard("analyst", "s3cret-pw", window=60, clock=lambda: now[0])
    assert guard("analyst", "s3cret-pw")
    for _ in range(LOGIN_ATTEMPTS):
        assert not guard("analyst", "wrong")
    assert not guard("analyst", "s3cret-pw")
    now[0] = 59.9
    assert not guard("analyst", "s3cret-pw")
    now[0] = 60.0
    assert guard("analyst", "s3cret-pw")


def _login(url: str, password: str) -> int:
    form = urllib.parse.urlencode({"username": "analyst", "password": password}).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url + "login", data=form), timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_the_ui_refuses_logins_after_five_wrong_passwords(seeded: neo4j.Driver, managed_neo4j: ManagedNeo4j) -> None:
    window = 5.0
    with serving(
        managed_neo4j.home,
        POLICYKG_UI_USERNAME="analyst",
        POLICYKG_UI_PASSWORD="s3cret-pw",
        POLICYKG_UI_LOGIN_WINDOW=str(window),
    ) as url:
        assert _login(url, "s3cret-pw") == 200
        assert [_login(url, f"guess-{i}") for i in range(LOGIN_ATTEMPTS)] == [400] * LOGIN_ATTEMPTS
        locked_at = time.monotonic()
        assert _login(url, "s3cret-pw") == 400, "the right password is refused while locked"
        time.sleep(max(0.0, locked_at + window + 0.5 - time.monotonic()))
        assert _login(url, "s3cret-pw") == 200
