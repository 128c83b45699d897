import type { z } from 'zod';

/** A zod issue as "field: message", with the field as a dotted path. */
export function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  const field = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.').replace(/\.\[/g, '[');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    return { field: field ? `${field}.${issue.keys[0]}` : issue.keys[0] ?? '', message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}` };
  }
  return { field: field || '(root)', message: issue.message };
}

/** 1-based line of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index += 1) if (text.charCodeAt(index) === 10) line += 1;
  return line;
}
