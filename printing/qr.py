"""QR codes drawn as vector squares, so they stay sharp on any printer and need no font.

The ``qrcode`` package computes the module matrix; we draw it ourselves with one filled path
per code (runs of dark modules merged into rectangles), which is faster than embedding a bitmap
and leaves nothing to resample when the receipt is printed at the printer's resolution.
"""
from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib import colors
from reportlab.platypus import Flowable

from counter_app.models import Dossier, Office


def qr_payload(office: Office, dossier: Dossier) -> str:
    """What the receipt's QR holds: the dossier code, or the status-lookup link ending in it.

    A phone camera opens a link directly, so when the office has a lookup page configured the
    code is appended to it (``{code}`` in the URL is replaced instead, for portals that take it
    in the middle); the code stays the last thing in the payload either way.
    """
    url = office.status_lookup_url.strip()
    if not url:
        return dossier.code
    if "{code}" in url:
        return url.replace("{code}", dossier.code)
    if url.endswith(("=", "/")):
        return url + dossier.code
    return f"{url}/{dossier.code}"


class QrFlowable(Flowable):
    """A square QR code of ``size`` points (quiet zone included) for ``data``."""

    def __init__(self, data: str, *, size: float) -> None:
        super().__init__()
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
        code.add_data(data)
        code.make(fit=True)
        self.matrix: list[list[bool]] = code.get_matrix()
        self.size = size
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        n = len(self.matrix)
        quiet = 4  # modules of white around the code, which scanners need
        module = self.size / (n + 2 * quiet)
        canv = self.canv
        path = canv.beginPath()
        for r, row in enumerate(self.matrix):
            y = self.size - (quiet + r + 1) * module
            c = 0
            while c < n:
                if row[c]:
                    start = c
                    while c < n and row[c]:
                        c += 1
                    path.rect((quiet + start) * module, y, (c - start) * module, module)
                else:
                    c += 1
        canv.saveState()
        canv.setFillColor(colors.black)
        canv.drawPath(path, stroke=0, fill=1)
        canv.restoreState()
