"""The benchmarks live in bench/ at the top of the repository, beside the installed packages."""

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.append(ROOT)  # appended: the installed policykg still comes first
