// Renders the function help pages (help/<lang>/<id>.html and help/<lang>/index.html) from the
// custom-functions metadata of each language and the help-only texts of the function descriptors
// (`help` of src/functions/defs/<name>.ts, collected in src/functions/help-registry.ts; the shared
// texts in src/functions/help.ts). Pure: data in, HTML strings out; webpack.config.js emits them,
// tests render them the same way. Plain CommonJS so webpack.config.js can require it.
"use strict";

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML text or attribute value. */
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Help page file name of a function id: FUNNEL_RATE -> funnel_rate.html (the @helpurl's). */
function pageFile(id) {
  return `${id.toLowerCase()}.html`;
}

function qualifiedName(fn, namespace) {
  return `${namespace}.${fn.name}`;
}

/**
 * A worked-example string as HTML: escaped, then `code` and **strong** marked up and {FN} named.
 * Unbalanced markers throw, so a typo fails the build instead of showing stray backticks.
 */
function inline(text, fnName) {
  const named = text.split("{FN}").join(fnName);
  const parts = named.split("`");
  if (parts.length % 2 === 0) throw new Error(`unbalanced \` in help text: ${text}`);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return `<code>${escapeHtml(part)}</code>`;
      const bold = part.split("**");
      if (bold.length % 2 === 0) throw new Error(`unbalanced ** in help text: ${text}`);
      return bold.map((b, j) => (j % 2 === 1 ? `<strong>${escapeHtml(b)}</strong>` : escapeHtml(b))).join("");
    })
    .join("");
}

function page(lang, title, body) {
  return [
    "<!doctype html>",
    `<html lang="${lang}">`,
    "  <head>",
    '    <meta charset="utf-8" />',
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    `    <title>${escapeHtml(title)}</title>`,
    '    <link rel="stylesheet" href="../help.css" />',
    "  </head>",
    "  <body>",
    "    <main>",
    ...body.map((line) => `      ${line}`),
    "    </main>",
    "  </body>",
    "</html>",
    "",
  ].join("\n");
}

/** A table with column headers and one row header per row; cells are HTML already. */
function table(columns, rows) {
  return [
    "<table>",
    "  <thead>",
    "    <tr>",
    ...columns.map((c) => `      <th scope="col">${escapeHtml(c)}</th>`),
    "    </tr>",
    "  </thead>",
    "  <tbody>",
    ...rows.flatMap(([head, cell]) => [
      "    <tr>",
      `      <th scope="row">${head}</th>`,
      `      <td>${cell}</td>`,
      "    </tr>",
    ]),
    "  </tbody>",
    "</table>",
  ];
}

function contentFor(FUNCTIONS, id, lang) {
  const entry = Object.prototype.hasOwnProperty.call(FUNCTIONS, id) ? FUNCTIONS[id] : undefined;
  if (!entry || !entry[lang]) throw new Error(`no ${lang} help content for ${id}`);
  return { symbols: entry.symbols || {}, ...entry[lang] };
}

/** The argument's meaning: symbol, the metadata's own description, then the help-only note. */
function argumentText(param, content, shared) {
  const symbol = content.symbols[param.id];
  const note = (content.notes || {})[param.id];
  let text = param.description || "";
  if (symbol) text = `${symbol}${shared.symbolSeparator}${text}`;
  if (note) text = text ? `${text}${shared.noteSeparator}${note}` : note;
  return escapeHtml(text);
}

