// Three jest projects, by what a test needs besides Node:
// - unit: nothing (no dist/, no browser, no LibreOffice); `npm run test:unit`, meant to stay under 90 s.
// - integration: LibreOffice (soffice), the production build in dist/, child processes by the
//   hundred and files of hundreds of megabytes (the command line's proofs, the hostile generators);
//   files named *.int.test.ts.
// - e2e: the production build in headless chromium; tests/e2e.
// `npm test` runs all three after the build (tests/support/test-all.sh), which is what CI runs.
const transform = {
  "^.+\\.tsx?$": [
    "ts-jest",
    { tsconfig: { jsx: "react-jsx", module: "commonjs", moduleResolution: "node", isolatedModules: true } },
  ],
};
const common = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  transform,
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  reporters: ["default", "<rootDir>/tests/support/summary-reporter.js"],
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "\\.int\\.test\\.tsx?$", "/tests/e2e/"],
    },
    { ...common, displayName: "integration", testMatch: ["**/*.int.test.ts"] },
    { ...common, displayName: "e2e", testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"] },
  ],
};
