// `faultline alerts <plan|apply>`: the alert rules in .github/faultline.yml, planned against Sentry and applied.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type AlertsConfig,
  applyAlertsPlan,
  hasChanges,
  parseAlertsConfig,
  planAlertRules,
  renderApplied,
  renderPlanMarkdown,
  renderPlanText,
} from '../alerts/index.ts';
import type { SentryClient } from '../sentry/index.ts';
import { VERSION } from '../version.ts';
import { cliConnection } from './connection-config.ts';
import type { CliIo } from './io.ts';

export const ALERTS_HELP = `Usage: faultline alerts <plan|apply> [flags]

  plan    compares the alert rules in the config with the rules Sentry holds and prints what apply would do.
          Exit code: 0 nothing to change, 2 changes pending, 1 error (as terraform plan -detailed-exitcode).
  apply   makes the changes and prints what it did. A second plan after it is empty.

faultline changes only the rules it manages (their names end in " [faultline]"); a rule made by hand is left
alone unless a config rule adopts it by name (adopt: true). A managed rule that left the config is deleted only
with alerts.prune: true.

Flags:
  --config FILE       the config (default .github/faultline.yml)
  --json              plan: print the plan as JSON
  --markdown          plan: print the plan as markdown (for a job summary)
  --url URL           Sentry server root (SENTRY_URL; default https://sentry.io)
  -o, --org SLUG      must match sentry.org of the config when given (SENTRY_ORG)
  --auth-token T      SENTRY_AUTH_TOKEN; prefer the variable (needs alerts:write, org:read, project:read)

Examples:
  faultline alerts plan
  faultline alerts plan --config ci/faultline.yml --json
  faultline alerts apply
`;

const OPTIONS = {
  config: { type: 'string' },
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  url: { type: 'string' },
  org: { type: 'string', short: 'o' },
  'auth-token': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

const nonEmpty = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

interface AlertsSettings {
  configPath: string;
  config: AlertsConfig;
  client: SentryClient;
}

async function readSettings(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<AlertsSettings> {
  const configPath = resolve(io.cwd, nonEmpty(values.config as string | undefined) ?? '.github/faultline.yml');
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${configPath}: pass --config FILE or run from the repository's root`);
  }
  const config = parseAlertsConfig(text, configPath);
  const { url, org, token } = cliConnection(
    {
      url: values.url as string | undefined,
      org: values.org as string | undefined,
      token: values['auth-token'] as string | undefined,
    },
    io.env,
  );
  if (!token) throw new UsageError('no auth token: set SENTRY_AUTH_TOKEN (or pass --auth-token)');
  if (org && org !== config.org) {
    const source = values.org ? '--org' : io.env.SENTRY_ORG?.trim() ? 'SENTRY_ORG' : "the org auth token's org";
    throw new UsageError(`${source} is "${org}" but ${configPath} says sentry.org: ${config.org}: make them agree`);
  }
  const { SentryClient } = await import('../sentry/index.ts');
  const client = new SentryClient({ token, org: config.org, url, userAgent: `faultline-cli/${VERSION}` });
  return { configPath, config, client };
}

async function runPlan(settings: AlertsSettings, values: Record<string, unknown>, io: CliIo): Promise<number> {
  const plan = await planAlertRules(settings.client, settings.config);
  const changes = hasChanges(plan);
  if (values.json) io.stdout(JSON.stringify({ changes, ...plan }, null, 2));
  else if (values.markdown) io.stdout(renderPlanMarkdown(plan));
  else io.stdout(renderPlanText(plan));
  return changes ? 2 : 0;
}

async function runApply(settings: AlertsSettings, io: CliIo): Promise<number> {
  const plan = await planAlertRules(settings.client, settings.config);
  io.stdout(renderPlanText(plan));
  io.stdout('');
  const applied = await applyAlertsPlan(settings.client, plan);
  io.stdout(renderApplied(plan.org, applied));
  return 0;
}

export async function runAlertsCommand(argv: string[], io: CliIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (error) {
    io.stderr(`faultline alerts: ${error instanceof Error ? error.message : String(error)}`);
    io.stderr('Run `faultline alerts --help` for the flags.');
    return 1;
  }
  const [sub, ...rest] = positionals;
  if (values.help || sub === 'help') {
    io.stdout(ALERTS_HELP);
    return 0;
  }
  if ((sub !== 'plan' && sub !== 'apply') || rest.length > 0) {
    io.stderr(
      sub ? `faultline alerts: unknown subcommand "${[sub, ...rest].join(' ')}"` : 'faultline alerts: plan or apply?',
    );
    io.stderr(ALERTS_HELP);
    return 1;
  }
  try {
    const settings = await readSettings(values, io);
    return sub === 'plan' ? await runPlan(settings, values, io) : await runApply(settings, io);
  } catch (error) {
    // Config, plan and apply errors name the config key; Sentry API errors name the call and the fix.
    io.stderr(`faultline alerts ${sub}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
