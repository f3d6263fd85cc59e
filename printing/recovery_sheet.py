"""Phiếu lưu khóa khôi phục dữ liệu: the database key on paper, for the office's safe.

Not a form of any regulation: an internal record. The key is 64 hexadecimal digits printed in
groups of four (read aloud and typed back without losing one's place) and as a QR code (a
scanner types it back whole); how to use it on a new machine is printed under it, and two
people sign for its handing-over, as for any key of the office.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from counter_app import clock
from counter_app.models import Office

from .layout import Signature, build_pdf, esc, heading, page_width, para, signatures, title
from .qr import QrFlowable

TITLE = "PHIẾU LƯU KHÓA KHÔI PHỤC DỮ LIỆU"
GROUP = 4


def key_groups(key: str) -> list[str]:
    """The key as lines of eight groups of four digits (64 digits: two lines)."""
    groups = [key[i:i + GROUP] for i in range(0, len(key), GROUP)]
    return [" ".join(groups[i:i + 8]) for i in range(0, len(groups), 8)]


def build_recovery_sheet(office: Office, db_path: Path, key: str, *, on: date | None = None) -> bytes:
    on = on or clock.today()
    width = page_width()
    story: list[Flowable] = heading(office, None, on=on, width=width)
    story += title(TITLE, "(Lưu giữ trong két của cơ quan — không sao chụp, không gửi qua mạng)")
    story += [
        para("Cơ sở dữ liệu của phần mềm Quầy Một Cửa tại máy này được mã hóa (SQLCipher, khóa 256 bit) "
             "để bảo vệ dữ liệu cá nhân theo Nghị định số 13/2023/NĐ-CP. Mất khóa là mất toàn bộ dữ liệu "
             "và các bản sao lưu: phiếu này là bản lưu duy nhất của khóa ngoài máy tính.", "prose"),
        para(f"Tệp cơ sở dữ liệu: <b>{esc(db_path)}</b>", "prose"),
        Spacer(1, 4 * mm),
    ]
    key_table = Table([[para(f"<font size='14'><b>{line}</b></font>", "center")] for line in key_groups(key)],
                      colWidths=[width * 0.8])
    key_table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, "black"), ("TOPPADDING", (0, 0), (-1, -1), 4),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    qr = QrFlowable(key, size=38 * mm)
    qr.hAlign = "CENTER"
    story += [key_table, Spacer(1, 4 * mm), qr, Spacer(1, 4 * mm)]
    story += [para("<b>Cách dùng khi cài lại máy hoặc chuyển sang máy mới</b>", "prose")] + [
        para(step, "prose") for step in (
            "1. Cài phần mềm, chép tệp cơ sở dữ liệu (hoặc bản sao lưu) vào máy mới.",
            "2. Chạy <b>counter-app --db TỆP key import</b> và nhập 64 ký tự trên "
            "(có thể gõ cả dấu cách) hoặc quét mã QR.",
            "3. Nếu khôi phục từ bản sao lưu: chạy tiếp <b>counter-app --db TỆP restore BẢN_SAO_LƯU</b>.",
            "Khi đổi khóa (counter-app key rotate), phiếu này hết hiệu lực: in phiếu mới và hủy phiếu cũ.",
        )
    ]
    story.append(Spacer(1, 6 * mm))
    story.append(signatures([Signature("NGƯỜI LẬP PHIẾU"), Signature("NGƯỜI NHẬN LƯU GIỮ")], width=width))
    return build_pdf(story, title_text=TITLE)
