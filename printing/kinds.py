"""The papers one dossier can be printed on, by the names the CLI and the app use.

Kept apart from the documents so that the app can list them without loading reportlab.
"""
from __future__ import annotations

KIND_LABELS = {
    "receipt": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    "supplement": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    "refusal": "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    "apology": "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
    "control": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
    "stop-notice": "Thông báo dừng giải quyết hồ sơ",
    "hi-card-request": "Tờ khai BHYT, BHXH (TK1-TS; Mẫu số 2, Mẫu số 4 của Nghị định 188/2025)",
    "fee": "Biên lai thu phí, lệ phí",
}
KINDS = tuple(KIND_LABELS)
