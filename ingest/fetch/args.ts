// The fetch command line: `<source> <query|id> [options]`, validated per source with messages that
// name the argument and say what is expected.
import { parseCommandLine, UsageError, wholeNumber } from '../cli-args.js';
import { openAlexWorkId } from './openalex.js';
import { DEFAULT_MAX, MAX_DEPTH } from './run.js';
import { semanticScholarId } from './semantic-scholar.js';
import { SOURCE_NAMES, type SourceName } from './types.js';

export const HELP = `Usage: npm run fetch -- <source> <query|id> [options]

Fetches papers from an API into a cached JSONL file and ingests it into Neo4j.

Sources:
  arxiv "QUERY"                       arXiv API search (words, or arXiv syntax such as ti:transformer AND cat:cs.LG)
  semantic-scholar ID                 one paper: a Semantic Scholar id, DOI:10.…, arXiv:2402.12345 or CorpusId:…
  openalex "QUERY"|W…                 OpenAlex works search, or one work by id

Options:
  --max N            most papers to fetch (default ${DEFAULT_MAX})
  --references       also fetch the papers it cites (semantic-scholar, openalex)
  --citations        also fetch the papers that cite it (semantic-scholar)
  --depth N          hops of references/citations to follow, 1 to ${MAX_DEPTH} (semantic-scholar; default 1)
  --base-url URL     API root (or METHODGRAPH_ARXIV_URL, METHODGRAPH_S2_URL, METHODGRAPH_OPENALEX_URL)
  --interval-ms N    least milliseconds between requests (default: arXiv 3000, Semantic Scholar 1000, OpenAlex 100)
  --page-size N      results per request, 1 to 100 (default 100)
  --refresh          ask the API again even for responses already cached
  --no-ingest        only fetch and write the JSONL
  --dry-run          ingest without touching any database (extract only)
  -h, --help         show this help

Environment: SEMANTIC_SCHOLAR_API_KEY (sent as x-api-key), OPENALEX_MAILTO (OpenAlex polite pool),
METHODGRAPH_FETCH_DIR (cache root, default .methodgraph/fetch).

Exit codes: 0 done, 1 nothing matched or records rejected, 2 bad usage, 3 failure, 130 interrupted (run again to resume).`;

export interface FetchCliOptions {
  source: SourceName;
  query: string;
  max: number;
  references: boolean;
  citations: boolean;
  depth: number;
  baseUrl?: string;
  intervalMs?: number;
  pageSize?: number;
  refresh: boolean;
  ingest: boolean;
  dryRun: boolean;
  help: boolean;
}

export function parseFetchCli(argv: string[]): FetchCliOptions {
  const parsed = parseCommandLine(argv, {
    max: { type: 'string' },
    references: { type: 'boolean', default: false },
    citations: { type: 'boolean', default: false },
    depth: { type: 'string' },
    'base-url': { type: 'string' },
    'interval-ms': { type: 'string' },
    'page-size': { type: 'string' },
    refresh: { type: 'boolean', default: false },
    'no-ingest': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  const v = parsed.values;
  const help = v.help === true;
  const [source, query, ...extra] = parsed.positionals;
  if (help)
    return {
      source: 'arxiv',
      query: '',
      max: DEFAULT_MAX,
      references: false,
      citations: false,
      depth: 1,
      refresh: false,
      ingest: false,
      dryRun: false,
      help,
    };
  if (!source) throw new UsageError(`name a source: ${SOURCE_NAMES.join(', ')}; see --help`);
  if (!(SOURCE_NAMES as readonly string[]).includes(source))
    throw new UsageError(`unknown source "${source}"; use one of ${SOURCE_NAMES.join(', ')}`);
  const src = source as SourceName;
  if (query === undefined || query.trim() === '') {
    throw new UsageError(
      src === 'semantic-scholar'
        ? 'semantic-scholar needs a paper id, e.g. arXiv:1706.03762 or DOI:10.18653/v1/N19-1423'
        : `${src} needs a search query in quotes, e.g. "mixture of experts"`,
    );
  }
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"; put a query of several words in quotes`);
  if (src === 'semantic-scholar' && !semanticScholarId(query)) {
    throw new UsageError(
      `semantic-scholar: "${query}" is not a paper id; expected a 40-character Semantic Scholar id, DOI:10.…, arXiv:2402.12345 or CorpusId:123`,
    );
  }
  if (v.citations && src !== 'semantic-scholar') throw new UsageError(`--citations works with semantic-scholar only, not ${src}`);
  if (v.references && src === 'arxiv')
    throw new UsageError('--references works with semantic-scholar and openalex; the arXiv API gives no reference lists');
  if (v.depth !== undefined && src !== 'semantic-scholar') throw new UsageError(`--depth works with semantic-scholar only, not ${src}`);
  if (v.depth !== undefined && !v.references && !v.citations)
    throw new UsageError('--depth needs --references or --citations (it says how many hops of them to follow)');
  const options: FetchCliOptions = {
    source: src,
    query: src === 'openalex' && openAlexWorkId(query) ? openAlexWorkId(query)! : query.trim(),
    max: v.max === undefined ? DEFAULT_MAX : wholeNumber('--max', v.max, 1, 10_000),
    references: v.references === true,
    citations: v.citations === true,
    depth: v.depth === undefined ? 1 : wholeNumber('--depth', v.depth, 1, MAX_DEPTH),
    refresh: v.refresh === true,
    ingest: v['no-ingest'] !== true,
    dryRun: v['dry-run'] === true,
    help,
  };
  if (v['base-url'] !== undefined) {
    let url: URL;
    try {
      url = new URL(v['base-url']);
    } catch {
      throw new UsageError(`--base-url "${v['base-url']}" is not a URL; expected e.g. http://127.0.0.1:8080/api`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new UsageError(`--base-url "${v['base-url']}" must start with http:// or https://`);
    options.baseUrl = v['base-url'];
  }
  if (v['page-size'] !== undefined) options.pageSize = wholeNumber('--page-size', v['page-size'], 1, 100);
  if (v['interval-ms'] !== undefined) options.intervalMs = wholeNumber('--interval-ms', v['interval-ms'], 0, 600_000);
  if (!options.ingest && options.dryRun)
    throw new UsageError('--no-ingest skips the ingest and --dry-run changes how it runs; use one or the other');
  return options;
}
