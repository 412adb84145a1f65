"""Documents benchmark: prints figures in one run (targets are reported, not asserted).

    python bench/documents_bench.py [--quick]

- ms per document (median, p95) for DOCX and PDF, per kind (warm);
- plans per second for a batch of 200 aftercare-plan PDFs on both cores (multiprocessing);
- sign and verify times (ECDSA P-256, signer loaded once);
- the route many teams use today, LibreOffice headless DOCX -> PDF, one call per document
  and one batch call, as ratios to our PDF;
- RSS before/after rendering 1,000 documents (memory should stay flat).
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import statistics
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path

import pypdf

from forms_app.contract.check import check_form
from forms_app.documents import registry
from forms_app.documents.context import PROFESSIONAL
from forms_app.documents.fingerprint import fingerprint
from forms_app.documents.render import render
from forms_app.documents.signing import ensure_dev_signing_identity, sign_pdf
from forms_app.documents.signoff import SignOff
from forms_app.documents.verify import load_certificates, verify_pdf

EXAMPLES = Path("/work/shared/design/examples")
TARGETS = {"plan_pdf_ms": 250, "docx_ms": 30, "sign_ms": 35, "batch_per_s": 5}


def ms(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def timed(call, runs: int) -> list[float]:
    call()  # warm
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out


def cases() -> list[tuple[str, str, object, SignOff]]:
    ours = {d.name for d in PROFESSIONAL}
    found = []
    for path in sorted(EXAMPLES.glob("*.json")):
        raw = json.loads(path.read_text())
        for document in registry.documents_for_kind(raw["kind"]):
            if document in ours:
                signoff = SignOff("BENCH-1", 1, fingerprint(raw), date(2026, 3, 19))
                found.append((path.stem, document, check_form(raw), signoff))
    return found


def per_kind(runs: int) -> dict[str, float]:
    print(f"\n# ms per document, warm, {runs} runs (median / p95)")
    print(f"{'example':28} {'document':26} {'DOCX':>15} {'PDF':>15} pages")
    figures = {}
    for stem, document, result, signoff in cases():
        def one(fmt: str, document=document, result=result, signoff=signoff) -> bytes:
            return render(document, result, fmt, signoff=signoff)

        docx = ms(timed(lambda: one("docx"), runs))
        pdf = ms(timed(lambda: one("pdf"), runs))
        pages = len(pypdf.PdfReader(io.BytesIO(one("pdf"))).pages)
        print(f"{stem:28} {document:26} {docx[0]:6.1f} / {docx[1]:6.1f} "
              f"{pdf[0]:6.1f} / {pdf[1]:6.1f} {pages:5}")
        figures[stem] = pdf[0]
        figures[stem + ":docx"] = docx[0]
    return figures


def _worker_init() -> None:
    global _PLAN
    _PLAN = check_form(json.loads((EXAMPLES / "aftercare_plan.json").read_text()))
    render("aftercare_plan", _PLAN, "pdf")  # warm fonts and stylesheet in each worker


def _worker_render(_: int) -> int:
    return len(render("aftercare_plan", _PLAN, "pdf"))


def batch(count: int) -> float:
    with multiprocessing.get_context("fork").Pool(2, initializer=_worker_init) as pool:
        pool.map(_worker_render, range(4))
        start = time.perf_counter()
        pool.map(_worker_render, range(count), chunksize=4)
        elapsed = time.perf_counter() - start
    rate = count / elapsed
    print(f"\n# batch: {count} aftercare-plan PDFs on 2 processes: {elapsed:.1f} s, "
          f"{rate:.1f} plans/s (target >= {TARGETS['batch_per_s']})")
    return rate


def sign_verify(runs: int) -> None:
    raw = json.loads((EXAMPLES / "aftercare_plan.json").read_text())
    result = check_form(raw)
    signoff = SignOff("BENCH-1", 1, fingerprint(raw), date(2026, 3, 18))
    pdf = render("aftercare_plan", result, "pdf", signoff=signoff)
    docx = render("aftercare_plan", result, "docx", signoff=signoff)
    with tempfile.TemporaryDirectory() as folder:
        identity = ensure_dev_signing_identity(folder)
        sign = ms(timed(lambda: sign_pdf(pdf, identity=identity, docx=docx), runs))
        signed = sign_pdf(pdf, identity=identity, docx=docx)
        roots = load_certificates([identity.cert_path])
        check = ms(timed(lambda: verify_pdf(signed, roots), runs))
    print(f"\n# sign (PAdES, ECDSA P-256, DOCX embedded): {sign[0]:.1f} ms median, "
          f"{sign[1]:.1f} p95 (target <= {TARGETS['sign_ms']})")
    print(f"# verify: {check[0]:.1f} ms median, {check[1]:.1f} p95")


def libreoffice(our_pdf_ms: float, singles: int, batch_size: int) -> None:
    result = check_form(json.loads((EXAMPLES / "aftercare_plan.json").read_text()))
    docx = render("aftercare_plan", result, "docx")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        profile = f"-env:UserInstallation={(root / 'profile').as_uri()}"
        sources = []
        for i in range(batch_size):
            sources.append(root / f"plan{i}.docx")
            sources[-1].write_bytes(docx)
        convert = ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir",
                   str(root / "out")]
        subprocess.run([*convert, str(sources[0])], capture_output=True, check=True)  # warm
        per_call = []
        for source in sources[:singles]:
            start = time.perf_counter()
            subprocess.run([*convert, str(source)], capture_output=True, check=True)
            per_call.append(time.perf_counter() - start)
        start = time.perf_counter()
        subprocess.run([*convert, *map(str, sources)], capture_output=True, check=True)
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
    render(all_cases[0][1], all_cases[0][2], "pdf")
    marks = {}
    before = rss_kib()
    for i in range(total):
        _, document, result, signoff = all_cases[i % len(all_cases)]
        render(document, result, "pdf" if i % 2 else "docx", signoff=signoff)
        if i + 1 in (total // 10, total // 2, total):
            marks[i + 1] = rss_kib()
    steps = ", ".join(f"after {n}: {kib / 1024:.0f} MiB" for n, kib in marks.items())
    print(f"\n# memory over {total} documents (half PDF, half DOCX, all kinds): "
          f"before {before / 1024:.0f} MiB; {steps}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (smoke test)")
    args = parser.parse_args()
    runs, plans, total = (5, 40, 100) if args.quick else (15, 200, 1000)
    figures = per_kind(runs)
    print(f"# targets: aftercare plan PDF median <= {TARGETS['plan_pdf_ms']} ms, "
          f"DOCX <= {TARGETS['docx_ms']} ms")
    batch(plans)
    sign_verify(runs * 2)
    libreoffice(figures["aftercare_plan"], 3 if args.quick else 5, 10 if args.quick else 20)
    memory(total)


if __name__ == "__main__":
    main()
