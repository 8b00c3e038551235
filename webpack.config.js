const path = require("path");
const fs = require("fs");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { HelpPagesPlugin, LocalizedMetadataPlugin, PrerenderPanePlugin } = require("./build/webpack-plugins");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const { GriffelCSSExtractionPlugin } = require("@griffel/webpack-extraction-plugin");

const urlDev = "https://localhost:3000/";
// Where the production build is hosted; the manifest's URLs are rewritten to it.
const urlProd = process.env.ADDIN_URL || urlDev;
const certDir = path.join(__dirname, "certs");

/**
 * The CSS of Fluent's components and the pane, out of the JavaScript: the loaders' rules below keep the
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
          // Griffel's loader), as Fluent's own components are, and the extraction above takes their CSS
          // out: at run time nothing is inserted, and Griffel's style compiler (stylis, rtl-css-js) stays out of the
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
