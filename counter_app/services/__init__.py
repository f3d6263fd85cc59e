"""One function per thing a user does; each enforces role and state and writes atomically.

The UI, the CLI and sync call these and never write SQL themselves.
"""
from .actions import (
    apply_portal_status,
    correct_applicant,
    receive_supplement,
    record_result_ready,
    refuse,
    request_supplement,
    reschedule,
    return_result,
    stop,
    transfer,
    withdraw,
)
from .receive import ReceiveRequest, check_papers, clean_applicant, clean_subject, default_fees, receive_dossier
from .recode import assign_new_code

__all__ = [
    "ReceiveRequest",
    "apply_portal_status",
    "assign_new_code",
    "check_papers",
    "clean_applicant",
    "clean_subject",
    "correct_applicant",
    "default_fees",
    "receive_dossier",
    "receive_supplement",
    "record_result_ready",
    "refuse",
    "request_supplement",
    "reschedule",
    "return_result",
    "stop",
    "transfer",
    "withdraw",
]
