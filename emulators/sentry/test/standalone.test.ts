/** `npm run emulator -- sentry`: the standalone emulator as a person or the demo starts it (node on cli.ts directly). */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, '../../cli.ts');
const children: ChildProcess[] = [];

/** Starts the emulator and resolves with everything it printed up to and including the listening line. */
async function start(args: string[]): Promise<{ child: ChildProcess; output: string; url: string }> {
  const child = spawn(process.execPath, [CLI, 'sentry', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line within 10 s; output: ${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /sentry emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output)?.[1];
      // Wait for the lines printed right after the listening line as well.
      if (url && /client id: \S+\n/.test(output.slice(output.indexOf(url)))) {
        clearTimeout(timer);
        setTimeout(() => resolvePromise({ child, output, url }), 20);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${output}`));
    });
  });
}

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('standalone Sentry emulator', () => {
  it('listens on a free port, accepts the given token, serves acme/web and api, and stops on SIGTERM', async () => {
    const token = `sntryu_${'7e'.repeat(32)}`;
    const { child, output, url } = await start(['--port', '0', '--token', token]);
    expect(output).not.toContain(token);
    const auth = { authorization: `Bearer ${token}` };
    const projects = await fetch(`${url}/api/0/organizations/acme/projects/`, { headers: auth });
    expect(projects.status).toBe(200);
    expect(((await projects.json()) as Array<{ slug: string }>).map((p) => p.slug)).toEqual(['web', 'api']);
    const created = await fetch(`${url}/api/0/organizations/acme/releases/`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ version: '1.0.0', projects: ['web'] }),
    });
    expect(created.status).toBe(201);
    expect(
      (await fetch(`${url}/api/0/organizations/acme/releases/`, { headers: { authorization: 'Bearer x' } })).status,
    ).toBe(401);
    const state = (await (await fetch(`${url}/__emulator/state`)).json()) as { releases: Array<{ version: string }> };
    expect(state.releases.map((r) => r.version)).toEqual(['1.0.0']);

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    await expect(fetch(`${url}/api/0/`)).rejects.toThrow();
  });

  it('prints the token it made when none was given, and that token works', async () => {
    const { output, url } = await start([]);
    const token = /token: (sntryu_[0-9a-f]{64})/.exec(output)?.[1];
    expect(token).toBeDefined();
    const res = await fetch(`${url}/api/0/`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await res.json()) as { auth: unknown }).auth).not.toBeNull();
  });

  it('refuses a bad port with the usage and exit code 2', async () => {
    const child = spawn(process.execPath, [CLI, 'sentry', '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toContain('--port must be a TCP port 0-65535 (0 picks a free one), got "eighty"');
    expect(stderr).toContain('usage: npm run emulator -- sentry');
  });
});
