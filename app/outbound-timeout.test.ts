import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWithTimeout, OutboundTimeoutError } from './outbound-timeout.ts';

describe('fetchWithTimeout', () => {
  const server = createServer((req, res) => {
    if (req.url === '/fast') res.end('ok');
    // /hang: never answered
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers as fetch does when the peer answers in time', async () => {
    expect(await (await fetchWithTimeout(1_000)(`${url}/fast`)).text()).toBe('ok');
  });

  it('gives up on a peer that never answers, naming the request and the deadline', async () => {
    const started = Date.now();
    const error = await fetchWithTimeout(200)(`${url}/hang`, { method: 'POST' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboundTimeoutError);
    expect((error as Error).name).toBe('TimeoutError');
    expect((error as Error).message).toMatch(/^POST \/hang got no answer within 200 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("keeps the caller's own abort as an abort", async () => {
    const controller = new AbortController();
    const pending = fetchWithTimeout(5_000)(`${url}/hang`, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
