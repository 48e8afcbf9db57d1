/**
 * One undici keep-alive pool, honouring HTTP(S)_PROXY and NO_PROXY, for the callers that speak undici (the doctor's
 * probe, the GitHub history's fetch). The Sentry client itself uses node:http (http.ts): undici takes longer to load
 * than the action takes to send its first request.
 */
import { type Dispatcher, EnvHttpProxyAgent } from 'undici';

let sharedAgent: Dispatcher | undefined;

export function sharedSentryDispatcher(): Dispatcher {
  sharedAgent ??= new EnvHttpProxyAgent({ keepAliveTimeout: 10_000 });
  return sharedAgent;
}
