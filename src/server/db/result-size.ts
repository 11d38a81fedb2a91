// Estimates how many bytes a driver value takes as JSON, walking it without recursion and stopping
// as soon as the estimate passes a limit, so one huge row cannot cost more than it is allowed.
import neo4j from 'neo4j-driver';

/** Roughly the JSON size of `value` in bytes; stops counting once it exceeds `limit`. */
export function estimateBytes(value: unknown, limit: number): number {
  let bytes = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && bytes <= limit) {
    const v = stack.pop();
    if (v === null || v === undefined || typeof v === 'boolean') bytes += 5;
    else if (typeof v === 'number' || typeof v === 'bigint') bytes += 12;
    else if (typeof v === 'string') bytes += v.length + 3;
    else if (neo4j.isInt(v)) bytes += 12;
    else if (v instanceof Uint8Array) bytes += Math.ceil((v.byteLength * 4) / 3) + 3;
    else if (Array.isArray(v)) {
      bytes += 2 + v.length;
      if (bytes <= limit) for (const item of v) stack.push(item);
    } else if (neo4j.isNode(v)) {
      const n = v as { elementId: string; labels: string[]; properties: Record<string, unknown> };
      bytes += 40 + n.elementId.length + n.labels.join(',').length;
      stack.push(n.properties);
    } else if (neo4j.isRelationship(v)) {
      const r = v as { elementId: string; type: string; properties: Record<string, unknown> };
      bytes += 80 + r.elementId.length + r.type.length;
      stack.push(r.properties);
    } else if (neo4j.isPath(v)) {
      const p = v as { segments: { start: unknown; relationship: unknown; end: unknown }[] };
      bytes += 40;
      for (const s of p.segments) stack.push(s.start, s.relationship, s.end);
    } else if (typeof v === 'object') {
      bytes += 2;
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
        bytes += k.length + 4;
        stack.push(child);
        if (bytes > limit) break;
      }
    } else bytes += String(v).length;
  }
  return bytes;
}
