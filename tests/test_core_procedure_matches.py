"""Proposals of national procedures for a LOCAL.* one: close names first, nothing when nothing is close."""
from __future__ import annotations

import json

from counter_app import catalogue
from counter_app.procedure_matches import propose_matches
from counter_cli.main import main

LOCAL = "LOCAL.BHYT.CAPLAI"


def _add_national(store, code: str, name: str, field: str) -> None:
    entry = {"code": code, "name": name, "field": field, "national_code": True,
             "processing_time": {"value": 5, "unit": "working_days"}}
    with store.write() as conn:
        catalogue.import_entries(conn, [entry], "portal test")


def test_the_portals_reissue_procedure_is_proposed_first(store):
    field = catalogue.get_procedure(store, LOCAL).field
    _add_national(store, "1.014137", "Cấp lại thẻ bảo hiểm y tế do bị mất, hỏng", field)
    _add_national(store, "1.014138", "Cấp thẻ bảo hiểm y tế lần đầu", field)
    _add_national(store, "1.099999", "Cấp lại giấy phép lái xe", "Đường bộ")
    matches = propose_matches(store, LOCAL)
    assert [m.procedure.code for m in matches] == ["1.014137", "1.014138"]  # "BHYT" read as "bảo hiểm y tế"
    assert matches[0].score > matches[1].score


def test_no_proposal_when_only_incidental_words_are_shared(store):
    # The bundled catalogue has no health-insurance card procedure: better say nothing than guess.
    assert propose_matches(store, LOCAL) == []
    assert propose_matches(store, "LOCAL.CUTRU.XACNHAN") == []  # "…cư trú" is not "Đăng ký tạm trú"


def test_catalog_suggest_from_the_command_line(store, capsys):
    _add_national(store, "1.014137", "Cấp lại thẻ bảo hiểm y tế do bị mất, hỏng",
                  catalogue.get_procedure(store, LOCAL).field)
    capsys.readouterr()
    assert main(["--db", str(store.path), "catalog", "suggest", LOCAL, "--json"]) == 0
    assert [m["code"] for m in json.loads(capsys.readouterr().out)] == ["1.014137"]
    assert main(["--db", str(store.path), "catalog", "suggest", "LOCAL.NONE"]) != 0
    assert "LOCAL.NONE" in capsys.readouterr().err
