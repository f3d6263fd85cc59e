"""Read an .xlsx back with the standard library (no spreadsheet library is installed for tests).

Each sheet becomes rows of (text, number format) pairs: the text a string cell holds or the
number as written, and the format code a number is shown with ("" for strings), so a test can
check both that a figure stays a number and what a supervisor sees.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_BUILT_IN = {0: "General", 1: "0", 2: "0.00", 9: "0%", 10: "0.00%"}  # ids Excel knows without a numFmt


def _column(ref: str) -> int:
    letters = re.match(r"[A-Z]+", ref).group(0)
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def read_xlsx(path: Path) -> dict[str, list[list[tuple[str, str]]]]:
    with zipfile.ZipFile(path) as z:
        xml = {name: ElementTree.fromstring(z.read(name)) for name in z.namelist() if name.endswith(".xml")}
        rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    strings = ["".join(t.text or "" for t in si.iter(f"{{{_NS['m']}}}t"))
               for si in xml["xl/sharedStrings.xml"].findall("m:si", _NS)]
    styles = xml["xl/styles.xml"]
    codes = dict(_BUILT_IN) | {int(f.get("numFmtId")): f.get("formatCode") for f in styles.iter(f"{{{_NS['m']}}}numFmt")}
    cell_formats = [codes.get(int(xf.get("numFmtId", 0)), "") for xf in styles.find("m:cellXfs", _NS)]
    targets = {r.get("Id"): "xl/" + r.get("Target") for r in rels}
    sheets = {}
    for sheet in xml["xl/workbook.xml"].find("m:sheets", _NS):
        rows = []
        for row in xml[targets[sheet.get(_REL)]].iter(f"{{{_NS['m']}}}row"):
            cells: list[tuple[str, str]] = []
            for c in row.findall("m:c", _NS):
                cells += [("", "")] * (_column(c.get("r")) - len(cells))
                value = c.findtext("m:v", "", _NS)
                if c.get("t") == "s":
                    cells.append((strings[int(value)], ""))
                else:
                    cells.append((value, cell_formats[int(c.get("s", 0))]))
            rows.append(cells)
        sheets[sheet.get("name")] = rows
    return sheets
