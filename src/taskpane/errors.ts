// Turns whatever a service threw into one sentence for the MessageBar. Office errors carry a `code`
// (OfficeExtension.Error): the three a planner can fix themselves get their own advice.
import { format, type Strings } from "./i18n";

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

function field(error: unknown, key: "code" | "message" | "name"): string {
  if (typeof error === "object" && error !== null && key in error) {
    const value = (error as Record<string, unknown>)[key];
    return typeof value === "string" ? value : "";
  }
  return "";
}

export function describeError(error: unknown, t: Strings): string {
  if (error instanceof RequirementError) return format(t.errRequirement, { set: error.requirement });
  if (error instanceof FileReadError) return format(t.errFile, { message: error.message });
  const code = field(error, "code");
  const message = field(error, "message") || (typeof error === "string" ? error : String(error));
  if (code === "InvalidOperationInCellEditMode") return t.errCellEdit;
  // A write into a protected sheet comes back as AccessDenied (or InvalidOperation on older builds,
  // whose message then names the protection).
  if (code === "AccessDenied" || /protect/i.test(message)) return t.errProtected;
  if (code === "ApiNotFound" || code === "UnsupportedFeature" || code === "NotImplemented") {
    return format(t.errRequirement, { set: message || code });
  }
  return format(t.errGeneric, { message: code ? `${code}: ${message}` : message });
}
