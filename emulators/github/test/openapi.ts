/**
 * A small checker over GitHub's published OpenAPI description (npm `@octokit/openapi`, trimmed to the operations the
 * emulator serves by scripts/trim-openapi.ts): finds an operation by
 * method and path, resolves `$ref`s, and checks a JSON value against a schema's types, enums and required
 * properties (allOf / oneOf / anyOf / nullable understood). Enough to catch a missing or mistyped field in an
 * emulator answer; not a full JSON Schema validator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Schema = {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  format?: string;
};

interface Parameter {
  $ref?: string;
  name: string;
  in: string;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: Schema }> }>;
}

export interface Description {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Schema>;
    parameters: Record<string, Parameter>;
    responses: Record<string, unknown>;
  };
}

export function loadGitHubDescription(): Description {
  return JSON.parse(readFileSync(join(import.meta.dirname, 'api.github.com.trimmed.json'), 'utf8')) as Description;
}

function resolve<T>(spec: Description, value: T & { $ref?: string }): T {
  let current: unknown = value;
  for (let hops = 0; hops < 10 && current && typeof current === 'object' && '$ref' in current; hops++) {
    const ref = (current as { $ref: string }).$ref;
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .reduce<unknown>(
        (node, key) => (node as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')],
        spec,
      );
  }
  return current as T;
}

export function operation(spec: Description, method: string, path: string): Operation | undefined {
  return spec.paths[path]?.[method.toLowerCase()];
}

export function queryParameters(spec: Description, op: Operation): string[] {
  return (op.parameters ?? [])
    .map((p) => resolve(spec, p))
    .filter((p) => p.in === 'query')
    .map((p) => p.name);
}

/** Every property name a JSON request body may carry, across oneOf/anyOf/allOf variants. */
export function requestBodyFields(spec: Description, op: Operation): Set<string> {
  const fields = new Set<string>();
  const visit = (raw: Schema | undefined, depth: number) => {
    if (!raw || depth > 5) return;
    const schema = resolve(spec, raw);
    for (const key of Object.keys(schema.properties ?? {})) fields.add(key);
    for (const variant of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])])
      visit(variant, depth + 1);
  };
  visit(op.requestBody?.content?.['application/json']?.schema, 0);
  return fields;
}

/** The JSON schema documented for a response status, or undefined when that status is not documented. */
export function responseSchema(
  spec: Description,
  op: Operation,
  status: number,
): { documented: boolean; schema?: Schema } {
  const raw = op.responses[String(status)];
  if (!raw) return { documented: false };
  const response = resolve(spec, raw);
  return { documented: true, schema: response.content?.['application/json']?.schema };
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      return true;
  }
}

/** Problems of `value` against `schema`, each as "<json path>: <what is wrong>"; empty when it conforms. */
export function checkShape(spec: Description, raw: Schema, value: unknown, path = '$', depth = 0): string[] {
  if (depth > 40) return [];
  const schema = resolve(spec, raw);
  const problems: string[] = [];
  for (const part of schema.allOf ?? []) problems.push(...checkShape(spec, part, value, path, depth + 1));
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) {
    const results = variants.map((v) => checkShape(spec, v, value, path, depth + 1));
    if (!results.some((r) => r.length === 0)) {
      const best = results.reduce((a, b) => (b.length < a.length ? b : a));
      problems.push(`${path}: matches none of ${variants.length} variants; closest: ${best.slice(0, 3).join('; ')}`);
    }
  }
  if (value === null) {
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    const nullable = schema.nullable || types.includes('null') || (schema.enum?.includes(null) ?? false);
    if (!nullable && (types.length > 0 || schema.properties)) problems.push(`${path}: is null, not nullable`);
    return problems;
  }
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeMatches(t, value))) {
      problems.push(`${path}: expected ${types.join('|')}, got ${Array.isArray(value) ? 'array' : typeof value}`);
      return problems;
    }
  }
  if (schema.enum && !schema.enum.includes(value)) {
    problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (schema.format === 'date-time' && typeof value === 'string' && Number.isNaN(Date.parse(value))) {
    problems.push(`${path}: ${JSON.stringify(value)} is not a date-time`);
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in object)) problems.push(`${path}: missing required "${key}"`);
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      if (key in object) problems.push(...checkShape(spec, sub, object[key], `${path}.${key}`, depth + 1));
    }
  }
  if (Array.isArray(value) && schema.items) {
    // The first few items are enough: every item of a list is rendered by the same code.
    value
      .slice(0, 3)
      .forEach((item, i) => problems.push(...checkShape(spec, schema.items!, item, `${path}[${i}]`, depth + 1)));
  }
  return problems;
}
