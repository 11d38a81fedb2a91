// Details of a selected cluster node: the group of related ideas it stands for, how many of them
// the view shows, and the button that opens it into its most important ideas.
import { CLUSTER_OPEN_LIMIT, hideNode, openCluster } from '../actions.js';
import type { WireNode } from '../../shared/graph.js';
import { useApp, useRuntime } from '../runtime/context.js';
import { LABEL_COLORS } from '../types.js';

const count = (value: unknown) => (typeof value === 'number' ? value : 0);

export function ClusterDetails({ id }: { id: string }) {
  const rt = useRuntime();
  const node: WireNode | undefined = useApp((s) => s.view.nodes[id]);
  if (!node) return null;
  const p = node.properties;
  const counts = (p.counts && typeof p.counts === 'object' && !Array.isArray(p.counts) ? p.counts : {}) as Record<string, unknown>;
  const kinds = ['Method', 'Architecture', 'Dataset']
    .filter((k) => count(counts[k]) > 0)
    .map((k) => `${count(counts[k]).toLocaleString('en')} ${k === 'Architecture' ? 'architectures' : `${k.toLowerCase()}s`}`);
  const size = count(p.size);
  const omitted = count(p.omitted);
  return (
    <article className="details" aria-label={`Details of the group ${node.name}`}>
      <div className="kind" style={{ color: '#475569' }}>
        <span className="dot" style={{ background: LABEL_COLORS.Cluster }} aria-hidden="true" /> Group of related ideas
      </div>
      <h2>{node.name}</h2>
      <div className="actions">
        <button type="button" onClick={() => void openCluster(rt, id)}>
          Open group
        </button>
        <button type="button" onClick={() => hideNode(rt, id)}>
          Hide
        </button>
      </div>
      <p>
        {size.toLocaleString('en')} ideas{kinds.length ? ` (${kinds.join(', ')})` : ''} that build on each other or are used together;{' '}
        {omitted.toLocaleString('en')} of them are not drawn one by one. <em>Open group</em> (or a double-click) draws its{' '}
        {Math.min(CLUSTER_OPEN_LIMIT, size)} most important ideas in its place; undo brings the group back.
      </p>
      <p className="muted small">
        Links to and from the group sum up the lineage (BUILDS_ON) of its ideas not drawn: the wider, the more links.
      </p>
    </article>
  );
}
