"""Organisation scoping for views: load a case or form the user may see, or 404.

    from forms_app.web.access import case_or_404, form_or_404
    case = case_or_404(case_id)        # 404 if missing OR outside the user's organisations

A case outside the user's organisations answers 404, exactly like one that does not
exist, so ids cannot be probed. The rule itself lives in `forms_app.services.access`.
"""

from __future__ import annotations

from flask import abort, g

from forms_app.models import Case, Document, FormRecord
from forms_app.services import access


def case_or_404(case_id: int) -> Case:
    case = access.visible_case(g.user, case_id)
    if case is None:
        abort(404)
    return case


def form_or_404(form_id: int) -> FormRecord:
    form = access.visible_form(g.user, form_id)
    if form is None:
        abort(404)
    return form


def document_or_404(document_id: int) -> Document:
    document = access.visible_document(g.user, document_id)
    if document is None:
        abort(404)
    return document
