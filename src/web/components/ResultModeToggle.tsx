// The "Replace view / Add to view" choice shared by the saved-queries panel and the Cypher editor.
import type { ResultMode } from '../core/query/index.js';

export function ResultModeToggle({ name, mode, onChange }: { name: string; mode: ResultMode; onChange: (mode: ResultMode) => void }) {
  return (
    <div className="segmented" role="radiogroup" aria-label="Result">
      <label>
        <input type="radio" name={name} checked={mode === 'replace'} onChange={() => onChange('replace')} /> Replace view
      </label>
      <label>
        <input type="radio" name={name} checked={mode === 'add'} onChange={() => onChange('add')} /> Add to view
      </label>
    </div>
  );
}
