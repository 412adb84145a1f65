"""The installed console script and ``python -m forms_app.cli`` behave as in-process."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.examples import example_path

VENV_SCRIPT = Path(sys.executable).with_name("s117")


def _command() -> list[str]:
    script = shutil.which("s117") or (str(VENV_SCRIPT) if VENV_SCRIPT.exists() else None)
    return [script] if script else [sys.executable, "-m", "forms_app.cli"]


def _run(*argv: str, module: bool = False) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "forms_app.cli"] if module else _command()
    return subprocess.run([*command, *argv], capture_output=True, timeout=60, check=False)


def test_console_script_schema_error_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    form = json.loads(example_path("change_notice").read_text("utf-8"))
    form["issued_on"] = "2027-02-29"
    path.write_text(json.dumps(form), encoding="utf-8")
    done = _run("validate", str(path))
    assert done.returncode == 1
    document = json.loads(done.stdout.decode("utf-8"))
    assert document["findings"][0]["field"] == "/issued_on"


@pytest.mark.parametrize("module", [False, True])
def test_not_json_exit_2_one_line_no_traceback(tmp_path: Path, module: bool) -> None:
    path = tmp_path / "f.json"
    path.write_bytes(b"\x00\x01 not json")
    done = _run("validate", str(path), module=module)
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.count(b"\n") == 1
    assert b"Traceback" not in done.stderr


def test_console_script_validates_an_example() -> None:
    done = _run("validate", str(example_path("discharge_decision")))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["valid"] is True


def test_dash_reads_the_form_from_stdin() -> None:
    command = _command()
    done = subprocess.run(
        [*command, "validate", "-"],
        input=example_path("leave_funding_agreement").read_bytes(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["kind"] == "leave_funding_agreement"
