"""The real saved news pages of `bench/html/pages.jsonl`: the manifest, and copying the pages out of local git
copies of their public repositories into `bench/html/pages/` (git-ignored: the pages are third-party text).

    uv run python -m bench.html_pages MIRRORS   # MIRRORS holds one git copy per repository, named owner+name

Each manifest line names the repository, the path and the commit of one page, and the gold written for this
project: short fragments that locate the first and last body sentence, the number of body paragraphs, a few
sub-headings, and fragments of page furniture that must never reach the body.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent / "html"
MANIFEST = HERE / "pages.jsonl"
PAGES = HERE / "pages"


@dataclass(frozen=True)
class GoldPage:
    id: str
    publisher: str
    layout: str
    repo: str
    path: str
    commit: str
    url: str | None
    expect: str  # body | refused
    portal: str | None = None
    body_starts: str = ""
    body_ends: str = ""
    paragraphs: int = 0
    subheadings: list[str] = field(default_factory=list)
    junk: list[str] = field(default_factory=list)
    note: str = ""

    @property
    def file(self) -> Path:
        return PAGES / f"{self.id}.html"


def load_manifest(path: Path = MANIFEST) -> list[GoldPage]:
    return [GoldPage(**json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _git_dir(mirrors: Path, repo: str) -> Path:
    root = mirrors / repo.replace("/", "+") / "repo"
    return root / ".git" if (root / ".git").is_dir() else root


def copy_page(page: GoldPage, mirrors: Path) -> bool:
    """Write the page from its repository's git copy at the manifest's commit (gunzipped); False if absent."""
    shown = subprocess.run(
        ["git", "--git-dir", str(_git_dir(mirrors, page.repo)), "show", f"{page.commit}:{page.path}"],
        capture_output=True,
        check=False,
    )
    if shown.returncode:
        return False
    data = gzip.decompress(shown.stdout) if page.path.endswith(".gz") else shown.stdout
    PAGES.mkdir(parents=True, exist_ok=True)
    page.file.write_bytes(data)
    return True


def main(mirrors: Path) -> None:
    for page in load_manifest():
        found = copy_page(page, mirrors)
        print(f"{'copied ' if found else 'missing'} {page.id:18} {page.repo}@{page.commit[:10]}:{page.path}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/.mirror"))
