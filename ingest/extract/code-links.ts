// HAS_CODE: code repository URLs in the text and in record.code (GitHub, GitLab, Bitbucket, Hugging
// Face), trailing punctuation stripped, one canonical repository per project whatever the spelling.

export interface RepositoryRef {
  /** repo:<host>/<owner>/<name>, lower-case. */
  id: string;
  url: string;
  host: string;
  owner: string;
  name: string;
}

const HOSTS = new Map([
  ['github.com', 'github.com'],
  ['gitlab.com', 'gitlab.com'],
  ['bitbucket.org', 'bitbucket.org'],
  ['huggingface.co', 'huggingface.co'],
  ['hf.co', 'huggingface.co'],
]);

const URL_IN_TEXT = /\b(?:https?:\/\/)?(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|huggingface\.co|hf\.co)\/[^\s<>"'`\])}]+/gi;
const NOT_REPO_OWNERS = new Set([
  'orgs',
  'topics',
  'features',
  'marketplace',
  'about',
  'settings',
  'login',
  'join',
  'sponsors',
  'collections',
  'explore',
  'docs',
  'blog',
  'papers',
  'models',
  'search',
]);

/** Parses one URL into a repository, or undefined when it does not name one. */
export function parseRepositoryUrl(raw: string): RepositoryRef | undefined {
  let text = raw.trim().replace(/[.,;:!?'"`)\]}>]+$/, '');
  if (!/^https?:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const host = HOSTS.get(url.hostname.toLowerCase().replace(/^www\./, ''));
  if (!host) return undefined;
  const segments = url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decodeURIComponent(s));
  let owner: string | undefined;
  let name: string | undefined;
  if (host === 'huggingface.co') {
    const typed = segments[0] === 'datasets' || segments[0] === 'spaces';
    const rest = typed ? segments.slice(1) : segments;
    if (rest.length < 2) return undefined;
    owner = typed ? `${segments[0]}/${rest[0]}` : rest[0];
    name = rest[1];
  } else if (host === 'gitlab.com') {
    const stop = segments.indexOf('-');
    const path = (stop >= 0 ? segments.slice(0, stop) : segments).filter((s) => !/^(?:tree|blob|issues|merge_requests|wikis)$/.test(s));
    if (path.length < 2) return undefined;
    owner = path.slice(0, -1).join('/');
    name = path[path.length - 1];
  } else {
    if (segments.length < 2) return undefined;
    owner = segments[0];
    name = segments[1];
  }
  if (!owner || !name) return undefined;
  name = name.replace(/\.git$/i, '').replace(/[.,;:!?]+$/, '');
  if (!/^[\w.-]+$/.test(name) || !/^[\w.\-/]+$/.test(owner)) return undefined;
  if (NOT_REPO_OWNERS.has(owner.toLowerCase()) && host !== 'huggingface.co') return undefined;
  const id = `repo:${host}/${owner}/${name}`.toLowerCase();
  return { id, url: `https://${host}/${owner}/${name}`, host, owner, name };
}

/** Repository URLs written in free text, each with its offset. */
export function findRepositoryUrls(text: string): { repo: RepositoryRef; index: number }[] {
  const out: { repo: RepositoryRef; index: number }[] = [];
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const repo = parseRepositoryUrl(m[0]);
    if (repo) out.push({ repo, index: m.index });
  }
  return out;
}
