"""Shared helpers for the printing tests: text, fonts, word boxes and QR codes out of a PDF.

They shell out to poppler-utils and zbar-tools (installed by ``make sysdeps``), the same tools a
person would use to check a paper, so the assertions are about what a reader actually sees.
"""
from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from html import unescape
from pathlib import Path


def write(tmp_path: Path, data: bytes, name: str = "doc.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def pdf_text(path: Path, *, layout: bool = False) -> str:
    """pdftotext's UTF-8 text, NFC-normalised, pages separated by form feeds."""
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    out = subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")
    return unicodedata.normalize("NFC", out)


def has_code(text: str, code: str) -> bool:
    """Whether extracted ``text`` shows the dossier ``code``, whole or broken after its agency part
    (a narrow column does that: ``printing.layout.code_cell``; pdftotext drops the line-end hyphen)."""
    agency, number = code.split("-", 1)
    return re.search(rf"{re.escape(agency)}-?\s*{re.escape(number)}", text) is not None


def flat(text: str) -> str:
    """Whitespace (line breaks from wrapping) collapsed to single spaces."""
    return re.sub(r"\s+", " ", text)


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts rows as dicts with name, type, emb, sub."""
    lines = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout.splitlines()
    rows = []
    for line in lines[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object ID: read from the right, the type may have spaces
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "type": " ".join(parts[1:-6])})
    return rows


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    page_width: float


def pdf_words(path: Path) -> list[Word]:
    """Every word with its box in points (pdftotext -bbox)."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True).stdout.decode()
    words: list[Word] = []
    page, width = 0, 0.0
    for line in html.splitlines():
        m = re.search(r'<page width="([\d.]+)"', line)
        if m:
            page += 1
            width = float(m.group(1))
            continue
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            text = unicodedata.normalize("NFC", unescape(m.group(5)))
            words.append(Word(page, text, *(float(m.group(i)) for i in range(1, 5)), width))
    return words


def qr_codes(path: Path, tmp_path: Path, *, page: int = 1, dpi: int = 150) -> list[str]:
    """What zbarimg reads from one page rendered by pdftoppm."""
    stem = tmp_path / f"qr-{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), "-singlefile",
                    str(path), str(stem)], check=True)
    result = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", f"{stem}.png"],
                            capture_output=True)
    return result.stdout.decode("utf-8").split()
