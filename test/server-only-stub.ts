// Empty stand-in for the "server-only" guard package in unit tests (see vitest.config.ts).
export {};
