"""Documents benchmark: prints figures in one run (targets are reported, not asserted).

    python bench/documents_bench.py [--quick]

- ms per document (median, p95) for DOCX and PDF, for every document of every kind in
  the design's examples, the person's documents included (the rights leaflet in all three
  variants, the discharge letter, the change-notice letter), warm;
- plans per second for a batch of 200 aftercare-plan PDFs on every core (a process pool,
  one warm worker per core);
- sign and verify times (ECDSA P-256, signer loaded once);
- the route many teams use today, LibreOffice headless DOCX -> PDF, one call per document
  and one batch call, as ratios to our PDF;
- RSS before/after rendering 1,000 documents (memory should stay flat).

Examples come from the same place the tests read them (tests/examples.py: the design folder
beside the repository, else the copy in tests/design).
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pypdf

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # for tests.examples, the one lookup of the design's examples

from forms_app.contract.check import check_form  # noqa: E402
from forms_app.documents import registry  # noqa: E402
from forms_app.documents.fingerprint import fingerprint  # noqa: E402
from forms_app.documents.render import render  # noqa: E402
from forms_app.documents.signing import ensure_dev_signing_identity, sign_pdf  # noqa: E402
from forms_app.documents.signoff import SignOff  # noqa: E402
from forms_app.documents.verify import load_certificates, verify_pdf  # noqa: E402
from tests.examples import examples_dir  # noqa: E402

EXAMPLES = examples_dir()
TARGETS = {"plan_pdf_ms": 250, "docx_ms": 30, "sign_ms": 35, "batch_per_s": 5}
# The person's documents: (example, document, variants). Their layout follows the person's
# recorded format; the leaflet is measured in each of its three variants.
PERSON_CASES = (("aftercare_plan", "rights_leaflet", ("standard", "easy_read", "large_print")),
                ("discharge_decision", "discharge_letter", ("standard",)),
                ("change_notice", "change_notice", ("standard",)))
# Large print is measured for the longest professional document too.
EXTRA_VARIANTS = (("aftercare_plan", "aftercare_plan", "large_print"),)


class Case:
    """One document of one example in one variant, ready to render."""

    def __init__(self, stem: str, document: str, variant: str) -> None:
        raw = json.loads((EXAMPLES / f"{stem}.json").read_text())
        self.stem, self.document, self.variant = stem, document, variant
        self.result = check_form(raw)
        self.signoff = SignOff("BENCH-1", 1, fingerprint(raw), date(2026, 3, 19))

    def __call__(self, fmt: str) -> bytes:
        return render(self.document, self.result, fmt, self.variant, self.signoff)


def cases() -> list[Case]:
    """Every professional document of every example, then the person's documents."""
    person = {document for _, document, _ in PERSON_CASES}
    found = []
    for path in sorted(EXAMPLES.glob("*.json")):
        kind = json.loads(path.read_text())["kind"]
        found += [Case(path.stem, document, "standard")
                  for document in registry.documents_for_kind(kind) if document not in person]
    found += [Case(*extra) for extra in EXTRA_VARIANTS]
    found += [Case(stem, document, variant)
              for stem, document, variants in PERSON_CASES for variant in variants]
    return found


