// The paper part of the details panel: identifiers, the abstract with its entities highlighted and
// clickable, and what the paper proposes, uses, evaluates on, its code, similar papers and citations.
import type { WireNode } from '../../shared/graph.js';
import type { NodeResponse } from '../api/client.js';
import { selectNode } from '../actions.js';
import { highlightSegments, type Entity } from '../core/highlight.js';
import { LABEL_COLORS } from '../types.js';
import { list, neighboursById, related, RelatedList, str } from './RelatedList.js';
import { useRuntime } from '../runtime/context.js';

function Abstract({ details }: { details: NodeResponse }) {
  const rt = useRuntime();
  const text = str(details.node.properties.abstract) ?? '';
  const entities: Entity[] = [];
  const byId = neighboursById(details);
  for (const e of details.graph.edges) {
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
            onClick={() => void selectNode(rt, s.entity!.id, { focus: true })}
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

export function PaperDetails({ node, details }: { node: WireNode; details: NodeResponse | null }) {
  const p = node.properties;
  const d = details;
  return (
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
      {d && (
        <>
          <RelatedList title="Proposes" details={d} kinds={[['PROPOSES', 'out']]} evidence />
          <RelatedList title="Uses" details={d} kinds={[['USES', 'out']]} />
          <RelatedList title="Datasets" details={d} kinds={[['EVALUATED_ON', 'out']]} />
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
          <RelatedList
            title="Similar papers"
            details={d}
            kinds={[
              ['SIMILAR_TO', 'out'],
              ['SIMILAR_TO', 'in'],
            ]}
          />
          <RelatedList title="Cites" details={d} kinds={[['CITES', 'out']]} />
          <RelatedList title="Cited by" details={d} kinds={[['CITES', 'in']]} />
          <RelatedList title="Concepts" details={d} kinds={[['MENTIONS', 'out']]} />
          <RelatedList title="Authors" details={d} kinds={[['AUTHORED_BY', 'out']]} />
        </>
      )}
    </>
  );
}
