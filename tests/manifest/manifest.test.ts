// Offline structural check of manifest.xml. Microsoft's `office-addin-manifest validate` posts the
// manifest to an online service, which CI cannot reach; this covers what we can check locally.
import * as fs from "fs";
import * as path from "path";
import { DOMParser } from "@xmldom/xmldom";
import { SaxesParser } from "saxes";

const root = path.join(__dirname, "..", "..");
const manifestPath = path.join(root, "manifest.xml");
const xml = fs.readFileSync(manifestPath, "utf8");

const OFFICE_NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
const BT_NS = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const OV_NS = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

function parseStrict(text: string): Document {
  // xmldom forgives unclosed tags; saxes is a conforming (strict) XML parser, so it decides well-formedness.
  const sax = new SaxesParser({ xmlns: true });
  try {
    sax.write(text).close();
  } catch (err) {
    throw new Error(`manifest.xml is not well-formed: ${err instanceof Error ? err.message : String(err)}`);
  }
  const problems: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: (m: string) => problems.push(`warning: ${m}`),
      error: (m: string) => problems.push(`error: ${m}`),
      fatalError: (m: string) => problems.push(`fatal: ${m}`),
    },
  }).parseFromString(text, "text/xml");
  if (problems.length > 0) throw new Error(`manifest.xml is not well-formed:\n${problems.join("\n")}`);
  return doc;
}

const doc = parseStrict(xml);
const all = (ns: string, local: string): Element[] => Array.from(doc.getElementsByTagNameNS(ns, local));
const one = (ns: string, local: string): Element => {
  const found = all(ns, local);
  if (found.length !== 1) throw new Error(`expected one <${local}>, found ${found.length}`);
  return found[0];
};
const text = (el: Element): string => (el.textContent ?? "").trim();
const children = (el: Element, local: string): Element[] =>
  Array.from(el.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).localName === local,
  );
