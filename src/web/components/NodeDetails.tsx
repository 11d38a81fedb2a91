// Details of a selected node: its kind and name, the actions on it, then the paper or entity part,
// from the details the actions module fetches (loadNodeDetails).
import { useEffect, useState } from 'react';
import type { NodeResponse } from '../api/client.js';
import { loadNodeDetails } from '../actions.js';
import { LABEL_COLORS } from '../types.js';
import { EntityDetails } from './EntityDetails.js';
import { NodeActions } from './NodeActions.js';
import { NodeRuns } from './NodeRuns.js';
import { PaperDetails } from './PaperDetails.js';
import { useApp } from '../runtime/context.js';

export function NodeDetails({ id }: { id: string }) {
  const [details, setDetails] = useState<NodeResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fallback = useApp((s) => s.view.nodes[id]);

  useEffect(() => {
    let live = true;
    setError(null);
    loadNodeDetails(id).then((r) => {
      if (!live) return;
      if ('error' in r) setError(r.error);
      else setDetails(r.details);
    });
    return () => {
      live = false;
    };
  }, [id]);

  const d = details?.node.id === id ? details : null;
  const node = d ? d.node : fallback;
  if (!node) return <p className="muted">{error ?? 'Loading…'}</p>;
  const p = node.properties;
  return (
    <article className="details" aria-label={`Details of ${node.name}`}>
      <div className="kind" style={{ color: LABEL_COLORS[node.label] }}>
        {node.label}
        {typeof p.year === 'number' && <span className="muted"> · {p.year}</span>}
      </div>
      <h2>{node.name}</h2>
      <NodeActions node={node} />
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {node.label === 'Paper' ? <PaperDetails node={node} details={d} /> : <EntityDetails node={node} details={d} />}
      {d && <NodeRuns runs={d.runs} />}
      {d && d.counts.length > 0 && <p className="muted small">{d.counts.map((c) => `${c.type} ${c.direction} ${c.count}`).join(' · ')}</p>}
    </article>
  );
}
