// The build's own webpack plugins: the zh-CN function metadata, the function help pages and the
// prerendered first screen of the pane. Required by ../webpack.config.js.
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const ROOT = path.resolve(__dirname, "..");

// The build reads the function descriptors (src/functions/defs/*, TypeScript) for the zh-CN metadata
// texts and the help content, through tsx's require hook, registered under its own namespace so it
// only applies to these requires. Loaded afresh on each compilation, so a running dev server picks
// up edited descriptors.
function loadDescriptors() {
  const { register } = require("tsx/cjs/api");
  const api = register({ namespace: `descriptors-${Date.now()}` });
  try {
    return api.require(path.join(__dirname, "descriptors.ts"), __filename);
  } finally {
    api.unregister();
  }
}

// Microsoft's tools generate functions.json only in the default language. The zh-CN file is derived
// from it and the descriptors' zh-CN texts at build time, so the two cannot drift: a missing
// translation fails the build. Both files get the top-level options the metadata plugin does not
// write (allowErrorForDataTypeAny).
class LocalizedMetadataPlugin {
  constructor(fromUrl, toUrl) {
    this.fromUrl = fromUrl;
    this.toUrl = toUrl;
  }

  // Help links in the metadata point at the dev server; a production build points them where it is hosted.
  rehost(metadata) {
    return JSON.stringify(metadata, null, 2).split(this.fromUrl).join(this.toUrl);
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizedMetadataPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const source = compilation.getAsset("functions.json");
          if (!source) return; // the metadata plugin already reported its error
          compilation.contextDependencies.add(path.join(ROOT, "src/functions"));
          try {
            const localizer = require.resolve("./localize-metadata.js");
            delete require.cache[localizer];
            const { localizeMetadata, withMetadataOptions } = require(localizer);
            const metadata = withMetadataOptions(JSON.parse(source.source.source().toString()));
            const localized = localizeMetadata(metadata, loadDescriptors().zhTable());
            compilation.emitAsset(
              "functions.zh-CN.json",
              new webpack.sources.RawSource(this.rehost(localized)),
            );
            compilation.updateAsset("functions.json", new webpack.sources.RawSource(this.rehost(metadata)));
          } catch (err) {
            compilation.errors.push(new webpack.WebpackError(`functions.zh-CN.json: ${err.message}`));
          }
        },
      );
    });
  }
}

// The function help pages are rendered from the metadata Excel shows (functions.json and
// functions.zh-CN.json: names, descriptions, parameters) and the help-only texts of the descriptors,
// so help cannot drift from the metadata. Runs after LocalizedMetadataPlugin, in the same stage,
// because it reads the zh-CN file that plugin emits.
class HelpPagesPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HelpPagesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "HelpPagesPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const en = compilation.getAsset("functions.json");
          const zh = compilation.getAsset("functions.zh-CN.json");
          if (!en || !zh) return; // the metadata plugins already reported their errors
          try {
            // Required lazily, cache dropped, so a running dev server picks up an edited renderer.
            const renderer = require.resolve("./help-pages.js");
            compilation.fileDependencies.add(renderer);
            delete require.cache[renderer];
            const { renderHelpPages } = require(renderer);
            const parse = (asset) => JSON.parse(asset.source.source().toString());
            const pages = renderHelpPages(
              { "en-US": parse(en), "zh-CN": parse(zh) },
              loadDescriptors().helpContent(),
            );
            // Marked minimized: a few KB each, served exactly as rendered, so tests can compare
            // dist/ with the renderer's output (production's HTML minifier would rewrite them).
            for (const [file, html] of Object.entries(pages)) {
              compilation.emitAsset(`help/${file}`, new webpack.sources.RawSource(html), { minimized: true });
            }
          } catch (err) {
            compilation.errors.push(new webpack.WebpackError(`help pages: ${err.message}`));
          }
        },
      );
    });
  }
}

