/**
 * The action: read the inputs, run the release pipeline in log groups, write outputs and the job summary.
 * Everything else lives in src/release; only this file talks to the runner (@actions/core). What only some runs
 * need (the doctor, the GitHub API client) is loaded when it is used, so the first request goes out sooner.
 */
import { resolve } from 'node:path';
import * as core from '@actions/core';
import type { RemoteHistory } from '../release/commits.ts';
import { ReleaseInputError } from '../release/errors.ts';
import { type InputName, parseSteps, resolveInputs, wantsAlerts, wantsDoctor } from '../release/inputs.ts';
import { releaseClient } from '../release/client.ts';
import { ReleaseFailedError, type ReleaseResult, runRelease } from '../release/pipeline.ts';
import { renderJobSummary } from '../release/summary.ts';
import { VERSION } from '../version.ts';

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Mask secrets before anything can print them, even when the inputs turn out to be invalid.
  for (const secret of [core.getInput('auth_token'), core.getInput('github_token'), env.SENTRY_AUTH_TOKEN]) {
    if (secret?.trim()) core.setSecret(secret.trim());
  }
  let result: ReleaseResult | undefined;
  try {
    const stepsInput = core.getInput('steps');
    const releaseSteps = parseSteps(stepsInput); // an unknown step fails here, before the doctor runs
    if (wantsDoctor(stepsInput)) {
      if (!(await runDoctorStep(env))) return;
      if (releaseSteps.length === 0 && !wantsAlerts(stepsInput)) return; // `steps: doctor` alone
    }
    if (wantsAlerts(stepsInput)) {
      if (!(await runAlertsStep(env))) return;
      if (releaseSteps.length === 0) return; // `steps: alerts` alone
    }
    const inputs = resolveInputs((name: InputName) => core.getInput(name), env, {
      baseDir: env.GITHUB_WORKSPACE || process.cwd(),
    });
    const { release, sentry, github } = inputs;
    for (const notice of inputs.notices) core.notice(notice);
    core.info(
      `faultline ${VERSION}: release ${release.version} → ${sentry.url}` +
        (sentry.org ? ` (org ${sentry.org})` : '') +
        (release.dryRun ? ', dry run: nothing is sent' : ''),
    );
    const client = releaseClient(
      inputs,
      `faultline-action/${VERSION}`,
      core.isDebug() ? (line: string) => core.debug(line) : undefined,
    );
    const history =
      github.token && github.repository ? lazyGithubHistory(github.token, github.apiUrl, github.repository) : undefined;
    result = await runRelease(release, {
      client,
      log: (line) => core.info(line),
      warn: (line) => core.warning(line),
      group: (name, fn) => core.group(name, fn),
      // Runner logs are not a terminal: a progress line every few seconds.
      progress: { line: (line) => core.info(line) },
      ...(history ? { history } : {}),
    });
    writeOutputs(result);
    await writeSummary(renderJobSummary(result));
  } catch (error) {
    if (error instanceof ReleaseFailedError) {
      writeOutputs(error.result);
      await writeSummary(renderJobSummary(error.result, { step: error.step, message: error.message }));
      core.setFailed(`${error.step} failed: ${error.message}`);
    } else if (error instanceof ReleaseInputError) {
      await writeSummary(`### ❌ Sentry release not started\n\nInput \`${error.input}\`: ${error.message}\n`);
      core.setFailed(`Invalid input ${error.message}`);
    } else {
      core.setFailed(error instanceof Error ? error.message : String(error));
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
async function runDoctorStep(env: NodeJS.ProcessEnv): Promise<boolean> {
  const [
    { renderDoctorMarkdown, renderDoctorReport, runDoctor, secretsIn },
    { doctorFailureMessage, doctorSettingsFromInputs },
  ] = await Promise.all([import('../doctor/index.ts'), import('./doctor.ts')]);
  const settings = doctorSettingsFromInputs(
    {
      url: core.getInput('url'),
      org: core.getInput('org'),
      token: core.getInput('auth_token'),
      projects: core.getInput('projects'),
    },
    env,
  );
  const secrets = [...secretsIn(env), ...(settings.sentry.token ? [settings.sentry.token] : [])];
  const target = `${settings.sentry.url}${settings.sentry.org ? `, org ${settings.sentry.org}` : ''}`;
  const results = await core.group('doctor', async () => {
    const cwd = resolve(env.GITHUB_WORKSPACE || process.cwd(), core.getInput('working_directory') || '.');
    const checks = await runDoctor(settings, { env: {}, cwd });
    core.info(renderDoctorReport(checks, { header: { sentry: target }, secrets }));
    return checks;
  });
  await writeSummary(renderDoctorMarkdown(results, { target, secrets }));
  if (results.some((r) => r.status === 'fail')) {
    core.setFailed(doctorFailureMessage(results, secrets));
    return false;
  }
  return true;
}

/**
 * `steps: alerts`: plan the alert rules on pull requests, apply them on pushes to the default branch. The alerts
 * code is loaded here only, so a release run does not parse it. False (and the run failed) when it fails.
 */
async function runAlertsStep(env: NodeJS.ProcessEnv): Promise<boolean> {
  const alerts = await import('./alerts.ts');
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const file = alerts.alertsConfigPath(workspace, core.getInput('working_directory'));
  const githubToken = core.getInput('github_token').trim();
  const userAgent = `faultline-action/${VERSION}`;
  const { githubRequest } = await import('../release/github-history.ts');
  try {
    const config = await alerts.readAlertsConfig(file.path, file.shownAs);
    const event = await alerts.readEventPayload(env.GITHUB_EVENT_PATH);
    const mode = alerts.alertsMode(env.GITHUB_EVENT_NAME ?? '', env.GITHUB_REF ?? '', event);
    const sentryInputs = { url: core.getInput('url'), org: core.getInput('org'), token: core.getInput('auth_token') };
    const result = await core.group(`alerts (${mode.kind}, ${file.shownAs})`, () =>
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
          log: (line) => core.info(line),
          warn: (line) => core.warning(line),
          summary: writeSummary,
        },
      ),
    );
    const outputs = alerts.alertsOutputs(result.applied);
    core.setOutput('alerts_created', outputs.alerts_created);
    core.setOutput('alerts_updated', outputs.alerts_updated);
    core.setOutput('alerts_deleted', outputs.alerts_deleted);
    return true;
  } catch (error) {
    // Config, plan and apply errors name the config key that caused them.
    const message = error instanceof Error ? error.message : String(error);
    await writeSummary(`### ❌ Alert rules\n\n\`\`\`\n${message}\n\`\`\`\n`);
    core.setFailed(`alerts: ${message}`);
    return false;
  }
}

function writeOutputs(result: ReleaseResult): void {
  core.setOutput('release', result.release);
  core.setOutput('version', result.release);
  core.setOutput('commits', String(result.commits));
  core.setOutput('bundle_id', result.bundleId ?? '');
  core.setOutput('files_uploaded', String(result.filesUploaded));
  core.setOutput('bytes_uploaded', String(result.bytesUploaded));
  core.setOutput('chunks_skipped', String(result.chunksSkipped));
  core.setOutput('deploy_id', result.deployId ?? '');
}

/** The job summary, when the runner gives a summary file (not on old runners or local runs). */
async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(markdown).write();
  } catch (error) {
    core.warning(`could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
  }
}
