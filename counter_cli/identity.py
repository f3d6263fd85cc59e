"""Who runs a command: an account proven by its password, and the OS account at the keyboard.

Anyone who can start ``counter-app`` can open the database, so a command that changes settings
or accounts is run as an administrator who types their password (checked by the app's own
log-in, with its lock-out and its one refusal message), and everything it writes to the audit
log also names the operating-system account that ran it.

Passwords come from a prompt, or with ``--password-stdin`` one per line from stdin in a fixed
order: the authenticating user's password first, then the new account's (``user add``,
``user reset-password``) or the portal's (``portal set``).
"""
from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from contextlib import AbstractContextManager

from counter_app import audit, users
from counter_app.models import Actor, Role
from counter_app.store import Store

from .common import read_secret, store_from

Handler = Callable[[argparse.Namespace], int]
AdminHandler = Callable[[argparse.Namespace, Store, Actor], int]


def add_admin_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--admin", required=True, metavar="USER", help="administrator running the command")
    add_password_stdin(parser, "read passwords from stdin, one per line: the admin's first, then a new one if asked")


def add_password_stdin(parser: argparse.ArgumentParser, explanation: str) -> None:
    parser.add_argument("--password-stdin", action="store_true", help=explanation)


def log_in(store: Store, args: argparse.Namespace, username: str) -> Actor:
    """``username`` authenticated by the password read from ``args``' channel (lock-out applies)."""
    return users.authenticate(store, username, read_secret(args, f"Password for {username}: "))


def cli_origin() -> AbstractContextManager[None]:
    """The audit origin of everything a command writes: the command line and the OS account."""
    return audit.recorded_from(via="cli", os_account=audit.os_account())


def audited_command(handler: Handler) -> Handler:
    """``handler`` with every audit record it writes marked with :func:`cli_origin`."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        with cli_origin():
            return handler(args)

    return run


def admin_command(handler: AdminHandler) -> Handler:
    """A command handler run by the administrator named in ``--admin``, once authenticated."""

    @audited_command
    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        store = store_from(args)
        admin = log_in(store, args, args.admin)
        users.require_role(admin, Role.ADMIN)
        return handler(args, store, admin)

    return run
