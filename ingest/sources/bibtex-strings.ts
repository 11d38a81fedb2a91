// The @string macros of one BibTeX file, expanded with limits: a macro may not expand past a size
// or nest past a depth, and the file's macros together are capped, so a "macro bomb" (each macro
// doubling the last) is refused at the macro that crosses a limit instead of eating the memory.
import type { BibField, ValuePart } from './bibtex-scan.js';

export const MACRO_LIMITS = {
  /** Characters one macro may expand to (raw TeX). */
  chars: 64_000,
  /** Macros referring to macros referring to macros...: how deep the chain may go. */
  depth: 16,
  /** Characters all of a file's macros may expand to together. */
  totalChars: 16_000_000,
  /** Characters one field of an entry may expand to (raw TeX, before decoding). */
  fieldChars: 100_000,
} as const;

/** Month macros every BibTeX style defines, as @retorquere/bibtex-parser resolves them. */
const MONTHS = new Map(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, String(i + 1).padStart(2, '0')]));

type Macro = { ok: true; value: string; depth: number; line: number } | { ok: false; line: number; reason: string };

/** What an entry's fields need from the macro table, or why the entry cannot be read. */
export type Expansion = { ok: true; macros: Record<string, string> } | { ok: false; reason: string };

export class MacroTable {
  private readonly macros = new Map<string, Macro>();
  private total = 0;

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
      if (used && !used.ok) return this.refuse(name, line, `uses @string macro "${part.name}", which was refused (line ${used.line})`);
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
      return this.refuse(name, line, `the file's @string macros expand to more than ${MACRO_LIMITS.totalChars} characters together; split the file`);
    }
    this.total += length;
    this.macros.set(name, { ok: true, value: pieces.join(''), depth, line });
    return undefined;
  }

  /** Refuses a macro outright (its @string is unreadable), so entries using it are refused too. */
  refuse(name: string, line: number, reason: string): string {
    this.macros.set(name, { ok: false, line, reason });
    return `@string macro "${name}" ${reason}`;
  }

  /** The macros an entry's fields use (to hand to the parser), or why the entry is refused. */
  expand(fields: BibField[]): Expansion {
    const macros: Record<string, string> = {};
    for (const field of fields) {
      let length = 0;
      for (const part of field.parts) length += this.partLength(part);
      for (const part of field.parts) {
        if (part.kind !== 'macro') continue;
        const used = this.macros.get(part.name);
        if (used && !used.ok) {
          return { ok: false, reason: `field "${field.name}" uses @string macro "${part.name}", which was refused (line ${used.line}: ${used.reason})` };
        }
        if (used) macros[part.name] = used.value;
      }
      if (length > MACRO_LIMITS.fieldChars) {
        return { ok: false, reason: `field "${field.name}" expands to ${length} characters (at most ${MACRO_LIMITS.fieldChars}); shorten it` };
      }
    }
    return { ok: true, macros };
  }

  private partLength(part: ValuePart): number {
    if (part.kind === 'text') return part.text.length;
    const used = this.macros.get(part.name);
    return used?.ok ? used.value.length : part.name.length + 4;
  }
}
