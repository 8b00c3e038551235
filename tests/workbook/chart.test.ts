import { SaxesParser } from "saxes";
import { buildTemplate, templateKinds } from "../../src/templates";
import { LANGS } from "../../src/core/lang";
import { rangeCells } from "../../src/core/a1";
import { flattenCells, isFormula, type ChartSpec } from "../../src/templates/spec";
import { chartPartXml, chartSeriesRefs } from "../../src/workbook/ooxml/chart";

const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";

interface El {
  readonly ns: string;
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: El[];
  text: string;
}

/** Parses with a conforming XML parser (throws on anything not well-formed) into a small tree. */
function parse(xml: string): El {
  const sax = new SaxesParser({ xmlns: true });
  const stack: El[] = [];
  let root: El | undefined;
  sax.on("opentag", (t) => {
    const attrs: Record<string, string> = {};
    for (const [k, a] of Object.entries(t.attributes)) attrs[k] = a.value;
    const el: El = { ns: t.uri, name: t.local, attrs, children: [], text: "" };
    stack[stack.length - 1]?.children.push(el);
    root ??= el;
    stack.push(el);
  });
  sax.on("text", (s) => {
    const top = stack[stack.length - 1];
    if (top) top.text += s;
  });
  sax.on("closetag", () => void stack.pop());
  sax.write(xml).close();
  if (!root) throw new Error("no root element");
  return root;
}

const all = (el: El, name: string, ns = C): El[] => [
  ...el.children.filter((c) => c.name === name && c.ns === ns),
  ...el.children.flatMap((c) => all(c, name, ns)),
];
const one = (el: El, name: string, ns = C): El => {
  const found = all(el, name, ns);
  if (found.length !== 1) throw new Error(`expected one ${name}, found ${found.length}`);
  return found[0];
};
const kids = (el: El) => el.children.map((c) => c.name);
const f = (el: El) => one(el, "f").text;

const base: ChartSpec = {
  type: "line",
  title: "Event cost and income",
  series: "B19:C39",
  categories: "A20:A39",
  from: "H4",
  to: "P22",
};

/** The schema's order of the elements a series may hold (CT_LineSer / CT_BarSer / CT_PieSer). */
const SER_ORDER = [
  "idx",
  "order",
  "tx",
  "spPr",
  "invertIfNegative",
  "explosion",
  "marker",
  "cat",
  "val",
  "smooth",
];

