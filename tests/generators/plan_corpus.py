#!/usr/bin/python3
"""Writes the corpus plans that are not template plans nor hand-written XML.

Each plan is a small text file in tests/generators/corpus/plans/<id>.plan (format below). Its
`writer` decides what comes out:
  openpyxl -> tests/fixtures/corpus/<id>.xlsx, written here with Debian's python3-openpyxl;
  fods     -> tests/generators/corpus/lo/<id>.fods (flat OpenDocument, bold and sized headings, merges)
  csv      -> tests/generators/corpus/lo/<id>.csv (UTF-8, comma separated)
and the .fods / .csv sources are turned into .xlsx by LibreOffice (tests/generators/corpus/libreoffice.ts),
so the reader meets files written by three different programs.

Run with Debian's python (the pyenv python on PATH has no openpyxl):
  /usr/bin/python3 tests/generators/plan_corpus.py [ids...]

Plan file format: "key: value" lines, a line "---", then one line per sheet row:
  (empty)        a blank row
  = text         the title: bold, 16 pt, merged across the `merge` columns
  # text         a heading, level 1 (## level 2); looks by `heading`: bold | size | plain
  | a | b | c |  a table row from column A; the first row of each table is its header
  >> text        a paragraph in column B (text indented under headings in column A)
  text           a paragraph in column A (merged across `merge` columns when `merge` > 1)
Table cells: 123 or 12.5 -> number; %35 -> 0.35 shown as 35%; #1080000 -> number shown 1,080,000;
@2026-04-18 -> a date cell; anything else stays text ("480台", "130万", "35%", "4月18日").
Keys: writer, sheet, widths (column widths, comma separated), heading, header (bold | plain), merge.
"""
import csv
import datetime
import os
import re
import sys
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.styles import Alignment, Font

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLANS = os.path.join(ROOT, "tests", "generators", "corpus", "plans")
LO_DIR = os.path.join(ROOT, "tests", "generators", "corpus", "lo")
OUT = os.path.join(ROOT, "tests", "fixtures", "corpus")
# Fixed document dates keep a rebuilt file's content the same.
STAMP = datetime.datetime(2026, 3, 20, 9, 0, 0)


