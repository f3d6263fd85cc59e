"""The bundled catalogue and imports: versions, and a dossier keeps the version it was received under."""
from __future__ import annotations

import json

import pytest
from factories import add_users, make_store, request

from counter_app import catalogue, services
from counter_app.dossiers import get_dossier
from counter_app.errors import ValidationError
from counter_app.text import fold

MUST_HAVE = [
    "cap lai the bhyt", "bhyt ho gia dinh", "bao hiem xa hoi tu nguyen", "xac nhan thong tin ve cu tru",
    "khai sinh", "khai tu", "ket hon", "tinh trang hon nhan", "chung thuc ban sao", "ho kinh doanh",
]


@pytest.fixture
def setup(tmp_path):
    store = make_store(tmp_path / "c.sqlite3")
    return store, add_users(store)


def test_bundled_catalogue_covers_the_commune_counter(setup):
    store, _ = setup
    procedures = catalogue.list_procedures(store)
    assert len(procedures) >= 12
    names = [fold(p.name) for p in procedures]
    for needle in MUST_HAVE:
        assert any(needle in n for n in names), needle
    for p in procedures:
        assert p.papers and p.field and p.sources
    reissue = catalogue.get_procedure(store, "LOCAL.BHYT.CAPLAI")
    assert [paper.name for paper in reissue.papers if paper.required] == [
        "Tờ khai tham gia, điều chỉnh thông tin bảo hiểm y tế (Mẫu số 2, Nghị định 188/2025/NĐ-CP)"
    ]  # Decision 366/QĐ-BHXH Art. 4(1)(b): who takes health insurance only declares on Mẫu số 2


def test_import_adds_a_version_and_old_dossiers_keep_theirs(setup, tmp_path):
    store, actors = setup
    old = services.receive_dossier(store, actors["staff"], request(store, procedure_code="1.004194"))
    doc = json.loads(catalogue.bundled_path().read_text(encoding="utf-8"))
    entry = next(e for e in doc["procedures"] if e["code"] == "1.004194")
    entry["processing_time"]["value"] = 5
    doc["catalogue_version"] = "2027.1"
    path = tmp_path / "new.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert catalogue.import_file(store, path, by=actors["supervisor"]) == 1
    assert catalogue.import_file(store, path, by=actors["supervisor"]) == 0  # same content: nothing new
    current = catalogue.get_procedure(store, "1.004194")
    assert (current.version, current.processing_value) == (2, 5)
    kept = get_dossier(store, old.code).procedure
    assert (kept.version, kept.processing_value) == (1, 3)


def test_bad_catalogue_is_refused_and_changes_nothing(setup, tmp_path):
    store, actors = setup
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"procedures": [{"code": "X", "name": "Y", "field": "Z",
                                                "processing_time": {"value": 1, "unit": "weeks"}}]}))
    before = len(catalogue.list_procedures(store))
    with pytest.raises(ValidationError, match="weeks"):
        catalogue.import_file(store, path, by=actors["supervisor"])
    assert len(catalogue.list_procedures(store)) == before
