"""Contact details in the policy packs: optional for each organisation, checked when given,
and where the person's documents find a contact's phone, email, address and website."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from forms_app.documents.person import contacts
from forms_app.policy.packs import PACK_DIR, PackError, load_pack, load_pack_file

CONTACT_LINE = re.compile(r"(?m)^(team|phone|email|address|website) = .*\n")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "test.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("pack", ["worcestershire", "harrow"])
def test_each_pack_organisation_has_contact_details(pack) -> None:
    for organisation in load_pack(pack).organisations:
        details = organisation.contact
        assert details.team
        assert details.phone
        assert details.email
        assert details.website
        assert organisation.as_dict() == {"code": organisation.code, "name": organisation.name,
                                          "type": organisation.type}  # unchanged shape


def test_a_pack_without_contact_details_still_loads(tmp_path) -> None:
    text = CONTACT_LINE.sub("", (PACK_DIR / "worcestershire.toml").read_text(encoding="utf-8"))
    pack = load_pack_file(_write(tmp_path, text))
    assert pack.council.name == "Worcestershire County Council"
    assert not contacts.council_contact(pack).reachable


def test_an_unknown_organisation_key_is_still_refused(tmp_path) -> None:
    text = (PACK_DIR / "harrow.toml").read_text(encoding="utf-8")
    text = text.replace('role = "council"\n', 'role = "council"\nfax = "020 7946 0000"\n')
    with pytest.raises(PackError, match=r"organisations\[0\] missing or unknown keys: \['fax'\]"):
        load_pack_file(_write(tmp_path, text))


def test_an_empty_contact_value_is_refused(tmp_path) -> None:
    text = (PACK_DIR / "harrow.toml").read_text(encoding="utf-8")
    text = text.replace('phone = "020 7946 0117"', 'phone = "  "')
    with pytest.raises(PackError, match=r"'organisations\[0\]\.phone' has an invalid value"):
        load_pack_file(_write(tmp_path, text))


def test_the_form_comes_first_then_the_pack() -> None:
    pack = load_pack("worcestershire")
    worker = contacts.from_person(
        {"name": "Priya Shah", "phone": "01905 000000",
         "organisation": {"code": "E10000034", "name": "Worcestershire County Council",
                          "type": "local_authority"}}, pack)
    assert worker.phone == "01905 000000"  # the form's
    assert worker.email == "adultsocialcare@worcestershire.example"  # the pack's
    assert worker.address == "County Hall, Spetchley Road, Worcester WR5 2NP"
    stranger = contacts.from_person({"name": "Sam", "organisation": {"name": "Elsewhere"}}, pack)
    assert not stranger.reachable


def test_an_organisation_without_a_person_is_named_by_its_team() -> None:
    pack = load_pack("harrow")
    icb = contacts.from_organisation({"code": "QRV", "name": "NHS North West London "
                                      "Integrated Care Board", "type": "icb"}, pack)
    assert (icb.label, icb.phone, icb.person) == ("Mental Health Commissioning Team",
                                                 "020 7946 0217", False)
