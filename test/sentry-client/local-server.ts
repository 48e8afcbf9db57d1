/** A real HTTP server on 127.0.0.1:0 for client tests: scripted answers, every request recorded. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { SentryAgents } from '../../src/sentry/index.ts';

export interface RecordedRequest {
  method: string;
  url: string;
  pathname: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  at: number;
}

export type Handler = (req: RecordedRequest, res: ServerResponse, n: number) => void | Promise<void>;

export interface LocalServer {
  url: string;
  requests: RecordedRequest[];
  connections: number;
  close(): Promise<void>;
}

export async function startLocalServer(handler: Handler): Promise<LocalServer> {
  const requests: RecordedRequest[] = [];
  const state = { connections: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        pathname: new URL(req.url ?? '/', 'http://x').pathname,
        headers: req.headers,
        body: Buffer.concat(chunks),
        at: Date.now(),
      };
      requests.push(recorded);
      // A handler bug must answer 500 at once, not leave the client waiting for its timeout.
      Promise.resolve()
        .then(() => handler(recorded, res, requests.length))
        .catch((err: unknown) => {
          res.statusCode = 500;
          res.end(String(err));
        });
    });
  });
  server.on('connection', () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

/** Keep-alive agents of a test's own (closed by the test), instead of the process-wide shared ones. */
export function testAgents(): SentryAgents & { close(): void } {
  const http = new HttpAgent({ keepAlive: true });
  const https = new HttpsAgent({ keepAlive: true });
  return {
    http,
    https,
    close: () => {
      http.destroy();
      https.destroy();
    },
  };
}