const xsiType = (el: Element): string | null => el.getAttributeNS(XSI_NS, "type");

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error(`${file} is not a PNG`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function assetFor(url: string): string {
  const { pathname } = new URL(url);
  return path.join(root, decodeURIComponent(pathname).replace(/^\//, ""));
}

describe("manifest.xml structure", () => {
  it("is well-formed and a TaskPaneApp", () => {
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(doc.documentElement.namespaceURI).toBe(OFFICE_NS);
    expect(xsiType(doc.documentElement)).toBe("TaskPaneApp");
    expect(one(OFFICE_NS, "DisplayName").getAttribute("DefaultValue")).toBe("Dealer Marketing Power");
  });

  it("rejects a manifest that is not well-formed (the check itself can fail)", () => {
    expect(() => parseStrict(xml.replace("</Hosts>", ""))).toThrow(/well-formed/);
  });

  it("has a GUID id and a four-part version", () => {
    expect(text(one(OFFICE_NS, "Id"))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
    expect(text(one(OFFICE_NS, "Version"))).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("targets Excel workbooks with the shared and custom-functions runtimes", () => {
    expect(all(OFFICE_NS, "Host").map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    const sets = Object.fromEntries(
      all(OFFICE_NS, "Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]),
    );
    expect(sets).toEqual({ SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1" });
  });

  it("asks for ReadWriteDocument and nothing more", () => {
    expect(text(one(OFFICE_NS, "Permissions"))).toBe("ReadWriteDocument");
  });

  it("resolves every resid to a resource", () => {
    const ids = new Set(
      ["Image", "Url", "String"].flatMap((k) => all(BT_NS, k).map((e) => e.getAttribute("id") ?? "")),
    );
    const used = Array.from(doc.getElementsByTagName("*"))
      .map((e) => e.getAttribute("resid"))
      .filter((r): r is string => r !== null && r !== "");
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((r) => !ids.has(r))).toEqual([]);
    for (const r of used) expect(r.length).toBeLessThanOrEqual(32);
  });

  it("uses https for every URL", () => {
    const urls: string[] = [];
    for (const el of Array.from(doc.getElementsByTagName("*"))) {
      for (const attr of ["DefaultValue", "Value"]) {
        const v = el.getAttribute(attr);
        if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
      }
    }
    urls.push(...all(OFFICE_NS, "AppDomain").map(text));
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
  });

  it("names icons that exist in assets/ at the sizes it claims", () => {
    const images = new Map(
      all(BT_NS, "Image")
        .filter((e) => e.getAttribute("id"))
        .map((e) => [e.getAttribute("id") ?? "", e.getAttribute("DefaultValue") ?? ""]),
    );
    const checks: Array<[string, number]> = [
      [one(OFFICE_NS, "IconUrl").getAttribute("DefaultValue") ?? "", 32],
      [one(OFFICE_NS, "HighResolutionIconUrl").getAttribute("DefaultValue") ?? "", 64],
    ];
    for (const use of all(BT_NS, "Image").filter((e) => e.getAttribute("size"))) {
      checks.push([images.get(use.getAttribute("resid") ?? "") ?? "", Number(use.getAttribute("size"))]);
    }
    expect(checks.length).toBeGreaterThanOrEqual(8);
    for (const [url, size] of checks) {
      const file = assetFor(url);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it("keeps strings within the schema's length limits", () => {
    const limits: Array<[Element[], number]> = [
      [[one(OFFICE_NS, "DisplayName")], 125],
      [[one(OFFICE_NS, "ProviderName")], 250],
      [[one(OFFICE_NS, "Description")], 250],
      [all(BT_NS, "ShortStrings").flatMap((s) => children(s, "String")), 125],
      [all(BT_NS, "LongStrings").flatMap((s) => children(s, "String")), 250],
      [all(BT_NS, "Url").concat(all(BT_NS, "Image").filter((e) => e.getAttribute("id"))), 2048],
    ];
    for (const [els, max] of limits) {
      for (const el of els) {
        const values = [
          el.hasAttribute("DefaultValue") ? (el.getAttribute("DefaultValue") ?? "") : text(el),
          ...children(el, "Override").map((o) => o.getAttribute("Value") ?? ""),
        ];
        for (const v of values) {
          expect(v.length).toBeGreaterThan(0);
          expect(v.length).toBeLessThanOrEqual(max);
        }
      }
    }
  });

  it("gives display name, description, ribbon labels and functions metadata a zh-CN override", () => {
    const hasZh = (el: Element) => children(el, "Override").some((o) => o.getAttribute("Locale") === "zh-CN");
    expect(hasZh(one(OFFICE_NS, "DisplayName"))).toBe(true);
    expect(hasZh(one(OFFICE_NS, "Description"))).toBe(true);
    const byId = (local: string, id: string) => {
      const el = all(BT_NS, local).find((e) => e.getAttribute("id") === id);
      if (!el) throw new Error(`no ${local} ${id}`);
      return el;
    };
    for (const label of all(OV_NS, "Label"))
      expect(hasZh(byId("String", label.getAttribute("resid") ?? ""))).toBe(true);
    const metadata = byId("Url", "Functions.Metadata.Url");
    expect(
      children(metadata, "Override")
        .find((o) => o.getAttribute("Locale") === "zh-CN")
        ?.getAttribute("Value"),
    ).toMatch(/functions\.zh-CN\.json$/);
  });

  it("declares one long-lived shared runtime that carries pane, functions and ribbon command", () => {
    const runtimes = all(OV_NS, "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute("lifetime")).toBe("long");
    const page = runtimes[0].getAttribute("resid");
    expect(page).toBe("Taskpane.Url");

    const cf = all(OV_NS, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions");
    if (!cf) throw new Error("no CustomFunctions extension point");
    const source = (local: string) =>
      children(children(cf, local)[0], "SourceLocation")[0]?.getAttribute("resid");
    expect(source("Script")).toBe("Functions.Script.Url");
    expect(source("Page")).toBe(page);
    expect(source("Metadata")).toBe("Functions.Metadata.Url");
    const ns = children(cf, "Namespace")[0]?.getAttribute("resid");
    expect(
      all(BT_NS, "String")
        .find((s) => s.getAttribute("id") === ns)
        ?.getAttribute("DefaultValue"),
    ).toBe("DEALER");

    expect(one(OV_NS, "FunctionFile").getAttribute("resid")).toBe(page);
    const tab = one(OV_NS, "OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const action = one(OV_NS, "Action");
    expect(xsiType(action)).toBe("ShowTaskpane");
    expect(children(action, "SourceLocation")[0]?.getAttribute("resid")).toBe(page);
  });
});
