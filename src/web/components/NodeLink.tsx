// A button that names a node and selects it (used across panels).
import { selectNode } from '../actions.js';
import { LABEL_COLORS } from '../types.js';
import type { WireLabel } from '../../shared/graph.js';
import { useRuntime } from '../runtime/context.js';

export function NodeLink({ id, name, label }: { id: string; name: string; label?: WireLabel }) {
  const rt = useRuntime();
  return (
    <button type="button" className="link" onClick={() => void selectNode(rt, id, { focus: true })} aria-label={`Select ${name}`}>
      {label && <span className="dot" style={{ background: LABEL_COLORS[label] }} aria-hidden="true" />}
      {name}
    </button>
  );
}
