"""Keys a clerk presses per dossier on the real receive form, after the citizen's CCCD is scanned.

A scripted keyboard flow (QTest key events, offscreen) for three common commune dossiers:
certified copies of a paper (10 pages, 3 copies), a birth registration (the newborn as the
dossier's subject) and a lost health-insurance card (the TK1-TS needs the social insurance
number). There are no usage figures per procedure in the catalogue; the three are the ones the
clerk's trial in issue 11 handled most. Each flow starts on an empty form and ends with the
next one empty: typing the procedure, Tab to the scan box, the scan (the scanner types it, not
counted), the phone number, the papers, what the procedure asks, Ctrl+S, Ctrl+P (the receipt;
its preview prints with one more Enter unless the office prints receipts directly) and Ctrl+N.

Counted: every key event the script sends; a chord (Ctrl+S, Alt+G) is one key. Vietnamese text
is sent one event per composed character, so the count is also given as typed with Telex,
where each mark is one more key ("Nguyễn" = "Nguyeenx", 8 keys). Goal: at most 40 keys.
Run: ``python -m bench.bench_keystrokes``.
"""
from __future__ import annotations

import os
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import shiboken6
from factories import add_users, make_store
from PySide6.QtCore import QEventLoop, Qt, QTimer, SignalInstance
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from counter_app import clock, insurance
from counter_app.models import CONTRIBUTION_PREFIX

GOAL = 40
SCANNED = "001099012345|123456789|Nguyễn Văn Đức|01021999|Nam|Số 1 Ngõ 2, Phường Ba Đình, Hà Nội|15082021\r\n"
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def telex_keys(text: str) -> int:
    """Keys to type ``text`` with Telex: a letter, plus one key per mark ("ễ" = "eex"; "đ" = "dd")."""
    total = 0
    for ch in text:
        marks = sum(1 for c in unicodedata.normalize("NFD", ch) if unicodedata.combining(c))
        total += 1 + marks + (ch in "đĐ")
    return total


@dataclass
class Keyboard:
    """Sends key events to the focused widget and counts them."""

    events: int = 0
    telex: int = 0
    steps: list[str] = field(default_factory=list)

    @staticmethod
    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        if widget is None:
            raise RuntimeError("nothing has the keyboard focus")
        return widget

    def type(self, text: str) -> None:
        for ch in text:
            QTest.sendKeyEvent(QTest.KeyAction.Click, self.focused(), Qt.Key.Key_unknown, ch, NO_MODIFIER)
        self.events += len(text)
        self.telex += telex_keys(text)
        self.steps.append(repr(text))

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER, times: int = 1) -> None:
        for _ in range(times):
            QTest.keyClick(self.focused(), key, modifier)
        self.events += times
        self.telex += times
        name = key.name.removeprefix("Key_")
        prefix = {CTRL: "Ctrl+", ALT: "Alt+"}.get(modifier, "")
        self.steps.append(f"{prefix}{name}" + (f"×{times}" if times > 1 else ""))

    def scan(self, text: str) -> None:
        """The USB scanner types the card's QR code: not the clerk's keys."""
        for ch in text:
            if ch in "\r\n":
                QTest.keyClick(self.focused(), Qt.Key.Key_Return)
            else:
                QTest.sendKeyEvent(QTest.KeyAction.Click, self.focused(), Qt.Key.Key_unknown, ch, NO_MODIFIER)
        self.steps.append("[scan]")


