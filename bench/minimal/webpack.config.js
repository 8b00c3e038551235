// The minimal page of the bench, built with the pane's webpack settings: the web configuration of
// ../../webpack.config.js in production mode (ts-loader, Griffel's loader and CSS extraction (its sheet
// linked from <head>, as a page without a prerendered first screen needs it), minification, source maps),
// with only the entry, the output folder and the page swapped. Output: dist/bench/ (and floor.html, the
// bench's static floor).
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const base = require("../../webpack.config.js");

const ROOT = path.resolve(__dirname, "../..");

module.exports = (env, options) => {
  const [web] = base({}, { ...options, mode: "production" });
  return {
    ...web,
    name: "bench-minimal",
    mode: "production",
    context: ROOT,
    entry: { minimal: "./bench/minimal/index.tsx" },
    output: {
      path: path.join(ROOT, "dist/bench"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    module: {
      rules: web.module.rules.map((rule) =>
        // Griffel's build-time styles apply to this page's source as they do to the pane's.
        rule.include ? { ...rule, include: [rule.include, __dirname] } : rule,
      ),
    },
    plugins: [
      ...base.cssExtraction(),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./bench/minimal/index.html" }),
      // The floor (floor.html says what it is): served as written, no script or sheet injected.
      new HtmlWebpackPlugin({
        filename: "floor.html",
        template: "./bench/minimal/floor.html",
        inject: false,
      }),
    ],
    devServer: undefined,
  };
};
