// Curations as a JSON file (the format of src/shared/api/curation.ts): written by export, read and
// validated by import, with a message that names the file, the record and the field at fault.
import { readFile, writeFile } from 'node:fs/promises';
import { CurationExport, type CurationRecord } from '../../shared/api/curation.js';

export function curationExport(curations: CurationRecord[], now = new Date()): CurationExport {
  return { format: 'methodgraph-curations', version: 1, exportedAt: now.toISOString(), curations };
}

export async function writeCurationFile(path: string, curations: CurationRecord[]): Promise<void> {
  await writeFile(path, `${JSON.stringify(curationExport(curations), null, 2)}\n`, 'utf8');
}

/** Where a zod issue path points, said for a person: `record 4 (id …): field "kind"`. */
function describePath(path: readonly PropertyKey[], value: unknown): string {
  if (path[0] === 'curations' && typeof path[1] === 'number') {
    const index = path[1];
    const record = (value as { curations?: unknown[] }).curations?.[index] as { id?: unknown } | undefined;
    const id = typeof record?.id === 'string' ? `, id ${record.id}` : '';
    const field = path.slice(2).map(String).join('.');
    return `record ${index + 1} (curations[${index}]${id})${field ? `: field "${field}"` : ''}`;
  }
  return path.length ? `field "${path.map(String).join('.')}"` : 'the file';
}

/** Parses and validates a curation file's text; throws naming the file, the record and what to do. */
export function parseCurationFile(text: string, file: string): CurationExport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`curation import: ${file} is not JSON (${(err as Error).message}); give a file written by npm run curation -- export`, {
      cause: err,
    });
  }
  const result = CurationExport.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const extra = issue.code === 'unrecognized_keys' ? ` (unknown: ${(issue as { keys: string[] }).keys.join(', ')})` : '';
  throw new Error(
    `curation import: ${file}: ${describePath(issue.path, value)} ${issue.message}${extra}; fix that record or export the file again with npm run curation -- export`,
  );
}

export async function readCurationFile(path: string): Promise<CurationExport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(
      `curation import: cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; check the path`,
      { cause: err },
    );
  }
  return parseCurationFile(text, path);
}
