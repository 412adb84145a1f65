"""Hostile input anywhere gets an answer, never a 500 (and never loses a saved draft).

The test crawls the service as a user holding every role, from the dashboard through
every link it can reach (register, case, journeys, record, sign-off, tokens, audit), and
sends hostile values: in every path parameter of every route, in the query string of
every page, and in every field of every form it finds. Then the JSON API gets hostile
bodies. Each answer must be below 500.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from urllib.parse import quote, urlencode, urljoin, urlsplit

import pytest
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from forms_app.models import FormRecord, Role
from forms_app.services import api_tokens as tokens
from forms_app.store.db import db
from tests import factories
from tests.web.journey_helpers import worcestershire

HOSTILE = [
    "\x00", "a\x00b", "9" * 5000, "2147483648", "99999999999999999999", "-1", "0",
    "<script>alert(1)</script>", "{{ 7*7 }}", "{% include 'layout.html' %}",
    "' OR 1=1 --", "\u202eevil", "😀" * 50, "x" * 20_000, "..%2F..%2Fetc%2Fpasswd", " ",
]
HOSTILE_IDS = ["0", "2147483648", "99999999999999999999", "9" * 5000]
# Links that end the session or only download bytes: not crawled.
SKIP = ("/logout", "/static/", "/assets/", "/documents/")
MAX_PAGES = 60


class PageParser(HTMLParser):
    """The links and the forms (action, method, field names) of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[dict] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.links.append(found["href"])
        elif tag == "form":
            self.forms.append({"action": found.get("action") or "",
                               "method": (found.get("method") or "get").lower(), "names": []})
        elif tag in ("input", "select", "textarea", "button") and self.forms and \
                found.get("name"):
            self.forms[-1]["names"].append(found["name"])


def parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    return parser


@pytest.fixture
def everyone(app):
    """A user with every role in the council, the ICB and the trust, and a draft plan."""
    worcs = worcestershire()
    user = factories.create_user(roles=list(Role), organisation=worcs.council)
    for organisation in (worcs.icb, worcs.trust):
        for role in Role:
            user.memberships.append(type(user.memberships[0])(organisation=organisation,
                                                              role=str(role)))
    factories.create_form(case=worcs.case, kind="aftercare_plan",
                          data={"kind": "aftercare_plan", "policy": "worcestershire"})
    db.session.commit()
    return user


def crawl(client, start: str = "/") -> dict[str, PageParser]:
    """Every page reachable from ``start`` by links (GET), up to MAX_PAGES."""
    seen: dict[str, PageParser] = {}
    queue = [start]
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen or any(part in url for part in SKIP):
            continue
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        seen[url] = page = parse(response.get_data(as_text=True))
        for link in page.links:
            target = urljoin(url, link)
            parts = urlsplit(target)
            if not parts.netloc or parts.netloc == "localhost":
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return seen


def test_hostile_values_in_every_path_parameter_get_an_answer(app, client, login, everyone):
    login(client, everyone)
    failures = []
    for rule in app.url_map.iter_rules():
        if not rule.arguments or rule.endpoint == "static":
            continue
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            for hostile in HOSTILE_IDS + HOSTILE[:4]:
                url = rule.rule
                for argument in rule.arguments:
                    url = url.replace(f"<int:{argument}>", quote(hostile, safe=""))
                    url = url.replace(f"<{argument}>", quote(hostile, safe=""))
                    url = url.replace(f"<path:{argument}>", quote(hostile, safe=""))
                status = client.open(url, method=method).status_code
                if status >= 500:
                    failures.append((method, rule.rule, hostile[:20], status))
    assert failures == []


def test_hostile_values_in_every_query_string_and_form_get_an_answer(app, client, login,
                                                                     everyone):
    login(client, everyone)
    pages = crawl(client)
    assert len(pages) > 10, "the crawl should reach the journeys and the record page"
    failures = []
    for url, page in pages.items():
        for hostile in HOSTILE:
            query = urlencode({"page": hostile, "q": hostile, "person": hostile,
                               "status": hostile, "body": hostile, "next": hostile})
            status = client.get(f"{url.split('?')[0]}?{query}").status_code
            if status >= 500:
                failures.append(("GET", url, hostile[:20], status))
        for form in page.forms:
            action = urljoin(url, form["action"] or url)
            if "/logout" in action:
                continue
            for hostile in HOSTILE:
                data = MultiDict([(name, hostile) for name in form["names"]])
                response = (client.post(action, data=data) if form["method"] == "post"
                            else client.get(action, query_string=data))
                if response.status_code >= 500:
                    failures.append((form["method"], action, hostile[:20],
                                     response.status_code))
                if response.status_code == 302 and "/login" in response.headers["Location"]:
                    login(client, everyone)  # a hostile password at sign-off may end it
    assert failures == []


def test_hostile_json_bodies_get_an_answer(app, client, everyone):
    headers = {"Authorization": f"Bearer {tokens.issue(everyone, 'fuzz')}",
               "Content-Type": "application/json"}
    db.session.commit()
    form = db.session.scalars(select(FormRecord)).first()
    case_id = form.case_id
    deep = "[" * 100_000 + "]" * 100_000
    bodies = [
        deep, "{" + '"a":{' * 5000 + "}" * 5001, "not json", "", "null", "[]", '"text"',
        '{"kind": "aftercare_plan", "kind": "funding_agreement"}', '{"a": NaN}',
        json.dumps({"kind": "aftercare_plan", "_note": "\x00", "person": {"_x": "\x00"}}),
        json.dumps({"kind": "aftercare_plan", "person": {"given_name": "\x00"}}),
        json.dumps({"kind": "funding_agreement", "services": [{"weekly_cost_pence": 10**30}]}),
        json.dumps({"kind": ["aftercare_plan"], "policy": {"a": 1}}),
        json.dumps({"kind": "aftercare_plan", "policy": "../../etc/passwd"}),
        json.dumps({"party": "local_authority", "password": "\x00", "lock_version": 10**40}),
    ]
    urls = [("POST", "/api/v1/validate"), ("POST", f"/api/v1/cases/{case_id}/forms"),
            ("PUT", f"/api/v1/forms/{form.id}"), ("POST", f"/api/v1/forms/{form.id}/validate"),
            ("POST", f"/api/v1/forms/{form.id}/submit"),
            ("POST", f"/api/v1/forms/{form.id}/signatures")]
    failures = []
    for method, url in urls:
        for body in bodies:
            for if_match in ("0", "9" * 5000, '"\x00"'):
                response = client.open(url, method=method, data=body,
                                       headers={**headers, "If-Match": if_match})
                if response.status_code >= 500:
                    failures.append((method, url, body[:30], if_match[:10],
                                     response.status_code))
    assert failures == []
