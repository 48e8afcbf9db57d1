import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LOG_SERIALIZERS } from './logger.ts';

describe('the root logger', () => {
  it("never writes a GitHub webhook's payload, even at debug level (Probot logs { event } there)", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = pino({ level: 'debug', serializers: LOG_SERIALIZERS }, sink);
    const payload = { action: 'opened', issue: { body: 'secret-body-text' }, sender: { login: 'mallory' } };
    log.debug({ event: { id: 'd-1', name: 'issues', payload } }, 'Webhook received');
    const line = JSON.parse(lines.join('')) as { event: unknown };
    expect(line.event).toEqual({ id: 'd-1', name: 'issues', action: 'opened' });
    expect(lines.join('')).not.toContain('secret-body-text');
  });
});
