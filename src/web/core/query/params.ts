// Saved-query parameters as typed, validated form fields: which ones name a node (and get a node
// picker), and turning what the user typed into the value the API expects, or an error to show
// under the field.
import type { SavedQueryParam } from '../../api/client.js';

/** A parameter as /api/queries describes it (integer parameters may carry a range). */
export type ParamSpec = SavedQueryParam;

/** A string parameter whose description says it holds a node id ("id of a method", "id or name of a concept"). */
export function isNodeParam(p: ParamSpec): boolean {
  return p.type.toLowerCase() === 'string' && /\bid\b/i.test(p.description ?? '');
}

/** Whether the parameter may be left empty (its default is the empty string: "empty: all"). */
export function mayBeEmpty(p: ParamSpec): boolean {
  return p.default === '' || p.default === null || /\bempty\b/i.test(p.description ?? '');
}

export type Checked = { ok: true; value: unknown } | { ok: false; error: string };

function range(p: ParamSpec): string {
  return p.min !== undefined && p.max !== undefined ? ` from ${p.min} to ${p.max}` : '';
}

/** Checks and converts one field; node parameters are checked by the picker (see NodePicker). */
export function checkParam(p: ParamSpec, raw: string): Checked {
  const t = p.type.toLowerCase();
  const text = raw.trim();
  if (t === 'int' || t === 'integer' || t === 'long') {
    const n = Number(text);
    const inRange = (p.min === undefined || n >= p.min) && (p.max === undefined || n <= p.max);
    if (text === '' || !/^-?\d+$/.test(text) || !inRange) return { ok: false, error: `${p.name} must be a whole number${range(p)}` };
    return { ok: true, value: n };
  }
  if (t === 'float' || t === 'number' || t === 'double') {
    const n = Number(text);
    const inRange = (p.min === undefined || n >= p.min) && (p.max === undefined || n <= p.max);
    if (text === '' || !Number.isFinite(n) || !inRange) return { ok: false, error: `${p.name} must be a number${range(p)}` };
    return { ok: true, value: n };
  }
  if (t.startsWith('bool')) {
    if (text !== 'true' && text !== 'false') return { ok: false, error: `${p.name} must be true or false` };
    return { ok: true, value: text === 'true' };
  }
  if (t.startsWith('list') || t.endsWith('[]'))
    return {
      ok: true,
      value: text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  if (text === '' && !mayBeEmpty(p)) return { ok: false, error: `${p.name} is required` };
  return { ok: true, value: text };
}
