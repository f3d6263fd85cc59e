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


@given(agency=AGENCIES, day=st.dates(date(2000, 1, 1), date(2099, 12, 31)), counter=st.integers(1, 99),
       seq=st.integers(1, 99_999))
def test_code_format_round_trips(agency, day, counter, seq):
    code = format_code(agency, day, counter, seq)
    match = CODE_PATTERN.match(code)
    assert match and match["agency"] == agency
    assert match["day"] == day.strftime("%y%m%d")
    assert int(match["seq"][:2]) == counter and int(match["seq"][2:]) == seq
    assert len(match["seq"]) >= 6


@given(day=st.dates(date(2000, 1, 1), date(2099, 12, 31)),
       a=st.tuples(st.integers(1, 99), st.integers(1, 99_999)), b=st.tuples(st.integers(1, 99), st.integers(1, 99_999)))
def test_two_counters_never_share_a_code(day, a, b):
    """Codes are distinct whenever counter or sequence differ, and never equal a pre-counter four-digit code."""
    if a != b:
        assert format_code("H26.49.09", day, *a) != format_code("H26.49.09", day, *b)
    assert len(format_code("H26.49.09", day, *a).rsplit("-", 1)[1]) > 4


def test_counter_number_outside_range_is_refused():
    for counter in (0, 100):
        try:
            format_code("H26.49.09", date(2026, 11, 30), counter, 1)
        except ValueError:
            continue
        raise AssertionError(f"counter {counter} accepted")


def test_sequence_restarts_each_day_and_rolls_back(tmp_path):
    store = Store(tmp_path / "c.sqlite3")
    with store.write() as conn:
        assert next_dossier_code(conn, "H15.50", date(2026, 11, 20), 3).endswith("-261120-030001")
        assert next_dossier_code(conn, "H15.50", date(2026, 11, 20), 3).endswith("-261120-030002")
        assert next_dossier_code(conn, "H15.50", date(2026, 11, 21), 3).endswith("-261121-030001")
    try:
        with store.write() as conn:
            next_dossier_code(conn, "H15.50", date(2026, 11, 20), 3)
            raise RuntimeError("receive failed after the code was taken")
    except RuntimeError:
        pass
    with store.write() as conn:  # the failed receive gave its number back: no gap
        assert next_dossier_code(conn, "H15.50", date(2026, 11, 20), 3).endswith("-261120-030003")


WORKER = RECEIVER_PREAMBLE + """
rng = random.Random({seed})
yesterday = datetime.combine(datetime.now().date() - timedelta(days=1), datetime.min.time()).replace(hour=9)
for i in range({count}):
    services.receive_dossier(store, actor, request(store, rng=rng, received_at=yesterday))
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
    assert sorted(int(c.rsplit("-", 1)[1][2:]) for c in codes) == list(range(1, 1001))
    assert numbers == list(range(1, 1001))
