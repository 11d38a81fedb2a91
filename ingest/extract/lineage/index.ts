// BUILDS_ON links of one paper's contributions, from every lineage rule: verbs in clauses, names as
// evidence, stated families, own named parts and the title. One link per pair: the most
// precise rule's.
import { clauseVerbLinks } from './clause-verbs.js';
import { descriptorFamilyLinks, unnamedMemberLinks } from './families.js';
import { nameLinks } from './names.js';
import { ownPartLinks } from './parts.js';
import { titleTailLinks } from './title-tail.js';
import type { BuildsOnLink, LineageContext } from './types.js';

export { primaryContribution, type BuildsOnLink, type LineageContext } from './types.js';
export { carriesLineage, lineageKind } from './verbs.js';

export interface LineageOptions {
  /** Also link a title-prefix contribution to the family the rest of the title names (default on). */
  titleTail?: boolean;
}

export function findBuildsOn(ctx: LineageContext, options: LineageOptions = {}): BuildsOnLink[] {
  const kinds = new Map(ctx.contributions.map((c) => [c.id, c.kind]));
  const links = new Map<string, BuildsOnLink>();
  const all = [
    ...nameLinks(ctx),
    ...clauseVerbLinks(ctx),
    ...descriptorFamilyLinks(ctx),
    ...unnamedMemberLinks(ctx),
    ...ownPartLinks(ctx),
    ...(options.titleTail === false ? [] : titleTailLinks(ctx)),
  ];
  for (const link of all) {
    if (link.source === link.target || ctx.isDataset(link.target) || kinds.get(link.source) === 'Dataset') continue;
    const key = `${link.source}->${link.target}`;
    const prev = links.get(key);
    if (!prev || prev.confidence < link.confidence) links.set(key, link);
  }
  return [...links.values()];
}
