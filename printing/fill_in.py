"""Lines a citizen fills in by hand: a label followed by a dotted line to the right margin.

Declarations such as the TK1-TS are partly prefilled; where we know nothing the form must still
offer room to write, and a short "………" is not enough for a name or a birthplace. A dotted line
running to the margin is what the printed templates show.
"""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .fonts import SERIF, SERIF_BOLD, register_fonts

FONT_SIZE = 13
LEADING = 19  # a little taller than body text: handwriting needs the room


MIN_DOTS = 40  # points of dotted line at least; a longer label moves the dots to a second line


class FillIn(Flowable):
    """``number`` in bold, then ``label``, then dots to the right margin.

    With neither, it is a plain dotted line: a second line for a long answer.
    """

    def __init__(self, label: str = "", *, number: str = "", indent: float = 0.0) -> None:
        super().__init__()
        self.label, self.number, self.indent = label, number, indent

    def _text_width(self) -> float:
        register_fonts()
        number = stringWidth(self.number + " ", SERIF_BOLD, FONT_SIZE) if self.number else 0.0
        label = stringWidth(self.label + " ", SERIF, FONT_SIZE) if self.label else 0.0
        return self.indent + number + label

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.two_lines = self._text_width() + MIN_DOTS > availWidth
        return availWidth, LEADING * (2 if self.two_lines else 1)

    def draw(self) -> None:
        canvas = self.canv
        baseline = 4 + (LEADING if self.two_lines else 0)
        x = self.indent
        if self.number:
            canvas.setFont(SERIF_BOLD, FONT_SIZE)
            canvas.drawString(x, baseline, self.number + " ")
            x += stringWidth(self.number + " ", SERIF_BOLD, FONT_SIZE)
        if self.label:
            canvas.setFont(SERIF, FONT_SIZE)
            canvas.drawString(x, baseline, self.label + " ")
            x += stringWidth(self.label + " ", SERIF, FONT_SIZE)
        if self.two_lines:
            x, baseline = self.indent, 4
        canvas.saveState()
        canvas.setLineWidth(0.7)
        canvas.setDash(0.8, 2.6)
        canvas.line(x, baseline - 1, self.width, baseline - 1)
        canvas.restoreState()
