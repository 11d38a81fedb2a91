// Details of a selected node from /api/nodes/:id: a paper's abstract with its entities highlighted,
// its methods, datasets and code; a method's aliases, proposers and lineage; actions on the node.
import { useEffect, useState } from 'react';
import type { WireEdge, WireNode } from '../../shared/graph.js';
import { api, type NodeDetails as Details } from '../api/client.js';
import { expandNode, hideNode, isolate, openLineage, pickPathEnd, selectNode } from '../actions.js';
import { highlightSegments, type Entity } from '../core/highlight.js';
import { select } from '../core/selection/index.js';
import { dispatch, useApp } from '../core/store.js';
import { LABEL_COLORS } from '../types.js';
import { NodeLink } from './NodeLink.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

interface Related {
  edge: WireEdge;
  node: WireNode;
}

function related(details: Details, type: string, direction: 'out' | 'in'): Related[] {
  const byId = new Map(details.neighbours.map((n) => [n.id, n]));
  const out: Related[] = [];
  const seen = new Set<string>();
  for (const e of details.edges) {
    if (e.type !== type) continue;
    const otherId = direction === 'out' ? (e.source === details.node.id ? e.target : null) : e.target === details.node.id ? e.source : null;
    if (!otherId) continue;
    const node = byId.get(otherId);
    if (!node || seen.has(`${otherId}|${e.properties.paperId ?? ''}`)) continue;
    seen.add(`${otherId}|${e.properties.paperId ?? ''}`);
    out.push({ edge: e, node });
  }
  return out;
}

