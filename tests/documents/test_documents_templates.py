"""The Word templates are current, and LibreOffice opens every rendered DOCX."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docs_helpers import EXAMPLE_FILES, load_example

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


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_converts_every_docx(tmp_path, check) -> None:
    ours = {d.name for d in PROFESSIONAL}
    sources = []
    for path in EXAMPLE_FILES:
        raw = load_example(path.name)
        for document in registry.documents_for_kind(raw["kind"]):
            if document in ours:
                target = tmp_path / f"{path.stem}.{document}.docx"
                target.write_bytes(render(document, check(raw), "docx"))
                sources.append(target)
    out = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *map(str, sources)],
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    for source in sources:
        converted = out / f"{source.stem}.pdf"
        assert converted.is_file(), done.stdout
        assert converted.stat().st_size > 5000
        assert Path(converted).read_bytes().startswith(b"%PDF")
