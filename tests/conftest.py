"""Shared fixtures: the ../shared corpora (skipped with a reason when absent), the CLI runner, golden files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from slant.cli import main

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SLANT_SHARED", ROOT.parent / "shared"))
CORPORA = SHARED / "corpora"
DATA = Path(__file__).resolve().parent / "data"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files instead of comparing")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def corpora() -> Path:
    if not CORPORA.is_dir():
        pytest.skip(f"../shared/corpora is absent ({CORPORA}): corpus tests need the shared training data")
    return CORPORA


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):
    """Run the CLI in-process: ``run("score", "--task", "si", ...)`` -> CliResult."""

    def _run(*args: str | Path) -> CliResult:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return _run
