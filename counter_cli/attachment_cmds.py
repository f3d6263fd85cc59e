"""``dossier attach``, ``dossier detach`` and ``dossier attachments``: electronic copies of a dossier's papers and result."""
from __future__ import annotations

import argparse
from contextlib import ExitStack
from dataclasses import asdict
from pathlib import Path

from counter_app.attachments import Attachment, attach_pages, list_attachments, stored_pages, withdraw
from counter_app.errors import ValidationError
from counter_app.page_pdf import Page
from counter_app.reuse import reuse_same_paper

from .common import print_json, store_from
from .identity import add_password_stdin, audited_command, log_in
from .scanner_cmds import add_scan_options, scan


def register(dossier: argparse._SubParsersAction) -> None:
    attach = dossier.add_parser(
        "attach", help="attach scanned pages or PDFs to a paper (or the result), joined into one PDF",
        usage="%(prog)s CODE (--paper N | --result) (FILE ... | --scan … | --reuse FROM_CODE) --as USER"
              " [--password-stdin]")
    attach.add_argument("code")
    which = attach.add_mutually_exclusive_group(required=True)
    which.add_argument("--paper", type=int, metavar="N", help="paper number as on the receipt (1, 2, …)")
    which.add_argument("--result", action="store_true", help="the electronic result (Decision 766 4.1)")
    attach.add_argument("files", nargs="*", metavar="FILE", help="PDF, PNG, JPEG or TIFF, pages in this order")
    add_scan_options(attach)
    attach.add_argument("--reuse", metavar="FROM_CODE",
                        help="instead of files: reuse the same citizen's dossier FROM_CODE's capture of the paper"
                             " with the same name (Decision 766 4.3)")
    attach.add_argument("--as", dest="as_user", required=True, metavar="USER", help="the clerk, who types their password")
    add_password_stdin(attach, "read the --as user's password from stdin (one line)")
    attach.set_defaults(handler=audited_command(cmd_attach), passes_arguments_on=True)  # FILEs after options: _files
    _register_detach(dossier)
    listing = dossier.add_parser("attachments", help="a dossier's attached files: paper, order, pages, bytes, SHA-256")
    listing.add_argument("code")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--withdrawn", action="store_true",
                         help="also the withdrawn copies (dossier detach), with when, by whom and why")
    listing.set_defaults(handler=cmd_attachments)


def _register_detach(dossier: argparse._SubParsersAction) -> None:
    detach = dossier.add_parser(
        "detach", help="withdraw a wrongly attached copy of a paper (or the result): no longer the dossier's,"
                       " sent to the portal without it; the file stays for the audit trail",
        usage="%(prog)s CODE (--paper N | --result) [--seq S] --reason TEXT --as USER [--password-stdin]")
    detach.add_argument("code")
    which = detach.add_mutually_exclusive_group(required=True)
    which.add_argument("--paper", type=int, metavar="N", help="paper number as on the receipt (1, 2, …)")
    which.add_argument("--result", action="store_true", help="the electronic result (supervisors once returned)")
    detach.add_argument("--seq", type=int, metavar="S",
                        help="which capture of the paper (as `dossier attachments` lists); needed when it has several")
    detach.add_argument("--reason", required=True, help="why, 3 to 200 characters (kept with the copy, not in the"
                                                          " audit log)")
    detach.add_argument("--as", dest="as_user", required=True, metavar="USER", help="the clerk, who types their password")
    add_password_stdin(detach, "read the --as user's password from stdin (one line)")
    detach.set_defaults(handler=audited_command(cmd_detach))


def _files(args: argparse.Namespace) -> list[Path]:
    """The FILEs wherever they stand: as FILE may be empty (``--scan``, ``--reuse``), argparse matches it
    empty right after CODE and leaves FILEs written after the options unmatched (passed on)."""
    unknown = [arg for arg in args.passed_on if arg.startswith("-")]
    if unknown:
        raise ValidationError(f"unrecognized arguments: {' '.join(unknown)}")
    files = [Path(name) for name in [*args.files, *args.passed_on]]
    if [bool(files), args.scan, args.reuse is not None].count(True) != 1:
        raise ValidationError("give either FILEs or --scan, or --reuse FROM_CODE")
    if args.reuse is not None and args.result:
        raise ValidationError("--reuse needs --paper N (a result is never reused)")
    return files


def cmd_attach(args: argparse.Namespace) -> int:
    files = _files(args)
    store = store_from(args)
    actor = log_in(store, args, args.as_user)
    if args.reuse is not None:
        added = reuse_same_paper(store, actor, args.code, args.paper, args.reuse)
    else:
        with ExitStack() as scans:
            paths = scan(store, args, scans) if args.scan else files
            added = attach_pages(store, actor, args.code, [Page(p) for p in paths],
                                 paper=None if args.result else args.paper)
    print(f"{added.sha256}  {added.bytes}")
    return 0


def cmd_detach(args: argparse.Namespace) -> int:
    store = store_from(args)
    actor = log_in(store, args, args.as_user)
    withdrawn = withdraw(store, actor, args.code, paper=None if args.result else args.paper, seq=args.seq,
                         reason=args.reason)
    print(f"withdrawn {_where(withdrawn)} capture {withdrawn.seq}  {withdrawn.sha256}")
    return 0


def _where(item: Attachment) -> str:
    return "result" if item.paper is None else f"paper {item.paper}"


def cmd_attachments(args: argparse.Namespace) -> int:
    store = store_from(args)
    items = list_attachments(store, args.code, withdrawn=args.withdrawn)
    pages = [stored_pages(store, item) for item in items]
    if args.json:
        print_json([{**asdict(item), "pages": count} for item, count in zip(items, pages, strict=True)])
        return 0
    for item, count in zip(items, pages, strict=True):
        shown = "?" if count is None else str(count)  # "?": missing or unreadable, as ``check`` says
        source = f"  reused from {item.reused_from}" if item.reused_from else ""
        gone = (f"  withdrawn {item.withdrawn_at:%Y-%m-%d %H:%M} by {item.withdrawn_by}: {item.withdrawn_reason}"
                if item.withdrawn_at else "")
        print(f"{_where(item):<10} {item.seq:>3}  {shown:>4} p  {item.bytes:>10}  {item.media_type:<16} {item.sha256}"
              f"{source}{gone}")
    return 0
