import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { ARGUMENT_LABELS } from "../../src/core";
import * as functions from "../../src/functions/functions";
import zhTable from "../../src/functions/zh-CN.json";
import {
  localizeMetadata,
  missingTranslations,
  tableProblems,
  type Metadata,
  type TranslationTable,
} from "../../build/localize-metadata";
import { renderHelpPages } from "../../build/help-pages";

const root = path.join(__dirname, "..", "..");
const table = zhTable as TranslationTable;

const EXPECTED: Record<string, { fn: string; params: string[] }> = {
  FUNNEL_RATE: { fn: "funnelRate", params: ["counts", "from_stage", "to_stage"] },
  BREAKEVEN_ATTENDEES: {
    fn: "breakevenAttendees",
    params: ["fixed_cost", "variable_cost_per_attendee", "margin_per_buyer", "conversion_rate"],
  },
  BREAKEVEN_BUYERS: {
    fn: "breakevenBuyers",
    params: ["fixed_cost", "variable_cost_per_attendee", "margin_per_buyer", "attendees"],
  },
  ROI: { fn: "roi", params: ["revenue", "cost", "margin"] },
  COST_PER_SALE: { fn: "costPerSale", params: ["cost", "vehicles_sold"] },
  FUNNEL_TARGETS: { fn: "funnelTargets", params: ["target", "step_rates"] },
};

let metadata: Metadata;
let associate: { functionName: string; id: string }[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(
    [path.join(root, "src/functions/functions.ts")],
    false,
  );
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson) as Metadata;
  associate = result.associate;
});

describe("generated functions.json", () => {
  it("has exactly the six functions, with their ids as English names", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });
  it("declares each parameter in order, as a single cell or a range of any value", () => {
    for (const f of metadata.functions) {
      expect(f.parameters.map((p) => p.name)).toEqual(EXPECTED[f.id].params);
      for (const p of f.parameters) {
        expect(p.dimensionality).toBe("matrix");
        expect(p.type).toBe("any");
        expect((p.description ?? "").length).toBeGreaterThan(10);
      }
      expect(f.result?.dimensionality).toBe("matrix");
    }
  });
  it("marks only from_stage, to_stage and margin optional", () => {
    const optional = metadata.functions.flatMap((f) =>
      f.parameters.filter((p) => p.optional).map((p) => `${f.id}.${p.name}`),
    );
    expect(optional.sort()).toEqual(["FUNNEL_RATE.from_stage", "FUNNEL_RATE.to_stage", "ROI.margin"]);
  });
  it("links every function to its en-US help page, which the build renders in both languages", () => {
    const pages = renderHelpPages({ "en-US": metadata, "zh-CN": localizeMetadata(metadata, table) });
    for (const f of metadata.functions) {
      const file = `${f.id.toLowerCase()}.html`;
      expect(f.helpUrl).toBe(`https://localhost:3000/help/en-US/${file}`);
      for (const lang of ["en-US", "zh-CN"]) expect(pages[`${lang}/${file}`]).toContain(f.id);
    }
  });
  it("associates each id with the exported function of that name (the plugin's registration)", () => {
    const exported = functions as Record<string, unknown>;
    for (const [id, { fn }] of Object.entries(EXPECTED)) {
      expect(associate).toContainEqual(expect.objectContaining({ id, functionName: fn }));
      expect(typeof exported[fn]).toBe("function");
    }
  });
});

describe("zh-CN metadata", () => {
  it("translates every function and parameter, with no stale or invalid entries", () => {
    expect(missingTranslations(metadata, table)).toEqual([]);
    expect(tableProblems(metadata, table)).toEqual([]);
  });
  it("keeps ids, types and options, and replaces names, descriptions and help links", () => {
    const zh = localizeMetadata(metadata, table);
    expect(zh.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    const roi = zh.functions.find((f) => f.id === "ROI");
    expect(roi?.name).toBe("投资回报率");
    expect(roi?.helpUrl).toBe("https://localhost:3000/help/zh-CN/roi.html");
    zh.functions.forEach((f, i) => {
      const en = metadata.functions[i];
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      f.parameters.forEach((p, j) => {
        expect(p.name).not.toBe(en.parameters[j].name);
        expect(p.description).toMatch(/[\u4e00-\u9fff]/);
        expect({ ...p, name: "", description: "" }).toEqual({
          ...en.parameters[j],
          name: "",
          description: "",
        });
      });
    });
    expect(metadata.functions.find((f) => f.id === "ROI")?.name).toBe("ROI");
  });
  it("uses Chinese names Excel accepts: letters, periods, underscores, 3+ characters, unique", () => {
    const names = localizeMetadata(metadata, table).functions.map((f) => f.name);
    for (const name of names) expect(name).toMatch(/^\p{L}[\p{L}._]{2,}$/u);
    expect(new Set(names).size).toBe(names.length);
  });
  it("uses the same Chinese argument names in error messages as in the metadata", () => {
    for (const entry of Object.values(table.functions)) {
      for (const [param, t] of Object.entries(entry.parameters ?? {})) {
        expect(ARGUMENT_LABELS[param]?.["zh-CN"]).toBe(t.name);
      }
    }
  });
  it("reports a removed function, parameter or description, and refuses to localize", () => {
    const broken = JSON.parse(JSON.stringify(table)) as TranslationTable;
    delete broken.functions.COST_PER_SALE;
    delete broken.functions.ROI.parameters?.margin;
    delete broken.functions.FUNNEL_RATE.description;
    expect(missingTranslations(metadata, broken).sort()).toEqual(
      ["COST_PER_SALE", "FUNNEL_RATE.description", "ROI(margin)"].sort(),
    );
    expect(() => localizeMetadata(metadata, broken)).toThrow(/COST_PER_SALE/);
  });
  it("rejects a name Excel would not accept and a translation of a parameter that does not exist", () => {
    const broken = JSON.parse(JSON.stringify(table)) as TranslationTable;
    broken.functions.ROI.name = "投资 回报率";
    broken.functions.COST_PER_SALE.name = "单车2";
    broken.functions.ROI.parameters = {
      ...broken.functions.ROI.parameters,
      gone: { name: "旧", description: "旧" },
    };
    expect(tableProblems(metadata, broken)).toEqual([
      expect.stringContaining('ROI: "投资 回报率" is not a valid Excel function name'),
      expect.stringContaining("ROI(gone)"),
      expect.stringContaining('COST_PER_SALE: "单车2" is not a valid Excel function name'),
    ]);
    expect(() => localizeMetadata(metadata, broken)).toThrow(/valid Excel/);
  });
});
