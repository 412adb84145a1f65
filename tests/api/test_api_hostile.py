"""Whatever JSON arrives, the API answers 2xx, 4xx with named fields, never a 500."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.examples import load_example

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=8,
)
PATHS = st.sampled_from([
    ("kind",), ("person",), ("person", "date_of_birth"), ("services",),
    ("services", 0, "weekly_cost_pence"), ("split",), ("agreed_on",), ("basis",), ("extra",),
])


def _put(body: dict, path: tuple, value: object) -> dict:
    node = body
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return body


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=PATHS, value=JSON)
def test_a_mangled_form_gets_422_naming_a_field_or_is_accepted(client, worcs, bearer, path,
                                                               value):
    headers = bearer(worcs.council_commissioner)
    body = _put(load_example("funding_agreement"), path, value)
    checked = client.post("/api/v1/validate", json=body, headers=headers)
    assert checked.status_code in (200, 422)
    created = client.post(f"/api/v1/cases/{worcs.case.id}/forms", json=body, headers=headers)
    assert created.status_code in (201, 403, 409, 422), created.json
    if created.status_code == 422:
        assert created.json["errors"]["json"]
