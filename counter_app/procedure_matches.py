"""Which national procedures a local (``LOCAL.*``) one probably is, for an administrator to confirm.

The portal's catalogue reaches the local one with every sync (``LayDanhSachTTHC``), so the
candidates are the current national procedures we hold. They are ranked by how many words of
the folded names they share (abbreviations such as BHYT spelt out first, since the national
database writes "bảo hiểm y tế" where counters write "BHYT"), with a bonus for the same field.
Nothing is mapped here: a wrong guess would send citizens' dossiers under another procedure, so
the administrator chooses and runs ``catalogue.map_code``.
"""
from __future__ import annotations

from dataclasses import dataclass

from .catalogue import get_procedure, list_procedures
from .models import Procedure
from .procedure_search import spell_out
from .store import Store

# Words every procedure name uses: they say nothing about which procedure it is.
_COMMON = frozenset({"thu", "tuc", "doi", "voi", "cua", "va", "cho", "cac", "nguoi", "do", "bi", "hoac"})
FIELD_BONUS = 0.25
# Below this, two names share only incidental words ("đăng ký", "trú"): better no proposal.
MIN_SCORE = 0.4


@dataclass(frozen=True)
class Match:
    procedure: Procedure
    score: float  # 0..1.25: shared name words (Jaccard) plus the field bonus


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in spell_out(text).split() if w not in _COMMON)


def score(local: Procedure, candidate: Procedure) -> float:
    """How alike two procedures look by name and field."""
    mine, theirs = _words(local.name), _words(candidate.name)
    shared = len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0
    return shared + (FIELD_BONUS if shared and _words(local.field) == _words(candidate.field) else 0.0)


def propose_matches(store: Store, local_code: str, *, limit: int = 5) -> list[Match]:
    """National procedures that may be ``local_code``, most alike first (none when nothing is close)."""
    local = get_procedure(store, local_code)
    found = [Match(p, score(local, p)) for p in list_procedures(store) if p.national_code]
    return sorted((m for m in found if m.score >= MIN_SCORE), key=lambda m: (-m.score, m.procedure.code))[:limit]
