/** Plain HTTP calls to the Sentry emulator for its own tests (no client library between test and server). */
import type { SentryEmulator } from '../emulators/sentry/server.ts';

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
