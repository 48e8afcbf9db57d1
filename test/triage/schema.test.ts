// The JSON Schema users' editors read is generated from the zod schema; the committed copy must match it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { triageConfigJsonSchema } from '../../app/triage/config.ts';

const FILE = new URL('../../app/triage/faultline.schema.json', import.meta.url);

describe('app/triage/faultline.schema.json', () => {
  // Regenerate: UPDATE_SCHEMA=1 npx vitest run test/triage/schema.test.ts && npx prettier --write app/triage
  it('is what the zod schema generates', async () => {
    if (process.env.UPDATE_SCHEMA) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(FILE, `${JSON.stringify(triageConfigJsonSchema(), null, 2)}\n`);
    }
    expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(triageConfigJsonSchema());
  });

  it('describes the keys users write and requires sentry', () => {
    const schema = triageConfigJsonSchema() as {
      required: string[];
      properties: Record<string, { description?: string }>;
    };
    expect(schema.required).toEqual(['sentry']);
    expect(schema.properties['paths']?.description).toMatch(/path prefix/);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'sentry',
        'paths',
        'releases',
        'alerts',
        'minLevel',
        'labels',
        'ignore',
        'assign',
        'limits',
        'scrub',
      ]),
    );
  });
});
