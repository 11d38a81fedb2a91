// The side panel's tabs: details, filters, saved queries and the (lazily loaded) Cypher editor.
import { lazy, Suspense } from 'react';
import type { Panel } from '../core/state.js';
import { setPanel } from '../core/ui.js';
import { DetailsPanel } from './DetailsPanel.js';
import { FiltersPanel } from './FiltersPanel.js';
import { LineageEvidence } from './LineageBar.js';
import { useApp, useRuntime } from '../runtime/context.js';
import { CompareLists } from './CompareBox.js';

const QueriesPanel = lazy(() => import('./QueriesPanel.js').then((m) => ({ default: m.QueriesPanel })));
const CypherPanel = lazy(() => import('./CypherPanel.js'));

const TABS: Array<[Panel, string]> = [
  ['details', 'Details'],
  ['filters', 'Filters'],
  ['queries', 'Queries'],
  ['cypher', 'Cypher'],
];

export function SidePanel() {
  const rt = useRuntime();
  const panel = useApp((s) => s.panel);
  return (
    <aside className="side" aria-label="Side panel">
      <div className="tabs" role="tablist" aria-label="Panels">
        {TABS.map(([id, title]) => (
          <button
            type="button"
            role="tab"
            key={id}
            id={`tab-${id}`}
            aria-selected={panel === id}
            aria-controls={`panel-${id}`}
            onClick={() => rt.dispatch(setPanel(id))}
          >
            {title}
          </button>
        ))}
      </div>
      <div className="tabpanel" role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`}>
        <Suspense fallback={<p className="muted panel-body">Loading…</p>}>
          {panel === 'details' && (
            <>
              <CompareLists />
              <DetailsPanel />
              <LineageEvidence />
            </>
          )}
          {panel === 'filters' && <FiltersPanel />}
          {panel === 'queries' && <QueriesPanel />}
          {panel === 'cypher' && <CypherPanel />}
        </Suspense>
      </div>
    </aside>
  );
}
