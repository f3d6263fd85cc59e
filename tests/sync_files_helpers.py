"""Attached files for the upload tests: PDF-typed bytes of a chosen size, attached the one way the app does."""
from __future__ import annotations

import hashlib
import random
from typing import Any

from counter_app import attachments
from counter_app.attachment_files import attachments_dir, content_path
from counter_app.models import Actor
from counter_app.store import Store


def pdf_bytes(size: int, *, seed: int) -> bytes:
    """``size`` bytes that start like a PDF (all the store checks) and differ with ``seed``: incompressible scans."""
    head = b"%PDF-1.7\n"
    return head + random.Random(seed).randbytes(size - len(head))


def attach(store: Store, actor: Actor, code: str, data: bytes, *, paper: int | None) -> str:
    """Attach ``data`` to paper ``paper`` (None: the result) through ``attachments.attach_pdf``; its SHA-256."""
    attachments.attach_pdf(store, actor, code, data, paper=paper)
    return hashlib.sha256(data).hexdigest()


def referenced(held_record: dict[str, Any]) -> dict[str, list[str]]:
    """The files a record held by the portal names: paper files (TaiLieuNop) and result files, by hash."""
    return {"papers": [e["TepDinhKemId"] for e in held_record.get("TaiLieuNop", [])],
            "results": [e["GiayToId"] for e in held_record.get("DanhSachGiayToKetQua", [])]}


def lose_local_file(store: Store, sha256: str) -> None:
    """The file is gone from where this store keeps files: a folder beside a SQLite file, the office database."""
    if store.path is not None:
        content_path(attachments_dir(store.path), sha256).unlink()
        return
    with store.write() as conn:
        conn.execute("DELETE FROM attachment_contents WHERE sha256 = ?", (sha256,))
