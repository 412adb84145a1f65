"""Embed Atkinson Hyperlegible in the person's Word templates, the way Word itself does.

Without it Word and LibreOffice replace the named font with whatever is installed, and the
easy-read layout (sizes, line lengths, legibility) is lost. Word's mechanism (ECMA-376
Part 1, 17.8.1 "Font Embedding"): each font file is stored as an *obfuscated* font part
(``word/fonts/fontN.odttf``) whose first 32 bytes are XORed with a GUID key, read as bytes
in reverse order; ``fontTable.xml`` names the part with ``w:embedRegular`` / ``w:embedBold``
and the key in ``w:fontKey``; ``settings.xml`` carries ``w:embedTrueTypeFonts``.
The font is licensed SIL OFL 1.1 and its OS/2 ``fsType`` is 0 (installable embedding).

Used by ``templates/docx/person/build.py`` when it writes the templates; docxtpl keeps the
font parts when it renders, so every rendered document carries them.
"""

from __future__ import annotations

import hashlib
import io
import re
import uuid
import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_FONT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
ODTTF = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
# settings.xml children that must come before w:embedTrueTypeFonts (CT_Settings order).
_BEFORE_EMBED = ("writeProtection", "view", "zoom", "removePersonalInformation",
                 "removeDateAndTime", "doNotDisplayPageBoundaries", "displayBackgroundShape",
                 "printPostScriptOverText", "printFractionalCharacterWidth", "printFormsData")


def font_key(font: bytes) -> str:
    """A GUID key derived from the font itself, so a rebuild is byte-identical."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(font).digest()[:16])).upper() + "}"


def obfuscate(font: bytes, key: str) -> bytes:
    """XOR the first 32 bytes with the key's 16 bytes in reverse order (twice over).

    The same call undoes it, which is how Word and LibreOffice read the font back."""
    guid = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(byte ^ guid[i % 16] for i, byte in enumerate(font[:32]))
    return head + font[32:]


def _font_entry(family: str, embeds: list[tuple[str, str, str]]) -> str:
    """``<w:font>`` for the family; ``embeds`` is (element, relationship id, key)."""
    refs = "".join(f'<w:{element} r:id="{rid}" w:fontKey="{key}"/>'
                   for element, rid, key in embeds)
    return (f'<w:font w:name="{family}"><w:charset w:val="00"/><w:family w:val="swiss"/>'
            f'<w:pitch w:val="variable"/>{refs}</w:font>')


def _settings(xml: str) -> str:
    if "<w:embedTrueTypeFonts" in xml:
        return xml
    children = list(re.finditer(r"<w:(\w+)[ />]", xml[xml.index("<w:settings"):]))
    offset = xml.index("<w:settings")
    insert_at = next((offset + m.start() for m in children[1:]
                      if m.group(1) not in _BEFORE_EMBED), xml.index("</w:settings>"))
    return xml[:insert_at] + "<w:embedTrueTypeFonts/>" + xml[insert_at:]


def _content_types(xml: str) -> str:
    if 'Extension="odttf"' in xml:
        return xml
    return xml.replace("<Default ", f'<Default Extension="odttf" ContentType="{ODTTF}"/>'
                       "<Default ", 1)


def _font_parts(faces: dict[str, Path]) -> tuple[dict[str, bytes], list[tuple[str, str, str]],
                                                 list[str]]:
    """(obfuscated font parts, fontTable embeds, fontTable relationships) for the faces."""
    parts, embeds, rels = {}, [], []
    for n, (element, path) in enumerate(sorted(faces.items()), start=1):
        font = Path(path).read_bytes()
        key = font_key(font)
        parts[f"word/fonts/font{n}.odttf"] = obfuscate(font, key)
        embeds.append((element, f"rIdFont{n}", key))
        rels.append(f'<Relationship Id="rIdFont{n}" Type="{REL_FONT}" '
                    f'Target="fonts/font{n}.odttf"/>')
    return parts, embeds, rels


def embed_fonts(docx: bytes, family: str, faces: dict[str, Path]) -> bytes:
    """The Word file with ``faces`` ({"embedRegular": path, "embedBold": path}) embedded."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    parts = {name: source.read(name) for name in source.namelist()}
    fonts, embeds, rels = _font_parts(faces)
    parts.update(fonts)
    table = parts["word/fontTable.xml"].decode("utf-8")
    table = re.sub(rf'<w:font w:name="{re.escape(family)}">.*?</w:font>', "", table, flags=re.S)
    parts["word/fontTable.xml"] = table.replace(
        "</w:fonts>", _font_entry(family, embeds) + "</w:fonts>").encode("utf-8")
    parts["word/_rels/fontTable.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
        '"http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels) + "</Relationships>").encode("utf-8")
    parts["word/settings.xml"] = _settings(parts["word/settings.xml"].decode()).encode("utf-8")
    parts["[Content_Types].xml"] = _content_types(
        parts["[Content_Types].xml"].decode("utf-8")).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, body in parts.items():
            target.writestr(name, body)
    return out.getvalue()
