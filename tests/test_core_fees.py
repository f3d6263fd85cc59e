"""Fees computed from the catalogue's rules, and fee receipts in their own gapless series (issue 11)."""
from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import datetime

import pytest
from factories import request

from counter_app import catalogue, services
from counter_app.errors import ValidationError
from counter_app.fees import FeeBasis, describe
from counter_app.models import DossierFee, PaymentMethod
from printing.fee_receipt import receipt_number_line

CERTIFIED_COPY = "2.000815"


@pytest.fixture
def certification_fee(store):
    (spec,) = catalogue.get_procedure(store, CERTIFIED_COPY).fees
    return spec.computation


@pytest.mark.parametrize(("pages", "one_copy"), [(1, 2_000), (2, 4_000), (3, 5_000), (10, 12_000), (300, 200_000)])
def test_certification_fee_by_pages_for_three_copies(certification_fee, pages, one_copy):
    """2.000 đ a page for pages 1–2, 1.000 đ from page 3, at most 200.000 đ a copy (TT 226/2016/TT-BTC)."""
    assert certification_fee.basis is FeeBasis.PER_PAGE
    assert certification_fee.amount(pages=pages, copies=1) == one_copy
    assert certification_fee.amount(pages=pages, copies=3) == 3 * one_copy
    assert describe(certification_fee, pages=pages, copies=3) == f"{pages} trang × 3 bản"


def test_a_count_below_one_is_refused(certification_fee):
    with pytest.raises(ValidationError, match="Số trang"):
        certification_fee.amount(pages=0, copies=1)


def test_copy_fee_and_exemption_come_from_the_catalogue(store):
    (copy_fee,) = catalogue.get_procedure(store, "2.000635").fees
    assert copy_fee.computation.amount(copies=4) == 32_000
    birth = catalogue.get_procedure(store, "1.001193")
    (on_time, *_rest) = services.default_fees(birth)
    assert on_time.method is PaymentMethod.EXEMPT and "Điều 11" in on_time.exempt_reason


def test_a_malformed_rule_is_refused_at_import(store, admin_actor, tmp_path):
    with store.read() as conn:
        entry = catalogue.current_entry(conn, CERTIFIED_COPY)
    entry["fees"][0]["calc"] = {"per": "page", "tiers": [{"from_page": 3, "vnd": 1000}]}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"procedures": [entry]}), encoding="utf-8")
    with pytest.raises(ValidationError, match="cách tính phí"):
        catalogue.import_file(store, path, by=admin_actor)


def test_the_computed_fee_and_its_basis_are_stored(store, staff_actor):
    base = request(store, procedure_code=CERTIFIED_COPY)
    (spec,) = catalogue.get_procedure(store, CERTIFIED_COPY).fees
    fee = DossierFee(spec.name, spec.computation.amount(pages=10, copies=3), detail="10 trang × 3 bản")
    dossier = services.receive_dossier(store, staff_actor, replace(base, fees=(fee,)))
    assert dossier.total_fee_vnd == 36_000
    assert dossier.fees[0].detail == "10 trang × 3 bản"


def test_fee_receipts_are_gapless_across_two_clerks(store):
    """Two clerks at one counter take turns; dossiers that collect nothing take no receipt number."""
    clerks = [store.test_actors["staff"], store.test_actors["supervisor"]]
    rng = random.Random(7)
    numbers = []
    for i in range(12):
        collects = i % 3 != 2
        base = request(store, rng=rng, received_at=datetime(2026, 11, 20, 9, i))
        fees = None if collects else (DossierFee("Lệ phí", 15_000, PaymentMethod.EXEMPT, "Hộ nghèo"),)
        dossier = services.receive_dossier(store, clerks[i % 2], replace(base, fees=fees))
        assert (dossier.fee_receipt_number is None) is not collects
        if collects:
            numbers.append(dossier.fee_receipt_number)
            assert dossier.fee_receipt_book_label == f"{dossier.counter_no:02d}/2026"
    assert numbers == list(range(1, 9))
    last = services.receive_dossier(store, clerks[1], request(store, rng=rng))
    assert "Quyển số: 01/2026   Số: 0000009" in receipt_number_line(last)  # printed on the receipt


def test_a_refused_receive_uses_no_receipt_number(store, staff_actor):
    first = services.receive_dossier(store, staff_actor, request(store))
    bad = replace(request(store), fees=(DossierFee("Lệ phí", -1),))
    with pytest.raises(ValidationError):
        services.receive_dossier(store, staff_actor, bad)
    second = services.receive_dossier(store, staff_actor, request(store))
    assert (first.fee_receipt_number, second.fee_receipt_number) == (1, 2)


def test_an_insurance_contribution_is_collected_but_is_no_fee(store, staff_actor):
    """Household health insurance collected at the counter: on the receipt and in the cash, but no fee receipt,
    no fee total, no Decision 766 fee line and no portal fee (Social Security issues its own receipt)."""
    from datetime import date

    from counter_app import insurance
    from counter_app.dossiers import get_dossier
    from counter_app.fee_ledger import FeeTally
    from counter_app.office import get_office
    from counter_app.reports.score766 import Period, report_766
    from sync.mapping import dossier_record

    quote = insurance.household_health_insurance(members=3, start=date(2026, 12, 1), months=12,
                                                 paid_on=date(2026, 11, 30))
    contribution = DossierFee(insurance.fee_name(quote), quote.total_vnd, PaymentMethod.TRANSFER)
    base = request(store, procedure_code="LOCAL.BHYT.HGD", received_at=datetime(2026, 11, 30, 9, 0))
    code = services.receive_dossier(store, staff_actor, replace(base, fees=(contribution,))).code
    dossier = get_dossier(store, code)
    assert dossier.contributions == (contribution,) and dossier.charges == ()
    assert (dossier.total_fee_vnd, dossier.total_collected_vnd) == (0, quote.total_vnd)
    assert dossier.fee_receipt_number is None  # no number of the fee receipt series is used up
    with pytest.raises(ValueError, match="không thu phí, lệ phí"):
        receipt_number_line(dossier)
    tally = FeeTally()
    tally.add(dossier.received_by_name, dossier.fees)
    assert tally.totals() == [] and (tally.contribution_count, tally.contribution_vnd) == (1, quote.total_vnd)
    assert report_766(store, Period(date(2026, 11, 1), date(2026, 11, 30))).total.payable == 0  # 3.6: no fee line
    assert dossier_record(dossier, get_office(store), "quay-1")["DanhSachLePhi"] == []
