/**
 * Fault injection shared by the emulators: for a method and a path pattern, the next `times` requests are delayed,
 * dropped (connection destroyed without an answer), or answered with a given status, headers and body instead of
 * the real handler. What an injected answer looks like is each emulator's own business (see their faults.ts).
 */

export interface FaultSpec {
  /** HTTP method; any when absent. */
  method?: string;
  /** Regular-expression source matched against the request's pathname. */
  path: string;
  /** How many matching requests the fault applies to; default 1. */
  times?: number;
  status?: number;
  delayMs?: number;
  drop?: boolean;
  headers?: Record<string, string>;
  body?: unknown;
}

export type ActiveFault<S extends FaultSpec = FaultSpec> = S & {
  pattern: RegExp;
  remaining: number;
};

/** A fault spec the emulator cannot use; the message names the field and what is expected. */
export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

/** Checks of fields one emulator adds to the common spec; throws FaultSpecError. */
export type ExtraFaultCheck = (spec: Record<string, unknown>) => void;

export function parseFaultSpec<S extends FaultSpec = FaultSpec>(
  input: unknown,
  extra?: ExtraFaultCheck,
): ActiveFault<S> {
  const spec = (input ?? {}) as Record<string, unknown>;
  if (typeof spec.path !== 'string' || !spec.path) {
    throw new FaultSpecError(`fault.path must be a regular-expression source string, got ${JSON.stringify(spec.path)}`);
  }
  let pattern: RegExp;
  try {
    pattern = new RegExp(spec.path);
  } catch (err) {
    throw new FaultSpecError(
      `fault.path ${JSON.stringify(spec.path)} is not a valid regular expression: ${(err as Error).message}`,
    );
  }
  const times = spec.times ?? 1;
  if (typeof times !== 'number' || !(times >= 1)) {
    throw new FaultSpecError(`fault.times must be a number ≥ 1, got ${JSON.stringify(spec.times)}`);
  }
  if (spec.status !== undefined && (typeof spec.status !== 'number' || spec.status < 100 || spec.status > 599)) {
    throw new FaultSpecError(`fault.status must be an HTTP status 100-599, got ${JSON.stringify(spec.status)}`);
  }
  if (spec.delayMs !== undefined && (typeof spec.delayMs !== 'number' || spec.delayMs < 0)) {
    throw new FaultSpecError(`fault.delayMs must be a number of milliseconds ≥ 0, got ${JSON.stringify(spec.delayMs)}`);
  }
  if (spec.method !== undefined && typeof spec.method !== 'string') {
    throw new FaultSpecError(`fault.method must be an HTTP method name, got ${JSON.stringify(spec.method)}`);
  }
  extra?.(spec);
  return { ...(spec as unknown as S), pattern, remaining: times };
}

/** Active faults in the order they were added; the first that matches a request takes it. */
export class FaultInjector<S extends FaultSpec = FaultSpec> {
  #faults: Array<ActiveFault<S>> = [];
  readonly #extra: ExtraFaultCheck | undefined;

  constructor(extra?: ExtraFaultCheck) {
    this.#extra = extra;
  }

  add(input: unknown): ActiveFault<S> {
    const fault = parseFaultSpec<S>(input, this.#extra);
    this.#faults.push(fault);
    return fault;
  }

  /** The fault that hits this request, counted down; undefined when none matches. */
  take(method: string, pathname: string): ActiveFault<S> | undefined {
    const fault = this.#faults.find(
      (f) => f.remaining > 0 && (!f.method || f.method.toUpperCase() === method) && f.pattern.test(pathname),
    );
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining === 0) this.#faults = this.#faults.filter((f) => f !== fault);
    return fault;
  }

  /** Faults still waiting, for the state view. */
  pending(): Array<S & { remaining: number }> {
    return this.#faults.map(({ pattern: _p, ...rest }) => ({ ...rest }) as unknown as S & { remaining: number });
  }

  get size(): number {
    return this.#faults.length;
  }

  clear(): void {
    this.#faults = [];
  }
}
