"""Pictures, licences, fetcher and Word templates of the person's documents."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from forms_app.documents.fetcher import AllowListFetcher
from forms_app.documents.person.icons import ASSET_PREFIX, DOMAIN_ICONS, ICON_DIR, ICONS
from forms_app.policy.vocabulary import NEED_DOMAINS

REPO = Path(__file__).resolve().parents[2]
OPENMOJI = REPO / "node_modules" / "openmoji" / "color" / "svg"


def test_every_picture_ships_as_svg_and_png_matching_its_recorded_source() -> None:
    recorded = json.loads((ICON_DIR / "SOURCES.json").read_text())
    assert set(recorded) == {hexcode for hexcode, _ in ICONS.values()}
    shipped = {p.stem for p in (ICON_DIR / "svg").glob("*.svg")}
    assert shipped == {p.stem for p in (ICON_DIR / "png").glob("*.png")} == set(recorded)
    for hexcode, digest in recorded.items():
        svg = (ICON_DIR / "svg" / f"{hexcode}.svg").read_bytes()
        assert hashlib.sha256(svg).hexdigest() == digest, hexcode
        with Image.open(ICON_DIR / "png" / f"{hexcode}.png") as png:
            assert png.size == (240, 240)


@pytest.mark.skipif(not OPENMOJI.is_dir(), reason="npm assets not installed (npm ci)")
def test_packaged_svgs_are_unchanged_openmoji_17() -> None:
    for hexcode, _ in ICONS.values():
        assert (ICON_DIR / "svg" / f"{hexcode}.svg").read_bytes() == \
            (OPENMOJI / f"{hexcode}.svg").read_bytes(), hexcode


def test_openmoji_licence_and_attribution_ship_with_the_pictures() -> None:
    licence = (ICON_DIR / "LICENSE-CC-BY-SA-4.0.txt").read_text()
    assert "Attribution-ShareAlike 4.0 International" in licence
    assert "OpenMoji" in (ICON_DIR / "README.md").read_text()


def test_every_need_domain_has_a_picture() -> None:
    assert set(DOMAIN_ICONS) == set(NEED_DOMAINS)
    assert set(DOMAIN_ICONS.values()) <= set(ICONS)


def test_fetcher_serves_the_pictures_and_nothing_beside_them() -> None:
    fetcher = AllowListFetcher()
    hexcode = ICONS["home"][0]
    assert fetcher.resolve(f"s117-asset:{ASSET_PREFIX}/{hexcode}.svg").is_file()
    for bad in (f"s117-asset:{ASSET_PREFIX}/../png/{hexcode}.png",
                f"s117-asset:{ASSET_PREFIX}/missing.svg",
                f"file://{ICON_DIR}/svg/{hexcode}.svg"):
        with pytest.raises(ValueError, match="refused|missing"):
            fetcher.resolve(bad)


def test_word_templates_are_current() -> None:
    build = REPO / "templates" / "docx" / "person" / "build.py"
    done = subprocess.run([sys.executable, str(build), "--check"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_picture_png_is_opaque_where_drawn() -> None:
    """Rasterised, not blank: the house has coloured pixels."""
    with Image.open(io.BytesIO((ICON_DIR / "png" / f"{ICONS['home'][0]}.png").read_bytes())) as im:
        assert im.convert("RGBA").getextrema()[3][1] == 255
