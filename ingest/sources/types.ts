// Format names and the items readers yield: paper records and issues (ingest/types.ts), plus the
// two auxiliary kinds the Papers-with-Code dumps carry (code links and taxonomy method entries).
import type { ReadItem } from '../types.js';

export const FORMAT_NAMES = [
  'listing',
  'json',
  'jsonl',
  'arxiv-atom',
  'bibtex',
  'pwc-papers',
  'pwc-links',
  'pwc-methods',
  'semantic-scholar',
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export function isFormatName(value: string): value is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(value);
}

/** One row of links-between-papers-and-code.json: a repository for a paper. */
export interface CodeLink {
  paperUrl?: string;
  arxivId?: string;
  title?: string;
  repoUrl: string;
  official: boolean;
  /** "<file>:record <n>" */
  source: string;
}

/** One row of Papers-with-Code methods.json: a method that extends the taxonomy. */
export interface MethodEntry {
  name: string;
  fullName?: string;
  description?: string;
  /** Title or URL of the introducing paper, as the dump gives it. */
  paper?: string;
  year?: number;
  collections: { collection: string; area?: string }[];
  source: string;
}

export type SourceItem = ReadItem | { kind: 'code-link'; link: CodeLink } | { kind: 'method'; method: MethodEntry };
