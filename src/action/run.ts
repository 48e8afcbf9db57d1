/**
 * The action: read the inputs, run the release pipeline in log groups, write outputs and the job summary.
 * Everything else lives in src/release; only this file talks to the runner (through runner.ts). What only some runs
 * need (the doctor, the GitHub API client) is loaded when it is used, so the first request goes out sooner.
 */
import { resolve } from 'node:path';
import type { RemoteHistory } from '../release/commits.ts';
import { ReleaseInputError } from '../release/errors.ts';
import { type InputName, parseSteps, resolveInputs, wantsAlerts, wantsDoctor } from '../release/inputs.ts';
import { releaseClient } from '../release/client.ts';
import { ReleaseFailedError, type ReleaseResult, runRelease } from '../release/pipeline.ts';
import { renderJobSummary } from '../release/summary.ts';
import { VERSION } from '../version.ts';
import { processRunner, type Runner } from './runner.ts';

export async function runAction(
  env: NodeJS.ProcessEnv = process.env,
  runner: Runner = processRunner(env),
): Promise<void> {
  const writeSummary = (markdown: string) => appendSummary(runner, markdown);
  // Mask secrets before anything can print them, even when the inputs turn out to be invalid.
  for (const secret of [runner.input('auth_token'), runner.input('github_token'), env.SENTRY_AUTH_TOKEN]) {
    if (secret?.trim()) runner.mask(secret.trim());
  }
  let result: ReleaseResult | undefined;
  try {
    const stepsInput = runner.input('steps');
    const releaseSteps = parseSteps(stepsInput); // an unknown step fails here, before the doctor runs
    if (wantsDoctor(stepsInput)) {
      if (!(await runDoctorStep(env, runner))) return;
      if (releaseSteps.length === 0 && !wantsAlerts(stepsInput)) return; // `steps: doctor` alone
    }
    if (wantsAlerts(stepsInput)) {
      if (!(await runAlertsStep(env, runner))) return;
      if (releaseSteps.length === 0) return; // `steps: alerts` alone
    }
    const inputs = resolveInputs((name: InputName) => runner.input(name), env, {
      baseDir: env.GITHUB_WORKSPACE || process.cwd(),
    });
    const { release, sentry, github } = inputs;
    for (const notice of inputs.notices) runner.notice(notice);
    runner.info(
      `faultline ${VERSION}: release ${release.version} → ${sentry.url}` +
        (sentry.org ? ` (org ${sentry.org})` : '') +
        (release.dryRun ? ', dry run: nothing is sent' : ''),
    );
    const client = releaseClient(
      inputs,
      `faultline-action/${VERSION}`,
      runner.isDebug() ? (line: string) => runner.debug(line) : undefined,
    );
    const history =
      github.token && github.repository ? lazyGithubHistory(github.token, github.apiUrl, github.repository) : undefined;
    result = await runRelease(release, {
      client,
      log: (line) => runner.info(line),
      warn: (line) => runner.warning(line),
      group: (name, fn) => runner.group(name, fn),
      // Runner logs are not a terminal: a progress line every few seconds.
      progress: { line: (line) => runner.info(line) },
      ...(history ? { history } : {}),
    });
    writeOutputs(runner, result);
    await writeSummary(renderJobSummary(result));
  } catch (error) {
    if (error instanceof ReleaseFailedError) {
      writeOutputs(runner, error.result);
      await writeSummary(renderJobSummary(error.result, { step: error.step, message: error.message }));
      runner.fail(`${error.step} failed: ${error.message}`);
    } else if (error instanceof ReleaseInputError) {
      await writeSummary(`### ❌ Sentry release not started\n\nInput \`${error.input}\`: ${error.message}\n`);
      runner.fail(`Invalid input ${error.message}`);
    } else {
      runner.fail(error instanceof Error ? error.message : String(error));
    }
  }
}

/** Commits from the GitHub API; its client is loaded on the first call (only shallow checkouts make one). */
function lazyGithubHistory(token: string, apiUrl: string, repository: string): RemoteHistory {
  let loaded: Promise<RemoteHistory> | undefined;
  const history = () =>
    (loaded ??= import('../release/github-history.ts').then(({ githubHistory, githubRequest }) =>
      githubHistory(githubRequest(token, apiUrl, `faultline-action/${VERSION}`), repository),
    ));
  return {
    compare: async (base, head) => (await history()).compare(base, head),
    recent: async (head, count) => {
      const h = await history();
      if (!h.recent) throw new TypeError('the GitHub history cannot list recent commits');
      return h.recent(head, count);
    },
  };
}

