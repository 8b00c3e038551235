// The JSDoc in functions.ts is the public contract (the metadata plugin reads it); the descriptors
// (src/functions/defs/*, through registry.ts) describe each function once for everything else.
// These tests keep the two in agreement and check the build steps that derive the zh-CN metadata
// and set the options the plugin does not write.
import fs from "fs";
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";
import { HELP } from "../../src/functions/help-registry";
import {
  DEALER_IDS,
  FUNCTION_LIST,
  FUNCTIONS,
  helpPage,
  labelsOf,
  zhMetadataTable,
} from "../../src/functions/registry";
import {
  localizeMetadata,
  missingTranslations,
  tableProblems,
  withMetadataOptions,
  type Metadata,
  type TranslationTable,
} from "../../build/localize-metadata";
import { pageFile } from "../../build/help-pages";
import { zhTable } from "../../build/descriptors";

const root = path.join(__dirname, "..", "..");
const table: TranslationTable = zhMetadataTable();

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

describe("one descriptor per function", () => {
  it("registers every descriptor file under its own id, with its help", () => {
    const files = fs
      .readdirSync(path.join(root, "src/functions/defs"))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => f.replace(/\.ts$/, ""));
    expect(files.sort()).toEqual(FUNCTION_LIST.map((d) => d.fn).sort());
    for (const [id, def] of Object.entries(FUNCTIONS)) expect(def.id).toBe(id);
    expect(Object.keys(HELP).sort()).toEqual([...DEALER_IDS].sort());
    expect(DEALER_IDS).toHaveLength(12);
  });
  it("gives the build the same zh-CN table the tests use", () => {
    expect(zhTable()).toEqual(table);
  });
});

describe("generated functions.json agrees with the descriptors", () => {
  it("has exactly the registered functions, in order, with their ids as English names", () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(DEALER_IDS);
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });
  it("has each function's description and parameters as its descriptor says, in order", () => {
    for (const f of metadata.functions) {
      const def = FUNCTIONS[f.id as keyof typeof FUNCTIONS];
      expect(f.description).toBe(def.description["en-US"]);
      expect(f.parameters.map((p) => p.name)).toEqual(def.args.map((a) => a.name));
      f.parameters.forEach((p, k) => {
        expect(p.description).toBe(def.args[k].description["en-US"]);
        expect(p.optional ?? false).toBe(def.args[k].optional ?? false);
        // A single cell or a range of any value: blanks, text and errors reach our coercion.
        expect(p.dimensionality).toBe("matrix");
        expect(p.type).toBe("any");
      });
      expect(f.result?.dimensionality).toBe("matrix");
    }
  });
  it("marks the optional parameters optional, and only those", () => {
    const optional = metadata.functions.flatMap((f) =>
      f.parameters.filter((p) => p.optional).map((p) => `${f.id}.${p.name}`),
    );
    expect(optional.sort()).toEqual(
      [
        "ATTAINMENT.higher_is_better",
        "FUNNEL_RATE.from_stage",
        "FUNNEL_RATE.to_stage",
        "ROI.margin",
        "TREND_ALERT.higher_is_better",
        "TREND_ALERT.periods",
      ].sort(),
    );
  });
  it("links every function to its en-US help page", () => {
    for (const f of metadata.functions) {
      const page = helpPage(f.id as keyof typeof FUNCTIONS);
      expect(page).toBe(pageFile(f.id));
      expect(f.helpUrl).toBe(`https://localhost:3000/help/en-US/${page}`);
    }
  });
  it("associates each id with the exported wrapper the descriptor names", () => {
    const exported = functions as Record<string, unknown>;
    for (const def of FUNCTION_LIST) {
      expect(associate).toContainEqual(expect.objectContaining({ id: def.id, functionName: def.fn }));
      expect(typeof exported[def.fn]).toBe("function");
    }
  });
});

describe("the options the metadata plugin does not write", () => {
  it("sets allowErrorForDataTypeAny and keeps allowCustomDataForDataTypeAny, first, in both files", () => {
    const en = withMetadataOptions(metadata);
    expect(Object.keys(en).slice(0, 2)).toEqual([
      "allowCustomDataForDataTypeAny",
      "allowErrorForDataTypeAny",
    ]);
    expect(en.allowErrorForDataTypeAny).toBe(true);
    expect(en.allowCustomDataForDataTypeAny).toBe(true);
    expect(en.functions).toEqual(metadata.functions);
    const zh = localizeMetadata(en, table);
    expect(zh.allowErrorForDataTypeAny).toBe(true);
    expect(zh.allowCustomDataForDataTypeAny).toBe(true);
    // The plugin's own output lacks it: the build step is what sets it.
    expect(metadata.allowErrorForDataTypeAny).toBeUndefined();
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
  it("writes the Chinese texts with full-width punctuation", () => {
    for (const f of localizeMetadata(metadata, table).functions) {
      for (const text of [f.description ?? "", ...f.parameters.map((p) => p.description ?? "")]) {
        // Half-width , ; : or a parenthesis touching a Chinese character.
        expect(text).not.toMatch(/[\u4e00-\u9fff][,;:()]|[,;:()][\u4e00-\u9fff]/);
      }
    }
  });
  it("uses dealers' term 单车毛利 for the margin of one sale", () => {
    const zh = localizeMetadata(metadata, table);
    const margins = zh.functions.flatMap((f) =>
      f.parameters.filter(
        (_, j) => metadata.functions.find((e) => e.id === f.id)?.parameters[j].name === "margin_per_buyer",
      ),
    );
    expect(margins.length).toBe(4);
    for (const p of margins) expect(p.name).toBe("单车毛利");
  });
  it("names arguments in error messages as the metadata does, per function", () => {
    const zh = localizeMetadata(metadata, table);
    for (const def of FUNCTION_LIST) {
      const labels = labelsOf(def);
      const zf = zh.functions.find((f) => f.id === def.id);
      def.args.forEach((a, k) => {
        expect(labels(a.name, "zh-CN")).toBe(zf?.parameters[k].name);
        expect(labels(a.name, "en-US")).toBe(a.name);
      });
    }
    // The same parameter name may mean different things in two functions.
    expect(labelsOf(FUNCTIONS.FUNNEL_TARGETS)("target", "zh-CN")).toBe("目标成交数");
    expect(labelsOf(FUNCTIONS.ATTAINMENT)("target", "zh-CN")).toBe("目标值");
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
