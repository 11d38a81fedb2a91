// The toolbar: undo/redo, layout start/stop, fit, the lineage's year axis, the minimap, colouring,
// show hidden nodes and the exports.
import { redo, undo } from '../core/history/index.js';
import { showHiddenNodes } from '../core/graph/index.js';
import { setColorBy } from '../core/filters/index.js';
import { EXPAND_LIMITS, setExpandLimit, toggleMinimap } from '../core/ui.js';
import { setLineageByYear } from '../core/positions/index.js';
import { exportGexf, exportPng } from '../export.js';
import { fitView } from '../graph/camera.js';
import { useApp, useRuntime } from '../runtime/context.js';
import { ShowRejected } from './ShowRejected.js';

export function Toolbar() {
  const rt = useRuntime();
  const canUndo = useApp((s) => s.past.length > 0);
  const canRedo = useApp((s) => s.future.length > 0);
  const layout = useApp((s) => s.layout);
  const mode = useApp((s) => s.view.mode);
  const colorBy = useApp((s) => s.view.colorBy);
  const hidden = useApp((s) => s.view.hiddenNodes.length);
  const expandLimit = useApp((s) => s.expandLimit);
  const byYear = useApp((s) => s.view.lineage?.byYear ?? false);
  const minimap = useApp((s) => s.minimap);
  return (
    <div className="toolbar" role="toolbar" aria-label="Graph tools">
      <button type="button" onClick={() => rt.dispatch(undo())} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)">
        ↶ Undo
      </button>
      <button type="button" onClick={() => rt.dispatch(redo())} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">
        ↷ Redo
      </button>
      <span className="sep" aria-hidden="true" />
      {layout === 'running' ? (
        <button type="button" onClick={() => rt.layout.stop()} aria-label="Stop layout" className="running">
          ■ Stop layout
        </button>
      ) : (
        <button type="button" onClick={() => rt.layout.start()} aria-label="Start layout" disabled={mode === 'lineage'}>
          ▶ Layout
        </button>
      )}
      <button type="button" onClick={() => fitView(rt)} aria-label="Fit graph to screen">
        ⤢ Fit
      </button>
      {mode === 'lineage' && (
        <button
          type="button"
          aria-pressed={byYear}
          onClick={() => rt.commitStep(setLineageByYear(!byYear))}
          title="Place the lineage on a publication-year axis"
        >
          By year
        </button>
      )}
      <button type="button" aria-pressed={minimap} onClick={() => rt.dispatch(toggleMinimap())} title="Minimap (m)">
        Minimap
      </button>
      {hidden > 0 && (
        <button type="button" onClick={() => rt.commitStep(showHiddenNodes())} aria-label={`Show ${hidden} hidden nodes`}>
          Show {hidden} hidden
        </button>
      )}
      <label className="inline">
        Colour
        <select
          aria-label="Colour nodes by"
          value={colorBy}
          onChange={(e) => rt.commitStep(setColorBy(e.target.value as 'label' | 'community'))}
        >
          <option value="label">by label</option>
          <option value="community">by community</option>
        </select>
      </label>
      <label className="inline">
        Expand
        <select
          aria-label="Neighbours added per expansion"
          value={expandLimit}
          onChange={(e) => rt.dispatch(setExpandLimit(Number(e.target.value)))}
        >
          {EXPAND_LIMITS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <ShowRejected />
      <span className="sep" aria-hidden="true" />
      <button type="button" onClick={() => void exportPng(rt)} aria-label="Export PNG of the view">
        PNG
      </button>
      <button type="button" onClick={() => void exportGexf(rt)} aria-label="Export GEXF of the visible graph">
        GEXF
      </button>
    </div>
  );
}
