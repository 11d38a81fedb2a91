// Where a node came from: the ingest runs that wrote it, each with its files, time and extractor version.
import type { NodeRun } from '../../shared/api/node-runs.js';

export function NodeRuns({ runs }: { runs: NodeRun[] }) {
  if (runs.length === 0) return null;
  return (
    <section aria-label="Ingest runs">
      <h3>Ingest runs ({runs.length})</h3>
      <ul className="runs">
        {runs.map((run) => (
          <li key={run.id}>
            <code>{run.id}</code> · {run.files.join(', ')}
            <div className="muted small">
              {new Date(run.startedAt).toLocaleString()} · extractor {run.extractorVersion}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
