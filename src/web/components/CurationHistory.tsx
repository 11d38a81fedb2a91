// Marks a curated link and lists its curation history (who, when, what, note), newest last.
import { useEffect, useState } from 'react';
import type { CurationRecord } from '../../shared/api/curation.js';
import type { WireEdge } from '../../shared/graph.js';
import { curationApi } from '../api/curation.js';
import { isCurated } from '../core/curation/index.js';

function describe(c: CurationRecord): string {
  switch (c.action) {
    case 'accept':
      return 'accepted';
    case 'reject':
      return 'rejected';
    case 'kind':
      return `changed the kind to ${c.kind}`;
    case 'retarget':
      return `retargeted ${c.to} → ${c.newTarget}`;
    case 'add':
      return `added it (${c.kind})`;
  }
}

export function CurationHistory({ edge }: { edge: WireEdge }) {
  const [history, setHistory] = useState<CurationRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stamp = String(edge.properties.curationId ?? '');
  const curated = isCurated(edge);

  useEffect(() => {
    if (!curated) return;
    let live = true;
    curationApi
      .history({ from: edge.source, to: edge.target, type: edge.type })
      .then((r) => live && setHistory(r.curations))
      .catch((err: Error) => live && setError(`Cannot load the curation history: ${err.message}`));
    return () => {
      live = false;
    };
  }, [curated, edge.source, edge.target, edge.type, stamp]);

  if (!curated) return null;
  const status = String(edge.properties.curation);
  return (
    <section className="curation-history" aria-label="Curation history">
      <p className={`curated-mark ${status === 'rejected' || status === 'retargeted' ? 'rejected' : ''}`}>
        <strong>Curated:</strong> {status}
        {typeof edge.properties.extractedKind === 'string' && edge.properties.extractedKind !== edge.properties.kind && (
          <span className="muted">
            {' '}
            (extracted as <s>{edge.properties.extractedKind}</s>)
          </span>
        )}
      </p>
      {error && <p className="inline-error">{error}</p>}
      {history && (
        <ol className="history">
          {history.map((c) => (
            <li key={c.id}>
              <time dateTime={c.at}>{c.at.slice(0, 16).replace('T', ' ')}</time> {c.who} {describe(c)}
              {c.note && <q>{c.note}</q>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
