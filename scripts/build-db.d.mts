// Types of scripts/build-db.mjs for the TypeScript side (src/server/db/bundled.ts).
export function dbIsBuilt(): boolean;
export function buildDb(options?: { quiet?: boolean }): void;
