// The root logger handed to Probot: Probot's own format (pretty or JSON), with one value per key on each line.
import { Transform } from 'node:stream';
import { getTransformStream } from '@probot/pino';
import pino, { type Logger } from 'pino';
import type { AppConfig } from './config.ts';
import { dedupeLogLine } from './log.ts';

/** Probot's getLog without its root `name` (Probot adds its own child `name`), deduplicating keys per line. */
export async function createRootLogger(config: Pick<AppConfig, 'logLevel' | 'logFormat'>): Promise<Logger> {
  const format = await getTransformStream({ logFormat: config.logFormat });
  const dedupe = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const lines = chunk.toString().split('\n').filter(Boolean);
      done(null, lines.map((line) => `${dedupeLogLine(line)}\n`).join(''));
    },
  });
  dedupe.pipe(format).pipe(pino.destination(1) as unknown as NodeJS.WritableStream);
  return pino({ level: config.logLevel, messageKey: 'msg', serializers: LOG_SERIALIZERS }, dedupe);
}

/**
 * Probot logs each verified GitHub webhook as `{ event }` at debug level, payload included. A webhook body is
 * never logged: only the delivery id and the event name stay.
 */
export const LOG_SERIALIZERS = {
  event: (event: unknown): unknown => {
    if (!event || typeof event !== 'object') return event;
    const { id, name } = event as { id?: unknown; name?: unknown };
    const action = (event as { payload?: { action?: unknown } }).payload?.action;
    return { id, name, ...(typeof action === 'string' ? { action } : {}) };
  },
};
