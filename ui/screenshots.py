"""``python -m ui.screenshots OUTDIR`` (``make screenshots``): the main screens as PNG, in Vietnamese.

Runs the real widgets on a temporary database holding 1,000 received dossiers in several
states and a portal simulator, so each picture shows what a counter sees on a working day.
Needs a screen: ``make screenshots`` runs it under Xvfb at 1366×768, the usual counter PC.
"""
from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

import ui.widgets  # noqa: F401 - first: installs the PySide6 6.12 reference-count guard
from counter_app import catalogue, clock, office, services, settings, users
from counter_app.models import Actor, Applicant, DossierPaper, Office, Role
from counter_app.paths import open_store
from counter_app.store import Store

from . import look
from .context import AppContext
from .i18n import install_translator
from .tasks import TaskRunner

SIZE = (1366, 768)
PASSWORD = "matkhau-demo-123"
OFFICE = Office(agency_code="H26.49.09", agency_name="Trung tâm Phục vụ hành chính công xã Ba Vì",
                parent_agency_name="UBND xã Ba Vì", province="Thành phố Hà Nội", commune="Xã Ba Vì",
                place_name="Ba Vì", address="Thôn Đồng Phú, xã Ba Vì, thành phố Hà Nội", counter_name="Quầy số 2")
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Bùi", "Đỗ", "Vũ", "Võ"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Hồng", "Ngọc"]
GIVEN = ["Đức", "Hòa", "An", "Bình", "Dũng", "Hương", "Lan", "Thủy", "Quỳnh", "Tuấn", "Đào"]
PLACES = ["thôn Đông Phú", "xóm Chợ", "thôn Cẩm Lĩnh", "thôn Vật Lại", "xóm Mít"]
SCANNED = "001099012345|123456789|Nguyễn Văn Đức|01021999|Nam|Số 12 ngõ 45, thôn Đông Phú, xã Ba Vì, Hà Nội|15082021\r\n"


def wait_until(condition: Callable[[], object], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("screen did not settle")
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()


def type_keys(widget: QWidget, text: str) -> None:
    """One key event per character, as a keyboard or a USB scanner sends them."""
    for ch in text:
        if ch in "\r\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)
        QApplication.processEvents()


def shoot(widget: QWidget, out: Path, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(out / f"{name}.png"))
    print(f"saved {name}.png")


def demo_office(store: Store) -> Actor:
    office.save_office(store, OFFICE, by=None)
    admin = users.create_user(store, username="admin", full_name="Trần Thị Lan Anh", role=Role.ADMIN,
                              password=PASSWORD, by=None)
    return Actor.of(admin)


def demo_dossiers(store: Store, actor: Actor, count: int) -> list[str]:
    """``count`` dossiers over the last weeks; older ones moved on through transfer, result and return."""
    rng = random.Random(2026)
    national = [p for p in catalogue.list_procedures(store) if p.national_code]
    now = clock.now().replace(second=0)  # the office's time, as the app reads it
    codes = []
    for index in range(count):
        procedure = rng.choice(national)
        year = rng.randrange(1950, 2005)
        female = rng.random() < 0.5
        applicant = Applicant(
            full_name=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
            personal_id=f"001{(year // 100 - 19) * 2 + int(female)}{year % 100:02d}{rng.randrange(10**6):06d}",
            birth_date=date(year, rng.randrange(1, 13), rng.randrange(1, 29)), sex="female" if female else "male",
            address=f"Số {rng.randrange(1, 200)}, {rng.choice(PLACES)}, xã Ba Vì, thành phố Hà Nội",
            phone=f"09{rng.randrange(10**8):08d}")
        received = now - timedelta(minutes=(count - index) * 37)
        papers = tuple(DossierPaper(p.name, p.form, p.count) for p in procedure.papers if p.required)
        code = services.receive_dossier(store, actor, services.ReceiveRequest(
            procedure_code=procedure.code, applicant=applicant, papers=papers, received_at=received)).code
        age = count - index
        if age > 40:
            services.transfer(store, actor, code, processing_agency=procedure.agency or OFFICE.parent_agency_name,
                              at=received + timedelta(hours=1))
        if age > 200:
            services.record_result_ready(store, actor, code, at=received + timedelta(days=2))
        if age > 400:
            services.return_result(store, actor, code, recipient=applicant.full_name, at=received + timedelta(days=3))
        codes.append(code)
    return codes


def server_setup_screen(out: Path, work: Path) -> None:
    """The wizard's first page, joining an office server whose office is set up (as the test would say)."""
    from PySide6.QtCore import QSettings

    from counter_app.office_server import ServerState

    from .setup_wizard import SetupWizard

    tasks = TaskRunner()
    wizard = SetupWizard(tasks=tasks, settings=QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat),
                         open_local=lambda: None)
    wizard.show()
    page = wizard.storage_page
    page.server.setChecked(True)
    page.host.setText("192.168.1.10")
    page.password.setText("matkhau-quay")
    page.tested(ServerState.READY)
    page.test_button.setFocus()
    shoot(wizard, out, "01-setup-server")
    wizard.close()
    tasks.shutdown()


