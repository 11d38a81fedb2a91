// One search suggestion (colour dot, name, label) in a listbox: shared by the search box and the node picker.
import type { SearchHit } from '../api/client.js';
import { LABEL_COLORS } from '../types.js';

export function SuggestionItem({
  hit,
  id,
  active,
  onChoose,
}: {
  hit: SearchHit;
  id?: string;
  active: boolean;
  onChoose: (hit: SearchHit) => void;
}) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={active ? 'active' : ''}
      onMouseDown={(e) => {
        // Keep the focus in the input: choosing must not blur it first.
        e.preventDefault();
        onChoose(hit);
      }}
    >
      <span className="dot" style={{ background: LABEL_COLORS[hit.node.label] }} aria-hidden="true" />
      <span className="hit-name">{hit.node.name}</span>
      <span className="hit-label">{hit.node.label}</span>
    </li>
  );
}
