"""The dossier state machine and its mapping to the national portal's status codes 1–10.

One table says which action moves a dossier from which states to which state, and which
role it needs; the services, the UI (to enable buttons) and sync (to map codes) all read it.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .models import Role


class Status(StrEnum):
    """Our states; the value is what the store keeps."""

    REGISTERED = "registered"  # 1 Mới đăng ký (online submissions, pulled from the portal)
    RECEIVED = "received"  # 2 Được tiếp nhận
    REFUSED = "refused"  # 3 Không được tiếp nhận
    PROCESSING = "processing"  # 4 Đang xử lý
    SUPPLEMENT_REQUESTED = "supplement_requested"  # 5 Yêu cầu bổ sung giấy tờ
    FINANCIAL_OBLIGATION = "financial_obligation"  # 6 Yêu cầu thực hiện nghĩa vụ tài chính
    WITHDRAWN = "withdrawn"  # 7 Công dân yêu cầu rút hồ sơ
    STOPPED = "stopped"  # 8 Dừng xử lý
    RESULT_READY = "result_ready"  # 9 Đã xử lý xong
    RETURNED = "returned"  # 10 Đã trả kết quả


PORTAL_CODE: dict[Status, int] = {
    Status.REGISTERED: 1,
    Status.RECEIVED: 2,
    Status.REFUSED: 3,
    Status.PROCESSING: 4,
    Status.SUPPLEMENT_REQUESTED: 5,
    Status.FINANCIAL_OBLIGATION: 6,
    Status.WITHDRAWN: 7,
    Status.STOPPED: 8,
    Status.RESULT_READY: 9,
    Status.RETURNED: 10,
}
STATUS_BY_PORTAL_CODE: dict[int, Status] = {code: status for status, code in PORTAL_CODE.items()}

STATUS_LABEL_VI: dict[Status, str] = {
    Status.REGISTERED: "Mới đăng ký",
    Status.RECEIVED: "Đã tiếp nhận",
    Status.REFUSED: "Từ chối tiếp nhận",
    Status.PROCESSING: "Đang xử lý",
    Status.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung",
    Status.FINANCIAL_OBLIGATION: "Chờ thực hiện nghĩa vụ tài chính",
    Status.WITHDRAWN: "Công dân rút hồ sơ",
    Status.STOPPED: "Dừng xử lý",
    Status.RESULT_READY: "Đã có kết quả",
    Status.RETURNED: "Đã trả kết quả",
}

# States in which the dossier is still owed to the citizen (deadline still runs).
OPEN_STATES = frozenset(
    {
        Status.RECEIVED,
        Status.PROCESSING,
        Status.SUPPLEMENT_REQUESTED,
        Status.FINANCIAL_OBLIGATION,
    }
)


class Action(StrEnum):
    RECEIVE = "receive"
    TRANSFER = "transfer"
    REQUEST_SUPPLEMENT = "request_supplement"
    RECEIVE_SUPPLEMENT = "receive_supplement"
    RESULT_READY = "result_ready"
    RETURN_RESULT = "return_result"
    REFUSE = "refuse"
    WITHDRAW = "withdraw"
    RESCHEDULE = "reschedule"
    CORRECT_APPLICANT = "correct_applicant"
    STOP = "stop"
    PORTAL_UPDATE = "portal_update"


ACTION_LABEL_VI: dict[Action, str] = {
    Action.RECEIVE: "Tiếp nhận hồ sơ",
    Action.TRANSFER: "Chuyển xử lý",
    Action.REQUEST_SUPPLEMENT: "Yêu cầu bổ sung, hoàn thiện hồ sơ",
    Action.RECEIVE_SUPPLEMENT: "Nhận hồ sơ bổ sung",
    Action.RESULT_READY: "Đã có kết quả",
    Action.RETURN_RESULT: "Trả kết quả",
    Action.REFUSE: "Từ chối tiếp nhận",
    Action.WITHDRAW: "Công dân rút hồ sơ",
    Action.RESCHEDULE: "Xin lỗi và hẹn lại ngày trả kết quả",
    Action.CORRECT_APPLICANT: "Sửa thông tin người nộp hồ sơ",
    Action.STOP: "Dừng giải quyết",
    Action.PORTAL_UPDATE: "Cập nhật từ Cổng DVC quốc gia",
}


@dataclass(frozen=True)
class Transition:
    action: Action
    sources: frozenset[Status]
    target: Status | None  # None: the status does not change (reschedule)
    role: Role


TRANSITIONS: dict[Action, Transition] = {
    t.action: t
    for t in (
        Transition(Action.TRANSFER, frozenset({Status.RECEIVED}), Status.PROCESSING, Role.STAFF),
        Transition(
            Action.REQUEST_SUPPLEMENT,
            frozenset({Status.RECEIVED, Status.PROCESSING}),
            Status.SUPPLEMENT_REQUESTED,
            Role.STAFF,
        ),
        # The target depends on whether the dossier had been transferred: see services.
        Transition(Action.RECEIVE_SUPPLEMENT, frozenset({Status.SUPPLEMENT_REQUESTED}), None, Role.STAFF),
        Transition(
            Action.RESULT_READY,
            frozenset({Status.RECEIVED, Status.PROCESSING, Status.FINANCIAL_OBLIGATION}),
            Status.RESULT_READY,
            Role.STAFF,
        ),
        Transition(Action.RETURN_RESULT, frozenset({Status.RESULT_READY}), Status.RETURNED, Role.STAFF),
        Transition(
            Action.REFUSE, frozenset({Status.RECEIVED, Status.SUPPLEMENT_REQUESTED}), Status.REFUSED, Role.STAFF
        ),
        Transition(
            Action.WITHDRAW,
            frozenset({Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT_REQUESTED, Status.FINANCIAL_OBLIGATION}),
            Status.WITHDRAWN,
            Role.STAFF,
        ),
        Transition(Action.RESCHEDULE, frozenset(OPEN_STATES), None, Role.SUPERVISOR),
        # The citizen asks to stop a dossier not yet decided (Decree 118/2025/NĐ-CP Art. 21(1));
        # the counter issues the stop notice (Mẫu 05, Circular 03/2025/TT-VPCP).
        Transition(Action.STOP, frozenset(OPEN_STATES), Status.STOPPED, Role.STAFF),
        # A typo, or what the portal refused, may be fixed whatever the state; the state stays.
        Transition(Action.CORRECT_APPLICANT, frozenset(Status), None, Role.STAFF),
    )
}


def allowed(action: Action, status: Status, role: Role) -> tuple[bool, str]:
    """Whether ``role`` may do ``action`` on a dossier in ``status``, and if not, why (Vietnamese)."""
    transition = TRANSITIONS[action]
    if not role.at_least(transition.role):
        return False, "Chỉ lãnh đạo hoặc người quản trị được thực hiện thao tác này."
    if status not in transition.sources:
        return False, f"Không thể thực hiện khi hồ sơ ở trạng thái «{STATUS_LABEL_VI[status]}»."
    return True, ""