/** The doctor's Sentry checks with the action's inputs; false (and the run failed) when any check fails. */
async function runDoctorStep(env: NodeJS.ProcessEnv, runner: Runner): Promise<boolean> {
  const writeSummary = (markdown: string) => appendSummary(runner, markdown);
  const [
    { renderDoctorMarkdown, renderDoctorReport, runDoctor, secretsIn },
    { doctorFailureMessage, doctorSettingsFromInputs },
  ] = await Promise.all([import('../doctor/index.ts'), import('./doctor.ts')]);
  const settings = doctorSettingsFromInputs(
    {
      url: runner.input('url'),
      org: runner.input('org'),
      token: runner.input('auth_token'),
      projects: runner.input('projects'),
    },
    env,
  );
  const secrets = [...secretsIn(env), ...(settings.sentry.token ? [settings.sentry.token] : [])];
  const target = `${settings.sentry.url}${settings.sentry.org ? `, org ${settings.sentry.org}` : ''}`;
  const results = await runner.group('doctor', async () => {
    const cwd = resolve(env.GITHUB_WORKSPACE || process.cwd(), runner.input('working_directory') || '.');
    const checks = await runDoctor(settings, { env: {}, cwd });
    runner.info(renderDoctorReport(checks, { header: { sentry: target }, secrets }));
    return checks;
  });
  await writeSummary(renderDoctorMarkdown(results, { target, secrets }));
  if (results.some((r) => r.status === 'fail')) {
    runner.fail(doctorFailureMessage(results, secrets));
    return false;
  }
  return true;
}

/**
 * `steps: alerts`: plan the alert rules on pull requests, apply them on pushes to the default branch. The alerts
 * code is loaded here only, so a release run does not parse it. False (and the run failed) when it fails.
 */
async function runAlertsStep(env: NodeJS.ProcessEnv, runner: Runner): Promise<boolean> {
  const writeSummary = (markdown: string) => appendSummary(runner, markdown);
  const alerts = await import('./alerts.ts');
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const file = alerts.alertsConfigPath(workspace, runner.input('working_directory'));
  const githubToken = runner.input('github_token').trim();
  const userAgent = `faultline-action/${VERSION}`;
  const { githubRequest } = await import('../release/github-history.ts');
  try {
    const config = await alerts.readAlertsConfig(file.path, file.shownAs);
    const event = await alerts.readEventPayload(env.GITHUB_EVENT_PATH);
    const mode = alerts.alertsMode(env.GITHUB_EVENT_NAME ?? '', env.GITHUB_REF ?? '', event);
    const sentryInputs = { url: runner.input('url'), org: runner.input('org'), token: runner.input('auth_token') };
    const result = await runner.group(`alerts (${mode.kind}, ${file.shownAs})`, () =>
      alerts.runAlertsStep(
        { config, mode, sha: env.GITHUB_SHA ?? '' },
        {
          client: (c) => alerts.alertsSentryClient(sentryInputs, env, c, userAgent),
          github:
            githubToken && env.GITHUB_REPOSITORY
              ? {
                  request: githubRequest(githubToken, env.GITHUB_API_URL || 'https://api.github.com', userAgent),
                  repository: env.GITHUB_REPOSITORY,
                }
              : undefined,
          log: (line) => runner.info(line),
          warn: (line) => runner.warning(line),
          summary: writeSummary,
        },
      ),
    );
    const outputs = alerts.alertsOutputs(result.applied);
    runner.setOutput('alerts_created', outputs.alerts_created);
    runner.setOutput('alerts_updated', outputs.alerts_updated);
    runner.setOutput('alerts_deleted', outputs.alerts_deleted);
    return true;
  } catch (error) {
    // Config, plan and apply errors name the config key that caused them.
    const message = error instanceof Error ? error.message : String(error);
    await writeSummary(`### ❌ Alert rules\n\n\`\`\`\n${message}\n\`\`\`\n`);
    runner.fail(`alerts: ${message}`);
    return false;
  }
}

function writeOutputs(runner: Runner, result: ReleaseResult): void {
  runner.setOutput('release', result.release);
  runner.setOutput('version', result.release);
  runner.setOutput('commits', String(result.commits));
  runner.setOutput('bundle_id', result.bundleId ?? '');
  runner.setOutput('files_uploaded', String(result.filesUploaded));
  runner.setOutput('bytes_uploaded', String(result.bytesUploaded));
  runner.setOutput('chunks_skipped', String(result.chunksSkipped));
  runner.setOutput('deploy_id', result.deployId ?? '');
}

/** The job summary, when the runner gives a summary file (not on old runners or local runs). */
async function appendSummary(runner: Runner, markdown: string): Promise<void> {
  try {
    await runner.appendSummary(markdown);
  } catch (error) {
    runner.warning(`could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
  }
}
