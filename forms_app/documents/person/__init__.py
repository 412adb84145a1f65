"""Documents the person receives: their rights leaflet and the letters sent to them.

``rights_leaflet`` (from an aftercare plan), ``discharge_letter`` (from a discharge decision)
and ``change_notice`` (the letter about a change, from a change notice), registered with
the document registry. Each is produced in the person's recorded format unless another
variant is asked for (``formats``). Every word they print comes from the gettext catalogues in
``forms_app/translations``; pictures are OpenMoji (CC BY-SA 4.0), see ``icons/README.md``.
"""

from __future__ import annotations

from forms_app.documents.person import change_letter, discharge_letter, formats, leaflet
from forms_app.documents.registry import Document, register

ALL_VARIANTS = ("standard", "easy_read", "large_print")

register(Document(name="rights_leaflet", build=leaflet.build,
                  docx="person/rights_leaflet.docx", html="person/rights_leaflet.html",
                  kinds=("aftercare_plan",), variants=ALL_VARIANTS,
                  choose_variant=formats.choose))
register(Document(name="discharge_letter", build=discharge_letter.build,
                  docx="person/discharge_letter.docx", html="person/discharge_letter.html",
                  kinds=("discharge_decision",), variants=ALL_VARIANTS,
                  choose_variant=formats.choose))
register(Document(name="change_notice", build=change_letter.build,
                  docx="person/change_notice.docx", html="person/change_notice.html",
                  kinds=("change_notice",), variants=ALL_VARIANTS,
                  choose_variant=formats.choose))
