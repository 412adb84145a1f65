"""Reading rendered documents back in tests: all text of a PDF, a DOCX, an HTML page."""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from typing import Any

import pypdf
from docx import Document

from forms_app.contract.check import check_form
from forms_app.documents.formatting import format_gbp
from tests.examples import examples_dir

EXAMPLES = examples_dir()
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))
__all__ = ["EXAMPLES", "EXAMPLE_FILES", "check_form", "load_example"]


def load_example(name: str) -> dict[str, Any]:
    return json.loads((EXAMPLES / name).read_text())


def squash(text: str) -> str:
    return " ".join(text.split())


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = squash(" ".join(page.extract_text() for page in reader.pages))
    return re.sub(r"(\w)- (\w)", r"\1-\2", text)  # a line broken after a hyphen


def docx_text(docx: bytes) -> str:
    document = Document(io.BytesIO(docx))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
        parts.extend(p.text for p in section.footer.paragraphs)
    return squash(" ".join(parts))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(html: bytes) -> str:
    parser = _Text()
    parser.feed(html.decode("utf-8"))
    body = " ".join(parser.parts)
    return squash(body)


def expected_strings(raw: dict[str, Any]) -> list[str]:
    """What every document of the form must show: name, services with amounts, signatories."""
    person = raw["person"]
    wanted = [f"{person['given_name']} {person['family_name']}"]
    services = (raw.get("plan") or {}).get("services") or raw.get("services") or []
    for service in services:
        wanted += [service["description"], format_gbp(service["weekly_cost_pence"])]
    if raw.get("leave"):
        wanted.append(format_gbp(raw["leave"]["weekly_cost_pence"]))
    wanted += [s["name"] for s in raw.get("signatures") or []]
    return wanted


def rule_ids(text: str) -> set[str]:
    return set(re.findall(r"\b(?:[A-Z]+-)+\d\d\b", text))
