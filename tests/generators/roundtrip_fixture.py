#!/usr/bin/python3
"""The round-trip fixture: one macro-enabled workbook with every feature, as Excel would have saved it.

    /usr/bin/python3 tests/generators/roundtrip_fixture.py [OUT.xlsm]
    (default tests/fixtures/roundtrip/every-feature.xlsm; what is where: tests/fixtures/roundtrip/README.md)

openpyxl writes the sheets, styles, table, chart, comment, validation, conditional formats, names,
hyperlinks, merge, frozen panes, hidden and protected sheets; zipfile post-processing then writes
what openpyxl cannot: cached values on every formula (as Excel saves them), the DEALER calls spelled
_xldudf_ with a shared-formula group, a spilled array and a cached #NAME?, a classic shared group
and array formula, an external link part, a custom XML part, the macro part and the macro-enabled
content type, and Excel's calcPr (no fullCalcOnLoad, so a prepared copy can be told apart).
The vbaProject.bin is the one of the hostile macro-enabled case (a minimal OLE file made by
tests/generators/zip/ole.ts), read from tests/fixtures/hostile/macro-enabled.xlsm.
"""
import datetime
import os
import re
import sys
import zipfile

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Border, Font, PatternFill, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.table import Table, TableStyleInfo

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures")
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(FIXTURES, "roundtrip", "every-feature.xlsm")
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CHANNELS = [("线上 Online", 150000, 100000), ("车展 Auto show", 240000, 60000), ("试驾 Test drive", 50000, 10000)]


def build(path):
    wb = Workbook()
    wb.properties.created = wb.properties.modified = datetime.datetime(2026, 1, 1)
    plan = wb.active
    plan.title = "Plan"
    plan["A1"] = "经销商营销计划 Dealer plan"
    plan["A1"].font = Font(bold=True, size=14)
    plan.merge_cells("A1:G1")
    thin = Side(style="thin")
    for r, (name, revenue, cost) in enumerate(CHANNELS, start=2):
        plan[f"A{r}"] = name
        plan[f"B{r}"] = revenue
        plan[f"C{r}"] = cost
        plan[f"B{r}"].number_format = plan[f"C{r}"].number_format = '"¥"#,##0'
        plan[f"D{r}"] = "=0"  # DEALER ROI: replaced below
        plan[f"D{r}"].number_format = "0%"
        plan[f"E{r}"] = "=0"  # classic shared group B-C: replaced below
        plan[f"F{r}"] = f"=C{r}/SUM($C$2:$C$4)"
        plan[f"F{r}"].number_format = "0.0%"
        plan[f"A{r}"].border = Border(left=thin, right=thin, top=thin, bottom=thin)
    plan["A2"].comment = Comment("来源：CRM 导出 / source: CRM export", "Planner")
    plan["A5"] = "漏斗 Funnel"
    for col, n in zip("BCDEFG", [1000, 400, 200, 50, 40, 30]):
        plan[f"{col}5"] = n
    for col in "BCDEF":
        plan[f"{col}6"] = 0  # the spilled DEALER_FUNNEL_RATE: replaced below
        plan[f"{col}6"].number_format = "0%"
    plan["A8"] = "无加载项 Without add-in"
    plan["B8"], plan["C8"] = 1000, 500
    plan["D8"] = "=0"  # DEALER with a cached #NAME?: replaced below
    plan["A10"] = "合计 Total"
    plan["B10"] = "=0"  # classic array formula: replaced below
    plan["A11"] = "增长 Growth"
    plan["G11"] = 4
    plan["G11"].number_format = "0%"
    plan["G11"].fill = PatternFill(start_color="FFFFF2CC", end_color="FFFFF2CC", fill_type="solid")
    plan["A12"] = "经销商网站 Dealer site"
    plan["A12"].hyperlink = "https://example.com/dealer"
    plan["B12"] = "=0"  # external link: replaced below
    plan["A13"] = "数据 Data"
    plan["A13"].hyperlink = Hyperlink(ref="A13", location="'Data'!A1", display="数据 Data")
    plan["A14"] = datetime.date(2026, 3, 25)
    plan["A14"].number_format = "yyyy-mm-dd"
    plan.freeze_panes = "B2"
    dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    plan.add_data_validation(dv)
    dv.add("C2:C4")
    red = PatternFill(start_color="FFFFC7CE", end_color="FFFFC7CE", fill_type="solid")
    plan.conditional_formatting.add("D2:D4", CellIsRule(operator="greaterThan", formula=["1"], fill=red))
    plan.conditional_formatting.add("A2", FormulaRule(formula=["_xldudf_DEALER_ROI($B$2,$C$2)>0.4"], fill=red))

    data = wb.create_sheet("Data")
    data.append(["渠道 Channel", "收入 Revenue", "费用 Cost"])
    for row in CHANNELS:
        data.append(list(row))
    data.append(["老客户 Referral", 20000, 5000])
    table = Table(displayName="Channels", ref="A1:C5")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    data.add_table(table)
    chart = BarChart()
    chart.title = "收入 Revenue"
    chart.add_data(Reference(data, min_col=2, min_row=1, max_row=5), titles_from_data=True)
    chart.set_categories(Reference(data, min_col=1, min_row=2, max_row=5))
    data.add_chart(chart, "E2")

    hidden = wb.create_sheet("Hidden")
    hidden["A1"], hidden["B1"] = "rate", 0.07
    hidden.sheet_state = "hidden"
    protected = wb.create_sheet("Protected")
    protected["A1"] = "只读 Read only"
    protected.protection.sheet = True
    protected.protection.password = "dealer"

    wb.defined_names.append(DefinedName("Revenue", attr_text="Plan!$B$2:$B$4"))
    wb.defined_names.append(DefinedName("Total", attr_text="Plan!$B$10"))
    wb.defined_names.append(DefinedName("Rate", attr_text="Hidden!$B$1", hidden=True))
    wb.defined_names.append(DefinedName("PlanRoi", attr_text="_xldudf_DEALER_ROI(Plan!$B$2,Plan!$C$2)"))
    wb.save(path)


