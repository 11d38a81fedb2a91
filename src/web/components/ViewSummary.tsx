// One sentence over the graph saying what is drawn and why, what the filters hide (with the click
// that shows it) and how much the overview left out.
import { openCommunity } from '../actions.js';
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

export function ViewSummary() {
  const rt = useRuntime();
  const view = useApp((s) => s.view);
  const omitted = useApp((s) => s.overviewOmitted);
  const clusters = useApp((s) => s.overviewClusters);
  if (view.mode !== 'graph' || Object.keys(view.nodes).length === 0) return null;
  const { shown, hidden } = summarize(view);
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
          The overview shows the ideas most built upon, each with the paper that proposed it, and left out {omitted} nodes: search, expand
          or open a group to reach them.
        </strong>
      )}
      {clusters.length > 0 && (
        <span className="clusters" aria-label="Groups of related ideas not fully shown">
          {' Groups: '}
          {clusters.slice(0, 6).map((c, i) => (
            <span key={c.id}>
              {i > 0 && <span aria-hidden="true"> · </span>}
              <button
                type="button"
                className="link cluster"
                title={`${c.size.toLocaleString('en')} ideas, ${c.omitted.toLocaleString('en')} not shown: click to add the most important`}
                onClick={() => void openCommunity(rt, c.id)}
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
