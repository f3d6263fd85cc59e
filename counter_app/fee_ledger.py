"""What the counter collected: totals per clerk and per fee, and the day's receipts in order.

The daily log ends with these totals and the Sổ thu (fee ledger) lists the receipts behind
them, so the cash a clerk hands over at the end of the day can be checked against both. Pure
functions over loaded dossiers: the caller selects the day and the clerk. Insurance
contributions collected for Social Security are not fees: they are totalled apart
(``FeeTally.contribution_count``, ``contribution_vnd``), so the fee totals match the fee receipts and the cash still adds up.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .models import Dossier, DossierFee


@dataclass(frozen=True)
class FeeTotal:
    collector: str  # the clerk's full name (who received the dossier and took the money)
    fee_name: str
    count: int  # how many dossiers paid this fee
    amount_vnd: int


class FeeTally:
    """Collected amounts by clerk and fee, added up as dossiers go by.

    The daily log streams a month's rows and keeps none of them, so its fee totals are added
    while the rows print; :func:`fee_totals` is the same sum over a list.
    """

    def __init__(self) -> None:
        self._sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        self.contribution_count = 0  # contribution lines collected (household or voluntary insurance)
        self.contribution_vnd = 0

    def add(self, collector: str, fees: Iterable[DossierFee]) -> None:
        for fee in fees:
            if not fee.collected_vnd:
                continue
            if fee.is_contribution:
                self.contribution_count += 1
                self.contribution_vnd += fee.collected_vnd
                continue
            cell = self._sums[(collector, fee.name)]
            cell[0] += 1
            cell[1] += fee.collected_vnd

    def totals(self) -> list[FeeTotal]:
        """By clerk, then by fee, in name order; exempt and zero fees are left out."""
        return [FeeTotal(clerk, name, count, amount) for (clerk, name), (count, amount) in sorted(self._sums.items())]


def fee_totals(dossiers: Iterable[Dossier]) -> list[FeeTotal]:
    """Collected amounts by clerk, then by fee, in name order; exempt and zero fees are left out."""
    tally = FeeTally()
    for dossier in dossiers:
        tally.add(dossier.received_by_name, dossier.fees)
    return tally.totals()


def receipts_in_order(dossiers: Iterable[Dossier]) -> list[Dossier]:
    """The dossiers that collected money, by clerk, then by receipt book and number."""
    paid = [d for d in dossiers if d.total_fee_vnd]
    return sorted(paid, key=lambda d: (d.received_by_name, d.counter_no, d.fee_receipt_book or d.log_book,
                                       d.fee_receipt_number or d.log_number))
