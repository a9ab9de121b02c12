export * from "./auth";
export * from "./articles";
export * from "./statuses";
export * from "./claims";
export * from "./events";
export * from "./audit";
export * from "./api-tokens";
export * from "./reader-counts";
