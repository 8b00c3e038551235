#!/usr/bin/python3
"""Workbooks written by openpyxl (Debian's python3-openpyxl 3.0.9), committed under tests/fixtures/foreign/.

Run with Debian's interpreter (the pyenv python3 on PATH has no openpyxl):
    /usr/bin/python3 tests/generators/foreign_openpyxl.py [OUT_DIR]

openpyxl-features.xlsx  a chart, a comment, a table, validation, conditional formats, names
                        (one hidden), hyperlinks, merges, frozen panes, hidden and protected sheets
openpyxl-pivot.xlsx     a pivot-like layout plus a minimal pivotCacheDefinition and pivotTable added
                        with zipfile (openpyxl cannot write pivot caches)
openpyxl-write-only.xlsx  the streaming write-only mode (what scripts exporting big data use)

openpyxl writes formulas without cached values: a reader finds the formula and no value.
Expectations are in tests/fixtures/foreign/manifest.ts.
"""
import datetime
import os
import sys
import zipfile

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.table import Table, TableStyleInfo

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "fixtures", "foreign")
FIXED = datetime.datetime(2026, 1, 1, 0, 0, 0)

ROWS = [
    ("渠道 Channel", "线索 Leads", "到店 Visits", "成交 Deals", "费用 Cost"),
    ("线上 Online", 1200, 300, 45, 90000),
    ("车展 Auto show", 800, 260, 52, 150000),
    ("试驾 Test drive", 300, 180, 40, 30000),
    ("老客户 Referral", 150, 90, 30, 5000),
]


def fixed_props(wb):
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "foreign_openpyxl.py"


