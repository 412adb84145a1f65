"""The form contract: marshmallow schemas per kind and the check pipeline.

JSON in, validated data out (dates as ``datetime.date``, money as int pence), then the
policy engine; the web forms, the JSON API and the ``s117`` command all go through here.

Public entry points:
- ``schemas.KINDS``, ``schemas.schema_for(kind)``: the single definition of each shape.
- ``check.check_form(raw, policy=None, *, today=None) -> CheckResult``; ``check.to_json``.
- ``json_schema``: JSON Schema per kind for ``schemas/`` (``s117 schemas``) and
  ``configure_plugin`` for any apispec document built from these schemas.
- ``jsonio.read_json_file`` / ``parse_json``: strict JSON reading (``InputError``).
"""
