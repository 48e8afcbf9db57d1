/** Plain HTTP calls to the Sentry emulator for its own tests (no client library between test and server). */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { type SentryEmulator, type SentryEmulatorOptions, startSentryEmulator } from '../server.ts';

export interface Answer {
  status: number;
  json: unknown;
  text: string;
  headers: Headers;
}

export async function call(
  emu: SentryEmulator,
  method: string,
  path: string,
  opts: { json?: unknown; body?: RequestInit['body']; contentType?: string; token?: string | null } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  const token = opts.token === undefined ? emu.token : opts.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let body: RequestInit['body'] = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers['content-type'] = 'application/json';
  }
  if (opts.contentType) headers['content-type'] = opts.contentType;
  const res = await fetch(`${emu.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

/** A multipart body of chunks as sentry-cli sends them: one part per chunk, filename = SHA-1 of the raw bytes. */
export function chunkForm(parts: Array<{ field?: 'file' | 'file_gzip'; name: string; data: Uint8Array }>): FormData {
  const form = new FormData();
  for (const p of parts) form.append(p.field ?? 'file', new Blob([p.data]), p.name);
  return form;
}

export const org = (path: string) => `/api/0/organizations/acme/${path}`;

export interface ReceivedHook<B = Record<string, unknown>> {
  headers: IncomingMessage['headers'];
  /** The bytes as sent (the signature covers these). */
  raw: Buffer;
  /** The parsed JSON body. */
  body: B;
  /** `Sentry-Hook-Resource`. */
  resource: string;
}

/** How the receiver answers each webhook; tests change it to see how the emulator reports a failing app. */
export interface HookAnswer {
  status: number;
  body?: string;
  delayMs?: number;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for the app that receives the emulator's webhooks, for the describe
 * block: it records each delivery in `received` and answers with `answer`. Started in beforeAll (register it before
 * the emulator that needs its `url`), emptied and its answer restored before every test, closed in afterAll.
 */
export function useWebhookReceiver<B = Record<string, unknown>>(path: string, initial: HookAnswer = { status: 200 }) {
  const received: Array<ReceivedHook<B>> = [];
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(parts);
      let body: unknown;
      try {
        body = JSON.parse(raw.toString());
      } catch {
        body = undefined;
      }
      received.push({
        headers: req.headers,
        raw,
        body: body as B,
        resource: String(req.headers['sentry-hook-resource']),
      });
      const { status, body: text, delayMs } = receiver.answer;
      const headers = text === undefined ? {} : { 'content-type': 'application/json' };
      setTimeout(() => res.writeHead(status, headers).end(text), delayMs ?? 0);
    });
  });
  const receiver = {
    received,
    answer: initial,
    /** The webhook URL, known once started. */
    url: '',
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
      return receiver.url;
    },
    /** Waits (up to 5 s) until `count` webhooks have arrived, then checks there are exactly that many. */
    async until(count: number): Promise<void> {
      const deadline = Date.now() + 5_000;
      while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      expect(received).toHaveLength(count);
    },
    clear(): void {
      received.length = 0;
      receiver.answer = initial;
    },
    async close(): Promise<void> {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  beforeAll(() => receiver.start());
  beforeEach(() => receiver.clear());
  afterAll(() => receiver.close());
  return receiver;
}

/**
 * One emulator for a describe block, started with `options` (a function when they depend on something started
 * before, like a webhook receiver's URL) and reset before every test; `ready` receives it once started (assign it
 * to the block's variable there).
 */
export function useSentryEmulator(
  options: SentryEmulatorOptions | (() => SentryEmulatorOptions),
  ready: (emu: SentryEmulator) => void,
): void {
  let emu: SentryEmulator | undefined;
  beforeAll(async () => {
    emu = await startSentryEmulator(typeof options === 'function' ? options() : options);
    ready(emu);
  });
  afterAll(() => emu?.close());
  beforeEach(() => emu?.reset());
}
