"""Errors the services raise. Their message is Vietnamese and safe to show to counter staff."""
from __future__ import annotations


class CounterError(Exception):
    """Base for refusals: nothing was written when one of these is raised."""


class ValidationError(CounterError, ValueError):
    """Bad input (an ID number, a missing paper, an empty reason)."""


class PermissionDenied(CounterError):
    """The user's role does not allow the action."""


class InvalidState(CounterError):
    """The dossier's current state does not allow the action."""


class NotFound(CounterError):
    """No such dossier, user or procedure."""


class AuthError(CounterError):
    """Wrong user name or password, or the account is locked or disabled."""
