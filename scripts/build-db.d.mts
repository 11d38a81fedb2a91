// Types of scripts/build-db.mjs for the TypeScript side (src/neo4j/bundled.ts).
export function dbIsBuilt(): boolean;
export function buildDb(options?: { quiet?: boolean }): void;
export const classArchive: string;
export const LAUNCHER_JVM_OPTIONS: readonly string[];
export function classArchiveIsBuilt(): boolean;
export function buildClassArchive(options?: { quiet?: boolean }): void;
