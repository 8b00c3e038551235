// The hostile and foreign-shaped workbooks, as pure functions returning the file's bytes. Every
// ZIP is built byte by byte (tests/generators/zip/) so a case can lie in any field; the manifest
// (tests/generators/hostile-manifest.ts) says what each one is and what a correct reader answers.
// Small cases are also committed under tests/fixtures/hostile/ by make-hostile-fixtures.ts.
export * from "./hostile/container";
export * from "./hostile/bombs";
export * from "./hostile/names";
export * from "./hostile/xml";
export * from "./hostile/grid";
export * from "./hostile/values";
