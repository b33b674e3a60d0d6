// The library's public surface.
export { extract } from "./extract/index.js";
export type * from "./domain/extraction.js";
