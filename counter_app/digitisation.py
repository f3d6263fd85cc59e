"""Which received papers must be digitised: the one home of the "xuất trình" exemption.

Circular 01/2023/TT-VPCP Art. 8 (kept by Circular 03/2025/TT-VPCP Art. 5) exempts a paper only
shown at the counter and handed back: nothing of it is kept, so nothing is scanned. A paper is
shown when the clerk chose that form (``PaperForm.SHOWN``) or when the catalogue names it so
("Giấy tờ tùy thân của người yêu cầu (xuất trình)"), as the bundled catalogue does for identity
papers and the originals a copy is certified from: such papers are exempt without anyone
choosing anything. ``needs_scan`` is the rule for one paper; ``needs_scan_sql`` the same rule
for the report's queries (SQLite and PostgreSQL alike).
"""
from __future__ import annotations

from .models import DossierPaper, PaperForm

SHOWN_MARK = "(xuất trình)"


def needs_scan(paper: DossierPaper) -> bool:
    return paper.form is not PaperForm.SHOWN and SHOWN_MARK not in paper.name


def needs_scan_sql(alias: str) -> str:
    """``needs_scan`` as a condition on a ``dossier_papers`` row named ``alias``."""
    return f"({alias}.form != '{PaperForm.SHOWN.value}' AND {alias}.name NOT LIKE '%{SHOWN_MARK}%')"
