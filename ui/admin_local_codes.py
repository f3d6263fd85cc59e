"""Mã thủ tục địa phương: an administrator resolves a LOCAL.* procedure code to the national one.

Dossiers received under a local code are refused by the portal. The tab lists each local
procedure with what it holds up (dossiers received, refused), proposes the national procedures
of the portal's catalogue that look alike (``procedure_matches``), and maps the chosen one after
a confirmation that says how many refused dossiers will be sent again: a wrong choice would send
citizens' dossiers under another procedure, so nothing is mapped without it. The core checks the
role again (only administrators map) and its refusal is shown as it is.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from counter_app import catalogue
from counter_app.local_codes import LocalProcedure, list_local_procedures, portal_catalogue_pulled
from counter_app.procedure_matches import Match, propose_matches
from counter_app.store import Store

from .context import AppContext
from .tasks import error_text
from .widgets.fields import ERROR_LABEL_STYLE
from .widgets.tables import fill_rows, row_table


def _load(store: Store) -> tuple[bool, list[LocalProcedure]]:
    return portal_catalogue_pulled(store), list_local_procedures(store)


class LocalCodesTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.local_rows: list[LocalProcedure] = []
        self.matches: list[Match] = []
        self.pulled = False
        self.confirmation: QMessageBox | None = None
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.locals = row_table([self.tr("Local code"), self.tr("Received"), self.tr("Refused by the portal"),
                                 self.tr("National code"), self.tr("Procedure")])
        self.proposals = row_table([self.tr("National code"), self.tr("Likeness"), self.tr("Field"),
                                    self.tr("Procedure")])  # the long name last, where the table stretches
        self.mapping = QLabel()
        self.assign = QPushButton(self.tr("&Assign national code"))
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        for text, table in ((self.tr("&Local procedures"), self.locals),
                            (self.tr("&Proposed national procedures, most alike first"), self.proposals)):
            label = QLabel(text)
            label.setBuddy(table)
            layout.addWidget(label)
            layout.addWidget(table)
        row = QHBoxLayout()
        row.addWidget(self.mapping, 1)
        row.addWidget(self.assign)
        layout.addLayout(row)
        layout.addWidget(self.feedback)
        self.locals.currentCellChanged.connect(lambda *_: self._chosen())
        self.assign.clicked.connect(self._confirm)
        context.tasks.dossiersChanged.connect(self._changed)  # a sync or a mapping changes the counts

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _changed(self) -> None:
        """Counted again only while on screen: every save emits the signal, and counting reads every dossier."""
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self.context.tasks.run_read(_load, self.context.store, on_done=self._show,
                                    on_error=lambda exc: self._say(error_text(exc), error=True))

    def selected(self) -> LocalProcedure | None:
        row = self.locals.currentRow()
        return self.local_rows[row] if 0 <= row < len(self.local_rows) else None

    def _show(self, loaded: tuple[bool, list[LocalProcedure]]) -> None:
        self.pulled, rows = loaded
        current = self.selected()
        self.local_rows = rows
        self.locals.blockSignals(True)
        fill_rows(self.locals, [[r.procedure.code, str(r.received), str(r.refused), r.procedure.mapped_code or "—",
                                 r.procedure.name] for r in rows])
        codes = [r.procedure.code for r in rows]
        self.locals.setCurrentCell(codes.index(current.procedure.code) if current and current.procedure.code in codes
                                   else (0 if rows else -1), 0)
        self.locals.blockSignals(False)
        after = self.selected()
        self._chosen(same=current is not None and after is not None and current.procedure.code == after.procedure.code)

    def _chosen(self, *, same: bool = False) -> None:
        """The chosen local procedure's mapping, and the national procedures proposed for it.

        A refresh of the same one (every sync emits ``dossiersChanged``) keeps the proposals and the
        administrator's choice among them until the new ones arrive; choosing another local procedure
        empties them first, so its proposals are never taken for the previous one's.
        """
        local = self.selected()
        if not same:
            self.matches = []
            fill_rows(self.proposals, [])
        self._note("" if self.pulled else
                   self.tr("The procedure catalogue has not been downloaded from the portal yet: synchronise."))
        if local is None:
            self.mapping.setText("")
            return
        self.mapping.setText(self.tr("{local} → {national}").format(local=local.procedure.code,
                                                                       national=local.procedure.mapped_code)
                             if local.procedure.mapped_code else self.tr("{local}: not mapped yet").format(
                                 local=local.procedure.code))
        if self.pulled:
            self.context.tasks.run_query(propose_matches, self.context.store, local.procedure.code, parent=self,
                                         on_done=lambda found, code=local.procedure.code: self._proposed(code, found))

    def _proposed(self, code: str, found: list[Match]) -> None:
        local = self.selected()
        if local is None or local.procedure.code != code:  # another one was chosen meanwhile
            return
        row = self.proposals.currentRow()
        chosen = self.matches[row].procedure.code if 0 <= row < len(self.matches) else None
        self.matches = found
        fill_rows(self.proposals, [[m.procedure.code, f"{m.score:.2f}", m.procedure.field, m.procedure.name]
                                   for m in found])
        codes = [m.procedure.code for m in found]
        if found:
            self.proposals.setCurrentCell(codes.index(chosen) if chosen in codes else 0, 0)
        else:
            self._note(self.tr("No national procedure of the portal's catalogue looks like {local}.").format(local=code))

    def _confirm(self) -> None:
        local, row = self.selected(), self.proposals.currentRow()
        if local is None or not 0 <= row < len(self.matches):
            self._say(self.tr("Choose a local procedure and one of the proposed national procedures first."),
                      error=True)
            return
        national = self.matches[row].procedure
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Assign national code"), self.tr(
            "Send the dossiers of «{local}» to the portal as «{code} {name}»?\n\n"
            "{refused} dossier(s) refused by the portal will be sent again with the code {code}, and every dossier of "
            "this procedure from now on.").format(local=local.procedure.name, code=national.code, name=national.name,
                                                  refused=local.refused), QMessageBox.StandardButton.NoButton, self)
        assign = box.addButton(self.tr("&Assign"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole))
        assign.clicked.connect(lambda: self._map(local.procedure.code, national.code))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per question, not one more per click
        self.confirmation = box
        box.open()

    def _map(self, local: str, national: str) -> None:
        self.context.tasks.run_op(
            catalogue.map_code, self.context.store, self.context.actor, local, national, parent=self,
            on_done=lambda requeued: self._say(self.tr("{local} → {national}: {count} refused record(s) queued for the "
                                                       "portal again.").format(local=local, national=national,
                                                                               count=requeued), error=False),
            on_error=lambda exc: self._say(error_text(exc), error=True))

    def _note(self, text: str) -> None:
        """Why no national procedure is proposed (no catalogue yet, or nothing alike)."""
        self.notice.setStyleSheet(ERROR_LABEL_STYLE)
        self.notice.setText(text)

    def _say(self, text: str, *, error: bool) -> None:
        self.feedback.setStyleSheet(ERROR_LABEL_STYLE if error else "")
        self.feedback.setText(text)
