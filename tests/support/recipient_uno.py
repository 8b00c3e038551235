#!/usr/bin/python3
"""Edits a workbook as a recipient would, in a real engine: LibreOffice headless driven over UNO.

    /usr/bin/python3 tests/support/recipient_uno.py IN.xlsx OUT.xlsx OPS.json

OPS.json is a list of edits applied in order, then the document is saved as "Calc MS Excel 2007 XML":
  {"op": "set", "sheet": "Plan", "cell": "B2", "value": 123 | "text"}
  {"op": "insertRows", "sheet": "Plan", "row": 5, "count": 1}      (row 1-based: the new row is row 5)
  {"op": "insertColumns", "sheet": "Plan", "column": "C", "count": 1}
  {"op": "deleteRows", "sheet": "Plan", "row": 3, "count": 1}
  {"op": "renameSheet", "sheet": "Plan", "to": "计划"}
An empty list is a plain re-save. Needs Debian's python3-uno (tests/support/ensure-tools.sh).
A fresh profile per call keeps parallel runs apart; soffice is ended before this script exits.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def column_index(letters):
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def connect(pipe, proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 90
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            if proc.poll() is not None or time.time() > deadline:
                raise SystemExit("recipient_uno: could not connect to soffice")
            time.sleep(0.3)


def apply(doc, op):
    sheets = doc.Sheets
    kind = op["op"]
    if kind == "renameSheet":
        sheets.getByName(op["sheet"]).Name = op["to"]
        return
    sheet = sheets.getByName(op["sheet"])
    if kind == "set":
        cell = sheet.getCellRangeByName(op["cell"])
        if isinstance(op["value"], str):
            cell.String = op["value"]
        else:
            cell.Value = op["value"]
    elif kind == "insertRows":
        sheet.Rows.insertByIndex(op["row"] - 1, op.get("count", 1))
    elif kind == "deleteRows":
        sheet.Rows.removeByIndex(op["row"] - 1, op.get("count", 1))
    elif kind == "insertColumns":
        sheet.Columns.insertByIndex(column_index(op["column"]), op.get("count", 1))
    else:
        raise SystemExit(f"recipient_uno: unknown op {kind}")


def main():
    src, dst, ops_path = (os.path.abspath(a) for a in sys.argv[1:4])
    with open(ops_path, encoding="utf-8") as f:
        ops = json.load(f)
    profile = tempfile.mkdtemp(prefix="lo-uno-profile-")
    pipe = f"recipient_{uuid.uuid4().hex}"
    soffice = shutil.which("soffice") or "/usr/bin/soffice"
    proc = subprocess.Popen(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--invisible", "--norestore",
         "--nologo", "--nodefault", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        desktop = connect(pipe, proc)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise SystemExit(f"recipient_uno: LibreOffice could not load {src}")
        for op in ops:
            apply(doc, op)
        doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes down with soffice
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
