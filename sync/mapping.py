"""Translation between our records and the portal's: dossiers, progress records, procedures.

Status codes come from ``counter_app.states.PORTAL_CODE`` (the one table); this module only
says which of our fields fills which portal field, so that a change of wording never needs a
change of the sync engine.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from counter_app.attachments import Attachment
from counter_app.models import (
    Delivery,
    Dossier,
    DossierFee,
    DossierPaper,
    Office,
    PaperForm,
    PaymentMethod,
    ProcessingUnit,
    StatusEvent,
)
from counter_app.states import ACTION_LABEL_VI, PORTAL_CODE, Action, Status

from .contract import INSTALLATION_FIELD, file_url, format_portal_time

# LoaiGiayTo of DanhSachTepDinhKemKhac and LOAIBAN of a procedure's papers.
PAPER_TYPE = {
    PaperForm.ORIGINAL: "1",
    PaperForm.CERTIFIED_COPY: "2",
    PaperForm.PHOTOCOPY: "3",
    PaperForm.ORIGINAL_OR_COPY: "4",
    PaperForm.SHOWN: "1",  # ours: an original, shown and handed back (the portal has no code for it)
}
PAPER_KIND_LABEL = {
    PaperForm.ORIGINAL: "Bản chính",
    PaperForm.CERTIFIED_COPY: "Bản sao chứng thực",
    PaperForm.PHOTOCOPY: "Bản photo",
    PaperForm.ORIGINAL_OR_COPY: "Bản chính hoặc bản sao",
    PaperForm.SHOWN: "Bản chính (xuất trình)",
}
PAPER_FORM_BY_LABEL = {label: form for form, label in PAPER_KIND_LABEL.items()}
# HinhThucThu: 1 cash, 2 transfer, 3 exempt.
PAYMENT_TYPE = {PaymentMethod.CASH: "1", PaymentMethod.TRANSFER: "2", PaymentMethod.EXEMPT: "3"}
UNIT_LABEL = {
    ProcessingUnit.WORKING_DAYS: "Ngày làm việc",
    ProcessingUnit.WORKING_HOURS: "Giờ làm việc",
    ProcessingUnit.SAME_DAY: "Trong ngày",
}
UNIT_BY_LABEL = {label: unit for unit, label in UNIT_LABEL.items()}
COUNTER_CHANNEL = "Trực tiếp"
PORTAL_HANDLER = "Cổng Dịch vụ công quốc gia"


def _time(value: Any) -> str:
    return format_portal_time(value) if value else ""


def _fee(fee: DossierFee) -> dict[str, Any]:
    return {
        "TenPhiLePhi": fee.name,
        "MaPhiLePhi": "",
        "HinhThucThu": PAYMENT_TYPE[fee.method],
        "Gia": 0 if fee.method is PaymentMethod.EXEMPT else fee.amount_vnd,
        # LoaiPhiLePhi: 1 phí, 2 lệ phí (by the fee's own name, as the catalogue writes it).
        "LoaiPhiLePhi": "2" if fee.name.lower().startswith("lệ phí") else "1",
    }


def _paper(paper: DossierPaper) -> dict[str, Any]:
    return {"TenGiayTo": paper.name, "SoLuong": paper.count, "LoaiGiayTo": PAPER_TYPE[paper.form]}


def _file_name(dossier: Dossier, attachment: Attachment) -> str:
    """A file's name on the portal: the paper's (or the result's) name, and which capture it is when there are several."""
    if attachment.paper is None:
        name = dossier.procedure.result or "Kết quả giải quyết"
    else:
        name = f"{attachment.paper}. {dossier.papers[attachment.paper - 1].name}"
    suffix = f" ({attachment.seq})" if attachment.seq > 1 else ""
    return f"{name[:240]}{suffix}.pdf"


def _submitted_file(dossier: Dossier, attachment: Attachment, base_url: str) -> dict[str, Any]:
    """A TaiLieuNop entry: a scanned paper, named by its hash (ours) and served from the portal's copy."""
    return {
        "TepDinhKemId": attachment.sha256,
        "TenTepDinhKem": _file_name(dossier, attachment),
        "IsDeleted": "False",
        "MaThanhPhanHoSo": "",  # the catalogue keeps no paper codes (MAGIAYTO)
        "DuongDanTaiTepTin": file_url(base_url, attachment.sha256),
        "DuocSoHoa": "1",
        "DuocTaiSuDung": "0",
        "DuocLayTuKhoDMQG": "0",
        "KichThuoc": attachment.bytes,
    }


def _result_file(dossier: Dossier, attachment: Attachment, base_url: str) -> dict[str, Any]:
    """A DanhSachGiayToKetQua entry: the electronic result, named by its hash (ours)."""
    return {
        "TenGiayTo": _file_name(dossier, attachment),
        "MaThanhPhanHoSo": "",
        "GiayToId": attachment.sha256,
        "DuongDanTepTinKetQua": file_url(base_url, attachment.sha256),
        "MaGiayToKetQua": "",
        "KichThuoc": attachment.bytes,
    }


def referenced_files(record: dict[str, Any]) -> list[str]:
    """The hashes of the files a dossier record names: the portal must hold each whole before it stores the record."""
    return [entry["TepDinhKemId"] for entry in record.get("TaiLieuNop", [])] + [
        entry["GiayToId"] for entry in record.get("DanhSachGiayToKetQua", []) if entry.get("GiayToId")]


def dossier_record(dossier: Dossier, office: Office, installation: str, attachments: Sequence[Attachment] = (),
                   base_url: str = "") -> dict[str, Any]:
    """The DongBoHoSoMC record of the dossier as it stands now (a repeat is an update, not a copy).

    ``installation`` is the receiving database's id, so the portal's copy can be proved ours.
    ``attachments`` are the electronic copies the portal already holds whole (uploaded first,
    ``sync/files.py``), referenced by hash and by where ``base_url`` serves them.
    """
    papers = [a for a in attachments if a.paper is not None]
    results = [a for a in attachments if a.paper is None]
    applicant = dossier.applicant
    status = Status(dossier.status)
    return {
        "MaHoSo": dossier.code,
        "MaTTHC": dossier.procedure.portal_code,
        "TenTTHC": dossier.procedure.name,
        "MaLinhVuc": "",  # the catalogue keeps the field's name only
        "TenLinhVuc": dossier.procedure.field,
        "ChuHoSo": dossier.subject.full_name if dossier.subject else applicant.full_name,
        "LoaiDoiTuong": "2" if applicant.kind == "organisation" else "1",
        "Email": applicant.email,
        "SoDienThoai": applicant.phone,
        "TrichYeuHoSo": dossier.summary or dossier.procedure.name,
        "NgayTiepNhan": _time(dossier.received_at),
        "NgayHenTra": _time(dossier.due_at),
        "TrangThaiHoSo": str(PORTAL_CODE[status]),
        "HinhThuc": "1" if dossier.delivery is Delivery.POST else "0",
        "DonViXuLy": dossier.processing_agency or dossier.procedure.agency or office.agency_name,
        "SoBienNhan": f"{dossier.log_number}/{dossier.log_book_label}",
        "MaDoiTuong": applicant.personal_id,
        "NgayTra": _time(dossier.returned_at),
        "ThongTinTra": dossier.returned_to,
        "NgayKetThucXuLy": _time(dossier.result_ready_at),
        "GhiChu": dossier.note,
        "HoSoCoThanhPhanSoHoa": "1" if papers else "0",
        "TaiLieuNop": [_submitted_file(dossier, a, base_url) for a in papers],
        "DanhSachLePhi": [_fee(fee) for fee in dossier.charges],  # a contribution is not a phí, lệ phí
        "DanhSachTepDinhKemKhac": [_paper(p) for p in dossier.papers if p.received],
        "DanhSachGiayToKetQua": [_result_file(dossier, a, base_url) for a in results],
        INSTALLATION_FIELD: installation,
    }


def progress_record(event: StatusEvent, dossier: Dossier, office: Office) -> dict[str, Any]:
    """The CapNhatTienDoHoSoMC record of one status event.

    ThoiDiemXuLy is the event's own time, so a repeat of the same event is recognised by the
    portal (MaHoSo + ThoiDiemXuLy + TrangThai + NoiDungXuLy) and not stored twice.
    """
    what = ACTION_LABEL_VI.get(Action(event.action), event.action)
    return {
        "MaHoSo": dossier.code,
        "NguoiXuLy": event.user_full_name or event.username or office.agency_name,
        "ChucDanh": "Cán bộ tiếp nhận" if event.source == "counter" else "",
        "ThoiDiemXuLy": format_portal_time(event.at),
        "PhongBanXuLy": f"{office.agency_name} - {office.counter_name}" if office.counter_name else office.agency_name,
        "NoiDungXuLy": f"{what}: {event.note}" if event.note else what,
        "TrangThai": str(event.portal_code),
        "NgayBatDau": format_portal_time(dossier.received_at),
        "NgayKetThucTheoQuyDinh": format_portal_time(dossier.due_at),
    }


def portal_procedure(entry: dict[str, Any], version: str) -> dict[str, Any]:
    """One entry of our catalogue file in the portal's LayThuTuc form (the simulator serves these)."""
    time = entry["processing_time"]
    return {
        "MATTHC": entry["code"],
        "TENTTHC": entry["name"],
        "PHIENBAN": version,
        "LINHVUCTHUCHIEN": [{"MALINHVUC": "", "TENLINHVUC": entry["field"]}],
        "TRINHTUTHUCHIEN": [],
        "CACHTHUCTHUCHIEN": [{
            "KENH": COUNTER_CHANNEL,
            "THOIGIAN": [{
                "THOIGIANGIAIQUYET": time["value"],
                "DONVITINH": UNIT_LABEL[ProcessingUnit(time["unit"])],
                "MOTA": time.get("note", ""),
                "PHILEPHI": [{"SOTIEN": fee.get("amount_vnd"), "DONVI": "Đồng", "MOTA": fee["name"]}
                             for fee in entry.get("fees", [])],
            }],
        }],
        "THANHPHANHOSO": [{"TRUONGHOP": "", "GIAYTO": [
            {"MAGIAYTO": "", "TENGIAYTO": paper["name"], "TENMAUDON": "", "URL": "",
             "SOLUONG": paper.get("count", 1), "LOAIBAN": PAPER_KIND_LABEL[PaperForm(paper["form"])],
             "BATBUOC": bool(paper.get("required", True))}
            for paper in entry.get("papers", [])
        ]}],
        "KETQUATHUCHIEN": [{"MAKETQUA": "", "TENKETQUA": entry["result"]}] if entry.get("result") else [],
        "CANCUPHAPLY": [],
        "COQUANTHUCHIEN": [{"TENDONVI": entry["agency"]}] if entry.get("agency") else [],
    }


def catalogue_entry(procedure: dict[str, Any], local: dict[str, Any] | None = None) -> dict[str, Any]:
    """A portal procedure as an entry of our catalogue, keeping what the portal cannot say.

    The portal has no place for a fee's rule and its ``calc``, the agency's short name, our notes,
    sources and confidence mark: those are kept from the local entry of the same code (fee rules matched by the fee's name), so an
    unchanged procedure maps back to exactly the entry we hold and gets no new version.
    """
    local = local or {}
    channel = next((c for c in procedure["CACHTHUCTHUCHIEN"] if c["KENH"] == COUNTER_CHANNEL),
                   procedure["CACHTHUCTHUCHIEN"][0])
    timing = channel["THOIGIAN"][0]
    rules = {fee["name"]: {key: fee[key] for key in ("rule", "calc") if key in fee} for fee in local.get("fees", [])}
    papers = [paper for group in procedure.get("THANHPHANHOSO", []) for paper in group["GIAYTO"]]
    return {
        **{key: local[key] for key in ("national_code", "confidence", "notes", "sources", "agency_short")
           if key in local},
        "code": procedure["MATTHC"],
        "name": procedure["TENTTHC"],
        "field": procedure["LINHVUCTHUCHIEN"][0]["TENLINHVUC"],
        "processing_time": {"value": timing["THOIGIANGIAIQUYET"], "unit": UNIT_BY_LABEL[timing["DONVITINH"]].value,
                            "note": timing.get("MOTA", "")},
        "fees": [{"name": fee["MOTA"], "amount_vnd": fee["SOTIEN"], "rule": "", **rules.get(fee["MOTA"], {})}
                 for fee in timing.get("PHILEPHI", [])],
        "papers": [{"name": paper["TENGIAYTO"], "form": PAPER_FORM_BY_LABEL.get(paper.get("LOAIBAN", ""),
                                                                              PaperForm.ORIGINAL).value,
                    "count": paper.get("SOLUONG", 1), "required": paper.get("BATBUOC", True)} for paper in papers],
        "result": "; ".join(r["TENKETQUA"] for r in procedure.get("KETQUATHUCHIEN", [])),
        "agency": "; ".join(a["TENDONVI"] for a in procedure.get("COQUANTHUCHIEN", [])),
    }
