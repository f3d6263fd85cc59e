"""What can go wrong talking to the portal, sorted by what the sync engine does about it."""
from __future__ import annotations


class SyncError(Exception):
    """Base of every sync failure; the message is Vietnamese and safe to show staff."""


class PortalUnavailable(SyncError):
    """Network trouble, a 5xx, a timeout or a garbled answer: try again later (``retry_after`` s if the portal said)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PortalRejected(SyncError):
    """The portal understood the call and refused it (its ``code`` and ``message``)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"Cổng DVC từ chối ({code}): {message}")
        self.code = code
        self.message = message


class AuthFailed(SyncError):
    """Wrong portal username or password: nothing will go through until an admin fixes it."""


class CredentialsMissing(SyncError):
    """No password in the keyring and none in COUNTER_PORTAL_PASSWORD."""
