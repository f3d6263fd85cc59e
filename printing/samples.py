"""Write every paper for the demo data as PDF and PNG: ``python -m printing.samples OUTDIR``.

The PNGs (pdftoppm at 80 dpi) let reviewers and the README show the papers without a PDF viewer;
dates are fixed so that re-running gives the same files and a diff shows real changes only.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from counter_app.audit import Anchor

from . import demo_data as demo
from .apology import build_apology
from .control_sheet import build_control_sheet
from .daily_log import build_daily_log, scope_line
from .fee_ledger import build_fee_ledger
from .fee_receipt import build_fee_receipt
from .hi_card_request import build_hi_card_request
from .layout import write_pdf
from .receipt import build_receipt
from .refusal import build_refusal
from .stop_notice import build_stop_notice
from .supplement import build_supplement

DAY = date(2026, 11, 20)
# A fixed audit-log head for the daily log, so that re-running gives the same file.
LOG_ANCHOR = Anchor(1287, hashlib.sha256(b"demo audit record 1287").hexdigest())


def documents() -> dict[str, Callable[[], bytes]]:
    """File stem → builder, one per paper, all on the demo office."""
    office = demo.OFFICE
    residence = demo.residence_dossier()
    log_rows = [residence, demo.hi_card_dossier(), demo.business_dossier(),
                *demo.many_dossiers(37, day=DAY, first_number=15, first_receipt=124)]
    return {
        "01-giay-tiep-nhan": lambda: build_receipt(office, residence),
        "02-phieu-yeu-cau-bo-sung": lambda: build_supplement(
            office, residence, reason="Thiếu giấy tờ chứng minh quan hệ nhân thân với chủ hộ", on=DAY),
        "03-phieu-tu-choi": lambda: build_refusal(
            office, residence, reason="Chỗ ở đề nghị đăng ký thường trú không thuộc địa bàn xã Ba Vì",
            legal_basis="khoản 1 Điều 20 Luật Cư trú năm 2020", on=DAY),
        "04-phieu-xin-loi": lambda: build_apology(
            office, residence, new_due_at=datetime(2026, 12, 4, 15, 0),
            reason="Cần xác minh thêm thông tin về chỗ ở hợp pháp tại Công an xã",
            signer_title="GIÁM ĐỐC", signer_name="Nguyễn Văn Hùng", on=date(2026, 12, 1)),
        "05-thong-bao-dung-giai-quyet": lambda: build_stop_notice(office, demo.stopped_dossier(), signer_title="GIÁM ĐỐC",
                                                                signer_name="Nguyễn Văn Hùng"),
        "06-phieu-kiem-soat": lambda: build_control_sheet(office, residence),
        "07-so-theo-doi-ho-so": lambda: build_daily_log(
            office, demo.log_lines(log_rows), scope_label=scope_line(office.counter_no), books=["01/2026"],
            period_label="Ngày 20 tháng 11 năm 2026", staff_name="Trần Thị Lan Anh", on=DAY,
            anchor=LOG_ANCHOR),
        "mau-2-cap-lai-the-bhyt": lambda: build_hi_card_request(office, demo.hi_card_dossier()),
        "mau-4-bhyt-ho-gia-dinh": lambda: build_hi_card_request(office, demo.household_dossier()),
        "tk1-ts-bhxh-tu-nguyen": lambda: build_hi_card_request(office, demo.voluntary_dossier()),
        "tk1-ts-2023-cap-lai-the-bhyt": lambda: build_hi_card_request(
            office, replace(demo.hi_card_dossier(), received_at=datetime(2026, 4, 20, 9, 10))),
        "bien-lai-thu-phi": lambda: build_fee_receipt(office, demo.business_dossier(), series="BL-26E"),
        "so-thu-phi-le-phi": lambda: build_fee_ledger(office, log_rows, day_label="Ngày 20 tháng 11 năm 2026", on=DAY),
    }


def write_samples(outdir: Path, *, png: bool = True) -> list[Path]:
    """Build every paper into ``outdir``; PNG pages too when poppler's pdftoppm is installed."""
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    pdftoppm = shutil.which("pdftoppm") if png else None
    for stem, build in documents().items():
        pdf = write_pdf(build(), outdir / f"{stem}.pdf")
        written.append(pdf)
        if pdftoppm:
            for old in outdir.glob(f"{stem}-*.png"):
                old.unlink()
            subprocess.run([pdftoppm, "-r", "80", "-png", str(pdf), str(outdir / stem)], check=True)
            written += sorted(outdir.glob(f"{stem}-*.png"))
    if png and not pdftoppm:
        print("pdftoppm not found (Debian: poppler-utils): PDFs only", file=sys.stderr)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m printing.samples OUTDIR", file=sys.stderr)
        return 2
    for path in write_samples(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