// The pane's first screen is in taskpane.html as it arrives (header, tabs, gallery, with Fluent's CSS):
// build/prerender-pane.tsx renders it with react-dom/server, once per first-paint variant (language ×
// likely host); the Chinese preview one goes into #root, the others into <script type="text/html"> blocks, and the boot
// entry (src/taskpane/boot.ts, compiled as usual) is inlined after #root to pick one before the first
// paint. index.tsx hydrates it. office.js stays the first script in <head>, from the CDN, as the Store
// requires; the entries' own <script> tags are replaced by the boot script's loading (loader.ts).
class PrerenderPanePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("PrerenderPanePlugin", (compilation) => {
      compilation.contextDependencies.add(path.join(ROOT, "src"));
      // After html-webpack-plugin has minified and emitted the page, and marked minimized: the
      // prerendered markup must reach the browser exactly as React rendered it, and production's HTML
      // minimizer (webpack's, on assets not marked minimized) drops the <!-- --> between text nodes
      // and closing tags, which hydration then finds different.
      HtmlWebpackPlugin.getHooks(compilation).afterEmit.tap("PrerenderPanePlugin", (data) => {
        if (data.outputName !== "taskpane.html") return data;
        try {
          const page = compilation.getAsset("taskpane.html").source.source().toString();
          const html = this.inject(page, this.bootScript(compilation), this.prerender());
          compilation.updateAsset("taskpane.html", new webpack.sources.RawSource(html), (info) => ({
            ...info,
            minimized: true,
          }));
        } catch (err) {
          compilation.errors.push(new webpack.WebpackError(`prerendered pane: ${err.stack || err.message}`));
        }
        return data;
      });
    });
  }

  /** The boot entry's code, to inline; its own asset is not shipped. */
  bootScript(compilation) {
    const asset = compilation.getAsset("boot.js");
    if (!asset) throw new Error("the boot entry was not built");
    const code = asset.source
      .source()
      .toString()
      .replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "");
    compilation.deleteAsset("boot.js");
    if (compilation.getAsset("boot.js.map")) compilation.deleteAsset("boot.js.map");
    // "</script" inside the code would end the inline script early.
    return code.replace(/<\/script/gi, "<\\/script");
  }

  /** Renders the variants from the current sources (a running dev server re-renders after edits). */
  prerender() {
    const { register } = require("tsx/cjs/api");
    const api = register({ namespace: `prerender-${Date.now()}` });
    try {
      return api.require("./prerender-pane.tsx", __filename).prerenderPane();
    } finally {
      api.unregister();
    }
  }

  /**
   * The entries' <script> tags html-webpack-plugin wrote, taken out of the page: the boot script loads
   * them (functions after office.js, the rest after the first paint; src/taskpane/loader.ts).
   */
  takeScripts(html) {
    const tag = /<script\b(?![^>]*appsforoffice)[^>]*\bsrc=["']?([^"' >]+)["']?[^>]*><\/script>/g;
    // The extracted CSS: as a <link> in <head> it would hold the first paint, which needs none of it.
    const sheet = /<link\b(?=[^>]*\brel=["']?stylesheet)[^>]*\bhref=["']?([^"' >]+)["']?[^>]*>/g;
    const srcs = [...html.matchAll(tag)].map((m) => m[1]);
    const functions = srcs.filter((s) => /(^|\/)functions\.js$/.test(s));
    if (functions.length !== 1 || srcs.length < 2) throw new Error(`unexpected entry scripts: ${srcs}`);
    return {
      html: html.replace(tag, "").replace(sheet, ""),
      afterOffice: functions,
      afterPaint: srcs.filter((s) => !functions.includes(s)),
      afterPaintStyles: [...html.matchAll(sheet)].map((m) => m[1]),
    };
  }

  inject(page, boot, pane) {
    const root = /<div id="?root"?><\/div>/;
    if (!root.test(page)) throw new Error("taskpane.html has no empty <div id=root>");
    const { html, afterOffice, afterPaint, afterPaintStyles } = this.takeScripts(page);
    const bootTag =
      `<script data-after-office="${afterOffice.join(" ")}" data-after-paint="${afterPaint.join(" ")}"` +
      ` data-after-paint-styles="${afterPaintStyles.join(" ")}">`;
    // The functions' download starts with office.js's (without a tag the preload scanner would not
    // see it until office.js had run). Not the pane's bundle: preloaded, chromium compiles it while
    // the first frame is rastered, on the same two cores.
    const preload = afterOffice.map((src) => `<link rel="preload" as="script" href="${src}">`).join("");
    const [first, ...others] = pane.variants;
    // As raw text (boot.ts says why); markup holding "</script" would end its block early.
    const templates = others
      .map((v) => {
        // Inside a script block, "<!--" followed by "<script" changes how the parser ends it too.
        if (/<\/script|<!--(?:(?!-->)[\s\S])*<script/i.test(v.html))
          throw new Error(`the ${v.key} first screen holds markup that would end its text block early`);
        return `<script type="text/html" data-variant="${v.key}">${v.html}</script>`;
      })
      .join("");
    const head =
      pane.styles +
      pane.lightTheme +
      `<style media="(prefers-color-scheme: dark)" data-pane-first-paint>${pane.darkTheme}</style>`;
    return html
      .replace("</head>", `${preload}${head}</head>`)
      .replace(
        root,
        `${templates}<div id="root" data-variant="${first.key}">${first.html}</div>${bootTag}${boot}</script>`,
      );
  }
}

module.exports = { LocalizedMetadataPlugin, HelpPagesPlugin, PrerenderPanePlugin };
