// Extraction rate on the synthetic corpus: read records with the ingest's readers, run the
// extractor's per-paper step and its corpus-level finish, timed apart (wall and CPU time).
import { createExtractor } from '../../ingest/extract/index.js';
import { readFile } from '../../ingest/sources/index.js';
import type { PaperRecord } from '../../ingest/types.js';

export interface ExtractRun {
  papers: number;
  addPaperMs: number;
  finishMs: number;
  cpuMs: number;
  /** Abstracts per wall-clock second, addPaper and finish together. */
  rate: number;
}

export async function readRecords(corpus: string): Promise<PaperRecord[]> {
  const records: PaperRecord[] = [];
  for await (const item of readFile(corpus)) if (item.kind === 'record') records.push(item.record);
  return records;
}

export function measureExtraction(records: PaperRecord[]): ExtractRun {
  const extractor = createExtractor();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const record of records) extractor.addPaper(record);
  const t1 = performance.now();
  extractor.finish();
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  return {
    papers: records.length,
    addPaperMs: t1 - t0,
    finishMs: t2 - t1,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rate: (records.length * 1000) / (t2 - t0),
  };
}
