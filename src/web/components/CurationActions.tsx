// Curating a selected link: accept it, reject it, change its BUILDS_ON kind or retarget it to the
// right node (picked by search), with an optional note; the answer updates the view at once.
import { useState } from 'react';
import { BUILDS_ON_KINDS, type BuildsOnKind, type WireEdge } from '../../shared/graph.js';
import { curationApi } from '../api/curation.js';
import { curate, curatorName } from '../curation-actions.js';
import { isRejected } from '../core/curation/index.js';
import { CuratorField, NoteField, NoToken } from './CuratorFields.js';
import { NodePicker, resolvePick, type Pick } from './NodePicker.js';
import { useRuntime } from '../runtime/context.js';

export function CurationActions({ edge }: { edge: WireEdge }) {
  const rt = useRuntime();
  const [note, setNote] = useState('');
  const [who, setWho] = useState(curatorName);
  const current = typeof edge.properties.kind === 'string' ? edge.properties.kind : '';
  const [kind, setKind] = useState<BuildsOnKind | ''>('');
  const [target, setTarget] = useState<Pick>({ text: '', id: null });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!curationApi.canWrite()) return <NoToken />;
  const lineage = edge.type === 'BUILDS_ON';
  const base = {
    from: edge.source,
    to: edge.target,
    ...(note.trim() ? { note: note.trim() } : {}),
    ...(who.trim() ? { who: who.trim() } : {}),
  };

  const run = async (send: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    const problem = await send();
    setBusy(false);
    if (problem) setError(problem);
    else setNote('');
  };
  const retarget = async () => {
    const picked = await resolvePick(target);
    if ('error' in picked) return picked.error;
    return curate(rt, { action: 'retarget', ...base, newTarget: picked.id });
  };

  return (
    <section className="curation" aria-label="Curate this link">
      <h3>Curate</h3>
      <NoteField label="Note (optional)" value={note} onChange={setNote} />
      <CuratorField value={who} onChange={setWho} />
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void run(() => curate(rt, { action: 'accept', type: edge.type, ...base }))}>
          Accept
        </button>
        {!isRejected(edge) && (
          <button type="button" disabled={busy} onClick={() => void run(() => curate(rt, { action: 'reject', type: edge.type, ...base }))}>
            Reject
          </button>
        )}
      </div>
      {lineage && (
        <>
          <div className="actions">
            <label className="inline">
              Kind
              <select aria-label="New kind" value={kind} onChange={(e) => setKind(e.target.value as BuildsOnKind)}>
                <option value="">{current ? `${current} (now)` : 'choose…'}</option>
                {BUILDS_ON_KINDS.filter((k) => k !== current).map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              disabled={busy || !kind}
              onClick={() => kind && void run(() => curate(rt, { action: 'kind', ...base, kind }))}
            >
              Change kind
            </button>
          </div>
          <div className="actions">
            <NodePicker label="Retarget to" value={target} onChange={setTarget} invalid={false} />
            <button type="button" disabled={busy || !target.text.trim()} onClick={() => void run(retarget)}>
              Retarget
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