def parse(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    meta = {}
    i = 0
    while lines[i].strip() != "---":
        key, _, value = lines[i].partition(":")
        meta[key.strip()] = value.strip()
        i += 1
    body = lines[i + 1 :]
    while body and body[-1].strip() == "":
        body.pop()
    return meta, body


def cell_value(text):
    """(value, number format or None) of one table cell as written in the plan file."""
    t = text.strip()
    if t == "":
        return None, None
    if re.fullmatch(r"-?\d+(\.\d+)?", t):
        return (float(t) if "." in t else int(t)), None
    if re.fullmatch(r"%-?\d+(\.\d+)?", t):
        digits = t[1:]
        return round(float(digits) / 100, 6), ("0.0%" if "." in digits else "0%")
    if re.fullmatch(r"#-?\d+(\.\d+)?", t):
        return (float(t[1:]) if "." in t else int(t[1:])), "#,##0"
    if re.fullmatch(r"@\d{4}-\d{2}-\d{2}", t):
        return datetime.date.fromisoformat(t[1:]), "yyyy-mm-dd"
    return t, None


def rows_of(body):
    """The plan as rows: (kind, cells) with kind title | h1 | h2 | h3 | header | row | para | indent | blank."""
    out = []
    in_table = False
    for line in body:
        s = line.rstrip()
        if s.startswith("|"):
            cells = [c for c in s.strip().strip("|").split("|")]
            out.append(("row" if in_table else "header", [cell_value(c) for c in cells]))
            in_table = True
            continue
        in_table = False
        if s.strip() == "":
            out.append(("blank", []))
        elif s.startswith("= "):
            out.append(("title", [(s[2:].strip(), None)]))
        elif s.startswith("### "):
            out.append(("h3", [(s[4:].strip(), None)]))
        elif s.startswith("## "):
            out.append(("h2", [(s[3:].strip(), None)]))
        elif s.startswith("# "):
            out.append(("h1", [(s[2:].strip(), None)]))
        elif s.startswith(">> "):
            out.append(("indent", [(None, None), (s[3:].strip(), None)]))
        else:
            out.append(("para", [(s.strip(), None)]))
    return out


def font_of(kind, meta):
    """(bold, size) of a row kind under the plan's `heading` and `header` looks."""
    heading = meta.get("heading", "bold")
    if kind == "title":
        return True, 16
    if kind in ("h1", "h2", "h3"):
        if heading == "bold":
            return True, {"h1": 12, "h2": 11, "h3": 11}[kind]
        if heading == "size":
            return False, {"h1": 15, "h2": 13, "h3": 12}[kind]
        return False, 11
    if kind == "header" and meta.get("header", "bold") == "bold":
        return True, 11
    return False, 11


def widths_of(meta):
    return [float(w) for w in meta.get("widths", "60").split(",")]


def merge_cols(kind, meta):
    merge = int(meta.get("merge", "1"))
    if kind == "title":
        return max(merge, len(widths_of(meta)))
    return merge if kind == "para" else 1


def write_openpyxl(meta, rows, path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = meta.get("sheet", "营销计划")
    wb.properties.creator = "plan_corpus.py"
    wb.properties.created = STAMP
    wb.properties.modified = STAMP
    for i, w in enumerate(widths_of(meta)):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width = w
    for r, (kind, cells) in enumerate(rows, start=1):
        bold, size = font_of(kind, meta)
        for c, (value, fmt) in enumerate(cells, start=1):
            if value is None:
                continue
            cell = ws.cell(row=r, column=c, value=value)
            if bold or size != 11:
                cell.font = Font(bold=bold, size=size)
            if fmt:
                cell.number_format = fmt
            if kind in ("para", "indent") and isinstance(value, str) and len(value) > 40:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        span = merge_cols(kind, meta)
        if span > 1 and cells:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=span)
    wb.save(path)


# LibreOffice applies fo:font-weight / fo:font-size to Latin text only: Chinese text takes the
# -asian variants, so each look sets all three (Latin, Asian, complex) or Chinese headings lose it.
FODS_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
{columns}
 <number:date-style style:name="N-date"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
 <number:percentage-style style:name="N-pct"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
 <number:percentage-style style:name="N-pct1"><number:number number:decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
 <number:number-style style:name="N-grp"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
 <style:style style:name="ce-title" style:family="table-cell"><style:text-properties fo:font-weight="bold" fo:font-size="16pt" style:font-weight-asian="bold" style:font-weight-complex="bold" style:font-size-asian="16pt" style:font-size-complex="16pt"/></style:style>
 <style:style style:name="ce-b12" style:family="table-cell"><style:text-properties fo:font-weight="bold" fo:font-size="12pt" style:font-weight-asian="bold" style:font-weight-complex="bold" style:font-size-asian="12pt" style:font-size-complex="12pt"/></style:style>
 <style:style style:name="ce-b11" style:family="table-cell"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style>
 <style:style style:name="ce-s15" style:family="table-cell"><style:text-properties fo:font-size="15pt" style:font-size-asian="15pt" style:font-size-complex="15pt"/></style:style>
 <style:style style:name="ce-s13" style:family="table-cell"><style:text-properties fo:font-size="13pt" style:font-size-asian="13pt" style:font-size-complex="13pt"/></style:style>
 <style:style style:name="ce-s12" style:family="table-cell"><style:text-properties fo:font-size="12pt" style:font-size-asian="12pt" style:font-size-complex="12pt"/></style:style>
 <style:style style:name="ce-date" style:family="table-cell" style:data-style-name="N-date"/>
 <style:style style:name="ce-pct" style:family="table-cell" style:data-style-name="N-pct"/>
 <style:style style:name="ce-pct1" style:family="table-cell" style:data-style-name="N-pct1"/>
 <style:style style:name="ce-grp" style:family="table-cell" style:data-style-name="N-grp"/>
</office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="{sheet}">
"""
FODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document>\n"
FMT_STYLE = {"yyyy-mm-dd": "ce-date", "0%": "ce-pct", "0.0%": "ce-pct1", "#,##0": "ce-grp"}


def fods_style(bold, size):
    if size == 16:
        return "ce-title"
    if bold:
        return "ce-b12" if size == 12 else "ce-b11"
    return {15: "ce-s15", 13: "ce-s13", 12: "ce-s12"}.get(size)


def fods_cell(value, fmt, style, span):
    attrs = []
    style = FMT_STYLE.get(fmt, style)
    if style:
        attrs.append(f'table:style-name="{style}"')
    if span > 1:
        attrs.append(f'table:number-columns-spanned="{span}" table:number-rows-spanned="1"')
    if value is None:
        return f"<table:table-cell {' '.join(attrs)}/>"
    if isinstance(value, datetime.date):
        attrs.append(f'office:value-type="date" office:date-value="{value.isoformat()}"')
        shown = value.isoformat()
    elif isinstance(value, (int, float)):
        kind = "percentage" if fmt in ("0%", "0.0%") else "float"
        attrs.append(f'office:value-type="{kind}" office:value="{value}"')
        shown = str(value)
    else:
        attrs.append('office:value-type="string"')
        shown = value
    return f"<table:table-cell {' '.join(attrs)}><text:p>{escape(shown)}</text:p></table:table-cell>"


def write_fods(meta, rows, path):
    cols = "".join(
        f' <style:style style:name="co{i}" style:family="table-column"><style:table-column-properties style:column-width="{w * 0.19:.2f}cm"/></style:style>\n'
        for i, w in enumerate(widths_of(meta))
    )
    parts = [FODS_HEAD.format(columns=cols.rstrip("\n"), sheet=escape(meta.get("sheet", "营销计划")))]
    parts += [f'<table:table-column table:style-name="co{i}"/>\n' for i in range(len(widths_of(meta)))]
    for kind, cells in rows:
        bold, size = font_of(kind, meta)
        style = fods_style(bold, size)
        span = merge_cols(kind, meta) if cells else 1
        xml = []
        for c, (value, fmt) in enumerate(cells):
            xml.append(fods_cell(value, fmt, style, span if c == 0 else 1))
            if c == 0 and span > 1:
                xml.append(f'<table:covered-table-cell table:number-columns-repeated="{span - 1}"/>')
        parts.append(f"<table:table-row>{''.join(xml) or '<table:table-cell/>'}</table:table-row>\n")
    parts.append(FODS_TAIL)
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(parts))


def csv_text(value, fmt):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if fmt in ("0%", "0.0%"):
        return f"{value * 100:g}%"
    return str(value)


def write_csv(rows, path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        for _, cells in rows:
            w.writerow([csv_text(v, fmt) for v, fmt in cells])


def main(ids):
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(LO_DIR, exist_ok=True)
    names = sorted(n[: -len(".plan")] for n in os.listdir(PLANS) if n.endswith(".plan"))
    for pid in names:
        if ids and pid not in ids:
            continue
        meta, body = parse(os.path.join(PLANS, pid + ".plan"))
        rows = rows_of(body)
        writer = meta.get("writer", "openpyxl")
        if writer == "openpyxl":
            target = os.path.join(OUT, pid + ".xlsx")
            write_openpyxl(meta, rows, target)
        elif writer == "fods":
            target = os.path.join(LO_DIR, pid + ".fods")
            write_fods(meta, rows, target)
        elif writer == "csv":
            target = os.path.join(LO_DIR, pid + ".csv")
            write_csv(rows, target)
        else:
            raise SystemExit(f"{pid}: unknown writer {writer}")
        print(os.path.relpath(target, ROOT))


if __name__ == "__main__":
    main(sys.argv[1:])
