// Derives the zh-CN custom-functions metadata from the generated functions.json and the
// translation table built from the function descriptors (zhMetadataTable in
// src/functions/registry.ts), and sets the top-level options the metadata plugin does not emit.
// Plain CommonJS so webpack.config.js can require it. The English JSDoc stays the single source of
// ids, types, dimensionality and options: they are copied, only the user-visible texts are
// replaced, so the two files cannot drift.
"use strict";

// Excel function names (learn.microsoft.com, "Custom functions naming and localization"): Unicode
// letters (CJK included), underscores and periods; a letter first; at least three characters.
const EXCEL_NAME = /^\p{L}[\p{L}._]{2,}$/u;

function entryFor(table, id) {
  const functions = (table && table.functions) || {};
  return Object.prototype.hasOwnProperty.call(functions, id) ? functions[id] : undefined;
}

function isText(x) {
  return typeof x === "string" && x.trim() !== "";
}

/** Every function, function name/description, parameter name/description the table lacks. */
function missingTranslations(metadata, table) {
  const missing = [];
  for (const fn of metadata.functions) {
    const entry = entryFor(table, fn.id);
    if (!entry) {
      missing.push(fn.id);
      continue;
    }
    if (!isText(entry.name)) missing.push(`${fn.id}.name`);
    if (fn.description !== undefined && !isText(entry.description)) missing.push(`${fn.id}.description`);
    const params = entry.parameters || {};
    for (const p of fn.parameters) {
      const t = Object.prototype.hasOwnProperty.call(params, p.name) ? params[p.name] : undefined;
      if (!t) missing.push(`${fn.id}(${p.name})`);
      else {
        if (!isText(t.name)) missing.push(`${fn.id}(${p.name}).name`);
        if (p.description !== undefined && !isText(t.description))
          missing.push(`${fn.id}(${p.name}).description`);
      }
    }
  }
  return missing;
}

/** Table entries for functions or parameters that no longer exist, and names Excel would reject. */
function tableProblems(metadata, table) {
  const problems = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  const functions = (table && table.functions) || {};
  for (const id of Object.keys(functions)) {
    if (!ids.has(id)) problems.push(`${id}: no such function`);
  }
  const seen = new Map();
  for (const fn of metadata.functions) {
    const entry = entryFor(table, fn.id);
    if (!entry) continue;
    if (isText(entry.name)) {
      if (!EXCEL_NAME.test(entry.name))
        problems.push(`${fn.id}: "${entry.name}" is not a valid Excel function name`);
      const key = entry.name.toUpperCase();
      if (seen.has(key)) problems.push(`${fn.id}: name "${entry.name}" also used by ${seen.get(key)}`);
      seen.set(key, fn.id);
    }
    const names = new Set(fn.parameters.map((p) => p.name));
    for (const p of Object.keys(entry.parameters || {})) {
      if (!names.has(p)) problems.push(`${fn.id}(${p}): no such parameter`);
      else if (isText(entry.parameters[p].name) && /\s/.test(entry.parameters[p].name)) {
        problems.push(`${fn.id}(${p}): parameter name contains a space`);
      }
    }
  }
  return problems;
}

function localizeHelpUrl(url, fnId) {
  if (url === undefined) return undefined;
  const localized = url.replace("/help/en-US/", "/help/zh-CN/");
  if (localized === url) throw new Error(`${fnId}: helpUrl ${url} has no /help/en-US/ to localize`);
  return localized;
}

/** New metadata with the zh-CN texts; throws when anything is missing or wrong. */
function localizeMetadata(metadata, table) {
  const missing = missingTranslations(metadata, table);
  const problems = tableProblems(metadata, table);
  if (missing.length > 0 || problems.length > 0) {
    const parts = [];
    if (missing.length > 0) parts.push(`missing zh-CN translations: ${missing.join(", ")}`);
    if (problems.length > 0) parts.push(problems.join("; "));
    throw new Error(parts.join("; "));
  }
  const copy = JSON.parse(JSON.stringify(metadata));
  for (const fn of copy.functions) {
    const entry = entryFor(table, fn.id);
    fn.name = entry.name;
    if (fn.description !== undefined) fn.description = entry.description;
    const helpUrl = localizeHelpUrl(fn.helpUrl, fn.id);
    if (helpUrl !== undefined) fn.helpUrl = helpUrl;
    for (const p of fn.parameters) {
      const t = entry.parameters[p.name];
      if (p.description !== undefined) p.description = t.description;
      p.name = t.name;
    }
  }
  return copy;
}

/**
 * The metadata with the top-level options both files need, first in the file. The metadata plugin
 * writes allowCustomDataForDataTypeAny (formatted numbers arrive as data types) but not
 * allowErrorForDataTypeAny: without it Excel never passes an error to a parameter of type any, it
 * answers #VALUE! (or the error) for the whole call itself, so one #N/A inside a range could never
 * stay in its own element of the result (Microsoft's metadata reference: "Setting the value to true
 * allows a custom function to process errors as input values"; the option only works in JSON
 * written or edited by hand, which this step is).
 */
function withMetadataOptions(metadata) {
  const rest = { ...metadata };
  delete rest.allowCustomDataForDataTypeAny;
  delete rest.allowErrorForDataTypeAny;
  return { allowCustomDataForDataTypeAny: true, allowErrorForDataTypeAny: true, ...rest };
}

module.exports = { localizeMetadata, missingTranslations, tableProblems, withMetadataOptions, EXCEL_NAME };
