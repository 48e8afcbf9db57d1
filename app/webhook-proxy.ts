// WEBHOOK_PROXY_URL, as Probot honours it for local development: a smee.io channel's event stream (server-sent
// events), each event a GitHub webhook (its headers, and its JSON body under `body`) posted to our webhook path.
import type { Log } from './log.ts';

export interface WebhookProxy {
  close(): void;
}

/** Follows the channel until closed; reconnects after a dropped stream, as an EventSource does. */
export function startWebhookProxy(opts: { source: string; target: string; log: Log; retryMs?: number }): WebhookProxy {
  const controller = new AbortController();
  const { signal } = controller;
  const follow = async (): Promise<void> => {
    while (!signal.aborted) {
      try {
        const response = await fetch(opts.source, { headers: { accept: 'text/event-stream' }, signal });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        opts.log.info({ source: opts.source, target: opts.target }, 'webhook proxy connected');
        for await (const event of serverSentEvents(response.body)) {
          if (event.type === 'message') await forward(event.data, opts.target, opts.log);
        }
      } catch (error) {
        if (signal.aborted) return;
        opts.log.warn({ source: opts.source, failure: String(error) }, 'webhook proxy disconnected; reconnecting');
      }
      await new Promise((resolve) => setTimeout(resolve, opts.retryMs ?? 2_000).unref());
    }
  };
  void follow();
  return { close: () => controller.abort() };
}

/** smee's message: the webhook's headers as fields, its parsed body under `body`, the query under `query`. */
async function forward(data: string, target: string, log: Log): Promise<void> {
  let message: Record<string, unknown>;
  try {
    message = JSON.parse(data) as Record<string, unknown>;
  } catch {
    return; // not a webhook (smee's own notices)
  }
  const { body, query: _query, timestamp: _timestamp, host: _host, 'content-length': _length, ...headers } = message;
  try {
    const response = await fetch(target, {
      method: 'POST',
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])),
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
    log.info({ event: headers['x-github-event'], status: response.status }, 'webhook proxy forwarded');
  } catch (error) {
    log.warn({ failure: String(error) }, 'webhook proxy could not forward');
  }
}

/** Splits an event stream into events (the WHATWG EventSource format: `event:` and `data:` lines, blank line ends). */
export async function* serverSentEvents(
  stream: ReadableStream<Uint8Array>,
): AsyncGenerator<{ type: string; data: string }> {
  const decoder = new TextDecoder();
  let buffer = '';
  let type = 'message';
  let data: string[] = [];
  for await (const chunk of stream) {
    buffer += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffer.search(/\r?\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer[newline] === '\r' ? 2 : 1));
      if (line === '') {
        if (data.length > 0) yield { type, data: data.join('\n') };
        type = 'message';
        data = [];
      } else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      else if (line.startsWith('event:')) type = line.slice(6).trim();
    }
  }
}
