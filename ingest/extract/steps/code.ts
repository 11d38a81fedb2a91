// HAS_CODE: repository URLs written in the title or abstract, and those the source record gives.
import { findRepositoryUrls, parseRepositoryUrl, type RepositoryRef } from '../code-links.js';
import { edge, node } from '../graph.js';
import type { PaperContext } from './context.js';

/** Smoothed precision of code URLs (13/13 on dev + default corpus), measured by `npm run eval`. */
export const CODE_URL_PRECISION = 0.93;

export function codeStep(p: PaperContext): void {
  const repos = new Set<string>();
  const add = (repo: RepositoryRef, evidence: string, extractor: string) => {
    if (repos.has(repo.id)) return;
    repos.add(repo.id);
    p.nodes.push(node(repo.id, 'Repository', repo.url, { url: repo.url, host: repo.host, owner: repo.owner, name: repo.name }));
    p.edges.push(edge('HAS_CODE', p.pid, repo.id, { evidence, paperId: p.pid, confidence: CODE_URL_PRECISION, extractor }));
  };
  for (const s of p.sentences) for (const { repo } of findRepositoryUrls(s.text)) add(repo, s.text, 'code-url');
  for (const url of p.record.code ?? []) {
    const repo = parseRepositoryUrl(url);
    if (repo) add(repo, `code link given by ${p.record.source}: ${url}`, 'source-metadata');
  }
}
