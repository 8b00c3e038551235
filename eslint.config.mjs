// @ts-check
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

export default [
  {
    ignores: ["node_modules/", "dist/", "coverage/", "test-output/", "**/*.d.ts"],
  },
  ...officeAddins.configs.react,
  ...tseslint.configs.recommended,
  // The office-addins preset brings its own, older TypeScript parser and only matches .ts/.js;
  // set the project's parser afterwards so TS 5.9 syntax and .tsx files parse.
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
    },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: {
      ecmaVersion: 2022,
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        __filename: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        exports: "writable",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // The core must stay pure: no Office, React, exceljs or Node.
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["react", "react-dom", "exceljs", "@fluentui/*", "fs", "path", "node:*", "office-*"] },
      ],
      "no-restricted-globals": [
        "error",
        "Office",
        "Excel",
        "CustomFunctions",
        "window",
        "document",
        "process",
      ],
    },
  },
];
