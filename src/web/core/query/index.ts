// Steps for saved and ad-hoc query results: remember the query (for the URL), show its table, and
// draw its graph by replacing the view or adding to it.
import type { WireGraph } from '../../../shared/graph.js';
import { addGraph, replaceGraph } from '../graph/index.js';
import type { QuerySpec, Step, TableResult } from '../state.js';

export type ResultMode = 'replace' | 'add';

export const setTable =
  (table: TableResult | null): Step =>
  (state) => ({ ...state, table });

/** Draws a query result; an empty graph leaves the view as it is (the table says "no results"). */
export const applyQueryResult =
  (query: QuerySpec, graph: WireGraph, table: TableResult, mode: ResultMode): Step =>
  (state) => {
    const withTable = { ...state, query, table };
    if (graph.nodes.length === 0) return withTable;
    return mode === 'replace' ? replaceGraph(graph)(withTable) : addGraph(graph)(withTable);
  };
