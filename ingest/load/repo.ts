// Repository nodes for code links the loader attaches itself (Papers-with-Code links to papers
// already stored): the URL parsed into host, owner and name, with the shared `repo:` id.
import type { WireNode } from '../../src/shared/graph.js';

/** A Repository node for a code URL, or undefined when the URL names no owner/name. */
export function repositoryNode(url: string): WireNode | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim().replace(/[.,;:!?)\]}>'"]+$/, ''));
  } catch {
    return undefined;
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const parts = parsed.pathname.split('/').filter(Boolean);
  const offset = host === 'huggingface.co' && ['spaces', 'datasets'].includes(parts[0] ?? '') ? 1 : 0;
  const owner = parts[offset];
  const name = parts[offset + 1]?.replace(/\.git$/i, '');
  if (!owner || !name) return undefined;
  const clean = `https://${host}/${parts.slice(0, offset).concat([owner, name]).join('/')}`;
  return {
    id: `repo:${host}/${owner}/${name}`.toLowerCase(),
    label: 'Repository',
    name: clean,
    properties: { url: clean, host, owner, name },
  };
}
