// Turns whatever a service threw into one sentence for the MessageBar. Office errors carry a `code`
// (OfficeExtension.Error): the three a planner can fix themselves get their own advice.
import { fill, type Lang, type Strings } from "./i18n";

/** Thrown by the pane's services when the host lacks a requirement set the operation needs. */
export class RequirementError extends Error {
  constructor(readonly requirement: string) {
    super(`Requirement set ${requirement} is not supported`);
    this.name = "RequirementError";
  }
}

/** Thrown when a file picked in preview mode is not a readable workbook. */
export class FileReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileReadError";
  }
}

/** A sentence, already in the pane's language, to show as it is (e.g. "nothing to restore"). */
export class NoticeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NoticeError";
  }
}

/** Thrown when this build lacks a feature module (e.g. sharing inside Excel before its adapter exists). */
export class UnavailableError extends Error {
  constructor(what: string) {
    super(what);
    this.name = "UnavailableError";
  }
}

function field(error: unknown, key: "code" | "message" | "name"): string {
  if (typeof error === "object" && error !== null && key in error) {
    const value = (error as Record<string, unknown>)[key];
    return typeof value === "string" ? value : "";
  }
  return "";
}

/** Errors of the workbook and share adapters carry their message in both languages. */
function localized(error: unknown, lang: Lang): string | undefined {
  if (typeof error !== "object" || error === null || !("messages" in error)) return undefined;
  const messages = (error as { messages: unknown }).messages;
  if (typeof messages !== "object" || messages === null) return undefined;
  const text = (messages as Record<string, unknown>)[lang];
  return typeof text === "string" ? text : undefined;
}

export function describeError(error: unknown, t: Strings, lang: Lang): string {
  if (error instanceof RequirementError) return fill(t.errRequirement, { set: error.requirement });
  if (error instanceof FileReadError) return fill(t.errFile, { message: error.message });
  if (error instanceof UnavailableError) return t.errUnavailable;
  if (error instanceof NoticeError) return error.message;
  const code = field(error, "code");
  const message = field(error, "message") || (typeof error === "string" ? error : String(error));
  if (code === "InvalidOperationInCellEditMode") return t.errCellEdit;
  // A write into a protected sheet comes back as AccessDenied (or InvalidOperation on older builds,
  // whose message then names the protection).
  if (code === "AccessDenied" || /protect/i.test(message)) return t.errProtected;
  if (code === "ApiNotFound" || code === "UnsupportedFeature" || code === "NotImplemented") {
    return fill(t.errRequirement, { set: message || code });
  }
  const own = localized(error, lang);
  if (own) return own;
  return fill(t.errGeneric, { message: code ? `${code}: ${message}` : message });
}