describe("DrawingML chart part", () => {
  test.each([
    ["line", "lineChart", null],
    ["column", "barChart", "col"],
    ["bar", "barChart", "bar"],
    ["pie", "pieChart", null],
  ] as const)("%s: a well-formed chartSpace with a %s (barDir %s)", (type, plot, barDir) => {
    const root = parse(chartPartXml({ ...base, type }, "Event Break-even"));
    expect([root.ns, root.name]).toEqual([C, "chartSpace"]);
    const plotArea = one(root, "plotArea");
    const plots = plotArea.children.filter((c) => c.name.endsWith("Chart"));
    expect(plots.map((p) => p.name)).toEqual([plot]);
    if (barDir) expect(one(plots[0], "barDir").attrs.val).toBe(barDir);
    else expect(all(plots[0], "barDir")).toEqual([]);
    const axes = plotArea.children.filter((c) => c.name.endsWith("Ax"));
    if (type === "pie") {
      expect(axes).toEqual([]);
      expect(all(plots[0], "axId")).toEqual([]);
    } else {
      expect(axes.map((a) => a.name)).toEqual(["catAx", "valAx"]);
      const ids = all(plots[0], "axId").map((a) => a.attrs.val);
      expect(ids).toEqual(axes.map((a) => one(a, "axId").attrs.val));
      // Each axis crosses the other.
      expect(one(axes[0], "crossAx").attrs.val).toBe(ids[1]);
      expect(one(axes[1], "crossAx").attrs.val).toBe(ids[0]);
      expect(one(axes[0], "axPos").attrs.val).toBe(type === "bar" ? "l" : "b");
    }
    // The chart's elements in the schema's order: title, plot area, legend.
    const chart = one(root, "chart");
    expect(kids(chart)).toEqual([
      "title",
      "autoTitleDeleted",
      "plotArea",
      "legend",
      "plotVisOnly",
      "dispBlanksAs",
    ]);
    expect(one(one(chart, "title"), "t", A).text).toBe("Event cost and income");
    expect(all(chart, "legendPos")).toHaveLength(1);
    for (const ser of all(plots[0], "ser")) {
      const order = kids(ser).map((k) => SER_ORDER.indexOf(k));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    }
  });

  test("every series references its name, its values and the shared categories", () => {
    const root = parse(chartPartXml(base, "Event Break-even"));
    const sers = all(root, "ser");
    expect(sers).toHaveLength(2);
    expect(sers.map((s) => [f(one(s, "tx")), f(one(s, "val")), f(one(s, "cat"))])).toEqual([
      ["'Event Break-even'!$B$19", "'Event Break-even'!$B$20:$B$39", "'Event Break-even'!$A$20:$A$39"],
      ["'Event Break-even'!$C$19", "'Event Break-even'!$C$20:$C$39", "'Event Break-even'!$A$20:$A$39"],
    ]);
    expect(sers.map((s) => [one(s, "idx").attrs.val, one(s, "order").attrs.val])).toEqual([
      ["0", "0"],
      ["1", "1"],
    ]);
  });

  test("sheet names are quoted as Excel does, texts escaped, and read back exactly", () => {
    const sheet = "O'Brien & <Co>";
    const title = 'Cost & "income" <2026>';
    const xml = chartPartXml({ ...base, type: "column", title }, sheet);
    const root = parse(xml);
    expect(one(root, "t", A).text).toBe(title);
    expect(f(one(all(root, "ser")[0], "tx"))).toBe("'O''Brien & <Co>'!$B$19");
    expect(chartSeriesRefs(base, "营销投放预算")[0].values).toBe("营销投放预算!$B$20:$B$39");
  });

  test("caches hold the numbers and labels given, blanks left out", () => {
    const values: Record<string, string | number | null> = {
      B2: "Planned",
      B3: 10,
      B4: null,
      B5: 2.5,
      A3: "Jan",
      A4: "Feb",
      A5: "Mar",
    };
    const chart: ChartSpec = { ...base, type: "column", series: "B2:B5", categories: "A3:A5" };
    const root = parse(chartPartXml(chart, "S", (a) => values[a]));
    const ser = one(root, "ser");
    const numCache = one(one(ser, "val"), "numCache");
    expect(one(numCache, "ptCount").attrs.val).toBe("3");
    expect(all(numCache, "pt").map((p) => [p.attrs.idx, one(p, "v").text])).toEqual([
      ["0", "10"],
      ["2", "2.5"],
    ]);
    expect(all(one(ser, "cat"), "pt").map((p) => one(p, "v").text)).toEqual(["Jan", "Feb", "Mar"]);
    expect(one(one(ser, "tx"), "v").text).toBe("Planned");
    expect(all(parse(chartPartXml(chart, "S")), "numCache")).toEqual([]);
  });

  test("a series range without a name row is refused", () => {
    expect(() => chartPartXml({ ...base, series: "B19:C19" }, "S")).toThrow(/name row/);
  });
});

describe("every template's charts", () => {
  const charts = templateKinds.flatMap((k) =>
    LANGS.flatMap((lang) =>
      buildTemplate(k.kind, { lang }).sheets.flatMap((s) =>
        (s.charts ?? []).map((chart) => ({ id: `${k.kind} ${lang} ${chart.title}`, sheet: s, chart })),
      ),
    ),
  );

  test("the event and the budget summary have their charts, in both languages", () => {
    expect(charts.map((c) => `${c.sheet.key}:${c.chart.type}`).sort()).toEqual(
      ["event:line", "event:line", "summary:column", "summary:column", "summary:pie", "summary:pie"].sort(),
    );
  });

  test.each(charts.map((c) => [c.id, c] as const))("%s: a part bound to the sheet's own cells", (_id, c) => {
    const cells = flattenCells(c.sheet);
    const root = parse(chartPartXml(c.chart, c.sheet.name));
    expect(all(root, "ser").length).toBeGreaterThan(0);
    // Series names are the sheet's header texts, values and categories lie in its content.
    const s = rangeCells(c.chart.series);
    const width = new Set(s.map((a) => a.replace(/\d+$/, ""))).size;
    for (const a of s.slice(0, width)) {
      const name = cells.get(a);
      expect([a, typeof name === "string" && !isFormula(name)]).toEqual([a, true]);
    }
    for (const a of [...s.slice(width), ...rangeCells(c.chart.categories)])
      expect([a, cells.get(a) ?? null]).not.toEqual([a, null]);
    if (c.chart.type === "pie") expect(width).toBe(1);
  });
});