def wait_for(signal: SignalInstance, trigger: Callable[[], None], timeout_ms: int = 10_000) -> None:
    """Run ``trigger`` and wait until ``signal`` fires (RuntimeError after the timeout)."""
    loop = QEventLoop()
    fired: list[bool] = []
    signal.connect(lambda *_args: (fired.append(True), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    trigger()
    if not fired:
        loop.exec()
    if not fired:
        raise RuntimeError(f"no {signal} within {timeout_ms} ms")


def _expect(condition: bool | Callable[[], bool], what: str, timeout_ms: int = 2_000) -> None:
    """The flow is where it should be (a callable is polled: an Alt key clicks after a short animation)."""
    check = condition if callable(condition) else (lambda: condition)
    for _ in range(timeout_ms // 10):
        if check():
            return
        QTest.qWait(10)
    raise RuntimeError(f"the keyboard flow went wrong: {what}")


def _start(page, keys: Keyboard, query: str, code: str) -> None:
    """Procedure by typing (the first match taken), Tab to the scan box, the scan, the phone number."""
    _expect(keys.focused() is page.picker.filter_edit, "the form does not start in the procedure box")
    keys.type(query)
    _expect(page.picker.current() is not None and page.picker.current().code == code, f"{query!r} picks {code}")
    keys.press(Qt.Key.Key_Tab)
    keys.scan(SCANNED)
    _expect(keys.focused() is page.applicant.phone.edit, "the scan leaves the cursor in the phone box")
    keys.type("0912345678")


def _tick_required_papers(page, keys: Keyboard) -> None:
    """Alt+Q ticks every required paper (checked on the desk) and goes on to the next box to fill."""
    keys.press(Qt.Key.Key_Q, ALT)
    _expect(lambda: page.papers.first_missing_required() is None, "Alt+Q ticks the required papers")


def certified_copies(page, keys: Keyboard) -> None:
    _start(page, keys, "ct ban sao", "2.000815")
    _tick_required_papers(page, keys)
    row = page.fees.rows[0]
    _expect(lambda: keys.focused() in (row.pages, *row.pages.findChildren(QWidget)), "Alt+Q goes on to the pages")
    keys.type("10")
    keys.press(Qt.Key.Key_Tab)
    keys.type("3")
    _expect(row.amount.value() == 36_000, "10 pages × 3 copies cost 36.000 đ")


def birth_registration(page, keys: Keyboard) -> None:
    _start(page, keys, "khai sinh", "1.001193")  # first even on a new database (procedure_search: name length)
    _tick_required_papers(page, keys)
    keys.press(Qt.Key.Key_G, ALT)  # "Lodged for someone else": the newborn
    _expect(lambda: keys.focused() is page.subject.full_name.edit, "Alt+G opens the subject block at the name")
    keys.type("Nguyễn Văn An")
    keys.press(Qt.Key.Key_Tab)
    keys.type("con")
    keys.press(Qt.Key.Key_Tab, times=2)  # no personal ID yet
    keys.type("25112026")


def _social_insurance_number(page, keys: Keyboard) -> None:
    keys.press(Qt.Key.Key_Tab, times=2)  # e-mail → social insurance number, which the TK1-TS asks
    _expect(keys.focused() is page.applicant.social_insurance_no.edit, "the social insurance number box")
    keys.type("0123456789")


def health_card_reissue(page, keys: Keyboard) -> None:
    _start(page, keys, "bhyt mat", "LOCAL.BHYT.CAPLAI")
    _social_insurance_number(page, keys)
    _tick_required_papers(page, keys)


def _quote(page, keys: Keyboard, typed: str, amount: int) -> None:
    """Alt+W opens the calculator on the procedure's scheme, cursor in its first box; Enter adds the fee."""
    keys.press(Qt.Key.Key_W, ALT)
    _expect(lambda: (calculator := getattr(page, "calculator", None)) is not None and shiboken6.isValid(calculator)
            and calculator.isVisible(), "the calculator")
    if typed:
        keys.type(typed)
    keys.press(Qt.Key.Key_Return)
    _expect(lambda: any(row.label.text().startswith(CONTRIBUTION_PREFIX) and row.amount.value() == amount
                        for row in page.fees.rows), f"the quote {amount} fills the contribution line")
    page.activateWindow()  # a window manager hands the form its focus back; offscreen Qt has none
    _expect(lambda: QApplication.focusWidget() is not None, "the form has the focus again")


def household_renewal(page, keys: Keyboard) -> None:
    _start(page, keys, "bhyt hgd", "LOCAL.BHYT.HGD")
    _social_insurance_number(page, keys)
    _tick_required_papers(page, keys)  # the members' list, Mẫu số 4 (Decision 366/QĐ-BHXH Art. 4(4.1)(a))
    today = clock.now().date()
    expected = insurance.household_health_insurance(members=3, start=today.replace(day=1), months=12, paid_on=today)
    _quote(page, keys, "3", expected.total_vnd)  # the calculator's defaults: from this month, 12 months


def voluntary_contribution(page, keys: Keyboard) -> None:
    _start(page, keys, "bhxh tn", "1.002179.000.00.00.H42")
    _social_insurance_number(page, keys)
    _tick_required_papers(page, keys)
    today = clock.now().date()
    lowest = insurance.voluntary_social_insurance(
        income_vnd=insurance.voluntary_income_range(today)[0], category=insurance.Category.OTHER,
        start=today.replace(day=1), months=1, paid_on=today)
    _quote(page, keys, "", lowest.total_vnd)  # the calculator's defaults: the lowest income, one month, "others"


# The portal's three most frequent counter dossiers (issue 13: household health insurance renewal
# 2,533, health-insurance card reissue 2,277, voluntary social insurance 796 in its first year),
# then the commune's two the clerk's trial in issue 11 handled most.
FLOWS: dict[str, Callable] = {
    "Gia hạn BHYT hộ gia đình (3 người, 12 tháng)": household_renewal,
    "Cấp lại thẻ BHYT do mất": health_card_reissue,
    "Đóng BHXH tự nguyện (mức thấp nhất)": voluntary_contribution,
    "Chứng thực bản sao (10 trang × 3 bản)": certified_copies,
    "Đăng ký khai sinh (con là chủ hồ sơ)": birth_registration,
}
MOST_COMMON = 3  # the goal is for the first three


def _finish(page, keys: Keyboard) -> str:
    """Ctrl+S, Ctrl+P for the receipt, Ctrl+N for the next citizen; returns the saved code."""
    codes: list[str] = []
    page.dossierSaved.connect(codes.append)
    wait_for(page.dossierSaved, lambda: keys.press(Qt.Key.Key_S, CTRL))
    printed: list[str] = []
    page.receiptRequested.connect(printed.append)
    keys.press(Qt.Key.Key_P, CTRL)
    _expect(printed == codes, "Ctrl+P asks for the receipt")
    keys.press(Qt.Key.Key_N, CTRL)
    _expect(keys.focused() is page.picker.filter_edit and not page.saved_code, "Ctrl+N empties the form")
    return codes[0]


def measure() -> dict[str, Keyboard]:
    """Run each flow on one receive page; the keys of each, checked against the saved dossier."""
    import ui.widgets  # noqa: F401 - the PySide6 6.12 reference-count guard
    from counter_app import office
    from counter_app.dossiers import get_dossier
    from ui.context import AppContext
    from ui.receive_form import ReceivePage
    from ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    results: dict[str, Keyboard] = {}
    with tempfile.TemporaryDirectory() as folder:
        store = make_store(Path(folder) / "counter.sqlite3")
        context = AppContext(store=store, actor=add_users(store)["staff"], office=office.get_office(store),
                             tasks=TaskRunner())
        try:
            page = ReceivePage(context)
            page.resize(1280, 900)
            wait_for(page.ready, page.show)
            page.activateWindow()
            app.processEvents()
            for name, flow in FLOWS.items():
                keys = Keyboard()
                flow(page, keys)
                code = _finish(page, keys)
                _expect(get_dossier(store, code).applicant.full_name == "Nguyễn Văn Đức", "the scanned applicant")
                results[name] = keys
            page.close()
        finally:
            context.tasks.shutdown()
            store.close()
    return results


def _steps_text(steps: list[str]) -> str:
    """The flow as read aloud, repeats folded ("Tab Tab Tab" → "Tab×3")."""
    folded: list[list] = []
    for step in steps:
        if folded and folded[-1][0] == step and not step.startswith("'"):
            folded[-1][1] += 1
        else:
            folded.append([step, 1])
    return " ".join(step + (f"×{n}" if n > 1 else "") for step, n in folded)


def main() -> None:
    results = measure()
    for name, keys in results.items():
        verdict = "within" if keys.telex <= GOAL else "over"
        print(f"{name}: {keys.events} key events, {keys.telex} keys with Telex ({verdict} the goal of {GOAL})")
        print("    " + _steps_text(keys.steps))
    common = list(results.values())[:MOST_COMMON]
    print(f"the {MOST_COMMON} most common: mean {sum(k.telex for k in common) / MOST_COMMON:.1f},"
          f" most {max(k.telex for k in common)} keys (Telex), goal <= {GOAL}")


if __name__ == "__main__":
    main()
