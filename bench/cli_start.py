"""Cold-start time of the CLI: wall time of whole `policykg` processes, as a user types them.

    uv run python -m bench.cli_start [--runs 5]

Needs a running Neo4j with articles (e.g. `policykg demo --no-serve`) in POLICYKG_HOME. Each run is a new
process, so imports, Kiwi's model and the embedder load every time; the baseline is a bare interpreter that
imports policykg (what no command can go below)."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "python -c 'import policykg' (baseline)": [sys.executable, "-c", "import policykg"],
    'policykg query "RETURN 1"': [sys.executable, "-m", "policykg", "query", "RETURN 1"],
    "policykg ask (one question)": [sys.executable, "-m", "policykg", "ask", "국가AI컴퓨팅센터 예산은 얼마야?"],
}


def wall_times(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    baseline = None
    for label, command in COMMANDS.items():
        times = wall_times(command, args.runs)
        median = statistics.median(times)
        baseline = baseline or median
        print(f"{label:42} median {median:5.2f} s  max {max(times):5.2f} s  ({median / baseline:4.1f}× baseline)")


if __name__ == "__main__":
    main()
