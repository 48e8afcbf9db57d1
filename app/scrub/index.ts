// Removes personal data and secrets from event data before it reaches GitHub (assume the issue is public).
// Pure and bounded: a text is cut to `maxText` characters before any pattern runs, every detector is linear in
// the text (see detectors.ts), and a value is walked to a fixed depth and node count, so a hostile event can
// neither stall the event loop nor overflow the stack.
import { DETECTORS, SENSITIVE_KEY, type Span } from './detectors.ts';

export const FILTERED = '[Filtered]';
export const TRUNCATED = '[Truncated]';

export interface ScrubOptions {
  /** Extra key names (case-insensitive substrings) whose values are removed. */
  keys?: readonly string[];
  /** Extra regular expression sources whose matches are removed. */
  patterns?: readonly string[];
}

export interface ScrubLimits {
  /** Characters of one text looked at; the rest is cut (with an ellipsis) before scrubbing. */
  maxText: number;
  /** Depth of nested objects and arrays kept; deeper values become `[Truncated]`. */
  maxDepth: number;
  /** Strings, numbers, objects and arrays kept in one value; later ones become `[Truncated]`. */
  maxNodes: number;
}

export const DEFAULT_LIMITS: ScrubLimits = { maxText: 65_536, maxDepth: 24, maxNodes: 20_000 };

// A secret cut in half by the length limit would no longer match its pattern: scrub a little past the cut.
const CUT_MARGIN = 512;

export interface Scrubber {
  text(value: string): string;
  /** Deep copy with sensitive keys' values and sensitive substrings removed, bounded in depth and size. */
  value<T>(value: T): T;
  isSensitiveKey(key: string): boolean;
}

export function createScrubber(opts: ScrubOptions = {}, limits: ScrubLimits = DEFAULT_LIMITS): Scrubber {
  const extraKeys = (opts.keys ?? []).map((k) => k.toLowerCase());
  const extraPatterns = (opts.patterns ?? []).map((p) => new RegExp(p, 'gu'));
  const isSensitiveKey = (key: string) =>
    SENSITIVE_KEY.test(key) || extraKeys.some((k) => key.toLowerCase().includes(k));

  const text = (value: string): string => {
    const cut = value.length > limits.maxText;
    const scrubbed = scrubText(cut ? value.slice(0, limits.maxText + CUT_MARGIN) : value, extraPatterns);
    return cut ? `${scrubbed.slice(0, limits.maxText)}…` : scrubbed;
  };
  return {
    text,
    value: <T>(v: T) => walk(v, { text, isSensitiveKey, limits }) as T,
    isSensitiveKey,
  };
}

function scrubText(text: string, extraPatterns: readonly RegExp[]): string {
  const spans: Span[] = [];
  for (const detect of DETECTORS) for (const span of detect(text)) spans.push(span);
  for (const pattern of extraPatterns)
    for (const m of text.matchAll(pattern)) if (m[0]) spans.push({ start: m.index, end: m.index + m[0].length });
  return replaceSpans(text, spans);
}

let filteredTotal = 0;
/** Values replaced by FILTERED in this process so far (the metrics read it at scrape time). */
export const filteredValues = (): number => filteredTotal;

/** Replaces each run of overlapping spans with one FILTERED, in one pass over the text. */
export function replaceSpans(text: string, spans: Span[]): string {
  if (!spans.length) return text;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  let open: Span | undefined;
  for (const span of spans) {
    if (open && span.start < open.end) {
      open.end = Math.max(open.end, span.end);
      continue;
    }
    if (open) {
      out += FILTERED;
      filteredTotal++;
    }
    out += text.slice(at, span.start);
    open = { ...span };
    at = span.end;
  }
  if (open) {
    out += FILTERED;
    filteredTotal++;
    at = open.end;
  }
  return out + text.slice(at);
}

function filtered(): string {
  filteredTotal++;
  return FILTERED;
}

interface WalkContext {
  text: (value: string) => string;
  isSensitiveKey: (key: string) => boolean;
  limits: ScrubLimits;
}

/** A bounded deep copy: recursion stops at maxDepth, so the stack never holds more than maxDepth frames. */
function walk(root: unknown, ctx: WalkContext): unknown {
  let nodes = 0;
  const visit = (v: unknown, depth: number, key?: string): unknown => {
    if (key !== undefined && ctx.isSensitiveKey(key) && v !== null && typeof v !== 'boolean') return filtered();
    if (v === null || typeof v === 'boolean' || typeof v === 'undefined') return v;
    if (++nodes > ctx.limits.maxNodes) return TRUNCATED;
    if (typeof v === 'string') return ctx.text(v);
    if (typeof v !== 'object') return v;
    if (depth >= ctx.limits.maxDepth) return TRUNCATED;
    if (Array.isArray(v)) {
      // Header and tag pairs: ["Authorization", "…"]: the first element names the second.
      // The name is text from the event too: scrubbed like any other.
      if (v.length === 2 && typeof v[0] === 'string' && ctx.isSensitiveKey(v[0])) return [ctx.text(v[0]), filtered()];
      const out: unknown[] = [];
      for (const item of v) {
        if (nodes >= ctx.limits.maxNodes) break;
        out.push(visit(item, depth + 1));
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (nodes >= ctx.limits.maxNodes) break;
      out[ctx.text(k)] = visit(x, depth + 1, k);
    }
    return out;
  };
  return visit(root, 0);
}

/** A text scrubber as handlers take it. */
export type Scrub = (text: string) => string;