def setup_screens(out: Path, work: Path) -> None:
    from .login import LoginDialog
    from .setup_wizard import SetupWizard

    server_setup_screen(out, work)
    store = open_store(work / "new.sqlite3")
    wizard = SetupWizard(store)
    wizard.show()
    wizard.office_page.form.set_office(OFFICE)
    wizard.office_page.form.agency_code.setFocus()
    shoot(wizard, out, "01-setup")
    wizard.close()
    demo_office(store)
    tasks = TaskRunner()
    login = LoginDialog(store, tasks)
    login.show()
    type_keys(login.username, "admin")
    login.password.setFocus()
    type_keys(login.password, "matkhau")
    shoot(login, out, "02-login")
    login.close()
    tasks.shutdown()
    store.close()


def counter_screens(out: Path, work: Path) -> None:
    from sync.config import PortalConfig, save_config
    from sync.mapping import portal_procedure
    from sync.simulator.process import running_simulator

    from .main_window import MainWindow

    store = open_store(work / "counter.sqlite3")
    actor = demo_office(store)
    codes = demo_dossiers(store, actor, 1000)
    reissue = catalogue.get_procedure(store, "LOCAL.BHYT.CAPLAI")
    local = services.receive_dossier(store, actor, services.ReceiveRequest(
        procedure_code=reissue.code, applicant=Applicant(full_name="Lê Văn Ưng", personal_id="001058012345",
                                                         birth_date=date(1958, 1, 7), sex="male"),
        papers=tuple(DossierPaper(p.name, p.form, p.count) for p in reissue.papers if p.required))).code
    office.set_setting(store, settings.SYNC_INTERVAL_MINUTES.key, "0.02")
    os.environ["COUNTER_PORTAL_PASSWORD"] = PASSWORD  # this process only
    with running_simulator(work, account=("xa-ba-vi", PASSWORD)) as sim:
        save_config(store, PortalConfig(url=sim.url, username="xa-ba-vi", agency_code=OFFICE.agency_code,
                                        insecure_http=True))
        with store.read() as conn:  # the portal offers the procedure of Decision 2306/QĐ-BYT (issue 13)
            entry = catalogue.current_entry(conn, reissue.code)
        sim.put_procedure(portal_procedure({**entry, "code": "1.014137", "name": "Cấp thẻ bảo hiểm y tế"}, "demo.1"))
        tasks = TaskRunner()
        window = MainWindow(AppContext(store=store, actor=actor, office=office.get_office(store), tasks=tasks))
        window.resize(*SIZE)
        window.show()
        receive = window.receive_page
        wait_until(lambda: receive.picker.list.count() > 0)
        receive.picker.filter_edit.setFocus()
        type_keys(receive.picker.filter_edit, "dang ky khai sinh")
        receive.applicant.scan.setFocus()
        type_keys(receive.applicant.scan, SCANNED)
        type_keys(receive.applicant.phone.edit, "0912 345 678")
        receive.subject.toggle.setChecked(True)  # the father registers his newborn son
        for field, text in ((receive.subject.full_name, "Nguyễn Minh An"), (receive.subject.birth_date, "02/11/2026"),
                            (receive.subject.relation, "con")):
            field.edit.setFocus()
            type_keys(field.edit, text)
        shoot(window, out, "03-receive")

        window.show_section("dossiers")
        page = window.dossiers_page
        wait_until(lambda: page.model.total >= 1000)
        shoot(window, out, "04-dossiers")
        detail = page.open_detail(codes[-450])
        wait_until(lambda: detail.dossier is not None)
        detail.resize(1000, 700)
        shoot(detail, out, "05-detail")
        detail.close()

        window.show_section("returns")
        wait_until(lambda: window.returns_page.model.total > 0)
        shoot(window, out, "06-returns")

        window.printing.print_receipt(codes[-1])
        wait_until(lambda: window.printing.preview is not None and window.printing.preview.isVisible())
        preview = window.printing.preview
        preview.resize(1100, 740)
        QTest.qWait(500)  # let the PDF view paint its first page
        shoot(preview, out, "07-print-preview")
        preview.close()

        window.show_section("sync")
        wait_until(lambda: window.sync_worker.state.failed == 1 and window.sync_page.runs.rowCount() > 0, 60)
        shoot(window, out, "08-sync")
        assert local  # the refused LOCAL.* dossier is the one the sync section shows

        window.show_section("admin")
        window.stack.currentWidget().page.setCurrentIndex(2)  # the calendar tab
        QTest.qWait(300)
        shoot(window, out, "09-admin-calendar")
        admin = window.stack.currentWidget().page
        admin.setCurrentWidget(admin.settings)
        QTest.qWait(300)
        shoot(window, out, "11-admin-settings")
        admin.setCurrentWidget(admin.local_codes)
        wait_until(lambda: admin.local_codes.proposals.rowCount() > 0)
        shoot(window, out, "13-admin-local-codes")

        window.show_section("report766")
        section = window.stack.currentWidget()
        wait_until(lambda: section.page is not None and section.page.report is not None)
        shown = section.page.report
        # The last 30 days, not "this month so far", which on the 1st holds almost nothing.
        section.page.start.setDate(QDate(clock.today() - timedelta(days=30)))
        section.page.refresh()
        wait_until(lambda: section.page.report is not shown)
        QTest.qWait(300)
        shoot(window, out, "12-chi-so-766")

        window.idle_lock.lock()
        QTest.qWait(200)
        shoot(window, out, "10-lock")
        window.sync_worker.shutdown()
        window.close()
        tasks.shutdown()
    store.close()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("QuayMotCua-screenshots")
    look.set_up(app)
    install_translator(app, "vi")
    with tempfile.TemporaryDirectory() as tmp:
        setup_screens(out, Path(tmp))
        counter_screens(out, Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
