"""Find a procedure by what the clerk types ("khai tu", "bhyt", "cap lai the"), best first.

The one ranking the receive form's picker and ``counter-app catalog find`` share. Matching runs
on folded text (:func:`counter_app.text.fold`): every typed word must start a word of the name
(or the text must start the procedure code). Ranking then rewards meaning, not frequency:

* a typed word that *is* a word of the name counts fully, one that only starts it counts half
  ("tu" is the word "tử" of "khai tử", merely the start of "tục" in "thủ tục");
* each word weighs its inverse document frequency over the catalogue's names, so the words
  nearly every procedure shares ("thủ tục", "đăng ký", "cấp") add almost nothing;
* the typed words found together, in order, as a phrase of the name weigh double;
* a name the typed words make more of counts more: the score is divided by the name's length
  relative to the catalogue's average, softened (BM25's length normalisation), so "khai sinh"
  finds "Đăng ký khai sinh" before "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh";
* counters' abbreviations ("bhyt", "cccd", "ks", "tt"…) stand for the words they abbreviate,
  in the query and in the names ("Cấp lại thẻ BHYT" is found by "bao hiem y te").

How often a procedure is used only breaks ties: the caller passes the procedures most used
first and equal scores keep that order, so the usual procedure stays one Enter away.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .models import Procedure
from .text import fold

__all__ = ["ABBREVIATIONS", "ProcedureHit", "ProcedureIndex", "spell_out"]

# Folded abbreviations a counter writes, with what each may stand for (the first in names).
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "bhyt": ("bao hiem y te",),
    "bhxh": ("bao hiem xa hoi",),
    "bhtn": ("bao hiem that nghiep",),
    "cccd": ("can cuoc cong dan", "can cuoc"),
    "cmnd": ("chung minh nhan dan",),
    "ubnd": ("uy ban nhan dan",),
    "ks": ("khai sinh",),
    "kt": ("khai tu",),
    "kh": ("ket hon",),
    "hn": ("hon nhan",),
    "ct": ("cu tru", "chung thuc"),
    "tt": ("tam tru", "thuong tru"),
    "hkd": ("ho kinh doanh",),
    "hgd": ("ho gia dinh",),  # "BHYT HGĐ"
    "tn": ("tu nguyen",),  # "BHXH TN"
    "xn": ("xac nhan",),
}
_WORD = re.compile(r"[0-9a-z]+")
PREFIX_WEIGHT = 0.5  # a typed word that only starts a word of the name
PHRASE_WEIGHT = 1.0  # added, times the words' weight, when they stand together in order
CODE_SCORE = 1000.0  # the text starts the procedure code: the clerk typed the code itself
LENGTH_WEIGHT = 0.3  # BM25's b: how much a long name's score shrinks (0: not at all, 1: in proportion)


def spell_out(text: str) -> str:
    """Folded ``text`` with each abbreviation replaced by the words it usually stands for."""
    return " ".join(ABBREVIATIONS.get(w, (w,))[0] for w in _WORD.findall(fold(text)))


@dataclass(frozen=True)
class ProcedureHit:
    procedure: Procedure
    score: float  # higher is better; only its order means anything


@dataclass(frozen=True)
class _Name:
    words: tuple[str, ...]
    padded: str  # " word word … " for whole-phrase tests


class ProcedureIndex:
    """The catalogue's folded names and word weights, built once per list of procedures."""

    def __init__(self, procedures: Sequence[Procedure]) -> None:
        self._procedures = list(procedures)
        self._names = [_name(p.name) for p in self._procedures]
        counts = Counter(w for n in self._names for w in set(n.words))
        total = len(self._names)
        self._weight = {w: math.log((total + 1) / c) for w, c in counts.items()}
        self._average_words = sum(len(n.words) for n in self._names) / total if total else 1.0

    def find(self, query: str) -> list[ProcedureHit]:
        """Procedures matching ``query``, best first; all of them, in the given order, for no text."""
        tokens = _WORD.findall(fold(query))
        if not tokens:
            return [ProcedureHit(p, 0.0) for p in self._procedures]
        code_prefix = query.strip().lower()
        hits = []
        for procedure, name in zip(self._procedures, self._names, strict=True):
            if procedure.code.lower().startswith(code_prefix):
                hits.append(ProcedureHit(procedure, CODE_SCORE))
            elif (found := self._score(name, tokens)) is not None:
                hits.append(ProcedureHit(procedure, found))
        return sorted(hits, key=lambda h: -h.score)  # stable: equal scores keep the usage order

    def _score(self, name: _Name, tokens: list[str]) -> float | None:
        total, chosen = 0.0, []
        for token in tokens:
            readings = [(s, phrase) for phrase, s in self._readings(name, token) if s is not None]
            if not readings:
                return None
            best, phrase = max(readings)
            total += best
            chosen.append(phrase)
        together = " ".join(chosen)
        if len(together.split()) > 1 and f" {together} " in name.padded:
            total += PHRASE_WEIGHT * sum(self._weight.get(w, 0.0) for w in together.split())
        return total / (1 - LENGTH_WEIGHT + LENGTH_WEIGHT * len(name.words) / self._average_words)

    def _readings(self, name: _Name, token: str) -> list[tuple[str, float | None]]:
        """The typed word itself, and each phrase it abbreviates (whose words must stand whole)."""
        own = [(token, self._word_score(name, token))]
        return own + [(p, self._phrase_score(name, p)) for p in ABBREVIATIONS.get(token, ())]

    def _word_score(self, name: _Name, typed: str) -> float | None:
        """A typed word: full weight when it is a word of the name, half when it starts one."""
        if typed in name.words:
            return self._weight.get(typed, 0.0)
        starts = [self._weight.get(w, 0.0) for w in name.words if w.startswith(typed)]
        return PREFIX_WEIGHT * max(starts) if starts else None

    def _phrase_score(self, name: _Name, phrase: str) -> float | None:
        words = phrase.split()
        if not all(w in name.words for w in words):
            return None
        return sum(self._weight.get(w, 0.0) for w in words)


def _name(text: str) -> _Name:
    words = tuple(spell_out(text).split())
    return _Name(words, f" {' '.join(words)} ")
