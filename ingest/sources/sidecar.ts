// Facts about the papers of an input file, kept beside it as `<name>.meta.jsonl`: one
// {"title", "arxivId"?, "year"?} object per line (the default corpus has one with the arXiv ids and years
// a public source confirmed). A record that lacks an arXiv id or a year gets them by its title.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { PaperRecord, SourceIssue } from '../types.js';

const factSchema = z.object({
  title: z.string().min(1),
  arxivId: z
    .string()
    .regex(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/, 'an arXiv id such as 2402.16918')
    .nullish(),
  year: z.number().int().min(1900).max(2100).nullish(),
});

export interface PaperFacts {
  arxivId?: string;
  year?: number;
}

export interface Sidecar {
  path: string;
  byTitle: Map<string, PaperFacts>;
  issues: SourceIssue[];
}

/** Titles compared as lowercase letters and digits only. */
function titleKey(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** `papers.txt` → `papers.meta.jsonl` (and `papers.json.gz` → `papers.meta.jsonl`). */
export function sidecarPath(path: string): string {
  return `${path.replace(/(\.gz)?$/, '').replace(/\.[^./\\]+$/, '')}.meta.jsonl`;
}

/** Reads the sidecar of an input file, if there is one; a bad line is an issue naming the file and line. */
export function readSidecar(path: string): Sidecar | undefined {
  const file = sidecarPath(path);
  if (!existsSync(file)) return undefined;
  const byTitle = new Map<string, PaperFacts>();
  const issues: SourceIssue[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() === '') return;
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (err) {
        issues.push({
          file,
          position: `line ${i + 1}`,
          reason: `not a JSON object (${(err as Error).message}); one {"title", "arxivId", "year"} per line`,
        });
        return;
      }
      const parsed = factSchema.safeParse(raw);
      if (!parsed.success) {
        const problem = parsed.error.issues[0]!;
        issues.push({ file, position: `line ${i + 1}`, reason: `${problem.path.join('.') || 'the line'}: ${problem.message}` });
        return;
      }
      const { title, arxivId, year } = parsed.data;
      byTitle.set(titleKey(title), { ...(arxivId ? { arxivId } : {}), ...(year ? { year } : {}) });
    });
  return { path: file, byTitle, issues };
}

/** The record with the sidecar's arXiv id and year where it has none of its own. */
export function withSidecarFacts(record: PaperRecord, sidecar: Sidecar): PaperRecord {
  const facts = sidecar.byTitle.get(titleKey(record.title));
  if (!facts) return record;
  return {
    ...record,
    ...(record.arxivId === undefined && facts.arxivId ? { arxivId: facts.arxivId } : {}),
    ...(record.year === undefined && facts.year ? { year: facts.year } : {}),
  };
}
