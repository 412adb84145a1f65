"""The Word templates are current, and LibreOffice opens every rendered DOCX (under CI it
must be installed: a missing LibreOffice fails there instead of skipping)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docs_helpers import EXAMPLE_FILES, check_form, load_example

from forms_app.documents import registry
from forms_app.documents.context import PROFESSIONAL
from forms_app.documents.render import render

BUILD = registry.DOCX_DIR / "build.py"


def test_word_templates_are_current() -> None:
    done = subprocess.run([sys.executable, str(BUILD), "--check"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("document", [d.name for d in PROFESSIONAL])
def test_every_document_has_its_templates(document) -> None:
    entry = registry.get(document)
    for variant in entry.variants:
        assert entry.docx_path(variant).is_file()
    assert (registry.HTML_DIR / entry.html).is_file()


# (document, variant) pairs whose Word files LibreOffice must open: every professional
# document in both variants. The person's documents are appended here by their owner (one
# list, one LibreOffice run for all of them).
LIBREOFFICE_CASES: list[tuple[str, str]] = [
    (d.name, variant) for d in PROFESSIONAL for variant in d.variants]
# The person's leaflet and letters, in all three variants (PERSON-DOCS).
LIBREOFFICE_CASES += [(name, variant)
                      for name in ("rights_leaflet", "discharge_letter", "change_notice")
                      for variant in registry.get(name).variants]


def _soffice() -> str:
    """LibreOffice, or a skip on a workstation without it; under CI (the CI variable set)
    its absence is a failure, so CI can never pass by skipping the check silently."""
    found = shutil.which("soffice")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("CI is set but LibreOffice (soffice) is not installed: the Word files "
                    "cannot be checked (install libreoffice-writer-nogui)")
    pytest.skip("LibreOffice not installed")


def _sources(folder: Path) -> dict[tuple[str, str], list[Path]]:
    """Every case rendered to DOCX from each example whose kind yields its document."""
    sources: dict[tuple[str, str], list[Path]] = {case: [] for case in LIBREOFFICE_CASES}
    for path in EXAMPLE_FILES:
        raw = load_example(path.name)
        result = check_form(raw)
        for document, variant in LIBREOFFICE_CASES:
            if document in registry.documents_for_kind(raw["kind"]):
                target = folder / f"{path.stem}.{document}.{variant}.docx"
                target.write_bytes(render(document, result, "docx", variant))
                sources[(document, variant)].append(target)
    return sources


@pytest.fixture(scope="module")
def libreoffice_pdfs(tmp_path_factory) -> dict[tuple[str, str], list[Path]]:
    """One LibreOffice run converts every case (starting it costs more than converting)."""
    soffice = _soffice()
    folder = tmp_path_factory.mktemp("libreoffice")
    sources = _sources(folder)
    out, profile = folder / "pdf", (folder / "lo-profile").as_uri()
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *(str(p) for paths in sources.values() for p in paths)],
        capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    return {case: [out / f"{p.stem}.pdf" for p in paths] for case, paths in sources.items()}


@pytest.mark.slow
@pytest.mark.parametrize(("document", "variant"), LIBREOFFICE_CASES)
def test_libreoffice_converts_the_docx(libreoffice_pdfs, document, variant) -> None:
    converted = libreoffice_pdfs[(document, variant)]
    assert converted, f"no example yields {document}"
    for pdf in converted:
        assert pdf.is_file(), pdf.name
        assert pdf.stat().st_size > 5000
        assert pdf.read_bytes().startswith(b"%PDF")


def test_libreoffice_missing_under_ci_fails_not_skips(monkeypatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        _soffice()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        _soffice()
