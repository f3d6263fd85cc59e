"""How a procedure's fee is computed from what the citizen hands in (pages, copies, sets).

The catalogue gives each fee an optional ``calc`` beside its free-text ``rule``: the text is
what the law says, ``calc`` is the part of it a machine can apply, so the clerk no longer works
out "3 copies of a 10-page diploma" by hand (issue 11). A fee without ``calc`` is a fixed
amount per dossier, as before.

The per-page rule with thresholds is the certification fee of Circular 226/2016/TT-BTC
(11/11/2016, Ministry of Finance), its fee table: *phí chứng thực bản sao từ bản chính* 2.000 đồng
per page, from the third page 1.000 đồng per page, at most 200.000 đồng per copy, pages counted
on the original. The circular is still the one in force for this fee (no later circular found
that changes these amounts; checked against a notary office's public fee page citing it, see
the catalogue entry 2.000815's sources).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise
from typing import Any

from .errors import ValidationError


class FeeBasis(StrEnum):
    """What one unit of the fee is charged on."""

    FIXED = "fixed"  # once per dossier
    PER_COPY = "copy"  # per copy issued (bản sao)
    PER_PAGE = "page"  # per page of the original, per copy, with page tiers and a cap per copy
    PER_SET = "set"  # per set of papers (bộ hồ sơ)
    EXEMPT = "exempt"  # not collected, for the reason given


@dataclass(frozen=True)
class PageTier:
    """From this page on (1-based), each page costs ``vnd_per_page``."""

    from_page: int
    vnd_per_page: int


@dataclass(frozen=True)
class FeeRule:
    basis: FeeBasis
    unit_vnd: int = 0  # per dossier, per copy or per set; unused per page and when exempt
    tiers: tuple[PageTier, ...] = ()  # per page only, by ascending first page
    cap_per_copy_vnd: int | None = None  # per page only
    exempt_reason: str = ""  # exempt only: printed on the receipt

    @property
    def asks_pages(self) -> bool:
        return self.basis is FeeBasis.PER_PAGE

    @property
    def asks_copies(self) -> bool:
        return self.basis in (FeeBasis.PER_PAGE, FeeBasis.PER_COPY)

    def amount(self, *, pages: int = 1, copies: int = 1, sets: int = 1) -> int:
        """The amount in đồng; raises ValidationError for a count below 1."""
        for count, what in ((pages, "số trang"), (copies, "số bản"), (sets, "số bộ")):
            if count < 1:
                raise ValidationError(f"{what.capitalize()} phải từ 1 trở lên.")
        if self.basis is FeeBasis.EXEMPT:
            return 0
        if self.basis is FeeBasis.PER_COPY:
            return self.unit_vnd * copies
        if self.basis is FeeBasis.PER_SET:
            return self.unit_vnd * sets
        if self.basis is FeeBasis.PER_PAGE:
            return self._one_copy(pages) * copies
        return self.unit_vnd

    def _one_copy(self, pages: int) -> int:
        total = 0
        for index, tier in enumerate(self.tiers):
            last = self.tiers[index + 1].from_page - 1 if index + 1 < len(self.tiers) else pages
            charged = min(last, pages) - tier.from_page + 1
            total += max(0, charged) * tier.vnd_per_page
        return total if self.cap_per_copy_vnd is None else min(total, self.cap_per_copy_vnd)


def describe(rule: FeeRule, *, pages: int = 1, copies: int = 1, sets: int = 1) -> str:
    """What an amount was computed on, as the receipt and the fee ledger print it ('' for a fixed fee)."""
    if rule.basis is FeeBasis.PER_PAGE:
        return f"{pages} trang × {copies} bản"
    if rule.basis is FeeBasis.PER_COPY:
        return f"{copies} bản"
    if rule.basis is FeeBasis.PER_SET:
        return f"{sets} bộ"
    return ""


def fixed(amount_vnd: int | None) -> FeeRule:
    return FeeRule(FeeBasis.FIXED, unit_vnd=amount_vnd or 0)


def rule_from_calc(calc: dict[str, Any] | None, amount_vnd: int | None) -> FeeRule:
    """The rule of a catalogue fee from its ``calc`` object (None: a fixed amount); ValueError when malformed."""
    if not calc:
        return fixed(amount_vnd)
    basis = FeeBasis(calc.get("per", "fixed"))
    if basis is FeeBasis.EXEMPT:
        reason = calc.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise ValueError("an exempt fee needs its reason")
        return FeeRule(basis, exempt_reason=reason.strip())
    if basis is not FeeBasis.PER_PAGE:
        return FeeRule(basis, unit_vnd=_whole(calc.get("vnd", amount_vnd)))
    tiers = tuple(PageTier(_whole(t["from_page"]), _whole(t["vnd"])) for t in calc.get("tiers", []))
    if not tiers or tiers[0].from_page != 1 or any(a.from_page >= b.from_page for a, b in pairwise(tiers)):
        raise ValueError("page tiers must start at page 1 and rise")
    cap = calc.get("cap_per_copy_vnd")
    return FeeRule(basis, tiers=tiers, cap_per_copy_vnd=None if cap is None else _whole(cap))


def rule_from_json(text: str, amount_vnd: int | None) -> FeeRule:
    """The rule as stored in ``procedure_fees.calc`` ('' for a fixed amount)."""
    return rule_from_calc(json.loads(text) if text else None, amount_vnd)


def _whole(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{value!r} is not a whole amount")
    return value
