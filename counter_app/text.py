"""Vietnamese text rules: what we store (NFC) and what we search on (the folded key).

Citizens' names arrive from three keyboards (Telex/VNI in NFC, macOS in NFD, a USB scanner
typing the CCCD QR code) and with two tone placements ("hòa" / "hoà"). Stored text is always
NFC so that equal names are equal strings; search goes through :func:`fold`, a key without
case and diacritics, because SQLite FTS5 never folds đ/Đ and people type "duc" for "Đức".

Text also arrives with characters nobody can see: NUL bytes, right-to-left overrides pasted
from a web page, zero-width spaces from a word processor, a byte-order mark. Stored, they make
equal names unequal ("Nguy\u200bễn" is never found by "nguyen") and can reorder what a paper
shows, so :func:`clean_text` removes them at the boundary, for every text field.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_text", "collapse_spaces", "fold", "normalize_name"]


# Invisible characters that change what text means or how it shows, never what a citizen wrote:
# bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the directional
# marks (U+200E/F, U+061C), zero-width space/joiners (U+200B–U+200D), word joiner (U+2060)
# and the byte-order mark (U+FEFF). Control characters (NUL…) and lone surrogates (a JSON
# "\ud800" escape, which no encoder can write) are added below.
_INVISIBLE = frozenset(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C, *range(0x200B, 0x200E), 0x2060,
     0xFEFF]
)
_KEPT_CONTROLS = frozenset(map(ord, "\t\n\r"))  # whitespace: collapsed or kept as line breaks
_REMOVE_TABLE: dict[int, None] = {
    code: None
    for code in [*_INVISIBLE, *range(0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000)]
    if code not in _KEPT_CONTROLS
}


def _build_fold_table() -> dict[int, str | None]:
    """Map every non-spacing mark of the Basic Multilingual Plane to nothing, and đ/Đ to d.

    Built once at import: scanning the BMP takes a few milliseconds, whereas deciding per
    character at every keystroke would cost a Python call per character.
    """
    table: dict[int, str | None] = {
        code: None
        for code in range(0x10000)
        if unicodedata.category(chr(code)) == "Mn"
    }
    # đ/Đ are letters of their own, not d plus a mark, so NFD keeps them whole.
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    table.update(_REMOVE_TABLE)  # a pasted query folds like the stored text it should find
    return table


_FOLD_TABLE = _build_fold_table()


def collapse_spaces(text: str) -> str:
    """Turn every run of whitespace (tabs, newlines, no-break spaces) into one space and strip."""
    return " ".join(text.split())


def clean_text(text: str, *, one_line: bool = True) -> str:
    """The stored form of every text field: invisible and control characters removed, NFC, stripped.

    NFC makes equal names from any keyboard equal strings. ``one_line`` (names, addresses,
    paper names…) also collapses every run of whitespace to one space; notes keep their
    line breaks.
    """
    text = unicodedata.normalize("NFC", text.translate(_REMOVE_TABLE))
    return collapse_spaces(text) if one_line else text.strip()


def fold(text: str) -> str:
    """The search key: lower case, no diacritics, đ→d, whitespace collapsed.

    Decomposing (NFD) splits every accented letter into its base and its marks, whatever
    form or tone placement the input used, so dropping the marks gives one key for
    "Hòa", "Hoà", "HÒA" and their NFD spellings. Runs on every insert and keystroke, so it
    stays a handful of C-level string operations with an ASCII fast path.
    """
    if text.isascii():
        return " ".join(text.translate(_REMOVE_TABLE).lower().split())
    decomposed = unicodedata.normalize("NFD", text.lower())
    return " ".join(decomposed.translate(_FOLD_TABLE).split())


_NAME_JOINERS = re.compile(r"([-'’])")  # hyphen, apostrophe, typographic apostrophe


def _capitalize_word(word: str) -> str:
    """Upper-case the first letter and lower-case the rest ("đỨC" → "Đức").

    ``str.title`` would also capitalise after digits; names need the plain first-letter rule.
    The word is NFC already, so its first character carries its marks.
    """
    return word[:1].upper() + word[1:].lower()


def normalize_name(text: str) -> str:
    """A full name as printed on papers: NFC, single spaces, each word capitalised.

    Staff often type names in lower case ("nguyễn văn đức"); receipts and the portal want
    "Nguyễn Văn Đức". Parts joined by a hyphen or an apostrophe are capitalised too, as Ê Đê and
    Jrai names are written on identity cards: "Y-Moan Ênuôl", "H'Hen Niê", "Ksor H'Bơ Khăp".
    """
    words = clean_text(text).split(" ")
    return " ".join("".join(_capitalize_word(part) for part in _NAME_JOINERS.split(word)) for word in words)


def vnd_text(amount: int) -> str:
    """"1.234.000 đ": dots for thousands, as Vietnamese papers, screens and messages write amounts."""
    return f"{amount:,}".replace(",", ".") + " đ"