def set_cell(xml, ref, inner, t=None):
    """Replaces cell `ref` by one holding `inner` (keeping its style), as Excel would write it."""
    m = re.search(r'<c r="%s"(?P<attrs>[^>]*?)(?:/>|>.*?</c>)' % ref, xml)
    if not m:
        raise SystemExit(f"cell {ref} not found")
    s = re.search(r'\ss="\d+"', m.group("attrs"))
    attrs = (s.group(0) if s else "") + (f' t="{t}"' if t else "")
    return xml[: m.start()] + f'<c r="{ref}"{attrs}>{inner}</c>' + xml[m.end():]


def plan_cells(xml):
    roi = {2: 0.5, 3: 3, 4: 4}
    xml = set_cell(xml, "D2", "<f>_xldudf_DEALER_ROI(B2,C2)</f><v>0.5</v>")
    xml = set_cell(xml, "D3", f'<f t="shared" ref="D3:D4" si="0">_xldudf_DEALER_ROI(B3,C3)</f><v>{roi[3]}</v>')
    xml = set_cell(xml, "D4", f'<f t="shared" si="0"/><v>{roi[4]}</v>')
    profit = {r: rev - cost for r, (_, rev, cost) in enumerate(CHANNELS, start=2)}
    xml = set_cell(xml, "E2", f'<f t="shared" ref="E2:E4" si="1">B2-C2</f><v>{profit[2]}</v>')
    for r in (3, 4):
        xml = set_cell(xml, f"E{r}", f'<f t="shared" si="1"/><v>{profit[r]}</v>')
    total_cost = sum(c for _, _, c in CHANNELS)
    for r, (_, _, cost) in enumerate(CHANNELS, start=2):
        xml = set_cell(xml, f"F{r}", f"<f>C{r}/SUM($C$2:$C$4)</f><v>{repr(cost / total_cost)}</v>")
    rates = [0.4, 0.5, 0.25, 0.8, 0.75]
    xml = set_cell(xml, "B6", f'<f t="array" ref="B6:F6">_xldudf_DEALER_FUNNEL_RATE(B5:G5)</f><v>{rates[0]}</v>')
    for col, v in zip("CDEF", rates[1:]):
        xml = set_cell(xml, f"{col}6", f"<v>{v}</v>")
    xml = set_cell(xml, "D8", "<f>_xldudf_DEALER_ROI(B8,C8)</f><v>#NAME?</v>", t="e")
    xml = set_cell(xml, "B10", f'<f t="array" ref="B10">SUM(B2:B4-C2:C4)</f><v>{sum(profit.values())}</v>')
    xml = set_cell(xml, "B12", "<f>[1]Sheet1!$A$1</f><v>12345</v>")
    return xml


EXTERNAL_LINK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="%s"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>12345</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>""" % NS_R
CUSTOM_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<dealerNote xmlns="urn:example:dealer-note"><owner>市场部 Marketing</owner></dealerNote>"""
CUSTOM_PROPS = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<ds:datastoreItem ds:itemID="{5A3C0D2E-1B7F-4C1E-9A61-2F0B8D9C4E11}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>"""


def rels(*items):
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"{m}/>' for i, t, g, m in items)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_RELS}">{body}</Relationships>'


def post_process(src, dst):
    with zipfile.ZipFile(os.path.join(FIXTURES, "hostile", "macro-enabled.xlsm")) as h:
        vba = h.read("xl/vbaProject.bin")
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename).decode("utf-8")
            if item.filename == "[Content_Types].xml":
                data = data.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                    "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                data = data.replace("</Types>",
                    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                    '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>'
                    '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>')
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace("</Relationships>",
                    f'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'
                    f'<Relationship Id="rIdExt1" Type="{NS_R}/externalLink" Target="externalLinks/externalLink1.xml"/>'
                    f'<Relationship Id="rIdCustom1" Type="{NS_R}/customXml" Target="../customXml/item1.xml"/></Relationships>')
            elif item.filename == "xl/workbook.xml":
                data = data.replace("</sheets>", '</sheets><externalReferences><externalReference r:id="rIdExt1" xmlns:r="%s"/></externalReferences>' % NS_R)
                data = re.sub(r"<calcPr[^>]*/>", '<calcPr calcId="191029"/>', data)
            elif item.filename == "xl/worksheets/sheet1.xml":
                data = plan_cells(data)
            zout.writestr(item, data)
        zout.writestr("xl/vbaProject.bin", vba)
        zout.writestr("xl/externalLinks/externalLink1.xml", EXTERNAL_LINK)
        zout.writestr("xl/externalLinks/_rels/externalLink1.xml.rels",
                      rels(("rId1", f"{NS_R}/externalLinkPath", "budget-2025.xlsx", ' TargetMode="External"')))
        zout.writestr("customXml/item1.xml", CUSTOM_XML)
        zout.writestr("customXml/itemProps1.xml", CUSTOM_PROPS)
        zout.writestr("customXml/_rels/item1.xml.rels",
                      rels(("rId1", f"{NS_R}/customXmlProps", "itemProps1.xml", "")))


if __name__ == "__main__":
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    tmp = OUT + ".openpyxl.xlsx"
    build(tmp)
    post_process(tmp, OUT)
    os.remove(tmp)
    print(OUT)
