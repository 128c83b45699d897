import type { HarnessRow } from './harness-rows.ts';

/** Plain CSV with OR-Bench's columns plus the label: `prompt,category,label`, RFC 4180 quoting. */
export function toCsv(rows: HarnessRow[]): string {
  const lines = [['prompt', 'category', 'label'], ...rows.map((row) => [row.record.prompt, row.record.category, row.record.label])];
  return lines.map((cells) => cells.map(quoteCell).join(',')).join('\r\n') + '\r\n';
}

function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}
