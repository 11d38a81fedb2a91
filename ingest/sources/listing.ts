// Reader for the default-corpus listing (data/papers-listing.txt): a few header lines, then a
// title line and an abstract line per paper, blank lines between.
import type { PaperRecord, ReadItem } from '../types.js';
import { SourceFileError, textLines } from './file-text.js';
import { invalidBytesReason, type InvalidBytes } from './utf8.js';

/** A line long or sentence-rich enough to be an abstract rather than a title or a header. */
export function isAbstractLike(text: string): boolean {
  if (text.length >= 300) return true;
  if (text.length < 120) return false;
  const boundaries = text.match(/[.!?]\s+[A-Z]/g)?.length ?? 0;
  return boundaries >= 2 && /[.!?)\]"']$/.test(text);
}

/**
 * Pairs title lines with the abstract line that follows them. Lines before the first pair are the
 * listing's header and are skipped; after that a title without an abstract, or an abstract without
 * a title, is reported as an issue naming the file and line.
 */
export async function* readListing(path: string): AsyncGenerator<ReadItem> {
  let pending: { line: number; text: string; invalid?: InvalidBytes } | undefined;
  let records = 0;
  const issue = (line: number, reason: string): ReadItem => ({
    kind: 'issue',
    issue: { file: path, position: `line ${line}`, reason },
  });
  try {
    for await (const { line, text: raw, invalid } of textLines(path)) {
      const text = raw.replace(/\s+/g, ' ').trim();
      if (text === '') continue;
      if (isAbstractLike(text)) {
        const bad = pending?.invalid ? { line: pending.line, invalid: pending.invalid } : invalid ? { line, invalid } : undefined;
        if (pending && bad) {
          // The paper (title and abstract line) is rejected; the papers around it are kept.
          records += 1;
          pending = undefined;
          yield issue(bad.line, `ingest/sources/listing: ${invalidBytesReason(bad.invalid)}`);
        } else if (pending) {
          const record: PaperRecord = { title: pending.text, abstract: text, source: `${path}:${pending.line}` };
          records += 1;
          pending = undefined;
          yield { kind: 'record', record };
        } else {
          yield issue(line, 'ingest/sources/listing: an abstract line with no title line before it; put the title on the line above');
        }
        continue;
      }
      if (pending && records > 0) {
        yield issue(
          pending.line,
          `ingest/sources/listing: title "${clip(pending.text)}" has no abstract line after it; add the abstract or remove the title`,
        );
      }
      pending = invalid ? { line, text, invalid } : { line, text };
    }
  } catch (err) {
    if (err instanceof SourceFileError) {
      yield { kind: 'issue', issue: { file: path, position: err.position, reason: `ingest/sources/listing: ${err.message}` } };
      return;
    }
    throw err;
  }
  if (pending && records > 0) {
    yield issue(
      pending.line,
      `ingest/sources/listing: title "${clip(pending.text)}" at the end of the file has no abstract line; add the abstract`,
    );
  }
  if (records === 0) {
    yield {
      kind: 'issue',
      issue: {
        file: path,
        position: 'file',
        reason: 'ingest/sources/listing: no papers found; expected title lines each followed by an abstract line',
      },
    };
  }
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
