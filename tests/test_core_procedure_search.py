"""Procedure search: meaning before frequency, shared words weigh little, abbreviations understood."""
from __future__ import annotations

import json

from factories import request

from counter_app import catalogue, services
from counter_app.procedure_search import ProcedureIndex
from counter_cli.main import main

BIRTH, DEATH = "1.001193", "1.000656"  # Thủ tục đăng ký khai sinh / khai tử


def _most_used_first(store, *, births: int = 3):
    """The catalogue as the form lists it, after a morning of birth registrations."""
    for _ in range(births):
        services.receive_dossier(store, store.test_actors["staff"], request(store, procedure_code=BIRTH))
    return catalogue.list_procedures(store, most_used_first=True)


def _codes(procedures, text: str) -> list[str]:
    return [hit.procedure.code for hit in ProcedureIndex(procedures).find(text)]


def test_a_whole_word_beats_the_start_of_a_shared_word_and_frequency(store):
    procedures = _most_used_first(store)
    assert procedures[0].code == BIRTH  # the most used comes first in the picker's order
    # "tu" starts "tục" in both names; only "khai tử" has the word "tử".
    assert _codes(procedures, "khai tu")[0] == DEATH
    assert _codes(procedures, "dang ky khai tu")[0] == DEATH
    assert _codes(procedures, "KHAI TỬ")[0] == DEATH


def test_frequency_only_breaks_ties(store):
    procedures = _most_used_first(store)
    tied = _codes(procedures, "dang ky khai")
    assert tied[:2] == [BIRTH, DEATH]
    rarely_used_first = sorted(procedures, key=lambda p: p.code != DEATH)
    assert _codes(rarely_used_first, "dang ky khai")[:2] == [DEATH, BIRTH]


def test_on_a_new_counter_the_name_the_words_make_most_of_comes_first(store):
    """No dossier yet, so no usage: "khai sinh" is the registration, not the copies of its extract."""
    procedures = catalogue.list_procedures(store, most_used_first=True)
    for typed in ("khai sinh", "ks", "dang ky khai sinh"):
        assert _codes(procedures, typed)[0] == BIRTH, typed
    assert "Giấy khai sinh" in next(p.name for p in procedures if p.code == _codes(procedures, "khai sinh")[1])


def test_words_every_procedure_shares_weigh_little(store):
    procedures = _most_used_first(store)
    # "thủ tục đăng ký" is in many names, "giám hộ" in one: the rare words decide.
    assert _codes(procedures, "thu tuc dang ky giam ho")[0] == "1.004837"
    assert _codes(procedures, "dang ky tam tru")[0] == "1.004194"


def test_abbreviations_stand_for_their_words(store):
    procedures = _most_used_first(store)
    assert _codes(procedures, "ks")[0] == BIRTH
    assert _codes(procedures, "kt") == [DEATH]
    assert set(_codes(procedures, "bhyt")) == {"LOCAL.BHYT.CAPLAI", "LOCAL.BHYT.HGD"}
    assert _codes(procedures, "cap lai bhyt")[0] == "LOCAL.BHYT.CAPLAI"
    assert _codes(procedures, "bao hiem y te")[0].startswith("LOCAL.BHYT")  # the name says "BHYT"
    assert _codes(procedures, "bhxh") == ["1.002179.000.00.00.H42"]
    assert set(_codes(procedures, "tt")) == {"1.004194", "1.004222"}  # tạm trú, thường trú
    assert _codes(procedures, "xn ct")[0] == "LOCAL.CUTRU.XACNHAN"
    assert _codes(procedures, "bhyt hgd") == ["LOCAL.BHYT.HGD"]  # "BHYT HGĐ", "BHXH TN" as counters write them
    assert _codes(procedures, "bhxh tn") == ["1.002179.000.00.00.H42"]
    extra = {"code": "LOCAL.CCCD", "name": "Cấp thẻ Căn cước công dân", "field": "Căn cước",
             "processing_time": {"value": 7, "unit": "working_days"}}
    with store.write() as conn:
        catalogue.import_entries(conn, [extra], "test")
    assert _codes(catalogue.list_procedures(store), "cccd") == ["LOCAL.CCCD"]


def test_code_prefix_and_no_match(store):
    procedures = _most_used_first(store)
    assert _codes(procedures, "1.0042") == ["1.004222"]
    assert _codes(procedures, "khai xyz") == []
    assert len(_codes(procedures, "  ")) == len(procedures)


def test_catalog_find_from_the_command_line(store, capsys):
    _most_used_first(store)
    capsys.readouterr()
    assert main(["--db", str(store.path), "catalog", "find", "khai tu", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in found] == [DEATH, BIRTH]
    assert found[0]["score"] > found[1]["score"]
    assert main(["--db", str(store.path), "catalog", "find", "kt"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{DEATH}\tThủ tục đăng ký khai tử"]
