"""The HTML version of a person's document as one self-contained, accessible web page.

The PDF engine fetches pictures through the allow-list fetcher (``s117-asset:`` URLs), which
a browser cannot open. For the HTML format every such picture is embedded as a ``data:``
URL read through the same allow-list, and the Atkinson Hyperlegible font is embedded, so
the page shows the same pictures and type when saved, emailed or opened offline.
"""

from __future__ import annotations

import base64
import mimetypes
import re

from forms_app.documents.fetcher import SCHEME, AllowListFetcher

_ASSET_SRC = re.compile(r'src="(' + re.escape(SCHEME) + r'[^"]+)"')
FONTS = (("AtkinsonHyperlegible-Regular.ttf", 400), ("AtkinsonHyperlegible-Bold.ttf", 700))


def _data_url(fetcher: AllowListFetcher, url: str) -> str:
    path = fetcher.resolve(url)
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.suffix == ".svg":
        mime = "image/svg+xml"
    elif path.suffix == ".ttf":
        mime = "font/ttf"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _font_faces(fetcher: AllowListFetcher) -> str:
    return "".join(
        '@font-face{font-family:"Atkinson Hyperlegible";font-style:normal;'
        f'font-weight:{weight};src:url("{_data_url(fetcher, f"{SCHEME}fonts/atkinson/{name}")}")'
        ' format("truetype");}'
        for name, weight in FONTS)


def standalone(html: str) -> str:
    """Embed the pictures and the font; anything outside the allow-list still raises."""
    fetcher = AllowListFetcher()
    html = _ASSET_SRC.sub(lambda m: f'src="{_data_url(fetcher, m.group(1))}"', html)
    return html.replace("<style>", "<style>" + _font_faces(fetcher), 1)
