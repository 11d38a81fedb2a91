// The two fields every curation form shares: the note (evidence for an added link) and the curator's
// name, kept in this browser; and the line shown when the tab has no write token.
import { useId } from 'react';
import { rememberCurator } from '../curation-actions.js';

export function NoteField({
  value,
  onChange,
  label,
  required = false,
}: {
  value: string;
  onChange: (v: string) => void;
  label: string;
  required?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={2} maxLength={2000} value={value} required={required} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function CuratorField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Your name</label>
      <input
        id={id}
        value={value}
        maxLength={100}
        placeholder="signs your curations"
        onChange={(e) => {
          onChange(e.target.value);
          rememberCurator(e.target.value);
        }}
      />
    </div>
  );
}

export function NoToken() {
  return (
    <p className="muted small">
      To curate, open the explorer from the URL <code>npm start</code> printed (it carries the write token).
    </p>
  );
}