def features(path):
    wb = Workbook()
    fixed_props(wb)
    ws = wb.active
    ws.title = "Data"
    for r in ROWS:
        ws.append(r)
    ws["F1"] = "转化率 Close rate"
    for i in range(2, 6):
        ws[f"F{i}"] = f"=D{i}/C{i}"
        ws[f"F{i}"].number_format = "0.0%"
    ws["A1"].comment = Comment("数据来源：CRM 导出 / source: CRM export", "Planner")
    ws["A1"].font = Font(bold=True)
    table = Table(displayName="Channels", ref="A1:E5")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    ws.add_table(table)
    chart = BarChart()
    chart.title = "Leads by channel"
    chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=5), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=5))
    ws.add_chart(chart, "H2")
    dv = DataValidation(type="list", formula1='"A,B,C"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add("G2:G5")
    ws["G1"] = "Grade"
    ws["G2"] = "A"
    red = PatternFill(start_color="FFFFC7CE", end_color="FFFFC7CE", fill_type="solid")
    ws.conditional_formatting.add("E2:E5", CellIsRule(operator="greaterThan", formula=["100000"], fill=red))
    ws.conditional_formatting.add("D2:D5", FormulaRule(formula=["D2>C2*0.2"], fill=red))
    ws["A7"] = "Dealer site"
    ws["A7"].hyperlink = "https://example.com/dealer"
    ws["A8"] = "To summary"
    ws["A8"].hyperlink = Hyperlink(ref="A8", location="'Summary'!A1", display="To summary")
    ws["A10"] = "合并 Merged"
    ws.merge_cells("A10:C10")
    ws["A11"] = datetime.date(2026, 3, 25)
    ws["A11"].number_format = "yyyy-mm-dd"
    ws["B11"] = 4
    ws["B11"].number_format = "0%"
    ws["C11"] = True
    ws.freeze_panes = "B2"

    summary = wb.create_sheet("Summary")
    summary["A1"] = "总线索 Total leads"
    summary["B1"] = "=SUM(Data!B2:B5)"
    summary["A2"] = "总费用 Total cost"
    summary["B2"] = "=SUM(Cost)"
    summary["A3"] = "单车成本 Cost per deal"
    summary["B3"] = "=B2/SUM(Data!D2:D5)"

    hidden = wb.create_sheet("Hidden")
    hidden["A1"] = "secret rate"
    hidden["B1"] = 0.07
    hidden.sheet_state = "hidden"

    protected = wb.create_sheet("Protected")
    protected["A1"] = "locked"
    protected.protection.sheet = True
    protected.protection.password = "dealer"

    wb.defined_names.append(DefinedName("Cost", attr_text="Data!$E$2:$E$5"))
    wb.defined_names.append(DefinedName("SecretRate", attr_text="Hidden!$B$1", hidden=True))
    wb.save(path)


PIVOT_CACHE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" refreshOnLoad="1" recordCount="0" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3"><cacheSource type="worksheet"><worksheetSource ref="A1:C7" sheet="Sales"/></cacheSource><cacheFields count="3"><cacheField name="Region" numFmtId="0"><sharedItems count="2"><s v="East"/><s v="West"/></sharedItems></cacheField><cacheField name="Model" numFmtId="0"><sharedItems count="3"><s v="Sedan"/><s v="SUV"/><s v="EV"/></sharedItems></cacheField><cacheField name="Units" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="4" maxValue="30"/></cacheField></cacheFields></pivotCacheDefinition>"""

PIVOT_TABLE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="UnitsByRegion" cacheId="1" dataCaption="Values" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" useAutoFormatting="1" itemPrintTitles="1" indent="0" outline="1" outlineData="1"><location ref="A3:B6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="3"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Sum of Units" fld="2" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>"""

NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def pivot(path):
    wb = Workbook()
    fixed_props(wb)
    sales = wb.active
    sales.title = "Sales"
    for r in [("Region", "Model", "Units"), ("East", "Sedan", 12), ("East", "SUV", 30), ("East", "EV", 8),
              ("West", "Sedan", 4), ("West", "SUV", 18), ("West", "EV", 10)]:
        sales.append(r)
    report = wb.create_sheet("Report")
    report["A1"] = "Units by region (pivot layout)"
    report["A3"] = "Row Labels"
    report["B3"] = "Sum of Units"
    for i, (label, total) in enumerate([("East", 50), ("West", 32), ("Grand Total", 82)], start=4):
        report[f"A{i}"] = label
        report[f"B{i}"] = total
    tmp = path + ".tmp"
    wb.save(tmp)
    add_pivot_parts(tmp, path)
    os.remove(tmp)


def add_pivot_parts(src, dst):
    """Adds the cache definition (workbook level) and the pivot table (on Report, sheet2) by hand."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    b'<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>'
                    b'<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/></Types>'))
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", (
                    f'<Relationship Id="rIdPivotCache1" Type="{NS_R}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>').encode())
            elif item.filename == "xl/workbook.xml":
                # pivotCaches come after definedNames and calcPr in CT_Workbook; openpyxl declares
                # the r: prefix on each <sheet>, not on the root, so it is declared here too.
                tag = b"<calcPr" if b"<calcPr" in data else b"</workbook>"
                head, tail = data.split(tag, 1)
                if tag == b"<calcPr":
                    end = tail.index(b"/>") + 2
                    head, tail = head + tag + tail[:end], tail[end:]
                    tag = b""
                data = head + (
                    b'<pivotCaches><pivotCache cacheId="1" r:id="rIdPivotCache1" xmlns:r="%s"/></pivotCaches>' % NS_R.encode()) + tag + tail
            zout.writestr(item, data)
        zout.writestr("xl/pivotCache/pivotCacheDefinition1.xml", PIVOT_CACHE)
        zout.writestr("xl/pivotTables/pivotTable1.xml", PIVOT_TABLE)
        zout.writestr("xl/pivotTables/_rels/pivotTable1.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{NS_R}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>'))
        zout.writestr("xl/worksheets/_rels/sheet2.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{NS_R}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>'))


def write_only(path):
    wb = Workbook(write_only=True)
    fixed_props(wb)
    ws = wb.create_sheet("Export")
    ws.append(["id", "dealer", "leads", "cost"])
    for i in range(1, 201):
        ws.append([i, f"Dealer {i:03d}", i * 7, f"=C{i + 1}*100"])
    wb.save(path)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for name, fn in [("openpyxl-features.xlsx", features), ("openpyxl-pivot.xlsx", pivot),
                     ("openpyxl-write-only.xlsx", write_only)]:
        fn(os.path.join(OUT, name))
        print(os.path.join(OUT, name))
