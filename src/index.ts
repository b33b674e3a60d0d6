// The library's public surface.
export { extract } from "./extract/index.js";
export type * from "./domain/extraction.js";
export { openStore } from "./store/index.js";
export type { Store, OpenStoreOptions } from "./store/index.js";
