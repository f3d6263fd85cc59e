"""Dossier codes: format, uniqueness and no gaps, even with two processes receiving at once."""
from __future__ import annotations

import subprocess
import sys
from datetime import date

from factories import RECEIVER_PREAMBLE, TESTS_DIR, initialised_database
from hypothesis import given
from hypothesis import strategies as st

from counter_app.codes import CODE_PATTERN, format_code, next_dossier_code
from counter_app.store import Store

AGENCIES = st.from_regex(r"[A-Z][0-9]{2}(\.[0-9]{2}){1,3}", fullmatch=True)


@given(agency=AGENCIES, day=st.dates(date(2000, 1, 1), date(2099, 12, 31)), seq=st.integers(1, 99_999))
def test_code_format_round_trips(agency, day, seq):
    code = format_code(agency, day, seq)
    match = CODE_PATTERN.match(code)
    assert match and match["agency"] == agency
    assert match["day"] == day.strftime("%y%m%d")
    assert int(match["seq"]) == seq
    assert len(match["seq"]) >= 4


def test_sequence_restarts_each_day_and_rolls_back(tmp_path):
    store = Store(tmp_path / "c.sqlite3")
    with store.write() as conn:
        assert next_dossier_code(conn, "H15.50", date(2026, 11, 20)).endswith("-261120-0001")
        assert next_dossier_code(conn, "H15.50", date(2026, 11, 20)).endswith("-261120-0002")
        assert next_dossier_code(conn, "H15.50", date(2026, 11, 21)).endswith("-261121-0001")
    try:
        with store.write() as conn:
            next_dossier_code(conn, "H15.50", date(2026, 11, 20))
            raise RuntimeError("receive failed after the code was taken")
    except RuntimeError:
        pass
    with store.write() as conn:  # the failed receive gave its number back: no gap
        assert next_dossier_code(conn, "H15.50", date(2026, 11, 20)).endswith("-261120-0003")


WORKER = RECEIVER_PREAMBLE + """
rng = random.Random({seed})
for i in range({count}):
    services.receive_dossier(store, actor, request(store, rng=rng, received_at=datetime(2026, 11, 20, 9, 0)))
"""


def test_two_processes_get_distinct_gapless_codes(tmp_path):
    db = initialised_database(tmp_path / "c.sqlite3")
    procs = [
        subprocess.Popen([sys.executable, "-c", WORKER.format(tests=TESTS_DIR, db=str(db), seed=seed, count=500)])
        for seed in (1, 2)
    ]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    store = Store(db)
    with store.read() as conn:
        codes = [r[0] for r in conn.execute("SELECT code FROM dossiers")]
        numbers = sorted(r[0] for r in conn.execute("SELECT log_number FROM dossiers"))
    assert len(codes) == len(set(codes)) == 1000
    assert sorted(int(c.rsplit("-", 1)[1]) for c in codes) == list(range(1, 1001))
    assert numbers == list(range(1, 1001))
