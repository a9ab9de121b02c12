export { extractQuantities } from "./extract";
export type { Qualifier, Quantity } from "./types";
