// What the curation gestures do: send one curation with the write token, then put the link's new
// state into the view (or reload the lineage, whose shape a curation can change).
import type { CurateBody } from '../shared/api/curation.js';
import { curationApi } from './api/curation.js';
import { openLineage, selectNode } from './actions.js';
import { applyCuratedEdges, isRejected } from './core/curation/index.js';
import type { GraphRuntime } from './runtime/graph-runtime.js';
import { setNotice } from './core/ui.js';
import { select } from './core/selection/index.js';

const VERB: Record<CurateBody['action'], string> = {
  accept: 'Accepted',
  reject: 'Rejected',
  kind: 'Changed the kind of',
  retarget: 'Retargeted',
  add: 'Added',
};

/** Sends the curation; resolves to an error sentence for the form, or null when it was stored. */
export async function curate(rt: GraphRuntime, body: CurateBody): Promise<string | null> {
  let answer;
  try {
    answer = await curationApi.curate(body);
  } catch (err) {
    return (err as Error).message;
  }
  const type = answer.curation.type;
  const links = [{ from: body.from, to: body.to, type }];
  if (body.action === 'retarget') links.push({ from: body.from, to: body.newTarget, type });
  const state = rt.getState();
  const lineage = state.view.mode === 'lineage' ? state.view.lineage : null;
  if (lineage) {
    // The lineage's shape may change: load it again, and keep the link selected when it is still drawn.
    const selected = state.selection;
    await openLineage(rt, lineage.root, lineage.byYear, { record: false, all: lineage.all });
    if (selected?.kind === 'edge' && rt.getState().view.edges[selected.id]) rt.dispatch(select(selected));
  } else {
    rt.dispatch(applyCuratedEdges(links, answer.edges));
    const added = body.action === 'add' ? body.to : body.action === 'retarget' ? body.newTarget : null;
    if (added && !rt.getState().view.nodes[added]) await selectNode(rt, added);
  }
  // An added or retargeted link is selected, so its details (the note as evidence) show at once.
  const created =
    body.action === 'add' || body.action === 'retarget'
      ? answer.edges.find((e) => !isRejected(e) && rt.getState().view.edges[e.id])
      : undefined;
  if (created) rt.dispatch(select({ kind: 'edge', id: created.id }));
  const name = (id: string) => rt.getState().view.nodes[id]?.name ?? id;
  const hiddenNote =
    body.action === 'reject' || body.action === 'retarget' ? ' It is hidden now; tick "Show rejected" to see it struck through.' : '';
  rt.dispatch(setNotice(`${VERB[body.action]} ${type} ${name(body.from)} → ${name(body.to)}.${hiddenNote}`));
  return null;
}

const CURATOR_KEY = 'methodgraph.curator';

/** The name curations are signed with (kept in this browser). */
export function curatorName(): string {
  try {
    return localStorage.getItem(CURATOR_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberCurator(name: string): void {
  try {
    localStorage.setItem(CURATOR_KEY, name);
  } catch {
    // Storage refused: the name is asked for again next time.
  }
}
