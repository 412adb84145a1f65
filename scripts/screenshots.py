"""Make the README tour's screenshots from the demo data, as a newcomer would see them.

    .venv/bin/python scripts/screenshots.py        # writes docs/screenshots/*.png

A throwaway SQLite database gets the demo data; the service runs on a free local port and
Debian's Chromium (through Playwright, never `playwright install`) signs in as the demo
practitioner, shows a policy finding on Alex Morgan's aftercare plan, submits and signs it
off, and downloads the PDF, whose first page pdftoppm turns into a picture.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import select
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from forms_app import create_app  # noqa: E402
from forms_app.demo import DEMO_PASSWORD, load_demo  # noqa: E402
from forms_app.models import Case, FormRecord, Person  # noqa: E402
from forms_app.store.db import db  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PRACTITIONER = "practitioner@worcs.demo"
PHONE = "#plan_named_practitioner-phone"
EMAIL = "#plan_named_practitioner-email"


def demo_service(folder: Path) -> tuple[Any, str, int]:
    """The app over a new SQLite file with the demo data; (server, base URL, plan id)."""
    app = create_app({"S117_ENV": "testing", "DATABASE_URL": f"sqlite:///{folder / 'demo.db'}",
                      "S117_INSTANCE_PATH": str(folder / "instance"), "S117_AUTO_MIGRATE": True,
                      "SECRET_KEY": "screenshots-" + "s" * 40, "WTF_CSRF_ENABLED": True})
    with app.app_context():
        load_demo()
        db.session.commit()
        plan = db.session.scalar(
            select(FormRecord.id).join(Case).join(Person)
            .where(Person.nhs_number == "9990000018", FormRecord.kind == "aftercare_plan"))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}", plan


def shoot(page: Any, base: str, plan: int, folder: Path) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", PRACTITIONER)
    page.fill("#password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    step = f"{base}/forms/{plan}/steps/practitioner"
    page.goto(step)
    phone, email = page.input_value(PHONE), page.input_value(EMAIL)
    page.fill(PHONE, "")
    page.fill(EMAIL, "")
    page.click("#save-and-continue")
    page.screenshot(path=str(OUT / "journey-step-with-finding.png"))
    page.goto(step)
    page.fill(PHONE, phone)
    page.fill(EMAIL, email)
    page.click("#save-and-continue")
    page.goto(f"{base}/forms/{plan}/check")
    page.click("#submit-for-signoff")
    page.click("#sign-named_practitioner")
    page.fill("#password", DEMO_PASSWORD)
    page.click("#sign-button")
    page.goto(f"{base}/forms/{plan}")
    page.screenshot(path=str(OUT / "signed-off-record.png"))
    with page.expect_download() as download:
        page.click("#documents a[href$='pdf'], #documents a:has-text('PDF')")
    pdf = folder / "plan.pdf"
    download.value.save_as(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(OUT / "document-page-1")], check=True)


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        server, base, plan = demo_service(folder)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                     args=CHROMIUM_ARGS)
                page = browser.new_context(viewport={"width": 1280, "height": 900},
                                           accept_downloads=True).new_page()
                shoot(page, base, plan, folder)
                browser.close()
        finally:
            server.shutdown()
    print(f"Screenshots written to {OUT}")


if __name__ == "__main__":
    main()
