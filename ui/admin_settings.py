"""Cài đặt (administrators): the settings of counter_app.settings, each with its bounds, on one screen.

The fields are built from the registry (label, type, bounds), so a new setting appears here by
being added there. The paper profile is the office's (``Office.regulation_profile``) and is saved
with the office profile; printers are those the system knows, or its default. Where python-sane is
installed, the scanner "Quét ngay" uses is chosen among those SANE finds (listed on a worker: SANE
probes every backend, seconds with network scanners), or typed.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from counter_app import office, sane_source, settings
from counter_app.models import Office
from counter_app.sane_source import ScannerDevice
from counter_app.settings import Setting
from printing.kinds import KIND_LABELS

from .context import AppContext
from .encryption_box import EncryptionBox
from .tasks import error_text
from .widgets.fields import ERROR_LABEL_STYLE

DAILY_LOG = ("daily-log", "Sổ theo dõi hồ sơ")
PAPER_PROFILES = {"nd118-2025": "Nghị định 118/2025/NĐ-CP, Thông tư 03/2025/TT-VPCP",
                  "tt01-2018": "Nghị định 61/2018/NĐ-CP, Thông tư 01/2018/TT-VPCP"}


def _printer_names() -> list[str]:
    from PySide6.QtPrintSupport import QPrinterInfo  # loaded with this screen only

    return sorted(QPrinterInfo.availablePrinterNames())


class SettingsTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.inputs: dict[Setting, QWidget] = {}
        self.printers = [settings.printer(kind, name) for kind, name in (*KIND_LABELS.items(), DAILY_LOG)]
        self.profile = QComboBox()
        for key, label in PAPER_PROFILES.items():
            self.profile.addItem(label, key)
        general = QFormLayout()
        for setting in (*settings.GENERAL, *settings.BACKUP):
            general.addRow(setting.label, self._input(setting))
        general.addRow(self.tr("Paper forms"), self.profile)
        if sane_source.available():
            general.addRow(settings.SCANNER_DEVICE.label, self._scanner_input())
        printers = QFormLayout()
        names = _printer_names()
        for setting in self.printers:
            combo = QComboBox()
            combo.setEditable(True)  # a printer installed later can be typed in
            combo.addItem(self.tr("(the system's default printer)"), "")
            for name in names:
                combo.addItem(name, name)
            self.inputs[setting] = combo
            printers.addRow(setting.label, combo)
        general_box = QGroupBox(self.tr("Counter"))
        general_box.setLayout(general)
        printers_box = QGroupBox(self.tr("Printers"))
        printers_box.setLayout(printers)
        self.save = QPushButton(self.tr("&Save settings"))
        self.save.clicked.connect(self._save)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save)
        bottom.addWidget(self.feedback, 1)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(general_box)
        column.addWidget(printers_box)
        self.encryption = EncryptionBox(context)
        column.addWidget(self.encryption)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.load()

    def _input(self, setting: Setting) -> QWidget:
        widget: QWidget
        if setting.kind is bool:
            widget = QCheckBox()
        elif setting.kind is int:
            widget = QSpinBox()
            widget.setRange(int(setting.minimum or 0), int(setting.maximum or 10**6))
        else:
            widget = QDoubleSpinBox()
            widget.setDecimals(0 if float(setting.minimum or 0).is_integer() else 2)
            widget.setRange(setting.minimum or 0, setting.maximum or 10**6)
        self.inputs[setting] = widget
        return widget

    def _scanner_input(self) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)  # a scanner switched off now can be typed in
        combo.addItem(self.tr("(the first scanner found)"), "")
        self.inputs[settings.SCANNER_DEVICE] = combo
        self.context.tasks.run_net(sane_source.devices, on_done=self._show_scanners, on_error=self._failed)
        return combo

    def _show_scanners(self, found: list[ScannerDevice]) -> None:
        if not isValid(self):  # the probe can outlast the administration section
            return
        combo = self.inputs[settings.SCANNER_DEVICE]
        assert isinstance(combo, QComboBox)
        for device in found:
            index = combo.findData(device.name)
            if index < 0:
                combo.addItem(device.label, device.name)
            else:
                combo.setItemText(index, device.label)  # the remembered one, shown before the list came

    def load(self) -> None:
        store = self.context.store

        def read() -> tuple[dict[Setting, Any], Office]:
            return {setting: settings.read(store, setting) for setting in self.inputs}, office.get_office(store)

        self.context.tasks.run_query(read, parent=self, on_done=self._show)

    def _show(self, data: tuple[dict[Setting, Any], Office]) -> None:
        values, profile = data
        for setting, value in values.items():
            widget = self.inputs[setting]
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                index = widget.findData(value)
                if index < 0:
                    widget.addItem(value, value)
                    index = widget.count() - 1
                widget.setCurrentIndex(index)
            else:
                widget.setValue(value)  # type: ignore[attr-defined]
        self.profile.setCurrentIndex(max(0, self.profile.findData(profile.regulation_profile)))

    def values(self) -> dict[Setting, Any]:
        result: dict[Setting, Any] = {}
        for setting, widget in self.inputs.items():
            if isinstance(widget, QCheckBox):
                result[setting] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                index = widget.currentIndex()
                typed = widget.currentText().strip()
                chosen = widget.itemData(index) if index >= 0 and widget.itemText(index) == typed else typed
                result[setting] = chosen or ""
            else:
                result[setting] = widget.value()  # type: ignore[attr-defined]
        return result

    def _save(self) -> None:
        store, actor, values, profile = self.context.store, self.context.actor, self.values(), self.profile.currentData()

        def save() -> Office:
            settings.write(store, values, by=actor)
            current = office.get_office(store)
            if current.regulation_profile != profile:
                current = replace(current, regulation_profile=profile)
                office.save_office(store, current, by=actor)
            return current

        self.context.tasks.run_query(save, parent=self, on_done=self._saved, on_error=self._failed)

    def _saved(self, profile: Office) -> None:
        self.context.office = profile
        self.feedback.setStyleSheet("")
        self.feedback.setText(self.tr("Saved. The idle lock and the sync interval apply from the next log-in."))

    def _failed(self, exc: BaseException) -> None:
        self.feedback.setStyleSheet(ERROR_LABEL_STYLE)
        self.feedback.setText(error_text(exc))
