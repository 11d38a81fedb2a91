// How a value of a query result reads in the result table: a node by its name, a relationship by its
// type, a path as its nodes joined by their relationships, lists joined by commas. The CSV export
// keeps the full JSON instead (core/csv.ts).

interface NodeRef {
  name: string;
}
interface PathValue {
  nodes: NodeRef[];
  steps: { type: string; forward: boolean }[];
}

function isNodeRef(v: Record<string, unknown>): v is Record<string, unknown> & NodeRef {
  return typeof v.name === 'string';
}

function isPath(v: Record<string, unknown>): v is Record<string, unknown> & PathValue {
  return Array.isArray(v.nodes) && Array.isArray(v.steps) && v.nodes.length === v.steps.length + 1;
}

function pathText(path: PathValue): string {
  let text = path.nodes[0]?.name ?? '';
  path.steps.forEach((step, i) => {
    const next = path.nodes[i + 1]?.name ?? '';
    text += step.forward ? ` —${step.type}→ ${next}` : ` ←${step.type}— ${next}`;
  });
  return text;
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join(', ');
  if (typeof value !== 'object') return String(value);
  const o = value as Record<string, unknown>;
  if (isPath(o)) return pathText(o);
  if (isNodeRef(o)) return o.name;
  // A relationship travels as its id and type.
  if (typeof o.type === 'string' && typeof o.id === 'string' && Object.keys(o).length === 2) return o.type;
  return JSON.stringify(value);
}
