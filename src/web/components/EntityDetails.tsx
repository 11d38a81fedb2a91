// The part of the details panel for everything but papers: aliases, description, the repository
// link, who proposes it, its lineage both ways with evidence, and who uses, evaluates on or mentions it.
import type { WireNode } from '../../shared/graph.js';
import type { NodeResponse } from '../api/client.js';
import { list, RelatedList, str } from './RelatedList.js';

export function EntityDetails({ node, details }: { node: WireNode; details: NodeResponse | null }) {
  const p = node.properties;
  const aliases = list(p.aliases);
  const d = details;
  return (
    <>
      {aliases.length > 0 && (
        <p>
          <strong>Also known as:</strong> {aliases.join(', ')}
        </p>
      )}
      {str(p.description) && <p>{str(p.description)}</p>}
      {node.label === 'Repository' && str(p.url) && (
        <p>
          <a href={str(p.url)!} target="_blank" rel="noreferrer">
            {str(p.url)}
          </a>
        </p>
      )}
      {d && (
        <>
          <RelatedList title="Proposed by" details={d} kinds={[['PROPOSES', 'in']]} evidence />
          <RelatedList title="Builds on" details={d} kinds={[['BUILDS_ON', 'out']]} evidence />
          <RelatedList title="Built upon by" details={d} kinds={[['BUILDS_ON', 'in']]} evidence />
          <RelatedList title="Used by" details={d} kinds={[['USES', 'in']]} />
          <RelatedList title="Evaluated in" details={d} kinds={[['EVALUATED_ON', 'in']]} />
          <RelatedList title="Mentioned by" details={d} kinds={[['MENTIONS', 'in']]} />
          <RelatedList title="Code of" details={d} kinds={[['HAS_CODE', 'in']]} />
          <RelatedList title="Papers" details={d} kinds={[['AUTHORED_BY', 'in']]} />
        </>
      )}
    </>
  );
}
