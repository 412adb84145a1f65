"""``s117 render`` and ``s117 verify`` as contract.md describes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docs_helpers import EXAMPLES, docx_text, load_example, pdf_text

from forms_app.cli import main


@pytest.fixture(autouse=True)
def instance(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("S117_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.delenv("S117_SIGNING_KEY", raising=False)
    monkeypatch.delenv("S117_SIGNING_CERT", raising=False)
    return tmp_path / "instance"


def _run(capsys, *argv: str) -> tuple[int, dict | None, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else None, err


def test_render_complete_form_signs_pdf_and_verify_reports_it(tmp_path, capsys) -> None:
    out = tmp_path / "plan.pdf"
    code, report, _ = _run(capsys, "render", str(EXAMPLES / "funding_agreement.json"),
                           "-o", str(out))
    assert code == 0
    assert report["signed"]
    assert not report["draft"]
    assert report["document"] == "funding_agreement"
    code, verified, _ = _run(capsys, "verify", str(out))
    assert code == 0
    assert verified["valid"]
    assert verified["fingerprint"] == report["fingerprint"]
    assert any("Tom Reed" in s for s in verified["signatories"])


def test_verify_fails_when_one_byte_changed(tmp_path, capsys) -> None:
    out = tmp_path / "agreement.pdf"
    _run(capsys, "render", str(EXAMPLES / "funding_agreement.json"), "-o", str(out))
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x01
    out.write_bytes(bytes(data))
    code, verified, err = _run(capsys, "verify", str(out))
    assert code == 1
    assert not verified["valid"]
    assert "changed" in err
    assert err.startswith("s117 verify: Signature invalid")
    # What a changed file claims about itself is not reported as if it were checked.
    assert "fingerprint" not in verified
    assert "signatories" not in verified
    assert verified["unverified"]["fingerprint"]


def test_verify_damaged_signature_says_so_in_plain_words(tmp_path, capsys) -> None:
    out = tmp_path / "agreement.pdf"
    _run(capsys, "render", str(EXAMPLES / "funding_agreement.json"), "-o", str(out))
    data = bytearray(out.read_bytes())
    start = data.rindex(b"/Contents <") + len(b"/Contents <") + 2
    data[start:start + 2] = b"00"  # the CMS structure no longer parses
    out.write_bytes(bytes(data))
    code, verified, err = _run(capsys, "verify", str(out))
    assert code == 1
    assert verified["status"] == "signature_invalid"
    assert verified["signed"] is True
    assert err.strip() == ("s117 verify: Signature invalid: the signature is damaged or does "
                           "not match the file, so the file may have been changed after it "
                           "was signed. Do not rely on this copy.")
    assert "asn1" not in json.dumps(verified).lower()
    assert "fingerprint" not in verified


def test_disch_01_render_draft_when_health_signature_missing(tmp_path, capsys) -> None:
    raw = load_example("discharge_decision.json")
    raw["signatures"] = raw["signatures"][:1]
    form = tmp_path / "form.json"
    form.write_text(json.dumps(raw))
    out = tmp_path / "decision.docx"
    code, report, _ = _run(capsys, "render", str(form), "-o", str(out))
    assert code == 0
    assert report["draft"]
    assert not report["signed"]
    assert "DRAFT — not signed off" in docx_text(out.read_bytes())


def test_render_named_document_and_variant(tmp_path, capsys) -> None:
    out = tmp_path / "plan.pdf"
    code, report, _ = _run(capsys, "render", str(EXAMPLES / "aftercare_plan.json"), "-o",
                           str(out), "--document", "aftercare_plan", "--variant", "large_print")
    assert code == 0
    assert report["variant"] == "large_print"
    assert "Alex Morgan" in pdf_text(out.read_bytes())


@pytest.mark.parametrize("argv", [
    ["--document", "funding_agreement"],  # not a document this kind yields
    ["--document", "no_such_document"],
])
def test_render_refuses_wrong_document_and_leaves_no_file(tmp_path, capsys, argv) -> None:
    out = tmp_path / "x.pdf"
    code, _, err = _run(capsys, "render", str(EXAMPLES / "aftercare_plan.json"), "-o",
                        str(out), *argv)
    assert code == 2
    assert err.startswith("s117:")
    assert list(tmp_path.iterdir()) == []


def test_render_failure_leaves_no_output_and_no_temp_file(tmp_path, capsys, monkeypatch) -> None:
    from forms_app.documents import render as render_module

    def broken(*args, **kwargs):
        raise RuntimeError("renderer broke")

    monkeypatch.setattr(render_module, "render", broken)
    monkeypatch.setattr(render_module, "render_signed", broken)
    out = tmp_path / "out" / "plan.html"
    out.parent.mkdir()
    code, _, err = _run(capsys, "render", str(EXAMPLES / "aftercare_plan.json"), "-o", str(out))
    assert code == 2
    assert "renderer broke" in err
    assert list(out.parent.iterdir()) == []


def test_render_bad_suffix_and_bad_json_exit_2(tmp_path, capsys) -> None:
    code, _, _ = _run(capsys, "render", str(EXAMPLES / "aftercare_plan.json"), "-o",
                      str(tmp_path / "x.txt"))
    assert code == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    code, _, _ = _run(capsys, "render", str(bad), "-o", str(tmp_path / "x.pdf"))
    assert code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


def test_verify_missing_file_exit_2(tmp_path, capsys) -> None:
    code, _, err = _run(capsys, "verify", str(tmp_path / "none.pdf"))
    assert code == 2
    assert err.startswith("s117:")
