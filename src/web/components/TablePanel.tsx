// The result table of the last query, with "no results" when empty, a note when the row cap was
// hit, CSV export and close.
import { useState, type PointerEvent as ReactPointerEvent } from 'react';
import { setTable } from '../core/query/index.js';
import { cellText } from '../core/table-cell.js';
import { exportCsv } from '../export.js';
import { useApp, useRuntime } from '../runtime/context.js';

/** The bar between the graph and the table: drag it (or use the arrow keys) to share the height. */
function SplitHandle({ height, onChange }: { height: number; onChange: (h: number) => void }) {
  const drag = (e: ReactPointerEvent<HTMLDivElement>) => {
    const startY = e.clientY;
    const start = height;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => onChange(clampHeight(start + startY - ev.clientY));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  return (
    <div
      className="split-handle"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the result table"
      aria-valuenow={Math.round(height)}
      tabIndex={0}
      onPointerDown={drag}
      onKeyDown={(e) => {
        if (e.key === 'ArrowUp') onChange(clampHeight(height + 24));
        else if (e.key === 'ArrowDown') onChange(clampHeight(height - 24));
      }}
    />
  );
}

function clampHeight(h: number): number {
  return Math.max(80, Math.min(window.innerHeight * 0.75, h));
}

export function TablePanel() {
  const rt = useRuntime();
  const table = useApp((s) => s.table);
  const [height, setHeight] = useState(() => Math.round(window.innerHeight * 0.28));
  if (!table) return null;
  return (
    <>
      <SplitHandle height={height} onChange={setHeight} />
      <section className="table-panel" aria-label="Query result table" style={{ height }}>
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
          <button type="button" onClick={() => rt.dispatch(setTable(null))} aria-label="Close the table">
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
                      <td key={j}>{cellText(v)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