def ms(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def timed(call: Callable[[], Any], runs: int) -> list[float]:
    call()  # warm
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out


def per_document(runs: int) -> dict[str, float]:
    print(f"\n# ms per document, warm, {runs} runs (median / p95)")
    print(f"{'example':26} {'document':25} {'variant':11} {'DOCX':>15} {'PDF':>15} pages")
    figures = {}
    for case in cases():
        docx = ms(timed(lambda case=case: case("docx"), runs))
        pdf = ms(timed(lambda case=case: case("pdf"), runs))
        pages = len(pypdf.PdfReader(io.BytesIO(case("pdf"))).pages)
        print(f"{case.stem:26} {case.document:25} {case.variant:11} "
              f"{docx[0]:6.1f} / {docx[1]:6.1f} {pdf[0]:6.1f} / {pdf[1]:6.1f} {pages:5}")
        figures[f"{case.stem}:{case.document}:{case.variant}"] = pdf[0]
    return figures


_PLAN: Case | None = None


def _worker_init() -> None:
    """A warm worker: fonts, stylesheet and templates loaded by one render, then the
    long-lived objects frozen out of the garbage collector's way."""
    global _PLAN
    _PLAN = Case("aftercare_plan", "aftercare_plan", "standard")
    _PLAN("pdf")
    gc.collect()
    gc.freeze()


def _worker_render(_: int) -> int:
    assert _PLAN is not None
    return len(_PLAN("pdf"))


def batch(count: int) -> float:
    workers = os.cpu_count() or 2
    with ProcessPoolExecutor(workers, mp_context=get_context("fork"),
                             initializer=_worker_init) as pool:
        list(pool.map(_worker_render, range(workers * 2)))  # every worker up and warm
        start = time.perf_counter()
        list(pool.map(_worker_render, range(count), chunksize=4))
        elapsed = time.perf_counter() - start
    rate = count / elapsed
    print(f"\n# batch: {count} aftercare-plan PDFs on {workers} worker processes: "
          f"{elapsed:.1f} s, {rate:.1f} plans/s (target >= {TARGETS['batch_per_s']})")
    return rate


def sign_verify(runs: int) -> None:
    plan = Case("aftercare_plan", "aftercare_plan", "standard")
    pdf, docx = plan("pdf"), plan("docx")
    with tempfile.TemporaryDirectory() as folder:
        identity = ensure_dev_signing_identity(folder)
        sign = ms(timed(lambda: sign_pdf(pdf, identity=identity, docx=docx), runs))
        signed = sign_pdf(pdf, identity=identity, docx=docx)
        roots = load_certificates([identity.cert_path])
        check = ms(timed(lambda: verify_pdf(signed, roots), runs))
    print(f"\n# sign (PAdES, ECDSA P-256, DOCX embedded): {sign[0]:.1f} ms median, "
          f"{sign[1]:.1f} p95 (target <= {TARGETS['sign_ms']})")
    print(f"# verify: {check[0]:.1f} ms median, {check[1]:.1f} p95")


def _convert(root: Path, sources: list[Path]) -> None:
    profile = f"-env:UserInstallation={(root / 'profile').as_uri()}"
    subprocess.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir",
                    str(root / "out"), *map(str, sources)], capture_output=True, check=True)


def libreoffice(our_pdf_ms: float, singles: int, batch_size: int) -> None:
    docx = Case("aftercare_plan", "aftercare_plan", "standard")("docx")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        sources = [root / f"plan{i}.docx" for i in range(batch_size)]
        for source in sources:
            source.write_bytes(docx)
        _convert(root, sources[:1])  # warm
        per_call = timed(lambda: _convert(root, sources[:1]), singles)
        start = time.perf_counter()
        _convert(root, sources)
        per_doc_batch = (time.perf_counter() - start) / batch_size * 1000
    single = statistics.median(per_call) * 1000
    print(f"\n# LibreOffice DOCX -> PDF (aftercare plan): one call per document "
          f"{single:.0f} ms ({single / our_pdf_ms:.1f}x our PDF); one batch call of "
          f"{batch_size}: {per_doc_batch:.0f} ms per document "
          f"({per_doc_batch / our_pdf_ms:.1f}x our PDF)")


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def memory(total: int) -> None:
    all_cases = cases()
    all_cases[0]("pdf")
    marks = {}
    before = rss_kib()
    for i in range(total):
        all_cases[i % len(all_cases)]("pdf" if i % 2 else "docx")
        if i + 1 in (total // 10, total // 2, total):
            marks[i + 1] = rss_kib()
    steps = ", ".join(f"after {n}: {kib / 1024:.0f} MiB" for n, kib in marks.items())
    print(f"\n# memory over {total} documents (half PDF, half DOCX, every document): "
          f"before {before / 1024:.0f} MiB; {steps}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (smoke test)")
    args = parser.parse_args()
    runs, plans, total = (5, 40, 100) if args.quick else (15, 200, 1000)
    figures = per_document(runs)
    print(f"# targets: aftercare plan PDF median <= {TARGETS['plan_pdf_ms']} ms, "
          f"DOCX <= {TARGETS['docx_ms']} ms")
    batch(plans)
    sign_verify(runs * 2)
    libreoffice(figures["aftercare_plan:aftercare_plan:standard"], 3 if args.quick else 5,
                10 if args.quick else 20)
    memory(total)


if __name__ == "__main__":
    main()
