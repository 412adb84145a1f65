"""Hostile or random input never escapes as a traceback: every run ends 0, 1 or 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms_app.cli import main
from forms_app.contract.check import check_form
from forms_app.policy.packs import UnknownPack
from tests.examples import example_names, load_example

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


def _pointers(node: Any, path: tuple = ()) -> list[tuple]:
    """Every place in a form: objects, lists and leaves."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _pointers(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _pointers(value, (*path, index))
    return found


def _replace(form: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    node = form
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return form


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), name=st.sampled_from(example_names()), value=_json)
def test_random_values_anywhere_give_findings_not_exceptions(data, name: str, value) -> None:
    form = load_example(name)
    path = data.draw(st.sampled_from(_pointers(form)))
    try:
        result = check_form(_replace(form, path, value))
    except UnknownPack:  # a text policy naming no pack: exit 2 by design (contract.md)
        assert path == ("policy",)
        return
    json.dumps(result.as_json(), ensure_ascii=False, allow_nan=False).encode("utf-8")


@settings(max_examples=60, deadline=None)
@given(content=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_random_bytes_through_the_command(tmp_path_factory, content: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / "input.json"
    path.write_bytes(content)
    assert main(["validate", str(path)]) in (0, 1, 2)


def test_surrogates_and_controls_in_keys_and_values(tmp_path: Path, capsys) -> None:
    form = load_example("aftercare_plan")
    form["person"]["given_name"] = "\ud800"
    form["\x00\u2028"] = "\x1b[31m"
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(form), encoding="ascii")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert json.loads(out)["valid"] is False
