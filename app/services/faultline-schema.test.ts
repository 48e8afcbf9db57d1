// The JSON Schema users' editors read is generated from the zod schema; the committed copy must match it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoConfigJsonSchema } from './repo-config.ts';

const FILE = new URL('./faultline.schema.json', import.meta.url);

describe('app/services/faultline.schema.json', () => {
  // Regenerate: UPDATE_SCHEMA=1 npx vitest run app/services/faultline-schema.test.ts && npx prettier --write app/services
  it('is what the zod schema generates', async () => {
    if (process.env.UPDATE_SCHEMA) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(FILE, `${JSON.stringify(repoConfigJsonSchema(), null, 2)}\n`);
    }
    expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(repoConfigJsonSchema());
  });

  it('describes the keys users write and requires sentry', () => {
    const schema = repoConfigJsonSchema() as {
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
