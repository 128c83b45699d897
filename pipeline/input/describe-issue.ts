import type { z } from 'zod';

/** A zod issue as "field: message", with the field as a dotted path. */
export function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  const field = fieldName(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    return { field: field ? `${field}.${issue.keys[0]}` : issue.keys[0] ?? '', message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}` };
  }
  return { field: field || '(root)', message: issue.message };
}

/**
 * Every issue as one problem per field, with the path to look its line up by: an issue
 * naming several unknown keys becomes one problem per key, each at its own line.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): { path: PropertyKey[]; field: string; message: string }[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'unrecognized_keys') return [{ path: issue.path, ...describeIssue(issue) }];
    return issue.keys.map((key) => ({ path: [...issue.path, key], field: fieldName([...issue.path, key]), message: `unknown field ${key}` }));
  });
}

/** A path as users write it: `judges[2].maxConcurrency`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.').replace(/\.\[/g, '[');
}

/** 1-based line of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index += 1) if (text.charCodeAt(index) === 10) line += 1;
  return line;
}
