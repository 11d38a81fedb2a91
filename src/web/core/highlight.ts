// Splits a paper's abstract into plain text and mentions of the entities extracted from it (by
// name or alias), so the details panel can highlight them and make them clickable.
export interface Entity {
  id: string;
  label: string;
  terms: string[];
}

export interface Segment {
  text: string;
  entity?: Entity;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function highlightSegments(text: string, entities: readonly Entity[]): Segment[] {
  const byTerm = new Map<string, Entity>();
  for (const e of entities) {
    for (const t of e.terms) {
      const term = t.trim();
      if (term.length < 2 || byTerm.has(term.toLowerCase())) continue;
      byTerm.set(term.toLowerCase(), e);
    }
  }
  if (byTerm.size === 0 || !text) return [{ text }];
  const terms = [...byTerm.keys()].sort((a, b) => b.length - a.length).map(escape);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${terms.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    if (start > last) out.push({ text: text.slice(last, start) });
    out.push({ text: m[0], entity: byTerm.get(m[0].toLowerCase()) });
    last = start + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
