"""The Decision 766/QĐ-TTg indicators this counter's data can compute: one table, one scoring rule.

Decision 766/QĐ-TTg (23/6/2022) approves the index set for directing and assessing the quality of
service to citizens and businesses in administrative procedures, in real time, on the electronic
environment; an office is scored on 100 points. Group points (``/work/shared/ARCHITECTURE.md`` §4,
and the provincial summaries of the decision): publicity 18, progress and results 20, online
services 12, online payment 10, digitisation 22, satisfaction 18; a ratio scores full points at or
above its target, else ratio × points / target. The issue (14) gives the digitisation targets
(4.2 and 4.3: 80%).

The annex's split of a group's points among its indicators was not found in the public material
we could read, so each indicator's ``points`` below says where it comes from: an indicator that
is alone in its group here takes the group's points; the others are marked "ours" and are meant
to be checked against the annex (change them here, nowhere else).
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Unit(StrEnum):
    RATIO = "ratio"  # a share, 0–1, shown as a percentage
    DAYS = "working_days"  # an average number of working days


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    formula: str
    unit: Unit
    target: float  # a share (0–1) for ratios; for 2.2, the ratio allotted ÷ actual to reach
    points: float
    points_source: str


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "1.4", "Tỷ lệ hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia",
        "Số hồ sơ tiếp nhận trong kỳ đã được Cổng xác nhận / Số hồ sơ tiếp nhận trong kỳ × 100%",
        Unit.RATIO, 1.0, 4.0, "ours: 4 of the publicity group's 18 (annex split not found)",
    ),
    Indicator(
        "2.1", "Tỷ lệ hồ sơ giải quyết đúng hạn",
        "Số hồ sơ có kết quả (hoặc đã trả) không muộn hơn ngày hẹn trả / (Số hồ sơ đã có kết quả"
        " + Số hồ sơ chưa có kết quả đã quá hạn) × 100%",
        Unit.RATIO, 1.0, 10.0, "ours: half of the progress group's 20",
    ),
    Indicator(
        "2.2", "Thời gian giải quyết trung bình (ngày làm việc)",
        "Tổng số ngày làm việc từ tiếp nhận đến có kết quả / Số hồ sơ đã có kết quả;"
        " điểm theo tỷ lệ thời gian quy định trung bình / thời gian thực tế trung bình (đạt khi ≥ 1)",
        Unit.DAYS, 1.0, 10.0, "ours: half of the progress group's 20",
    ),
    Indicator(
        "3.6", "Tỷ lệ khoản phí, lệ phí thanh toán chuyển khoản/trực tuyến",
        "Số khoản phí, lệ phí phải nộp đã thu bằng chuyển khoản / Số khoản phí, lệ phí phải nộp × 100%",
        Unit.RATIO, 1.0, 10.0, "the online payment group's 10 (its only indicator here)",
    ),
    Indicator(
        "4.1", "Tỷ lệ hồ sơ có kết quả giải quyết điện tử hợp lệ",
        "Số hồ sơ đã có kết quả kèm tệp kết quả điện tử / Số hồ sơ đã có kết quả × 100%",
        Unit.RATIO, 1.0, 8.0, "ours: 8 of the digitisation group's 22",
    ),
    Indicator(
        "4.2", "Tỷ lệ hồ sơ được số hóa thành phần và có kết quả điện tử",
        "Số hồ sơ đã có kết quả, có tệp kết quả điện tử và bản số hóa của mọi giấy tờ đã nhận"
        " / Số hồ sơ đã có kết quả × 100%",
        Unit.RATIO, 0.8, 7.0, "ours: 7 of the digitisation group's 22; target 80% (issue 14)",
    ),
    Indicator(
        "4.3", "Tỷ lệ hồ sơ khai thác, tái sử dụng thành phần đã số hóa",
        "Số hồ sơ dùng lại ít nhất một thành phần đã số hóa / Số hồ sơ tiếp nhận trong kỳ × 100%",
        Unit.RATIO, 0.8, 7.0, "ours: 7 of the digitisation group's 22; target 80% (issue 14)",
    ),
)
BY_CODE: dict[str, Indicator] = {i.code: i for i in INDICATORS}


def score(indicator: Indicator, ratio: float) -> float:
    """Decision 766's rule: full points at or above the target, else ratio × points / target."""
    if ratio >= indicator.target:
        return indicator.points
    return max(ratio, 0.0) * indicator.points / indicator.target
