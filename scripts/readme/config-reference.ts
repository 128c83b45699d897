import { z } from 'zod';
import { Config } from '../../pipeline/schemas/config.ts';

interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
}

/**
 * The config reference as a markdown table, generated from the zod schema's
 * descriptions and defaults so the README cannot drift from the code.
 */
export function configReference(): string {
  const schema = z.toJSONSchema(Config, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const rows: string[] = ['| field | type | default | meaning |', '| --- | --- | --- | --- |'];
  walk(schema, '', rows);
  return rows.join('\n');
}

function walk(schema: JsonSchema, prefix: string, rows: string[]): void {
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    const object = objectOf(property);
    if (object && !isRole(object)) {
      walk(object, path, rows);
      continue;
    }
    const description = (property.description ?? object?.description ?? '').replace(/\|/g, '\\|');
    rows.push(`| \`${path}\` | ${typeOf(property)} | ${formatDefault(property.default)} | ${description} |`);
  }
}

/** Model roles are documented once, as their own table. */
function isRole(schema: JsonSchema): boolean {
  return Boolean(schema.properties?.model && schema.properties?.maxConcurrency);
}

function objectOf(schema: JsonSchema): JsonSchema | null {
  if (schema.properties) return schema;
  const option = schema.anyOf?.find((item) => item.properties);
  return option ?? null;
}

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((value) => `\`${String(value)}\``).join(' \\| ');
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' or ');
  if (schema.type === 'array') return `list of ${schema.items ? (isRole(objectOf(schema.items) ?? {}) ? 'model roles' : typeOf(schema.items)) : 'values'}`;
  if (schema.type === 'object' && isRole(schema)) return 'model role';
  return Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
}

function formatDefault(value: unknown): string {
  if (value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > 60 ? `\`${text.slice(0, 57)}...\`` : `\`${text}\``;
}

/** The model role's fields, for the second table. */
export function modelRoleReference(): string {
  const schema = z.toJSONSchema(Config, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const role = objectOf(schema.properties!.generator!)!;
  const rows: string[] = ['| field | type | default | meaning |', '| --- | --- | --- | --- |'];
  for (const [key, property] of Object.entries(role.properties ?? {})) {
    rows.push(`| \`${key}\` | ${typeOf(property)} | ${formatDefault(property.default)} | ${(property.description ?? '').replace(/\|/g, '\\|')} |`);
  }
  return rows.join('\n');
}
