/**
 * A small seeded world for the GitHub emulator tests: acme/web with four commits on main (one adds the config
 * and CODEOWNERS, a bug, a fix, a regression merged through PR #3), a side-branch commit for PR #4 (open),
 * and an installation (id 1) for acme/web and acme/api.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, type Probot } from 'probot';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { GitHubSeed } from '../seed.ts';
import { type GitHubEmulator, type GitHubEmulatorOptions, startGitHubEmulator } from '../server.ts';

let keys: { privateKey: string; publicKey: string } | undefined;

function appKeys() {
  keys ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return keys;
}

/** An app private key for Probot, made once per test file: the emulator checks the JWT's shape, not its signature. */
export function appPrivateKey(): string {
  return appKeys().privateKey;
}

/** The public half, for a seed whose app verifies JWT signatures (`app.public_key`). */
export function appPublicKey(): string {
  return appKeys().publicKey;
}

export const alice = { name: 'Alice', email: 'alice@example.com', login: 'alice' };
export const bob = { name: 'Bob', email: 'bob@example.com', login: 'bob' };

export const SHA = {
  init: '1111111111111111111111111111111111111111',
  bug: '2222222222222222222222222222222222222222',
  fix: '3333333333333333333333333333333333333333',
  regress: '4444444444444444444444444444444444444444',
  side: '5555555555555555555555555555555555555555',
};

export const cartV1 =
  'export function total(items) {\n  let sum = 0;\n  for (const i of items) sum += i.price;\n  return sum;\n}\n';
export const cartV2 =
  'export function total(items) {\n  let sum = 0;\n  for (const i of items) sum += i.price * i.qty;\n  return sum;\n}\n';
export const cartV3 =
  'export function total(items) {\n  let sum = 0;\n  for (const i of items) sum += i.price * i.qty;\n  return sum.toFixed(2);\n}\n';

export const seed: GitHubSeed = {
  installations: [{ id: 1, account: 'acme', repos: ['acme/web', 'acme/api'] }],
  repos: [
    {
      full_name: 'acme/web',
      default_branch: 'main',
      commits: [
        {
          sha: SHA.init,
          message: 'Initial commit',
          author: alice,
          files: {
            '.github/faultline.yml': 'sentry:\n  org: acme\n  projects: [web]\n',
            '.github/CODEOWNERS': '* @alice\nsrc/cart/ @bob\n',
            'src/cart/total.js': cartV1,
            'README.md': '# web\n',
          },
        },
        { sha: SHA.bug, message: 'cart: multiply by quantity', author: bob, files: { 'src/cart/total.js': cartV2 } },
        {
          sha: SHA.fix,
          message: 'docs: drop readme',
          author: alice,
          files: { 'README.md': null, 'docs/intro.md': 'Hello\n' },
        },
        {
          sha: SHA.regress,
          message: 'cart: round the total (#3)',
          author: bob,
          files: { 'src/cart/total.js': cartV3 },
        },
        {
          sha: SHA.side,
          message: 'wip: side branch',
          author: bob,
          parents: [SHA.fix],
          files: { 'src/cart/tax.js': 'export const rate = 0.2;\n' },
        },
      ],
      branches: { main: SHA.regress, 'feature/tax': SHA.side },
      tags: { 'v1.0.0': SHA.fix },
      pulls: [
        {
          number: 3,
          title: 'Round the cart total',
          user: 'bob',
          head_sha: SHA.regress,
          merge_commit_sha: SHA.regress,
          commits: [SHA.regress],
          merged: true,
        },
        {
          number: 4,
          title: 'Tax rate',
          user: 'bob',
          head_sha: SHA.side,
          head_ref: 'feature/tax',
          commits: [SHA.side],
          merged: false,
        },
      ],
      labels: [{ name: 'bug', color: 'd73a4a', description: "Something isn't working" }],
      collaborators: ['carol'],
    },
    { full_name: 'acme/api', commits: [{ message: 'init', author: alice, files: { 'main.go': 'package main\n' } }] },
    { full_name: 'other/secret', commits: [{ message: 'init', author: alice, files: { 'x.txt': 'x\n' } }] },
  ],
};

/** An Octokit logger that keeps expected 4xx/5xx answers out of the test output. */
export const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * One emulator for the test file (default: the seed above), reset before every test; `ready` receives it once
 * started and again after every reset (assign it, and clients made from it, there).
 */
export function useGitHubEmulator(
  options: GitHubEmulatorOptions = { seed },
  ready: (emu: GitHubEmulator) => void = () => {},
): void {
  let emu: GitHubEmulator | undefined;
  beforeAll(async () => {
    emu = await startGitHubEmulator(options);
    ready(emu);
  });
  afterAll(() => emu?.close());
  beforeEach(() => {
    emu!.reset();
    ready(emu!);
  });
}

/**
 * A Probot app behind a real HTTP server on 127.0.0.1 for the describe block: started in beforeAll (with the
 * options `probot` gives then, once the emulator is up), closed in afterAll. `url` is its webhook endpoint.
 */
export function useProbotApp(
  probot: () => Probot,
  app: Parameters<typeof createNodeMiddleware>[0],
): { readonly url: string } {
  const running = { url: '' };
  let server: Server | undefined;
  beforeAll(async () => {
    const middleware = await createNodeMiddleware(app, { probot: probot() });
    server = createServer((req, res) => {
      void middleware(req, res, () => {
        res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    running.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));
  return running;
}
