// GitHub App authentication for the doctor: the app's JWT (RS256, as GitHub documents it) and plain REST calls.
// Kept apart from the checks so they stay pure; the app itself authenticates through Probot.
import { createSign } from 'node:crypto';

export interface GitHubAnswer {
  status: number;
  json: unknown;
}

/** A GitHub App JWT valid for 9 minutes (GitHub allows 10), issued a minute early against clock drift. */
export function appJwt(appId: number, privateKey: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iat: nowSeconds - 60, exp: nowSeconds + 540, iss: String(appId) })}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(privateKey, 'base64url');
  return `${unsigned}.${signature}`;
}

export interface GitHubRest {
  call(method: 'GET' | 'POST', path: string, auth: string): Promise<GitHubAnswer>;
}

export function createGitHubRest(baseUrl: string, timeoutMs: number): GitHubRest {
  return {
    async call(method, path, auth) {
      const res = await fetch(`${baseUrl.replace(/\/+$/, '')}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${auth}`,
          accept: 'application/vnd.github+json',
          'x-github-api-version': '2022-11-28',
          'user-agent': 'faultline-doctor',
        },
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.status, json };
    },
  };
}

/** The REST base the app uses: GHE_PROTOCOL://GHE_HOST/api/v3 for Enterprise (and the emulator), else api.github.com. */
export function gitHubBaseUrl(env: NodeJS.ProcessEnv): string {
  const host = env.GHE_HOST?.trim();
  if (!host) return 'https://api.github.com';
  return `${env.GHE_PROTOCOL?.trim() || 'https'}://${host}/api/v3`;
}
