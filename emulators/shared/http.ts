/**
 * HTTP plumbing shared by the emulators: the error a handler throws to answer, path templates with `{name}`
 * parameters turned into patterns, and matching a request to a route (405-style "path matched, method did not").
 * Error bodies, pagination and the reply format stay with each emulator: they follow each service's own API.
 */
import type { IncomingMessage } from 'node:http';

/** What every emulator hands a route handler. */
export interface BaseRequestContext {
  method: string;
  url: URL;
  /** Decoded path parameters from the route's named groups. */
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
  raw: Buffer;
}

/** An error answer: `body` is the JSON the emulated service sends, `headers` any extra response headers. */
export class HttpError extends Error {
  override name = 'HttpError';
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    super(`HTTP ${status}: ${JSON.stringify(body)}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/**
 * The regex source of a path template: `{name}` becomes a named group matching one segment, or the pattern
 * `multiSegment` gives for that name; everything else is literal. A trailing slash in the template is dropped.
 */
export function templateSource(template: string, multiSegment: Record<string, string> = {}): string {
  return template
    .replace(/\/$/, '')
    .split('/')
    .map((segment) =>
      segment
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{(\w+)\}/g, (_, name: string) => `(?<${name}>${multiSegment[name] ?? '[^/]+'})`),
    )
    .join('/');
}

/** The route for method + pathname with its percent-decoded parameters; `methodNotAllowed` when only the path matched. */
export function matchRoute<R extends { method: string; pattern: RegExp }>(
  routes: readonly R[],
  method: string,
  pathname: string,
): { route: R; params: Record<string, string> } | 'methodNotAllowed' | undefined {
  let pathMatched = false;
  for (const r of routes) {
    const m = r.pattern.exec(pathname);
    if (!m) continue;
    pathMatched = true;
    if (r.method !== method) continue;
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(m.groups ?? {}))
      params[key] = value === undefined ? '' : safeDecode(value);
    return { route: r, params };
  }
  return pathMatched ? 'methodNotAllowed' : undefined;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
