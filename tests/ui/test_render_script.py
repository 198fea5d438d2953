"""The graph drawings embed vis-network from the installed pyvis, whatever version folder it ships."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.errors import EnvironmentProblem
from policykg.ui import render


def test_installed_pyvis_provides_the_vis_network_script() -> None:
    script = render._vis_network_js()
    assert len(script) > 100_000 and "vis-network" in script[:500] and "@license" in script[:1000]


def test_the_newest_vis_network_folder_is_picked_by_version_number(tmp_path: Path) -> None:
    for name, script in (("vis-9.0.4", "old"), ("vis-9.10.0", "newest"), ("vis-9.2.0", "middle"), ("vis-10.0.0", None)):
        (tmp_path / name).mkdir()
        if script:
            (tmp_path / name / "vis-network.min.js").write_text(script)
    (tmp_path / "tom-select").mkdir()
    assert render.find_vis_network(tmp_path).read_text() == "newest"  # 9.10 after 9.2; 10.0.0 has no script


def test_missing_vis_network_is_a_clear_environment_error(tmp_path: Path) -> None:
    (tmp_path / "tom-select").mkdir()
    with pytest.raises(EnvironmentProblem, match=r"no vis-network script.*pyvis package is incomplete"):
        render.find_vis_network(tmp_path)
    with pytest.raises(EnvironmentProblem, match="no vis-network script"):
        render.find_vis_network(tmp_path / "no-lib-folder")
