"""Which layout the person's documents come in (Accessible Information Standard, CHG-05):
the recorded format by default, an explicit --variant as asked (with a warning), braille,
audio and BSL video as a printed stand-in with a note; the command reports what it made."""

from __future__ import annotations

import io
import json

import pdfplumber
import pytest
from docs_helpers import pdf_text
from docx import Document
from test_person_support import checked, example, with_format

from forms_app.cli import main
from forms_app.documents import registry
from forms_app.documents.render import context, render

DOCUMENTS = [("rights_leaflet", "aftercare_plan"), ("change_notice", "change_notice"),
             ("discharge_letter", "discharge_decision")]
RECORDED = [("easy_read", "easy_read"), ("large_print", "large_print"),
            ("standard", "standard"), ("braille", "large_print"), ("audio", "large_print"),
            ("bsl_video", "standard")]


@pytest.fixture(autouse=True)
def instance(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("S117_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.delenv("S117_SIGNING_KEY", raising=False)
    monkeypatch.delenv("S117_SIGNING_CERT", raising=False)


@pytest.mark.parametrize(("fmt", "layout"), RECORDED)
@pytest.mark.parametrize(("document", "kind"), DOCUMENTS)
def test_the_default_is_the_persons_recorded_format(document, kind, fmt, layout) -> None:
    result = checked(with_format(example(kind), fmt))
    doc = context(document, result)
    assert (doc["layout"], doc["variant"]) == (layout, layout)
    html = render(document, result, "html").decode()
    assert f'class="person {layout.replace("_", "-")}' in html


@pytest.mark.parametrize("variant", ["easy_read", "large_print", "standard"])
@pytest.mark.parametrize(("document", "kind"), DOCUMENTS)
def test_an_explicit_variant_is_produced_as_asked(document, kind, variant) -> None:
    result = checked(with_format(example(kind), "easy_read"))
    assert context(document, result, variant)["layout"] == variant
    html = render(document, result, "html", variant).decode()
    assert f'class="person {variant.replace("_", "-")}' in html


@pytest.mark.parametrize(("fmt", "words"), [
    ("braille", "in braille"), ("audio", "as audio"), ("bsl_video", "in British Sign Language")])
@pytest.mark.parametrize(("document", "kind"), DOCUMENTS)
def test_chg_05_formats_we_cannot_print_get_a_visible_note(document, kind, fmt, words) -> None:
    result = checked(with_format(example(kind), fmt))
    pdf = pdf_text(render(document, result, "pdf"))
    assert f"You asked for information {words}." in pdf
    assert "We are getting" in pdf


def test_choose_variant_explains_itself() -> None:
    braille = with_format(example("change_notice"), "braille")
    choice = registry.choose_variant("change_notice", "change_notice", braille)
    assert (choice.variant, choice.recorded) == ("large_print", "braille")
    assert "Arrange the braille version" in choice.warnings[0]
    easy = example("change_notice")
    assert registry.choose_variant("change_notice", "change_notice", easy).warnings == ()
    asked = registry.choose_variant("change_notice", "change_notice", easy, "standard")
    assert asked.variant == "standard"
    assert "recorded format is easy read" in asked.warnings[0]
    professional = registry.choose_variant("aftercare_plan", "aftercare_plan", easy)
    assert (professional.variant, professional.recorded) == ("standard", None)


def _min_pt(pdf: bytes) -> float:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return min(round(c["size"], 1) for page in document.pages for c in page.chars
                   if c["text"].strip() and c["size"] < 60)


@pytest.mark.parametrize(("fmt", "smallest"), [("easy_read", 16), ("large_print", 18)])
@pytest.mark.parametrize(("document", "kind"), DOCUMENTS[1:])
def test_chg_05_letter_pdf_type_size_follows_the_format(document, kind, fmt, smallest) -> None:
    pdf = render(document, checked(with_format(example(kind), fmt)), "pdf")
    assert _min_pt(pdf) >= smallest


@pytest.mark.parametrize(("document", "kind"), DOCUMENTS[1:])
def test_chg_05_word_letter_uses_the_variant_produced(document, kind) -> None:
    result = checked(example(kind))  # recorded: easy read
    easy = Document(io.BytesIO(render(document, result, "docx")))
    assert easy.inline_shapes, "easy read Word letter has pictures"
    assert all(s._inline.docPr.get("descr") for s in easy.inline_shapes)
    plain = Document(io.BytesIO(render(document, result, "docx", "standard")))
    assert len(plain.inline_shapes) < len(easy.inline_shapes)
    assert plain.styles["Normal"].font.size.pt == 12
    assert easy.styles["Normal"].font.size.pt == 16


# The command

def _render(capsys, tmp_path, raw: dict, out: str, *extra: str) -> tuple[dict, str, bytes]:
    form = tmp_path / "form.json"
    form.write_text(json.dumps(raw))
    target = tmp_path / out
    assert main(["render", str(form), "-o", str(target), *extra]) == 0
    stdout, stderr = capsys.readouterr()
    return json.loads(stdout), stderr, target.read_bytes()


@pytest.mark.parametrize(("document", "kind"), DOCUMENTS)
def test_command_defaults_to_the_recorded_format_and_says_so(capsys, tmp_path, document,
                                                            kind) -> None:
    report, stderr, html = _render(capsys, tmp_path, example(kind), "out.html",
                                   "--document", document)
    assert (report["variant"], report["recorded_format"]) == ("easy_read", "easy_read")
    assert report["warnings"] == []
    assert stderr == ""
    assert b'class="person easy-read' in html


@pytest.mark.parametrize(("document", "kind"), DOCUMENTS)
def test_command_reports_the_variant_it_made_and_warns_when_not_recorded(capsys, tmp_path,
                                                                        document, kind) -> None:
    report, stderr, html = _render(capsys, tmp_path, example(kind), "out.html",
                                   "--document", document, "--variant", "large_print")
    assert (report["variant"], report["recorded_format"]) == ("large_print", "easy_read")
    assert b'class="person large-print' in html
    assert "recorded format is easy read" in report["warnings"][0]
    assert "recorded format is easy read" in stderr


def test_command_says_a_braille_copy_must_be_arranged(capsys, tmp_path) -> None:
    raw = with_format(example("discharge_decision"), "braille")
    report, stderr, pdf = _render(capsys, tmp_path, raw, "out.pdf", "--document",
                                  "discharge_letter")
    assert (report["variant"], report["recorded_format"]) == ("large_print", "braille")
    assert "Arrange the braille version" in report["warnings"][0]
    assert "braille" in stderr
    assert "You asked for information in braille." in pdf_text(pdf)
    assert _min_pt(pdf) >= 18


def test_professional_documents_still_default_to_standard(capsys, tmp_path) -> None:
    report, _stderr, _data = _render(capsys, tmp_path, example("aftercare_plan"), "out.html")
    assert report["document"] == "aftercare_plan"
    assert (report["variant"], report["recorded_format"]) == ("standard", None)
