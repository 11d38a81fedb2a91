// The "Show rejected" switch: while on, the links curation rejected that touch the drawn nodes are
// fetched whenever the drawn nodes change, and drawn grey and struck through (with a missing end).
import { useEffect } from 'react';
import { curationApi } from '../api/curation.js';
import { addRejectedEdges, setShowRejected } from '../core/curation/index.js';
import { useApp, useRuntime } from '../runtime/context.js';
import { setError } from '../core/ui.js';

export function ShowRejected() {
  const rt = useRuntime();
  const on = useApp((s) => Boolean(s.view.filters.showRejected));
  const nodes = useApp((s) => s.view.nodes);

  useEffect(() => {
    if (!on) return;
    const ids = Object.keys(nodes);
    if (ids.length === 0) return;
    let live = true;
    curationApi
      .rejectedLinks(ids.slice(0, 5000))
      .then((r) => live && rt.dispatch(addRejectedEdges(r.edges, r.nodes)))
      .catch((err: Error) => live && rt.dispatch(setError({ message: `Cannot load the rejected links: ${err.message}` })));
    return () => {
      live = false;
    };
  }, [rt, on, nodes]);

  return (
    <label className="inline">
      <input type="checkbox" checked={on} onChange={(e) => rt.commitStep(setShowRejected(e.target.checked))} />
      Show rejected
    </label>
  );
}
