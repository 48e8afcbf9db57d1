/**
 * Standalone start: `npm run emulator -- sentry [--port N] [--host H] [--token T] [--client-secret S] [--client-id C]`.
 * Prints `sentry emulator listening on http://127.0.0.1:PORT` and serves until killed.
 */
import { parseArgs } from 'node:util';
import { startSentryEmulator } from './server.ts';

const USAGE = 'usage: npm run emulator -- sentry [--port N] [--host H] [--token T] [--client-secret S] [--client-id C]';

export async function main(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        token: { type: 'string' },
        'client-secret': { type: 'string' },
        'client-id': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a TCP port 0-65535 (0 picks a free one), got "${values.port}"\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const emulator = await startSentryEmulator({
    port,
    ...(values.host ? { host: values.host } : {}),
    ...(values.token ? { token: values.token } : {}),
    ...(values['client-secret'] ? { clientSecret: values['client-secret'] } : {}),
    ...(values['client-id'] ? { clientId: values['client-id'] } : {}),
  });
  console.log(`sentry emulator listening on ${emulator.url}`);
  console.log(`organization ${emulator.org}, projects web and api`);
  // A token the user chose is theirs to know; one we generated must be printed or it cannot be used.
  if (!values.token) console.log(`token: ${emulator.token}`);
  if (!values['client-secret']) console.log(`webhook client secret: ${emulator.clientSecret}`);
  console.log(`integration client id: ${emulator.clientId}`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
