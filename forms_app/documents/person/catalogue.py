"""Keep the gettext catalogues current: extract, update en_GB, compile (a developer tool).

    python -m forms_app.documents.person.catalogue          # rewrite .pot, .po, .mo
    python -m forms_app.documents.person.catalogue --check  # fail if any is stale

``en_GB`` is the source language: its ``messages.po`` starts with each msgstr equal to the
msgid, so the wording can be edited there (by a content designer, no code change); an
edited msgstr is kept on update. The compiled ``.mo`` files are committed so a fresh clone
renders without a build step; a test checks they match their ``.po``.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from forms_app.documents.person.i18n import CATALOGUE_DIR, DOMAIN, SOURCE_LOCALE

ROOT = CATALOGUE_DIR.parents[1]
POT = CATALOGUE_DIR / f"{DOMAIN}.pot"


def extracted() -> Catalog:
    """Every message in the sources babel.cfg names (the same as ``pybabel extract``)."""
    catalog = Catalog(project="s117 forms", msgid_bugs_address="", fuzzy=False)
    with (ROOT / "babel.cfg").open() as cfg:
        from babel.messages.frontend import parse_mapping_cfg

        method_map, options_map = parse_mapping_cfg(cfg)
    for filename, lineno, message, comments, context in extract_from_dir(
            str(ROOT), method_map, options_map, strip_comment_tags=True):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def source_po(template: Catalog, existing: Catalog | None) -> Catalog:
    """en_GB: msgstr = msgid, except wording already edited in the .po."""
    catalog = Catalog(locale=SOURCE_LOCALE, project="s117 forms", fuzzy=False)
    for message in template:
        if not message.id:
            continue
        kept = existing.get(message.id) if existing else None
        string = kept.string if kept and kept.string else message.id
        catalog.add(message.id, string, message.locations, flags=message.flags)
    return catalog


def _po_bytes(catalog: Catalog, **options: bool) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, **options)
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def outputs() -> dict[Path, bytes]:
    template = extracted()
    po_path = CATALOGUE_DIR / SOURCE_LOCALE / "LC_MESSAGES" / f"{DOMAIN}.po"
    existing = read_po(po_path.open("rb")) if po_path.exists() else None
    source = source_po(template, existing)
    files = {POT: _po_bytes(template), po_path: _po_bytes(source)}
    files[po_path.with_suffix(".mo")] = _mo_bytes(read_po(io.BytesIO(files[po_path])))
    return files


def _messages(data: bytes, mo: bool = False) -> dict[object, object]:
    """The translations a .po/.mo holds (locations and header dates do not matter)."""
    if mo:
        from babel.messages.mofile import read_mo

        catalog = read_mo(io.BytesIO(data))
    else:
        catalog = read_po(io.BytesIO(data))
    return {_key(m.id): _key(m.string) for m in catalog if m.id}


def _key(value: object) -> object:
    """Plural ids and strings come back as lists from a .mo and tuples from a .po."""
    return tuple(value) if isinstance(value, list | tuple) else value


def stale_files(files: dict[Path, bytes]) -> list[str]:
    """Catalogue files whose messages differ from what the sources and .po say."""
    stale = []
    for path, data in files.items():
        mo = path.suffix == ".mo"
        if not path.exists() or _messages(path.read_bytes(), mo) != _messages(data, mo):
            stale.append(str(path.relative_to(ROOT)))
    return stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a catalogue is stale")
    args = parser.parse_args()
    files = outputs()
    if args.check:
        stale = stale_files(files)
        if stale:
            print("stale catalogues (run python -m forms_app.documents.person.catalogue):",
                  *stale, file=sys.stderr)
        return 1 if stale else 0
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
