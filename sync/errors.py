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
    """The portal understood the call and refused it (its ``code`` and ``message``; ``retry_after`` s if it said)."""

    def __init__(self, code: str, message: str, retry_after: float | None = None) -> None:
        super().__init__(f"Cổng DVC từ chối ({code}): {message}")
        self.code = code
        self.message = message
        self.retry_after = retry_after


class PortalMisconfigured(SyncError):
    """The portal address is wrong for us (a redirect, or plain http:// not allowed): waiting will not help.

    Not a PortalUnavailable on purpose: the engine stops the run instead of retrying, and no
    outbox row is touched, until an administrator checks the address.
    """


class AuthFailed(SyncError):
    """Wrong portal username or password: nothing will go through until an admin fixes it."""


class CredentialsMissing(SyncError):
    """No password in the keyring and none in COUNTER_PORTAL_PASSWORD."""
