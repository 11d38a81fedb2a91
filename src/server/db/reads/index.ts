// The API's data access, one module per endpoint: every Cypher statement the fixed endpoints run,
// parameterized, with labels and relationship types only from the whitelists in src/shared/graph.ts.
// All reads are read transactions.
export { locate, type Located } from './locate.js';
export * from './health.js';
export * from './search.js';
export { NameIndexReader, type NameIndex } from './name-index.js';
export { GraphStateReader } from './graph-state.js';
export * from './node-details.js';
export * from './neighbourhood.js';
export * from './lineage.js';
export * from './paths.js';
export * from './overview.js';
export * from './community.js';
