// An extraction worker: prepares papers (sentences, acronyms, contributions, keyphrase vector) with the
// bundled taxonomy extended as the run extended it. Messages: {id, records} in, {id, prepared} or {id, error} out.
import { parentPort, workerData } from 'node:worker_threads';
import { Taxonomy, type TaxonomyInput } from '../../taxonomy/taxonomy.js';
import type { PaperRecord } from '../../types.js';
import { AliasMatcher } from '../mentions.js';
import { preparePaper } from '../prepare.js';

interface Data {
  entry: string;
  extensions: TaxonomyInput[];
}

const { extensions } = workerData as Data;
const taxonomy = Taxonomy.load();
if (extensions.length) taxonomy.extend(extensions);
const matcher = new AliasMatcher(taxonomy.entries());

parentPort!.on('message', (message: { id: number; records: PaperRecord[] }) => {
  try {
    parentPort!.postMessage({ id: message.id, prepared: message.records.map((r) => preparePaper(r, taxonomy, matcher)) });
  } catch (err) {
    parentPort!.postMessage({ id: message.id, error: (err as Error).stack ?? String(err) });
  }
});
