/**
 * The action: read the inputs, run the release pipeline in log groups, write outputs and the job summary.
 * Everything else lives in src/release; only this file talks to the runner (@actions/core).
 */
import * as core from '@actions/core';
import {
  githubHistory,
  githubRequest,
  type InputName,
  ReleaseFailedError,
  ReleaseInputError,
  type ReleaseResult,
  renderJobSummary,
  resolveInputs,
  runRelease,
} from '../release/index.ts';
import { releaseClient } from '../release/client.ts';
import { parseSteps, wantsDoctor } from '../release/inputs.ts';
import { VERSION } from '../version.ts';
import { renderDoctorMarkdown, renderDoctorReport, runDoctor, secretsIn } from '../doctor/index.ts';
import { doctorFailureMessage, doctorSettingsFromInputs } from './doctor.ts';

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
      if (releaseSteps.length === 0) return; // `steps: doctor` alone
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
      github.token && github.repository
        ? githubHistory(githubRequest(github.token, github.apiUrl, `faultline-action/${VERSION}`), github.repository)
        : undefined;
    result = await runRelease(release, {
      client,
      log: (line) => core.info(line),
      warn: (line) => core.warning(line),
      group: (name, fn) => core.group(name, fn),
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

/** The doctor's Sentry checks with the action's inputs; false (and the run failed) when any check fails. */
async function runDoctorStep(env: NodeJS.ProcessEnv): Promise<boolean> {
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
    const checks = await runDoctor(settings, { env: {}, cwd: env.GITHUB_WORKSPACE || process.cwd() });
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
