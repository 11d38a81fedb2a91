// Reads the default corpus once for the extraction tests.
import { readListing } from '../../../ingest/sources/listing.js';
import type { PaperRecord } from '../../../ingest/types.js';

let cached: PaperRecord[] | undefined;

export async function defaultRecords(): Promise<PaperRecord[]> {
  if (cached) return cached;
  const records: PaperRecord[] = [];
  for await (const item of readListing('data/papers-listing.txt')) if (item.kind === 'record') records.push(item.record);
  cached = records;
  return records;
}
