"""What a supplement request asks for: the procedure's papers as tick boxes, plus free text.

Staff tick the papers the citizen must bring (Space on each, Tab between them) instead of
typing their names, so the Phiếu yêu cầu bổ sung names them exactly as the catalogue does and
the paper's form and count print in its table; anything else (a signature missing on a form,
a paper the catalogue does not list) goes in the text box, one per line.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QPlainTextEdit, QWidget

from counter_app.models import Dossier


def paper_choices(dossier: Dossier) -> list[tuple[str, bool]]:
    """(name, ticked at first): the procedure's papers, then papers of the dossier it does not list.

    The papers the counter recorded as not received start ticked: they are the likely ones.
    """
    missing = {p.name for p in dossier.papers if not p.received}
    names = [p.name for p in dossier.procedure.papers]
    names += [p.name for p in dossier.papers if p.name not in names]
    return [(name, name in missing) for name in dict.fromkeys(names)]


class SupplementPapers(QWidget):
    """Tick boxes for the papers and a box for the rest; :meth:`names` is what the service takes.

    A paper's name (often a long sentence) wraps in a label beside its box; clicking the label
    ticks the box, as clicking a check box's own text would.
    """

    def __init__(self, dossier: Dossier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        self.boxes: list[QCheckBox] = []
        self._labels: dict[QLabel, QCheckBox] = {}
        for row, (name, ticked) in enumerate(paper_choices(dossier)):
            box = QCheckBox(self)
            box.setChecked(ticked)
            box.setProperty("paper", name)
            box.setAccessibleName(name)
            label = QLabel(name, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.installEventFilter(self)
            grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
            self.boxes.append(box)
            self._labels[label] = box
        self.other_label = QLabel(self.tr("&Other papers or corrections (one per line):"), self)
        self.other = QPlainTextEdit(self)
        self.other.setTabChangesFocus(True)
        self.other.setFixedHeight(60)
        self.other_label.setBuddy(self.other)
        grid.addWidget(self.other_label, len(self.boxes), 0, 1, 2)
        grid.addWidget(self.other, len(self.boxes) + 1, 0, 1, 2)
        self.setFocusProxy(self.boxes[0] if self.boxes else self.other)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        box = self._labels.get(watched)  # type: ignore[call-overload]
        if box is not None and event.type() == QEvent.Type.MouseButtonRelease:
            box.toggle()
            box.setFocus()
            return True
        return super().eventFilter(watched, event)

    def names(self) -> list[str]:
        """Ticked papers in the catalogue's order, then each non-empty line of the text."""
        ticked = [str(box.property("paper")) for box in self.boxes if box.isChecked()]
        return ticked + [line for line in self.other.toPlainText().splitlines() if line.strip()]
