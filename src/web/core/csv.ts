// CSV of a result table (RFC 4180 quoting), for the "Export CSV" button.
import type { TableResult } from './state.js';

function cell(value: unknown): string {
  const s = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(table: Pick<TableResult, 'columns' | 'rows'>): string {
  return [table.columns, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
