// Folds the curation records, oldest first, into what each curated link should be now: hidden or
// shown, its status and kind, and the link a person added (or a retarget moved) with its evidence.
import type { CurationRecord, CurationStatus } from '../../shared/api/curation.js';

/** The link a person added, or the one a retarget created, as it is written to the graph. */
export interface AddedLink {
  evidence: string;
  note: string | null;
  paperId: string | null;
  confidence: number;
  who: string;
  /** retarget: the node the link pointed at before. */
  retargetedFrom: string | null;
}

export interface LinkState {
  from: string;
  to: string;
  type: string;
  /** Rejected or retargeted away: hidden everywhere unless rejected links are asked for. */
  hidden: boolean;
  status: CurationStatus;
  /** The kind a person chose, or null to keep the extracted one. */
  kind: string | null;
  added: AddedLink | null;
  /** The latest curation that decided this state. */
  last: string;
  retargetedTo: string | null;
}

/** The stable identity of a link: its type and its two ends' ids. */
export const linkKey = (type: string, from: string, to: string) => `${type}|${from}|${to}`;

/** Oldest first; records of the same instant keep a stable order by id. */
export function chronological(records: readonly CurationRecord[]): CurationRecord[] {
  return [...records].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

export function foldCurations(records: readonly CurationRecord[]): LinkState[] {
  const states = new Map<string, LinkState>();
  const stateOf = (type: string, from: string, to: string, last: string): LinkState => {
    const key = linkKey(type, from, to);
    let state = states.get(key);
    if (!state) {
      state = { from, to, type, hidden: false, status: 'accepted', kind: null, added: null, last, retargetedTo: null };
      states.set(key, state);
    }
    state.last = last;
    return state;
  };
  for (const r of chronological(records)) {
    const state = stateOf(r.type, r.from, r.to, r.id);
    switch (r.action) {
      case 'accept':
        Object.assign(state, { hidden: false, status: 'accepted', retargetedTo: null });
        break;
      case 'reject':
        Object.assign(state, { hidden: true, status: 'rejected', retargetedTo: null });
        break;
      case 'kind':
        state.kind = r.kind;
        if (!state.hidden) state.status = 'kind-changed';
        break;
      case 'add':
        Object.assign(state, {
          hidden: false,
          status: 'added',
          kind: r.kind,
          retargetedTo: null,
          added: { evidence: r.note ?? '', note: r.note, paperId: null, confidence: 1, who: r.who, retargetedFrom: null },
        });
        break;
      case 'retarget': {
        if (!r.newTarget) break;
        const kind = state.kind ?? r.previousKind;
        const evidence = state.added?.evidence ?? r.evidence ?? r.note ?? '';
        Object.assign(state, { hidden: true, status: 'retargeted', retargetedTo: r.newTarget });
        const moved = stateOf(r.type, r.from, r.newTarget, r.id);
        Object.assign(moved, {
          hidden: false,
          status: 'added',
          kind: kind ?? null,
          retargetedTo: null,
          added: { evidence, note: r.note, paperId: r.paperId, confidence: r.confidence ?? 1, who: r.who, retargetedFrom: r.to },
        });
        break;
      }
    }
  }
  return [...states.values()];
}
