export { tokenize, ERROR_LITERALS } from "./tokenize";
export type { Token, TokenType } from "./tokenize";
export type { Node, Formula } from "./ast";
export { parseFormula, FormulaSyntaxError } from "./parse";
export { printFormula, printNode, printTrimmed } from "./print";
export { parseRef, formatCell, shiftFormula, mapFormulaRefs } from "./refs";
export type { RefMapper } from "./refs";
export type { RefInfo } from "./refs";
export { sameFormula } from "./compare";
