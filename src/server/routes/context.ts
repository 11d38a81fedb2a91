// What every route module gets from buildApp: the database, the saved queries and the limits.
import type { ImportanceRefresher } from '../../neo4j/importance/refresher.js';
import type { Database } from '../../neo4j/driver.js';
import type { Gate } from '../db/gate.js';
import type { GraphStateReader } from '../db/reads/graph-state.js';
import type { ReadOnlyLimits } from '../db/readonly.js';
import type { SavedQuery } from '../saved-queries.js';

export interface RouteContext {
  db: Database;
  queries: Map<string, SavedQuery>;
  /** Timeout of every read (fixed endpoints too) and the row cap of ad-hoc and saved queries. */
  limits: ReadOnlyLimits;
  /** Bounds how many ad-hoc and saved queries run at once, so they never starve the other endpoints. */
  gate: Gate;
  /** How long GET /api/health waits for Neo4j before answering 503. */
  healthTimeoutMs: number;
  /** Recomputes importance in the background after a curation (see src/neo4j/importance/refresher.ts). */
  importance: ImportanceRefresher;
  /** The graph's counts and stored ranking, read once for concurrent requests: what per-state caches are keyed on. */
  graphState: GraphStateReader;
}
