const path = require("path");
const fs = require("fs");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const { GriffelCSSExtractionPlugin } = require("@griffel/webpack-extraction-plugin");

const urlDev = "https://localhost:3000/";
// Where the production build is hosted; the manifest's URLs are rewritten to it.
const urlProd = process.env.ADDIN_URL || urlDev;
const certDir = path.join(__dirname, "certs");

// The build reads the function descriptors (src/functions/defs/*, TypeScript) for the zh-CN metadata
// texts and the help content, through tsx's require hook, registered under its own namespace so it
// only applies to these requires. Loaded afresh on each compilation, so a running dev server picks
// up edited descriptors.
function loadDescriptors() {
  const { register } = require("tsx/cjs/api");
  const api = register({ namespace: `descriptors-${Date.now()}` });
  try {
    return api.require(
      path.join(__dirname, "build/descriptors.ts"),
      path.join(__dirname, "webpack.config.js"),
    );
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
          compilation.contextDependencies.add(path.join(__dirname, "src/functions"));
          try {
            const localizer = require.resolve("./build/localize-metadata.js");
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
            const renderer = require.resolve("./build/help-pages.js");
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
      compilation.contextDependencies.add(path.join(__dirname, "src"));
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
      return api
        .require("./build/prerender-pane.tsx", path.join(__dirname, "webpack.config.js"))
        .prerenderPane();
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

/**
 * The CSS of Fluent's components and the pane, out of the JavaScript: the loaders' rules above keep the
 * class names in the bundle and hand the rules to these plugins, which write one sorted sheet.
 */
function cssExtraction() {
  return [
    new MiniCssExtractPlugin({
      // Griffel's plugin gathers every rule into its "griffel" chunk, sorted as its style buckets
      // would be; Griffel sorts its own rules, so mini-css-extract's order warnings do not apply.
      filename: ({ chunk }) => (chunk.name === "griffel" ? "taskpane.css" : "[name].css"),
      ignoreOrder: true,
    }),
    new GriffelCSSExtractionPlugin({ unstable_attachToEntryPoint: "taskpane" }),
  ];
}

function httpsOptions() {
  // Our own certificate files (tools/start.js creates them); office-addin-dev-certs needs sudo to
  // install its CA on Linux, so it is never required here.
  const key = path.join(certDir, "localhost.key");
  const cert = path.join(certDir, "localhost.crt");
  if (fs.existsSync(key) && fs.existsSync(cert)) {
    return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  }
  return {};
}

module.exports = (env, options) => {
  const dev = options.mode === "development";
  const web = {
    name: "web",
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      // register.ts, not functions.ts: the metadata plugin appends unguarded CustomFunctions.associate
      // calls to functions.ts, which would throw wherever office.js did not load.
      functions: "./src/functions/register.ts",
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
      // Inlined into taskpane.html by PrerenderPanePlugin, never loaded as a file.
      boot: "./src/taskpane/boot.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      // The CLI bundle and the bench's minimal page (bench/minimal) share dist/; keep them when the web
      // build cleans.
      clean: { keep: /^(cli|bench)\// },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
        {
          // Fluent's components and the pane's own styles (resolved by the rule below, which runs
          // first: post loaders run last rule first) keep their class names in the bundle, while the
          // CSS text goes to one sorted stylesheet (taskpane.css).
          test: /\.(js|mjs|tsx?)$/,
          include: [path.resolve(__dirname, "src/taskpane"), /[\\/]node_modules[\\/]@fluentui[\\/]/],
          enforce: "post",
          use: { loader: GriffelCSSExtractionPlugin.loader },
        },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
        {
          // The pane's makeStyles calls are resolved at build time (ts-loader's output goes through
          // Griffel's loader), as Fluent's own components are: at run time the pane only inserts
          // ready-made CSS rules, and Griffel's style compiler (stylis, rtl-css-js) stays out of the
          // bundle. Profiling the first render showed that runtime resolution cost ~15 ms.
          test: /\.tsx?$/,
          include: path.resolve(__dirname, "src/taskpane"),
          enforce: "post",
          use: { loader: "@griffel/webpack-loader" },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new LocalizedMetadataPlugin(urlDev, dev ? urlDev : urlProd),
      new HelpPagesPlugin(),
      new PrerenderPanePlugin(),
      ...cssExtraction(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Functions first: they must register before (and without waiting for) the pane's React tree.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/help.css", to: "help/help.css" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd);
            },
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: httpsOptions() },
      // Loopback only: the dev server is for this machine's Excel or browser, not the network.
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      hot: false,
      client: false,
    },
  };

  const cli = {
    name: "cli",
    target: "node20",
    devtool: false,
    entry: { "dealer-mkt": "./src/cli/main.ts" },
    output: { path: path.resolve(__dirname, "dist/cli"), filename: "[name].js", chunkFilename: "[name].js" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    externalsPresets: { node: true },
    // Keep npm packages as runtime requires: the CLI runs where node_modules is installed.
    externals: [
      ({ request }, callback) =>
        /^[@a-z]/.test(request) ? callback(null, `commonjs ${request}`) : callback(),
    ],
    optimization: { splitChunks: false, minimize: false },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
  };

  // The dev server serves the pane only; the CLI bundle is for `npm run build`.
  return env && env.WEBPACK_SERVE ? web : [web, cli];
};

// The bench's minimal page (bench/minimal) is built with the same CSS handling.
module.exports.cssExtraction = cssExtraction;
