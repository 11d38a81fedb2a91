// Comparing two lineages: "Compare with…" on a method or architecture (pick the other with the node
// picker), the bar above the compared lineages (colours, counts, generations or years) and the lists
// of ancestors both share and each adds.
import { useState, type FormEvent } from 'react';
import type { DiffAncestor, DiffSide } from '../../shared/api/diff.js';
import type { WireNode } from '../../shared/graph.js';
import { backToGraph, openCompare } from '../actions.js';
import { SIDE_COLORS } from '../core/compare/index.js';
import { setLineageByYear } from '../core/positions/index.js';
import { select } from '../core/selection/index.js';
import { useApp, useRuntime } from '../runtime/context.js';
import { NodePicker, resolvePick, type Pick } from './NodePicker.js';

export function CompareWith({ node }: { node: WireNode }) {
  const rt = useRuntime();
  const [open, setOpen] = useState(false);
  const [pick, setPick] = useState<Pick>({ text: '', id: null });
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const resolved = await resolvePick(pick);
    if ('error' in resolved) return setError(resolved.error);
    if (resolved.id === node.id) return setError(`pick another method or architecture than ${node.name}`);
    setError(null);
    setOpen(false);
    setPick({ text: '', id: null });
    await openCompare(rt, node.id, resolved.id);
  };
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-expanded={false}>
        Compare with…
      </button>
    );
  }
  return (
    <form className="compare-with" aria-label={`Compare ${node.name} with`} onSubmit={(e) => void submit(e)}>
      <NodePicker
        label="Compare with"
        value={pick}
        onChange={setPick}
        invalid={error !== null}
        describedBy={error ? 'compare-error' : undefined}
      />
      <button type="submit">Compare</button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error && (
        <p id="compare-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function Swatch({ side }: { side: DiffSide }) {
  return <span className="swatch" aria-hidden="true" style={{ background: SIDE_COLORS[side] }} />;
}

export function CompareBar() {
  const rt = useRuntime();
  const compare = useApp((s) => s.view.compare);
  const byYear = useApp((s) => s.view.lineage?.byYear ?? false);
  const nodes = useApp((s) => s.view.nodes);
  if (!compare) return null;
  const nameA = nodes[compare.a]?.name ?? compare.a;
  const nameB = nodes[compare.b]?.name ?? compare.b;
  const row = (side: DiffSide, title: string) => (
    <li data-side={side}>
      <Swatch side={side} /> {title}: <strong>{compare.counts.nodes[side]}</strong> nodes · {compare.counts.edges[side]} links
    </li>
  );
  return (
    <div className="lineage-bar compare-bar" role="region" aria-label="Compare view">
      <strong>
        Comparing {nameA} with {nameB}
      </strong>
      <ul className="compare-legend" aria-label="Compare legend">
        {row('shared', 'Shared')}
        {row('a', `Only ${nameA}`)}
        {row('b', `Only ${nameB}`)}
      </ul>
      <div className="segmented" role="group" aria-label="Columns">
        <button type="button" aria-pressed={!byYear} onClick={() => rt.commitStep(setLineageByYear(false))}>
          Generations
        </button>
        <button type="button" aria-pressed={byYear} onClick={() => rt.commitStep(setLineageByYear(true))}>
          By year
        </button>
      </div>
      {compare.omitted > 0 && <span className="more-note">{compare.omitted} more left out (at most 300 per lineage)</span>}
      <button type="button" onClick={() => void openCompare(rt, compare.b, compare.a, byYear)}>
        Swap A and B
      </button>
      <button type="button" onClick={() => void backToGraph(rt)}>
        Back to graph
      </button>
    </div>
  );
}

function AncestorList({ title, side, items, label }: { title: string; side: DiffSide; items: DiffAncestor[]; label: string }) {
  const rt = useRuntime();
  const steps = (x: DiffAncestor) => [x.depthA, x.depthB].filter((d): d is number => d !== null);
  return (
    <>
      <h3>
        <Swatch side={side} /> {title} <span className="count">{items.length}</span>
      </h3>
      {items.length === 0 && <p className="muted small">None.</p>}
      <ul aria-label={label}>
        {items.map((x) => (
          <li key={x.id}>
            <button type="button" className="link" onClick={() => rt.dispatch(select({ kind: 'node', id: x.id }))}>
              {x.name}
            </button>
            <span className="muted small"> · {Math.min(...steps(x))} step(s) back</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function CompareLists() {
  const compare = useApp((s) => s.view.compare);
  const nodes = useApp((s) => s.view.nodes);
  if (!compare) return null;
  const nameA = nodes[compare.a]?.name ?? compare.a;
  const nameB = nodes[compare.b]?.name ?? compare.b;
  return (
    <section className="compare-lists" aria-label="Ancestors compared">
      <AncestorList title="Both build on" side="shared" items={compare.ancestors.shared} label="Shared ancestors" />
      <AncestorList title={`Only ${nameA} builds on`} side="a" items={compare.ancestors.onlyA} label={`Ancestors only ${nameA} adds`} />
      <AncestorList title={`Only ${nameB} builds on`} side="b" items={compare.ancestors.onlyB} label={`Ancestors only ${nameB} adds`} />
    </section>
  );
}
