// Details of a selected link: its type and lineage kind, the evidence sentence (or, for a taxonomy
// fact, its justification as background knowledge and the papers that name both its ends), confidence,
// extractor and the paper it came from, with both ends clickable.
import { NodeLink } from './NodeLink.js';
import { useApp } from '../runtime/context.js';
import { CurationActions } from './CurationActions.js';
import { CurationHistory } from './CurationHistory.js';
import { isRejected } from '../core/curation/index.js';
import { LinkStatements } from './LinkStatements.js';

export function EdgeDetails({ id }: { id: string }) {
  const edge = useApp((s) => s.view.edges[id]);
  const source = useApp((s) => (edge ? s.view.nodes[edge.source] : undefined));
  const target = useApp((s) => (edge ? s.view.nodes[edge.target] : undefined));
  const paperId = typeof edge?.properties.paperId === 'string' ? edge.properties.paperId : null;
  const paper = useApp((s) => (paperId ? s.view.nodes[paperId] : undefined));
  if (!edge) return <p className="muted">This link is no longer in the view.</p>;
  const p = edge.properties;
  const ends = (
    <p className="edge-ends">
      {source ? <NodeLink id={source.id} name={source.name} label={source.label} /> : edge.source}
      <span aria-hidden="true"> → </span>
      <span className="sr-only"> to </span>
      {target ? <NodeLink id={target.id} name={target.name} label={target.label} /> : edge.target}
    </p>
  );
  if (p.aggregate === true) {
    const n = typeof p.count === 'number' ? p.count : 0;
    return (
      <article className="details" aria-label="Details of lineage between groups">
        <div className="kind">Links summed up</div>
        <h2>BUILDS_ON ×{n.toLocaleString('en')}</h2>
        {ends}
        <p>
          {n.toLocaleString('en')} lineage {n === 1 ? 'link joins' : 'links join'} these ends through ideas the overview does not draw one
          by one. Open a group to see its ideas and their own links, each with its evidence.
        </p>
      </article>
    );
  }
  const confidence = typeof p.confidence === 'number' ? p.confidence : null;
  const taxonomy = p.source === 'taxonomy' || p.extractor === 'taxonomy';
  const evidence = typeof p.evidence === 'string' && p.evidence ? p.evidence : null;
  return (
    <article className="details" aria-label={`Details of ${edge.type} link`}>
      <div className="kind">Link</div>
      <h2>{isRejected(edge) ? <s>{edge.type}</s> : edge.type}</h2>
      <CurationHistory edge={edge} />
      {ends}
      {taxonomy ? (
        <>
          <p className="taxonomy-note">
            <strong>Taxonomy:</strong> {evidence ?? 'no justification recorded.'}
            <span className="muted small"> Background knowledge from the curated taxonomy, drawn because a paper names both ends.</span>
          </p>
          <LinkStatements from={edge.source} to={edge.target} />
        </>
      ) : (
        <>
          <h3>Evidence</h3>
          <blockquote className="evidence">{evidence ? `“${evidence}”` : 'No evidence sentence recorded.'}</blockquote>
        </>
      )}
      <dl>
        {edge.type === 'BUILDS_ON' && (
          <>
            <dt>Kind</dt>
            <dd className="edge-kind">{typeof p.kind === 'string' && p.kind ? p.kind : 'not recorded'}</dd>
          </>
        )}
        <dt>Confidence</dt>
        <dd>{confidence !== null ? confidence.toFixed(2) : 'unknown'}</dd>
        <dt>Source</dt>
        <dd>
          {taxonomy ? (
            'curated taxonomy'
          ) : paperId ? (
            paper ? (
              <NodeLink id={paperId} name={paper.name} label="Paper" />
            ) : (
              <NodeLink id={paperId} name={paperId} label="Paper" />
            )
          ) : (
            'unknown'
          )}
        </dd>
        {typeof p.extractor === 'string' && (
          <>
            <dt>Extractor</dt>
            <dd>{p.extractor}</dd>
          </>
        )}
        {typeof p.score === 'number' && (
          <>
            <dt>Score</dt>
            <dd>{p.score.toFixed(2)}</dd>
          </>
        )}
      </dl>
      <CurationActions key={String(p.curationId ?? '')} edge={edge} />
    </article>
  );
}