function functionPage(content0, lang, fn, params) {
  const { NAMESPACE, SHARED, FUNCTIONS } = content0;
  const shared = SHARED[lang];
  const content = contentFor(FUNCTIONS, fn.id, lang);
  for (const p of Object.keys(content.notes || {}).concat(Object.keys(content.symbols))) {
    if (!params.some((q) => q.id === p)) throw new Error(`${fn.id} help: ${p} is not a parameter`);
  }
  const name = qualifiedName(fn, NAMESPACE);
  const syntax = `=${name}(${params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
  const heading =
    fn.name === fn.id
      ? escapeHtml(name)
      : `${escapeHtml(name)} <span lang="en">(${escapeHtml(`${NAMESPACE}.${fn.id}`)})</span>`;
  const example = content.example.flatMap((block) =>
    Array.isArray(block)
      ? ["<ul>", ...block.map((item) => `  <li>${inline(item, name)}</li>`), "</ul>"]
      : [`<p>${inline(block, name)}</p>`],
  );
  const body = [
    `<p><a href="index.html">${escapeHtml(shared.allFunctions)}</a></p>`,
    `<h1>${heading}</h1>`,
    ...(fn.description ? [`<p>${escapeHtml(fn.description)}</p>`] : []),
    `<h2>${escapeHtml(shared.headings.formula)}</h2>`,
    `<p class="formula">${escapeHtml(content.formula)}</p>`,
    `<h2>${escapeHtml(shared.headings.syntax)}</h2>`,
    `<p><code>${escapeHtml(syntax)}</code></p>`,
    `<h2>${escapeHtml(shared.headings.arguments)}</h2>`,
    ...table(
      shared.argumentColumns,
      params.map((p) => [`<code>${escapeHtml(p.name)}</code>`, argumentText(p, content, shared)]),
    ),
    `<p>${escapeHtml(content.ranges || shared.ranges)}</p>`,
    `<h2>${escapeHtml(shared.headings.errors)}</h2>`,
    ...table(
      shared.errorColumns,
      shared.errors
        .concat(content.errors)
        .map(([code, when]) => [`<code>${escapeHtml(code)}</code>`, escapeHtml(when)]),
    ),
    `<h2>${escapeHtml(shared.headings.example)}</h2>`,
    ...example,
  ];
  return page(lang, `${name} — ${shared.product} — ${shared.help}`, body);
}

function indexPage(content, lang, functions) {
  const shared = content.SHARED[lang];
  const title = `${shared.product} — ${shared.help}`;
  const other = shared.index.other;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(shared.index.intro)}</p>`,
    ...table(
      shared.index.columns,
      functions.map((fn) => [
        `<a href="${pageFile(fn.id)}">${escapeHtml(qualifiedName(fn, content.NAMESPACE))}</a>`,
        escapeHtml(fn.description || ""),
      ]),
    ),
    `<p lang="${other.lang}"><a href="../${other.lang}/index.html" hreflang="${other.lang}">${escapeHtml(other.text)}</a></p>`,
  ];
  return page(lang, title, body);
}

/**
 * Every help page, keyed by its path under help/ ("en-US/roi.html"). metadata maps each language to
 * its functions.json ("en-US": functions.json, "zh-CN": functions.zh-CN.json); both list the same
 * functions and parameters in the same order, the zh-CN one with translated names. Parameters are
 * matched to the help content by their English name (the id the zh-CN table is keyed by too).
 * content is { NAMESPACE, SHARED, FUNCTIONS }: the namespace, the texts every page shares and each
 * function's help by id.
 */
function renderHelpPages(metadata, content) {
  const { FUNCTIONS } = content;
  const en = metadata["en-US"].functions;
  const ids = en.map((f) => f.id);
  for (const id of Object.keys(FUNCTIONS)) {
    if (!ids.includes(id)) throw new Error(`help content for ${id}, which is not a function`);
  }
  const pages = {};
  // The languages are those of the metadata handed in (the build passes en-US and zh-CN; the one
  // list of languages is LANGS in src/core/lang.ts, which this CommonJS file cannot import).
  for (const lang of Object.keys(metadata)) {
    const functions = metadata[lang].functions;
    if (functions.map((f) => f.id).join() !== ids.join())
      throw new Error(`${lang} metadata lists other functions than en-US`);
    functions.forEach((fn, i) => {
      if (fn.parameters.length !== en[i].parameters.length)
        throw new Error(`${lang} metadata of ${fn.id} has other parameters than en-US`);
      const params = fn.parameters.map((p, j) => ({ ...p, id: en[i].parameters[j].name }));
      pages[`${lang}/${pageFile(fn.id)}`] = functionPage(content, lang, fn, params);
    });
    pages[`${lang}/index.html`] = indexPage(content, lang, functions);
  }
  return pages;
}

module.exports = { renderHelpPages, escapeHtml, inline, pageFile };
