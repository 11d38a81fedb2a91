// Gold annotations of the extraction (the extraction-dev format): entities with their aliases, and per
// paper what it proposes, uses, builds on, is evaluated on and links as code. Validated on read.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const entitySchema = z.object({
  kind: z.enum(['method', 'architecture', 'dataset', 'benchmark', 'task']),
  aliases: z.array(z.string().min(1)).min(1),
});

const paperSchema = z.object({
  idx: z.number().int().nonnegative(),
  title: z.string().min(1),
  proposes: z.array(z.string()),
  /** Optional: a paper without `uses` is left out of the mentions family. */
  uses: z.array(z.string()).optional(),
  builds_on: z.array(z.tuple([z.string(), z.string()])),
  datasets: z.array(z.string()),
  code: z.array(z.string()),
});

const goldSchema = z.object({
  version: z.number().int(),
  description: z.string().optional(),
  entities: z.record(z.string(), entitySchema),
  papers: z.array(paperSchema),
});

export type Gold = z.infer<typeof goldSchema>;
export type GoldPaper = z.infer<typeof paperSchema>;

/** Reads and checks a gold file: every name a paper lists must be an entity (codes are URLs, not entities). */
export function readGold(path: string): Gold {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`ingest/eval/gold: ${path}: cannot read or parse (${(err as Error).message}); give a gold.json file`, { cause: err });
  }
  const parsed = goldSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`ingest/eval/gold: ${path}: ${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}; fix the annotation`);
  }
  const gold = parsed.data;
  for (const p of gold.papers) {
    const names = [...p.proposes, ...(p.uses ?? []), ...p.datasets, ...p.builds_on.flat()];
    for (const name of names) {
      if (!gold.entities[name])
        throw new Error(
          `ingest/eval/gold: ${path}: paper ${p.idx} ("${p.title}") names "${name}", which is not in entities; add the entity or fix the name`,
        );
    }
  }
  return gold;
}
