// The @string macros of one BibTeX file, expanded with limits: a macro may not expand past a size
// or nest past a depth, and the file's macros together are capped, so a "macro bomb" (each macro
// doubling the last) is refused at the macro that crosses a limit instead of eating the memory.
import type { BibField } from './bibtex-scan.js';

export const MACRO_LIMITS = {
  /** Characters one macro may expand to (raw TeX). */
  chars: 16_384,
  /** Macros referring to macros referring to macros...: how deep the chain may go. */
  depth: 16,
  /** Characters all of a file's macros may expand to together. */
  totalChars: 16_000_000,
  /** Characters one field of an entry may expand to (raw TeX, before decoding). */
  fieldChars: 100_000,
  /** The same for a title, which the record check allows 1,000 decoded characters anyway. */
  titleChars: 4_000,
  /** Characters all fields of one entry may expand to together. */
  entryChars: 200_000,
  /**
   * Characters of macro text all entries of a file may pull in together, plus this many per
   * character of the file. Decoding TeX costs tens of microseconds per character in long fields,
   * so a small file whose entries each use the largest macros must not take hours; ordinary
   * macros (a venue name per entry) stay far below the file's own length.
   */
  usedChars: 65_536,
  usedCharsPerFileChar: 1,
} as const;

/** Month macros every BibTeX style defines, as @retorquere/bibtex-parser resolves them. */
const MONTHS = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, String(i + 1).padStart(2, '0')]),
);

type Macro = { ok: true; value: string; depth: number; line: number } | { ok: false; line: number; cause: string };

/** What an entry's fields need from the macro table, or why the entry cannot be read. */
export type Expansion = { ok: true; macros: Record<string, string> } | { ok: false; reason: string };

export class MacroTable {
  private readonly macros = new Map<string, Macro>();
  private total = 0;
  private used = 0;
  private readonly usedBudget: number;

  /** `fileChars`: the length of the file, which sets how much macro text its entries may use. */
  constructor(fileChars: number) {
    this.usedBudget = MACRO_LIMITS.usedChars + MACRO_LIMITS.usedCharsPerFileChar * fileChars;
  }

  /**
   * Defines a macro from an @string body's field. Returns the reason it was refused (the
   * caller reports it at the @string's line), or undefined when it was defined.
   */
  define(field: BibField, line: number): string | undefined {
    const name = field.name;
    let length = 0;
    let depth = 1;
    const pieces: string[] = [];
    for (const part of field.parts) {
      if (part.kind === 'text') {
        pieces.push(part.text);
        length += part.text.length;
        continue;
      }
      const used = this.macros.get(part.name);
      if (used && !used.ok)
        return this.refuse(
          name,
          line,
          `uses @string macro "${part.name}" (line ${used.line}), which was refused: ${used.cause}`,
          used.cause,
        );
      if (!used) {
        // Undefined: a month, or kept as the parser keeps an unresolved name.
        const text = MONTHS.get(part.name) ?? `{{${part.name}}}`;
        pieces.push(text);
        length += text.length;
        continue;
      }
      depth = Math.max(depth, used.depth + 1);
      length += used.value.length;
      if (depth > MACRO_LIMITS.depth) {
        return this.refuse(name, line, `nests @string macros ${depth} deep (at most ${MACRO_LIMITS.depth}); flatten the definitions`);
      }
      if (length > MACRO_LIMITS.chars) break;
      pieces.push(used.value);
    }
    if (length > MACRO_LIMITS.chars) {
      return this.refuse(name, line, `expands to more than ${MACRO_LIMITS.chars} characters (nested @string macros?); shorten it`);
    }
    if (this.total + length > MACRO_LIMITS.totalChars) {
      return this.refuse(
        name,
        line,
        `the file's @string macros expand to more than ${MACRO_LIMITS.totalChars} characters together; split the file`,
      );
    }
    this.total += length;
    this.macros.set(name, { ok: true, value: pieces.join(''), depth, line });
    return undefined;
  }

  /**
   * Refuses a macro (too large, too deep, unreadable), so entries using it are refused too;
   * `cause` is the first refusal in a chain of macros, which is what the user has to fix.
   */
  refuse(name: string, line: number, reason: string, cause?: string): string {
    const message = `@string macro "${name}" ${reason}`;
    this.macros.set(name, { ok: false, line, cause: cause ?? `${message} (line ${line})` });
    return message;
  }

  /** The macros an entry's fields use (to hand to the parser), or why the entry is refused. */
  expand(fields: BibField[]): Expansion {
    const macros: Record<string, string> = {};
    let entryLength = 0;
    let fromMacros = 0;
    for (const field of fields) {
      let length = 0;
      for (const part of field.parts) {
        if (part.kind === 'text') {
          length += part.text.length;
          continue;
        }
        const used = this.macros.get(part.name);
        if (used && !used.ok) {
          return {
            ok: false,
            reason: `field "${field.name}" uses @string macro "${part.name}" (line ${used.line}), which was refused: ${used.cause}`,
          };
        }
        length += used ? used.value.length : part.name.length + 4;
        fromMacros += used ? used.value.length : 0;
        if (used) macros[part.name] = used.value;
      }
      const cap = field.name === 'title' ? MACRO_LIMITS.titleChars : MACRO_LIMITS.fieldChars;
      if (length > cap) return { ok: false, reason: `field "${field.name}" expands to ${length} characters (at most ${cap}); shorten it` };
      entryLength += length;
    }
    if (entryLength > MACRO_LIMITS.entryChars) {
      return {
        ok: false,
        reason: `its fields expand to ${entryLength} characters together (at most ${MACRO_LIMITS.entryChars}); shorten them`,
      };
    }
    if (this.used + fromMacros > this.usedBudget) {
      return {
        ok: false,
        reason: `the file's entries use more than ${this.usedBudget} characters of @string macro text together; use fewer or shorter macros, or split the file`,
      };
    }
    this.used += fromMacros;
    return { ok: true, macros };
  }
}
