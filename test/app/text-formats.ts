// Parsers the operations tests read the app's output with: Prometheus' text exposition format, and JSON log lines
// with a check that no object holds a key twice (JSON.parse silently keeps the last one).

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus text format 0.0.4: `# HELP`/`# TYPE` comments, `name{label="value",…} number` samples. */
export function parsePrometheusText(text: string): { types: Map<string, string>; samples: Sample[] } {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) types.set(type[1]!, type[2]!);
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/.exec(line);
    if (!m) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[l[1]!] = l[2]!.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
    }
    // Go's ParseFloat, which Prometheus uses, takes NaN and Inf in any case.
    const raw = m[3]!.toLowerCase();
    const value =
      raw === 'nan' ? NaN : raw === '+inf' || raw === 'inf' ? Infinity : raw === '-inf' ? -Infinity : Number(raw);
    if (Number.isNaN(value) && raw !== 'nan') throw new Error(`bad sample value: ${line}`);
    samples.push({ name: m[1]!, labels, value });
  }
  return { types, samples };
}

export function sampleValue(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

/** The keys an object in `json` holds more than once (a small tokenizer: strings, braces, brackets, colons). */
export function duplicateKeys(json: string): string[] {
  const duplicates: string[] = [];
  const stack: Array<Set<string> | null> = [];
  let i = 0;
  while (i < json.length) {
    const c = json[i]!;
    if (c === '"') {
      let end = i + 1;
      while (json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      const text = JSON.parse(json.slice(i, end + 1)) as string;
      let next = end + 1;
      while (/\s/.test(json[next] ?? '')) next++;
      const keys = stack.at(-1);
      if (json[next] === ':' && keys) {
        if (keys.has(text)) duplicates.push(text);
        keys.add(text);
      }
      i = end + 1;
      continue;
    }
    if (c === '{') stack.push(new Set());
    else if (c === '[') stack.push(null);
    else if (c === '}' || c === ']') stack.pop();
    i++;
  }
  return duplicates;
}
