"""Liberation Serif, registered once for every printed paper.

Official papers are set in Times New Roman (Decree 30/2020/NĐ-CP); Liberation Serif has the
same metrics and every Vietnamese glyph, and its SIL OFL licence lets us ship it
(``resources/fonts/OFL.txt``). reportlab's base-14 fonts cannot show Vietnamese, so no style,
table or canvas may fall back to them: :data:`SERIF` and friends are the only names to use.
"""
from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from counter_app.resources import resource_path

SERIF = "LiberationSerif"
SERIF_BOLD = "LiberationSerif-Bold"
SERIF_ITALIC = "LiberationSerif-Italic"
SERIF_BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the four faces and the family mapping, once per process.

    Parsing a TrueType file costs tens of milliseconds, so doing it per document would eat the
    receipt's time budget; the family mapping is what makes ``<b>``/``<i>`` in Paragraphs pick
    the bold and italic faces instead of silently staying regular. The lock keeps a print job
    started from a worker thread from racing the GUI thread's first print.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            path = resource_path("fonts", filename)
            # subfontIndex 0; reportlab embeds only the glyphs used (subsets), as the issue asks.
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD_ITALIC
        )
        _registered = True
