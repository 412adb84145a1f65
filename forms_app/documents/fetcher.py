"""The only way WeasyPrint may read anything: an allow-list of packaged assets.

WeasyPrint's default fetcher reads ``file:`` URLs and the network, so a value such as
``<img src=file:///etc/passwd>`` could pull a local file into a PDF. Documents reference
assets only as ``s117-asset:<prefix>/<name>``; each prefix maps to one directory that ships
with the service. Anything else is refused, nothing is redirected, and a missing asset
raises (``fail_on_errors``) so a document without its font or icon fails instead of shipping.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from weasyprint.urls import URLFetcher, URLFetcherResponse

SCHEME = "s117-asset:"
REPO_ROOT = Path(__file__).resolve().parents[2]


def _atkinson_dir() -> Path:
    import fontpkg_atkinson_hyperlegible as atkinson

    return Path(atkinson.ROOT) / "files"


def default_roots() -> dict[str, Path]:
    """URL prefix → the packaged directory it serves (fixed; never from user input)."""
    return {
        "documents": REPO_ROOT / "templates" / "html" / "documents" / "assets",
        "fonts/atkinson": _atkinson_dir(),
        "fonts/liberation": Path("/usr/share/fonts/truetype/liberation2"),
        "fonts/dejavu": Path("/usr/share/fonts/truetype/dejavu"),
        # OpenMoji pictures of the person's documents (PERSON-DOCS, CC BY-SA 4.0).
        "icons/openmoji": REPO_ROOT / "forms_app" / "documents" / "person" / "icons" / "svg",
    }


class AssetRefusedError(ValueError):
    """A document asked for something outside the allow-list, or for a missing asset."""


class AllowListFetcher(URLFetcher):
    """Serves ``s117-asset:<prefix>/<file>`` from the fixed roots; refuses everything else."""

    def __init__(self, roots: dict[str, Path] | None = None) -> None:
        super().__init__(allowed_protocols=("s117-asset",), allow_redirects=False,
                         fail_on_errors=True)
        self._roots = {k: v.resolve() for k, v in (roots or default_roots()).items()}

    def resolve(self, url: str) -> Path:
        """The file an allowed URL names; raises AssetRefusedError for anything else."""
        if not url.startswith(SCHEME):
            raise AssetRefusedError(f"refused to fetch {url[:80]!r}: not a packaged asset")
        rest = url.removeprefix(SCHEME).split("?", 1)[0].split("#", 1)[0]
        prefix, _, name = rest.rpartition("/")
        root = self._roots.get(prefix)
        if root is None or not name or name.startswith("."):
            raise AssetRefusedError(f"refused to fetch {url[:80]!r}: unknown asset prefix")
        path = (root / name).resolve()
        if path.parent != root or not path.is_file():
            raise AssetRefusedError(f"missing asset {url[:80]!r}")
        return path

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        path = self.resolve(url)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix in {".ttf", ".otf", ".woff", ".woff2"}:
            mime = f"font/{path.suffix[1:]}"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
