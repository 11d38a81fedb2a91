// Adding a BUILDS_ON link from a method or architecture to another node picked by search, with a
// kind and a note that becomes the link's evidence.
import { useState } from 'react';
import { BUILDS_ON_KINDS, type BuildsOnKind, type WireNode } from '../../shared/graph.js';
import { curationApi } from '../api/curation.js';
import { curate, curatorName } from '../curation-actions.js';
import { CuratorField, NoteField, NoToken } from './CuratorFields.js';
import { NodePicker, resolvePick, type Pick } from './NodePicker.js';
import { useRuntime } from '../runtime/context.js';

export function AddBuildsOn({ node }: { node: WireNode }) {
  const rt = useRuntime();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<Pick>({ text: '', id: null });
  const [kind, setKind] = useState<BuildsOnKind>('extends');
  const [note, setNote] = useState('');
  const [who, setWho] = useState(curatorName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Add BUILDS_ON
      </button>
    );
  }
  if (!curationApi.canWrite()) return <NoToken />;

  const submit = async () => {
    setError(null);
    if (!note.trim()) return setError('Write a note: it is the evidence of the new link.');
    const picked = await resolvePick(target);
    if ('error' in picked) return setError(picked.error);
    setBusy(true);
    const problem = await curate(rt, {
      action: 'add',
      from: node.id,
      to: picked.id,
      kind,
      note: note.trim(),
      ...(who.trim() ? { who: who.trim() } : {}),
    });
    setBusy(false);
    if (problem) setError(problem);
    else setOpen(false);
  };

  return (
    <form
      className="curation"
      aria-label={`Add a BUILDS_ON link from ${node.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{node.name} builds on…</h3>
      <NodePicker label="Builds on" value={target} onChange={setTarget} invalid={false} />
      <label className="inline">
        Kind
        <select aria-label="Kind of the new link" value={kind} onChange={(e) => setKind(e.target.value as BuildsOnKind)}>
          {BUILDS_ON_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <NoteField label="Note (the evidence)" value={note} onChange={setNote} required />
      <CuratorField value={who} onChange={setWho} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          Add link
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
