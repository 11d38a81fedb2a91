// The result table of the last query, with "no results" when empty, a note when the row cap was
// hit, CSV export and close.
import { setTable } from '../core/query/index.js';
import { dispatch, useApp } from '../core/store.js';
import { exportCsv } from '../export.js';

function show(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.name === 'string') return o.name;
    return JSON.stringify(v);
  }
  return String(v);
}

export function TablePanel() {
  const table = useApp((s) => s.table);
  if (!table) return null;
  return (
    <section className="table-panel" aria-label="Query result table">
      <header>
        <strong>{table.title}</strong>
        <span className="muted">
          {' '}
          · {table.rows.length} row{table.rows.length === 1 ? '' : 's'}
          {table.capped ? ' (capped)' : ''}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => exportCsv(table)} disabled={table.rows.length === 0} aria-label="Export the table as CSV">
          CSV
        </button>
        <button type="button" onClick={() => dispatch(setTable(null))} aria-label="Close the table">
          ✕
        </button>
      </header>
      {table.rows.length === 0 ? (
        <p className="empty-state" role="status">
          No results. Try other parameters.
        </p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.slice(0, 500).map((row, i) => (
                <tr key={i}>
                  {row.map((v, j) => (
                    <td key={j}>{show(v)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
