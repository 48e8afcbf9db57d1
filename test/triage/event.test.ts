import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeEvent } from '../../app/triage/event.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../app/fixtures/sentry/${name}.json`, import.meta.url), 'utf8'));

describe('normalizeEvent', () => {
  it('reads the webhook event (snake_case frames, context lines, tag pairs, epoch breadcrumbs)', () => {
    const e = normalizeEvent(fixture('event_alert.triggered').data.event);
    expect(e).toMatchObject({
      eventId: 'e4874d664c3540c1a32eab185f12c5ab',
      issueId: '1170820242',
      level: 'error',
      release: 'shop@2.4.0',
      environment: 'production',
      exceptionType: 'RangeError',
      exceptionValue: 'Invalid time value',
      culprit: 'renderInvoice(src/billing/invoice.ts)',
    });
    expect(e.frames.map((f) => [f.absPath, f.lineno, f.inApp])).toEqual([
      ['app:///node_modules/date-fns/format.js', 370, false],
      ['app:///src/billing/invoice.ts', 88, true],
      ['app:///src/routes/invoices.ts', 31, true],
    ]);
    expect(e.frames[1]?.context).toEqual({
      pre: ['  const due = addDays(invoice.issuedAt, terms);', '  const lines = invoice.items.map(toLine);'],
      line: "  const label = format(due, 'PPP');",
      post: ['  return { lines, label };', '}'],
    });
    expect(e.tags).toContainEqual(['runtime', 'node v22.11.0']);
    expect(e.breadcrumbs[0]?.timestamp).toBe(new Date(1790842357100).toISOString());
    expect(e.request).toEqual({ method: 'GET', url: 'https://shop.example.com/invoices/991' });
  });

  it('reads the REST event (camelCase frames under entries, [line, code] context, key/value tags)', () => {
    const e = normalizeEvent({
      id: 'abc',
      eventID: 'abc',
      groupID: '42',
      release: { version: 'web@1.0.0' },
      tags: [
        { key: 'environment', value: 'staging' },
        { key: 'level', value: 'fatal' },
      ],
      entries: [
        {
          type: 'breadcrumbs',
          data: { values: [{ category: 'ui.click', message: 'button', timestamp: '2026-01-01T00:00:00Z' }] },
        },
        {
          type: 'exception',
          data: {
            values: [
              { type: 'Cause', value: 'inner' },
              {
                type: 'TypeError',
                value: 'x is undefined',
                stacktrace: {
                  frames: [
                    {
                      absPath: 'webpack://app/./src/a.ts',
                      lineNo: 10,
                      colNo: 2,
                      inApp: true,
                      function: 'a',
                      context: [
                        [9, 'before'],
                        [10, 'crash()'],
                        [11, 'after'],
                      ],
                    },
                  ],
                },
              },
            ],
          },
        },
      ],
    });
    expect(e).toMatchObject({
      eventId: 'abc',
      issueId: '42',
      release: 'web@1.0.0',
      environment: 'staging',
      level: 'fatal',
      exceptionType: 'TypeError',
      exceptionValue: 'x is undefined',
    });
    expect(e.frames).toEqual([
      {
        absPath: 'webpack://app/./src/a.ts',
        filename: undefined,
        module: undefined,
        function: 'a',
        lineno: 10,
        colno: 2,
        inApp: true,
        context: { pre: ['before'], line: 'crash()', post: ['after'] },
      },
    ]);
    expect(e.breadcrumbs[0]).toMatchObject({ category: 'ui.click', timestamp: '2026-01-01T00:00:00Z' });
  });

  it('gives an empty event for a shape it does not know, instead of throwing', () => {
    expect(normalizeEvent(null).frames).toEqual([]);
    expect(normalizeEvent({ exception: { values: 'nope' } }).frames).toEqual([]);
  });
});
