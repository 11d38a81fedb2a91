// One sentence over the graph saying what is drawn and why, what the filters hide (with the click
// that shows it), how much the overview left out and which groups (cluster nodes) stand for it.
import { openCluster } from '../actions.js';
import { resetFilters } from '../core/filters/index.js';
import type { ViewState } from '../core/state.js';
import { isNodeVisible } from '../core/visibility.js';
import { useApp, useRuntime } from '../runtime/context.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function summarize(view: ViewState): { shown: string; hidden: string | null } {
  let ideas = 0,
    papers = 0,
    other = 0,
    hiddenCount = 0;
  for (const n of Object.values(view.nodes)) {
    if (!isNodeVisible(view, n.id)) {
      hiddenCount++;
      continue;
    }
    if (n.label === 'Method' || n.label === 'Architecture' || n.label === 'Dataset') ideas++;
    else if (n.label === 'Paper') papers++;
    else other++;
  }
  const f = view.filters;
  const paperPart =
    papers === 0 ? '' : f.proposersOnly ? `, with the ${plural(papers, 'paper')} that propose them` : `, with ${plural(papers, 'paper')}`;
  const shown = `Showing ${plural(ideas, 'method/architecture/dataset', 'methods/architectures/datasets')} and their lineage${paperPart}${other ? ` and ${other} other nodes` : ''}`;
  const what: string[] = [];
  if (f.hiddenLabels.length) what.push(`${f.hiddenLabels.join(', ')} hidden`);
  if (f.proposersOnly) what.push('papers that only use or mention them hidden');
  if (f.hiddenTypes.length) what.push(`${f.hiddenTypes.length} link types hidden`);
  return { shown, hidden: hiddenCount > 0 && what.length ? `${what.join('; ')} (${plural(hiddenCount, 'node')})` : null };
}

/** The cluster nodes of the view, most important first (the overview's order), with what each stands for. */
export function drawnClusters(view: ViewState): { id: string; name: string; omitted: number; size: number }[] {
  const out: { id: string; name: string; omitted: number; size: number; community: number }[] = [];
  for (const n of Object.values(view.nodes)) {
    if (n.label !== 'Cluster' || !isNodeVisible(view, n.id)) continue;
    const p = n.properties;
    out.push({
      id: n.id,
      name: n.name,
      omitted: typeof p.omitted === 'number' ? p.omitted : 0,
      size: typeof p.size === 'number' ? p.size : 0,
      community: typeof p.community === 'number' ? p.community : 0,
    });
  }
  return out.sort((a, b) => a.community - b.community).map(({ community: _c, ...c }) => c);
}

export function ViewSummary() {
  const rt = useRuntime();
  const view = useApp((s) => s.view);
  const omitted = useApp((s) => s.overviewOmitted);
  if (view.mode !== 'graph' || Object.keys(view.nodes).length === 0) return null;
  const { shown, hidden } = summarize(view);
  const clusters = drawnClusters(view);
  const inClusters = clusters.reduce((sum, c) => sum + c.omitted, 0);
  return (
    <p className="view-summary" role="status" aria-label="What the view shows">
      {shown}
      {hidden && (
        <>
          {'; '}
          {hidden} —{' '}
          <button type="button" className="link" onClick={() => rt.commitStep(resetFilters())}>
            click to show
          </button>
        </>
      )}
      .
      {omitted > 0 && (
        <strong>
          {' '}
          The overview shows the ideas most built upon, each with the paper that proposed it, and leaves out {omitted.toLocaleString(
            'en',
          )}{' '}
          nodes
          {clusters.length > 0
            ? `: the ${plural(clusters.length, 'ringed group')} stand for ${inClusters.toLocaleString('en')} related ideas, each labelled by its leading idea and the number of ideas it stands for ("+N"; thicker links, more lineage between groups) — hover a group for more of its names, double-click it to open it, or search.`
            : ': search, expand or open a group to reach them.'}
        </strong>
      )}
      {clusters.length > 0 && (
        <span className="clusters" aria-label="Groups of related ideas not fully shown">
          {' Largest groups: '}
          {clusters.slice(0, 4).map((c, i) => (
            <span key={c.id}>
              {i > 0 && <span aria-hidden="true"> · </span>}
              <button
                type="button"
                className="link cluster"
                title={`${c.size.toLocaleString('en')} ideas, ${c.omitted.toLocaleString('en')} not shown: click to open the group`}
                onClick={() => void openCluster(rt, c.id)}
              >
                {c.name}
              </button>{' '}
              <span className="muted">+{c.omitted.toLocaleString('en')}</span>
            </span>
          ))}
        </span>
      )}
    </p>
  );
}
