// Precision and recall of extraction against hand annotations (test/fixtures/annotations/*.json):
// proposes, builds-on and datasets per annotated paper. Run: `npx tsx ingest/extract/evaluate.ts`.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { WireGraph } from '../../src/shared/graph.js';
import type { PaperRecord } from '../types.js';
import { extractCorpus } from './index.js';
import { matchKey } from './keys.js';
import { paperId } from './paper-identity.js';

const annotationSchema = z.object({
  description: z.string().optional(),
  papers: z.array(
    z.object({
      title: z.string(),
      proposes: z.array(z.string()),
      buildsOn: z.array(z.tuple([z.string(), z.string()])),
      datasets: z.array(z.string()),
    }),
  ),
});
export type Annotations = z.infer<typeof annotationSchema>;

export function readAnnotations(path: string): Annotations {
  return annotationSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export interface Score {
  truePositives: number;
  predicted: number;
  expected: number;
  precision: number;
  recall: number;
  /** Predictions not in the annotations and annotations not predicted, "paper: item". */
  falsePositives: string[];
  falseNegatives: string[];
}

export interface Evaluation {
  papers: number;
  proposes: Score;
  buildsOn: Score;
  datasets: Score;
}

function score(tp: number, predicted: number, expected: number, fp: string[], fn: string[]): Score {
  return {
    truePositives: tp,
    predicted,
    expected,
    precision: predicted === 0 ? 1 : tp / predicted,
    recall: expected === 0 ? 1 : tp / expected,
    falsePositives: fp,
    falseNegatives: fn,
  };
}

/** Compares the extracted graph with the annotations for the annotated papers only. */
export function evaluateExtraction(graph: WireGraph, records: PaperRecord[], annotations: Annotations): Evaluation {
  const names = new Map<string, Set<string>>();
  for (const n of graph.nodes) {
    const keys = new Set([n.name, ...((n.properties.aliases as string[] | undefined) ?? [])].map(matchKey));
    names.set(n.id, keys);
  }
  const label = (id: string) => graph.nodes.find((n) => n.id === id)?.name ?? id;
  const matches = (id: string, annotated: string) => annotated.split('|').some((a) => names.get(id)?.has(matchKey(a)) ?? false);
  const totals = {
    proposes: { tp: 0, p: 0, e: 0, fp: [] as string[], fn: [] as string[] },
    buildsOn: { tp: 0, p: 0, e: 0, fp: [] as string[], fn: [] as string[] },
    datasets: { tp: 0, p: 0, e: 0, fp: [] as string[], fn: [] as string[] },
  };
  for (const a of annotations.papers) {
    const record = records.find((r) => r.title === a.title);
    if (!record) throw new Error(`ingest/extract/evaluate: annotated paper "${a.title}" is not in the corpus; fix the title in the annotations`);
    const pid = paperId(record);
    const short = a.title.split(/[:,?]/)[0]!.slice(0, 40);
    const edges = (type: string) => graph.edges.filter((e) => e.type === type && e.properties.paperId === pid);

    const proposed = edges('PROPOSES').map((e) => e.target);
    const t1 = totals.proposes;
    t1.p += proposed.length;
    t1.e += a.proposes.length;
    for (const id of proposed) if (!a.proposes.some((x) => matches(id, x))) t1.fp.push(`${short}: ${label(id)}`);
    for (const x of a.proposes) (proposed.some((id) => matches(id, x)) ? (t1.tp += 1) : t1.fn.push(`${short}: ${x}`));

    const links = edges('BUILDS_ON').filter((e) => e.properties.extractor !== 'taxonomy');
    const pairs = [...new Map(links.map((e) => [`${e.source}->${e.target}`, [e.source, e.target] as const])).values()];
    const t2 = totals.buildsOn;
    t2.p += pairs.length;
    t2.e += a.buildsOn.length;
    for (const [s, t] of pairs) if (!a.buildsOn.some(([x, y]) => matches(s, x) && matches(t, y))) t2.fp.push(`${short}: ${label(s)} -> ${label(t)}`);
    for (const [x, y] of a.buildsOn) (pairs.some(([s, t]) => matches(s, x) && matches(t, y)) ? (t2.tp += 1) : t2.fn.push(`${short}: ${x} -> ${y}`));

    const datasets = edges('EVALUATED_ON').map((e) => e.target);
    const t3 = totals.datasets;
    t3.p += datasets.length;
    t3.e += a.datasets.length;
    for (const id of datasets) if (!a.datasets.some((x) => matches(id, x))) t3.fp.push(`${short}: ${label(id)}`);
    for (const x of a.datasets) (datasets.some((id) => matches(id, x)) ? (t3.tp += 1) : t3.fn.push(`${short}: ${x}`));
  }
  const s = (t: (typeof totals)['proposes']) => score(t.tp, t.p, t.e, t.fp, t.fn);
  return { papers: annotations.papers.length, proposes: s(totals.proposes), buildsOn: s(totals.buildsOn), datasets: s(totals.datasets) };
}

async function main(): Promise<void> {
  const { readListing } = await import('../sources/listing.js');
  const records: PaperRecord[] = [];
  for await (const item of readListing('data/papers-listing.txt')) if (item.kind === 'record') records.push(item.record);
  const annotations = readAnnotations(process.argv[2] ?? 'test/fixtures/annotations/default-corpus.json');
  const result = evaluateExtraction(extractCorpus(records, { titleTail: process.env.TITLE_TAIL !== '0' }), records, annotations);
  console.log(`annotated papers: ${result.papers}`);
  for (const key of ['proposes', 'buildsOn', 'datasets'] as const) {
    const r = result[key];
    console.log(`${key}: precision ${(r.precision * 100).toFixed(1)}% (${r.truePositives}/${r.predicted}), recall ${(r.recall * 100).toFixed(1)}% (${r.truePositives}/${r.expected})`);
    for (const fp of r.falsePositives) console.log(`   extra:   ${fp}`);
    for (const fn of r.falseNegatives) console.log(`   missing: ${fn}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
