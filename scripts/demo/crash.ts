// The crash the demo reports: `lineTotal` reading `.cents` of an item with no price. Its stack is found in the
// built JavaScript and mapped back through the build's own source maps, the way Sentry symbolicates an event with
// the uploaded maps, so the frames name src/cart.ts lines that really throw.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

export interface SentryFrame {
  filename: string;
  abs_path: string;
  function: string;
  module: string;
  lineno: number;
  colno: number;
  in_app: boolean;
  context_line: string;
  pre_context: string[];
  post_context: string[];
}

/** Where each frame is in the built output: file, the enclosing function, and the text at the call or throw. */
const STACK = [
  { file: 'checkout.js', fn: 'renderCheckout', at: 'cartTotal(items)' },
  { file: 'cart.js', fn: 'cartTotal', at: 'lineTotal(item), 0' },
  { file: 'cart.js', fn: 'lineTotal', at: 'cents;' },
] as const;

/** The frames, oldest first (Sentry's order), symbolicated with `<buildDir>/assets/*.js.map` against `repoDir`. */
export async function symbolicatedFrames(buildDir: string, repoDir: string): Promise<SentryFrame[]> {
  const frames: SentryFrame[] = [];
  for (const { file, fn, at } of STACK) {
    const js = await readFile(join(buildDir, 'assets', file), 'utf8');
    const lines = js.split('\n');
    const line = lines.findIndex((l) => l.includes(at));
    if (line < 0) throw new Error(`the built ${file} has no "${at}": did examples/web-app change?`);
    const map = new TraceMap(await readFile(join(buildDir, 'assets', `${file}.map`), 'utf8'));
    const pos = originalPositionFor(map, { line: line + 1, column: lines[line]?.indexOf(at) ?? 0 });
    if (pos.line === null || pos.source === null)
      throw new Error(`the source map of ${file} has no mapping for "${at}"`);
    const source = pos.source.replace(/^(\.\.\/)+/, '');
    const text = (await readFile(join(repoDir, source), 'utf8')).split('\n');
    const i = pos.line - 1;
    frames.push({
      filename: source,
      abs_path: `https://shop.example.com/${source}`,
      function: fn,
      module: source.replace(/\.ts$/, ''),
      lineno: pos.line,
      colno: pos.column + 1,
      in_app: true,
      context_line: text[i] ?? '',
      pre_context: text.slice(Math.max(0, i - 5), i),
      post_context: text.slice(i + 1, i + 6),
    });
  }
  return frames;
}

export const CRASH = {
  type: 'TypeError',
  value: "Cannot read properties of undefined (reading 'cents')",
} as const;

/** An event as webhooks carry it; the fields its Sentry issue is seeded with are typed. */
export type CrashEvent = Record<string, unknown> & {
  title: string;
  culprit: string;
  metadata: Record<string, unknown>;
};

/** An event as Sentry's webhooks carry it (`data.event` of `event_alert.triggered`), with PII for the scrubber. */
export function crashEvent(opts: {
  sentryUrl: string;
  org: string;
  project: { id: string; slug: string };
  issueId: string;
  eventId: string;
  release: string;
  frames: SentryFrame[];
  at: Date;
}): CrashEvent {
  const top = opts.frames.at(-1);
  const culprit = top ? `${top.function}(${top.filename})` : '';
  return {
    event_id: opts.eventId,
    issue_id: opts.issueId,
    issue_url: `${opts.sentryUrl}/api/0/issues/${opts.issueId}/`,
    project: Number(opts.project.id),
    platform: 'javascript',
    level: 'error',
    release: opts.release,
    dist: null,
    environment: 'production',
    datetime: opts.at.toISOString(),
    timestamp: opts.at.getTime() / 1000,
    title: `${CRASH.type}: ${CRASH.value}`,
    culprit,
    location: top?.filename ?? null,
    message: '',
    type: 'error',
    metadata: { type: CRASH.type, value: CRASH.value, filename: top?.filename, function: top?.function },
    exception: {
      values: [
        {
          type: CRASH.type,
          value: CRASH.value,
          mechanism: { type: 'onerror', handled: false },
          stacktrace: { frames: opts.frames },
        },
      ],
    },
    request: {
      url: 'https://shop.example.com/checkout?coupon=WINTER',
      method: 'GET',
      headers: [
        ['User-Agent', 'Mozilla/5.0 (Macintosh) Chrome/131.0'],
        ['Cookie', 'session=s3cr3t-session-cookie'],
      ],
    },
    user: { id: 'cust_4711', email: 'jo.customer@mail.example', ip_address: '203.0.113.77' },
    breadcrumbs: {
      values: [
        { category: 'navigation', message: '/cart -> /checkout', timestamp: opts.at.getTime() / 1000 - 2 },
        { category: 'fetch', message: 'GET /api/prices [pending]', timestamp: opts.at.getTime() / 1000 - 1 },
      ],
    },
    tags: [
      ['browser', 'Chrome 131'],
      ['environment', 'production'],
      ['handled', 'no'],
      ['level', 'error'],
      ['release', opts.release],
    ],
    contexts: { browser: { name: 'Chrome', version: '131.0', type: 'browser' } },
    sdk: { name: 'sentry.javascript.browser', version: '9.1.0' },
    url: `${opts.sentryUrl}/api/0/projects/${opts.org}/${opts.project.slug}/events/${opts.eventId}/`,
    web_url: `${opts.sentryUrl}/organizations/${opts.org}/issues/${opts.issueId}/events/${opts.eventId}/`,
  };
}
