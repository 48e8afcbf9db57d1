// In front of Probot's `/api/github/webhooks`: Probot reads any body whole before checking its signature, and logs a
// mismatching one (the error carries the payload). Here a delivery is bounded and verified before Probot sees it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Log } from './log.ts';

export const GITHUB_WEBHOOKS_PATH = '/api/github/webhooks';

/**
 * GitHub caps webhook payloads at 25 MB and does not deliver larger ones ("Payloads are capped at 25 MB", docs:
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads#payload-cap): anything larger is not from GitHub.
 */
export const MAX_GITHUB_WEBHOOK_BYTES = 25 * 1024 * 1024;

/** What the headers alone decide: refuse before a single body byte is read. */
export function checkWebhookHeaders(
  headers: IncomingMessage['headers'],
  maxBytes = MAX_GITHUB_WEBHOOK_BYTES,
): { status: number; error: string } | undefined {
  const length = Number(headers['content-length']);
  if (headers['content-length'] !== undefined && Number.isFinite(length) && length > maxBytes) {
    return { status: 413, error: `payload of ${length} bytes is over GitHub's ${maxBytes}-byte webhook cap` };
  }
  const signature = headers['x-hub-signature-256'];
  if (typeof signature !== 'string' || !/^sha256=[0-9a-f]{64}$/i.test(signature)) {
    return { status: 401, error: 'missing or malformed X-Hub-Signature-256: not a signed GitHub delivery' };
  }
  return undefined;
}

export function signatureMatches(secret: string, body: Buffer, signature: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(signature.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Reads at most `maxBytes` (chunked bodies included); undefined as soon as the body grows past it. */
export function readBounded(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
  });
}

function refuse(res: ServerResponse, status: number, error: string): void {
  // Close the connection: the rest of an oversized or unsigned body is never read.
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify({ error }));
  res.once('finish', () => res.req.socket.destroySoon());
}

/**
 * Handles a POST to the webhooks path up to the point where Probot can take it: answers (and returns true) when the
 * delivery is refused; otherwise hands Probot the verified bytes as `rawBody` (its body reader then reads nothing).
 */
export function createGitHubWebhookGuard(secret: string, log: Log, maxBytes = MAX_GITHUB_WEBHOOK_BYTES) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== GITHUB_WEBHOOKS_PATH) return false;
    const delivery = { delivery: req.headers['x-github-delivery'], event: req.headers['x-github-event'] };
    const early = checkWebhookHeaders(req.headers, maxBytes);
    if (early) {
      log.warn({ ...delivery, status: early.status, reason: early.error }, 'github webhook refused');
      refuse(res, early.status, early.error);
      return true;
    }
    const body = await readBounded(req, maxBytes);
    if (!body) {
      const error = `payload is over GitHub's ${maxBytes}-byte webhook cap`;
      log.warn({ ...delivery, status: 413, reason: error }, 'github webhook refused');
      refuse(res, 413, error);
      return true;
    }
    if (!signatureMatches(secret, body, req.headers['x-hub-signature-256'] as string)) {
      const error = 'X-Hub-Signature-256 does not match the body: check the GitHub App webhook secret';
      log.warn({ ...delivery, status: 401, reason: error }, 'github webhook refused');
      refuse(res, 401, error);
      return true;
    }
    Object.assign(req, { body, rawBody: body });
    return false;
  };
}