function RelatedList({ title, items, evidence = false }: { title: string; items: Related[]; evidence?: boolean }) {
  if (items.length === 0) return null;
  return (
    <section className="related">
      <h3>
        {title} <span className="count">{items.length}</span>
      </h3>
      <ul>
        {items.map(({ edge, node }) => (
          <li key={edge.id}>
            <NodeLink id={node.id} name={node.name} label={node.label} />
            {node.label === 'Paper' && typeof node.properties.year === 'number' && <span className="muted"> ({node.properties.year})</span>}
            {evidence && str(edge.properties.evidence) && (
              <blockquote className="evidence">
                “{str(edge.properties.evidence)}”{' '}
                <button type="button" className="link small" onClick={() => dispatch(select({ kind: 'edge', id: edge.id }))} aria-label={`Details of the link to ${node.name}`}>
                  details
                </button>
              </blockquote>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Abstract({ details }: { details: Details }) {
  const text = str(details.node.properties.abstract) ?? '';
  const entities: Entity[] = [];
  const byId = new Map(details.neighbours.map((n) => [n.id, n]));
  for (const e of details.edges) {
    if (e.source !== details.node.id || !['PROPOSES', 'USES', 'EVALUATED_ON', 'MENTIONS'].includes(e.type)) continue;
    const n = byId.get(e.target);
    if (n) entities.push({ id: n.id, label: n.label, terms: [n.name, ...list(n.properties.aliases)] });
  }
  const segments = highlightSegments(text, entities);
  if (!text) return null;
  return (
    <p className="abstract">
      {segments.map((s, i) =>
        s.entity ? (
          <button
            type="button"
            key={i}
            className={`mention mention-${s.entity.label.toLowerCase()}`}
            style={{ borderColor: LABEL_COLORS[s.entity.label as WireNode['label']] }}
            onClick={() => void selectNode(s.entity!.id, { focus: true })}
            aria-label={`${s.text}: select ${s.entity.label}`}
          >
            {s.text}
          </button>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}

export function NodeDetails({ id }: { id: string }) {
  const [details, setDetails] = useState<Details | null>(null);
  const [error, setError] = useState<string | null>(null);
  const more = useApp((s) => s.view.more[id] ?? 0);
  const mode = useApp((s) => s.view.mode);
  const path = useApp((s) => s.view.path);
  const fallback = useApp((s) => s.view.nodes[id]);

  useEffect(() => {
    let live = true;
    setError(null);
    api
      .node(id)
      .then((d) => live && setDetails(d))
      .catch((err: Error) => live && setError(`Cannot load details of ${id}: ${err.message}`));
    return () => {
      live = false;
    };
  }, [id]);

  const node = details?.node.id === id ? details.node : fallback;
  if (!node) return <p className="muted">{error ?? 'Loading…'}</p>;
  const d = details?.node.id === id ? details : null;
  const p = node.properties;
  const aliases = list(p.aliases);
  const isEntity = node.label === 'Method' || node.label === 'Architecture';

  return (
    <article className="details" aria-label={`Details of ${node.name}`}>
      <div className="kind" style={{ color: LABEL_COLORS[node.label] }}>
        {node.label}
        {typeof p.year === 'number' && <span className="muted"> · {p.year}</span>}
      </div>
      <h2>{node.name}</h2>
      <div className="actions">
        <button type="button" onClick={() => void expandNode(id)}>
          Expand
        </button>
        {more > 0 && (
          <button type="button" onClick={() => void expandNode(id, true)} aria-label={`Show ${more} more neighbours`}>
            +{more} more
          </button>
        )}
        <button type="button" onClick={() => isolate(id)} aria-label="Show only this node">
          Only this
        </button>
        <button type="button" onClick={() => hideNode(id)}>
          Hide
        </button>
        {isEntity && mode !== 'lineage' && (
          <button type="button" onClick={() => void openLineage(id)}>
            Lineage
          </button>
        )}
        <button type="button" onClick={() => void pickPathEnd('from', id)} aria-pressed={path.from === id}>
          Path from
        </button>
        <button type="button" onClick={() => void pickPathEnd('to', id)} aria-pressed={path.to === id}>
          Path to
        </button>
      </div>
      {error && <p className="inline-error" role="alert">{error}</p>}
      {aliases.length > 0 && (
        <p>
          <strong>Also known as:</strong> {aliases.join(', ')}
        </p>
      )}
      {str(p.description) && <p>{str(p.description)}</p>}
      {node.label === 'Paper' && (
        <>
          <p className="ids">
            {str(p.arxivId) && <span>arXiv {str(p.arxivId)} </span>}
            {str(p.doi) && <span>doi {str(p.doi)} </span>}
            {str(p.url) && (
              <a href={str(p.url)!} target="_blank" rel="noreferrer">
                link
              </a>
            )}
          </p>
          {d && <Abstract details={d} />}
          {!d && str(p.abstract) && <p className="abstract">{str(p.abstract)}</p>}
        </>
      )}
      {node.label === 'Repository' && str(p.url) && (
        <p>
          <a href={str(p.url)!} target="_blank" rel="noreferrer">
            {str(p.url)}
          </a>
        </p>
      )}
      {d && node.label === 'Paper' && (
        <>
          <RelatedList title="Proposes" items={related(d, 'PROPOSES', 'out')} evidence />
          <RelatedList title="Uses" items={related(d, 'USES', 'out')} />
          <RelatedList title="Datasets" items={related(d, 'EVALUATED_ON', 'out')} />
          <section className="related">
            {related(d, 'HAS_CODE', 'out').length > 0 && <h3>Code</h3>}
            <ul>
              {related(d, 'HAS_CODE', 'out').map(({ node: r }) => (
                <li key={r.id}>
                  <a href={str(r.properties.url) ?? r.name} target="_blank" rel="noreferrer">
                    {r.name}
                  </a>
                </li>
              ))}
            </ul>
          </section>
          <RelatedList title="Similar papers" items={related(d, 'SIMILAR_TO', 'out').concat(related(d, 'SIMILAR_TO', 'in'))} />
          <RelatedList title="Cites" items={related(d, 'CITES', 'out')} />
          <RelatedList title="Cited by" items={related(d, 'CITES', 'in')} />
          <RelatedList title="Concepts" items={related(d, 'MENTIONS', 'out')} />
          <RelatedList title="Authors" items={related(d, 'AUTHORED_BY', 'out')} />
        </>
      )}
      {d && node.label !== 'Paper' && (
        <>
          <RelatedList title="Proposed by" items={related(d, 'PROPOSES', 'in')} evidence />
          <RelatedList title="Builds on" items={related(d, 'BUILDS_ON', 'out')} evidence />
          <RelatedList title="Built upon by" items={related(d, 'BUILDS_ON', 'in')} evidence />
          <RelatedList title="Used by" items={related(d, 'USES', 'in')} />
          <RelatedList title="Evaluated in" items={related(d, 'EVALUATED_ON', 'in')} />
          <RelatedList title="Mentioned by" items={related(d, 'MENTIONS', 'in')} />
          <RelatedList title="Code of" items={related(d, 'HAS_CODE', 'in')} />
          <RelatedList title="Papers" items={related(d, 'AUTHORED_BY', 'in')} />
        </>
      )}
      {d && Object.keys(d.counts).length > 0 && (
        <p className="muted small">
          {Object.entries(d.counts)
            .map(([t, c]) => `${t} ${c}`)
            .join(' · ')}
        </p>
      )}
    </article>
  );
}
