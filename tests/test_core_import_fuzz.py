"""Fuzzing ``dossier receive --from-json``: every file is received or refused cleanly.

For every refused file: exit code 2, one line on stderr, no traceback, and nothing written
(the dossier count and the outbox unchanged). Files are valid dossiers with one field
replaced by arbitrary JSON (or removed), arbitrary JSON documents, and arbitrary bytes.
Before the fix 409 of 3,000 such files ended in a traceback (issue 10).
"""
from __future__ import annotations

import copy
import json
from datetime import timedelta

import pytest
from factories import PASSWORD, initialised_database
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_core_cli import _dossier, run
from test_core_cli_failures import state

from counter_app import clock

# Text with what hostile files carry: invisible characters, Vietnamese letters, digits, quotes.
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(
    ["\x00", "\u200b", "\u202e", "\ufeff", "ễ", "Đ", "0", "-", ":", "T", "Z", "'"]), max_size=12)
SCALARS = (st.none() | st.booleans() | st.integers() | st.integers(min_value=-(10**40), max_value=10**40)
           | st.floats() | TEXT)
JSON_VALUES = st.recursive(
    SCALARS, lambda children: st.lists(children, max_size=3) | st.dictionaries(TEXT, children, max_size=3),
    max_leaves=8,
)
TOP_FIELDS = ["procedure_code", "applicant", "papers", "sets", "received_at", "delivery", "delivery_address",
              "summary", "note", "client_ref", "unknown"]
APPLICANT_FIELDS = ["full_name", "personal_id", "old_id", "birth_date", "sex", "address", "phone", "email",
                    "social_insurance_no", "hi_card_code", "unknown"]
MISSING = object()


@pytest.fixture
def db(tmp_path) -> str:
    """One database for all the examples: each compares its own before and after."""
    return str(initialised_database(tmp_path / "c.sqlite3"))


def _valid_entry() -> dict:
    day = clock.now().date() - timedelta(days=1)
    return _dossier(received_at=f"{day.isoformat()} 09:00")


@st.composite
def mutated_dossiers(draw: st.DrawFn) -> bytes:
    entries = [_valid_entry() for _ in range(draw(st.integers(1, 3)))]
    target = entries[draw(st.integers(0, len(entries) - 1))]
    if draw(st.booleans()):
        target = target["applicant"] = copy.deepcopy(target["applicant"])
        key = draw(st.sampled_from(APPLICANT_FIELDS))
    else:
        key = draw(st.sampled_from(TOP_FIELDS))
    value = draw(st.just(MISSING) | JSON_VALUES)
    if value is MISSING:
        target.pop(key, None)
    else:
        target[key] = value
    return json.dumps(entries, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


FILES = (mutated_dossiers()
         | JSON_VALUES.map(lambda v: json.dumps(v).encode())
         | st.binary(max_size=64)
         | st.builds(lambda prefix, body: prefix + body, st.sampled_from([b"\xef\xbb\xbf", b"[", b"[{"]),
                     st.binary(max_size=32)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=FILES)
def test_every_refused_import_file_leaves_one_line_and_nothing_written(db, tmp_path, capsys, content):
    path = tmp_path / "fuzz.json"
    path.write_bytes(content)
    before = state(db)
    code, out, err = run(capsys, "--db", db, "dossier", "receive", "--from-json", str(path), "--as", "canbo",
                           "--password-stdin", stdin=PASSWORD)
    if code == 0:
        return  # a valid file (a mutation that kept it valid) is simply received
    assert code == 2, err
    assert out == "" and "Traceback" not in err
    assert len(err.splitlines()) == 1 and err.startswith("error: "), err
    assert state(db) == before
