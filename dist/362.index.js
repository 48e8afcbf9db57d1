export const id = 362;
export const ids = [362];
export const modules = {

/***/ 5362:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AlertsStepError: () => (/* binding */ AlertsStepError),
  PLAN_COMMENT_MARKER: () => (/* binding */ PLAN_COMMENT_MARKER),
  alertsConfigPath: () => (/* binding */ alertsConfigPath),
  alertsMode: () => (/* binding */ alertsMode),
  alertsOutputs: () => (/* binding */ alertsOutputs),
  alertsSentryClient: () => (/* binding */ alertsSentryClient),
  readAlertsConfig: () => (/* binding */ readAlertsConfig),
  readEventPayload: () => (/* binding */ readEventPayload),
  renderAppliedMarkdown: () => (/* binding */ renderAppliedMarkdown),
  renderPlanComment: () => (/* binding */ renderPlanComment),
  runAlertsStep: () => (/* binding */ runAlertsStep)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/src/alerts/index.js + 9 modules
var alerts = __webpack_require__(1513);
// EXTERNAL MODULE: ./.build/src/sentry/index.js + 10 modules
var sentry = __webpack_require__(5667);
;// CONCATENATED MODULE: ./.build/src/action/sticky-comment.js
const PAGE_SIZE = 100;
/** A pull request with more than 5,000 comments gets a new one rather than a long search. */
const MAX_PAGES = 50;
async function findMarked(request, where, marker) {
    for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
            ...where,
            per_page: PAGE_SIZE,
            page,
        });
        const comments = data;
        const found = comments.find((c) => c.body?.includes(marker));
        if (found)
            return found;
        if (comments.length < PAGE_SIZE)
            return undefined;
    }
    return undefined;
}
/** Creates the marked comment, or edits the one already there. `body` must contain `marker`. */
async function upsertStickyComment(request, repository, pullRequest, marker, body) {
    if (!body.includes(marker))
        throw new TypeError('upsertStickyComment: the body must carry the marker');
    const [owner, repo] = repository.split('/');
    if (!owner || !repo)
        throw new TypeError(`upsertStickyComment: repository "${repository}" is not owner/repo`);
    const existing = await findMarked(request, { owner, repo, issue_number: pullRequest }, marker);
    if (existing) {
        if (existing.body !== body) {
            await request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
                owner,
                repo,
                comment_id: existing.id,
                body,
            });
        }
        return { action: 'updated', id: existing.id };
    }
    const { data } = await request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner,
        repo,
        issue_number: pullRequest,
        body,
    });
    return { action: 'created', id: data.id };
}

;// CONCATENATED MODULE: ./.build/src/action/alerts.js
/**
 * `steps: alerts` in the action: the alert rules of `.github/faultline.yml`, planned on pull requests (job summary
 * and one sticky comment on the pull request) and applied on pushes to the default branch. run.ts loads this module
 * only when the step is named, so a release run never loads the alerts code. No @actions/* here: run.ts hands in
 * the runner's I/O.
 */





function alertsMode(eventName, ref, event) {
    if (eventName === 'pull_request' || eventName === 'pull_request_target') {
        const number = Number(event.pull_request?.number);
        return {
            kind: 'plan',
            pullRequest: Number.isInteger(number) && number > 0 ? number : undefined,
            reason: `pull request${Number.isInteger(number) ? ` #${number}` : ''}: planned, applied when merged`,
        };
    }
    const defaultBranch = typeof event.repository?.default_branch === 'string' ? event.repository.default_branch : '';
    if (eventName === 'push' && defaultBranch && ref === `refs/heads/${defaultBranch}`) {
        return { kind: 'apply', branch: defaultBranch };
    }
    const where = eventName === 'push'
        ? `a push to ${ref.replace(/^refs\/(heads|tags)\//, '') || 'an unknown ref'}`
        : `a ${eventName} event`;
    const target = defaultBranch ? `the default branch ${defaultBranch}` : 'the default branch';
    return {
        kind: 'plan',
        pullRequest: undefined,
        reason: `${where}: planned only (rules are applied on pushes to ${target})`,
    };
}
/** The hidden line that finds the step's own comment on a pull request, so one comment is edited in place. */
const PLAN_COMMENT_MARKER = '<!-- faultline:alerts-plan -->';
function renderPlanComment(plan, sha) {
    const footer = (0,alerts/* hasChanges */.ik)(plan)
        ? `faultline applies these changes when this pull request is merged (planned at ${sha.slice(0, 7)}).`
        : `Nothing to change in Sentry (planned at ${sha.slice(0, 7)}).`;
    return `${PLAN_COMMENT_MARKER}\n${(0,alerts/* renderPlanMarkdown */.d$)(plan)}\n\n<sub>${footer}</sub>\n`;
}
function renderAppliedMarkdown(plan, applied) {
    const count = (action) => applied.filter((r) => r.action === action).length;
    return (`${(0,alerts/* renderPlanMarkdown */.d$)(plan)}\n\n**Applied:** ${count('created')} created, ${count('updated')} updated, ` +
        `${count('deleted')} deleted\n`);
}
/** The action's outputs, as strings: what apply did (all 0 when the step only planned). */
function alertsOutputs(applied) {
    const count = (action) => String(applied.filter((r) => r.action === action).length);
    return { alerts_created: count('created'), alerts_updated: count('updated'), alerts_deleted: count('deleted') };
}
class AlertsStepError extends Error {
    name = 'AlertsStepError';
}
/** The config file, parsed; a missing file names the path. */
async function readAlertsConfig(path, shownAs) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch {
        throw new AlertsStepError(`cannot read ${shownAs}: add it to the repository and check it out before this step (actions/checkout), or set working_directory to the folder that holds .github/`);
    }
    return (0,alerts/* parseAlertsConfig */.XV)(text, shownAs);
}
/** `.github/faultline.yml` under `working_directory`. */
function alertsConfigPath(workspace, workingDirectory) {
    const shownAs = '.github/faultline.yml';
    return { path: (0,external_node_path_.resolve)(workspace, workingDirectory?.trim() || '.', shownAs), shownAs };
}
/** The webhook payload the runner saved; an unreadable one reads as empty (the step then only plans). */
async function readEventPayload(path) {
    if (!path)
        return {};
    try {
        const parsed = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
        return parsed && typeof parsed === 'object' ? parsed : {};
    }
    catch {
        return {};
    }
}
/** A Sentry client of the config's organization; the `org` input (or SENTRY_ORG), when given, must agree with it. */
function alertsSentryClient(inputs, env, config, userAgent) {
    const pick = (input, name) => input?.trim() || env[name]?.trim() || undefined;
    const org = pick(inputs.org, 'SENTRY_ORG');
    if (org && org !== config.org) {
        throw new AlertsStepError(`the org input (or SENTRY_ORG) is "${org}" but the config says sentry.org: ${config.org}: make them agree`);
    }
    const token = pick(inputs.token, 'SENTRY_AUTH_TOKEN');
    if (!token) {
        throw new AlertsStepError('no Sentry auth token: set the auth_token input (or SENTRY_AUTH_TOKEN) to a token with alerts:write, org:read and project:read');
    }
    const url = pick(inputs.url, 'SENTRY_URL');
    return new sentry/* SentryClient */.Bq({ token, org: config.org, userAgent, ...(url ? { url } : {}) });
}
async function runAlertsStep(opts, deps) {
    const client = deps.client(opts.config);
    const plan = await (0,alerts/* planAlertRules */.Jd)(client, opts.config);
    deps.log((0,alerts/* renderPlanText */.$D)(plan));
    if (opts.mode.kind === 'apply') {
        const applied = await (0,alerts/* applyAlertsPlan */.jQ)(client, plan);
        deps.log('');
        deps.log((0,alerts/* renderApplied */.Ch)(plan.org, applied));
        await deps.summary(renderAppliedMarkdown(plan, applied));
        return { plan, applied };
    }
    deps.log('');
    deps.log(opts.mode.reason);
    await deps.summary((0,alerts/* renderPlanMarkdown */.d$)(plan));
    const comment = await commentOnPullRequest(plan, opts.mode.pullRequest, opts.sha, deps);
    return { plan, applied: [], ...(comment ? { comment } : {}) };
}
/** The sticky comment; a token that may not write (a fork's pull request, read-only permissions) only warns. */
async function commentOnPullRequest(plan, pullRequest, sha, deps) {
    if (pullRequest === undefined)
        return undefined;
    if (!deps.github) {
        deps.log('no github_token: the plan is in the job summary only');
        return undefined;
    }
    try {
        const comment = await upsertStickyComment(deps.github.request, deps.github.repository, pullRequest, PLAN_COMMENT_MARKER, renderPlanComment(plan, sha));
        deps.log(`plan ${comment.action === 'created' ? 'posted' : 'updated'} on pull request #${pullRequest}`);
        return comment;
    }
    catch (error) {
        if (error.status !== 403)
            throw error;
        deps.warn(`github_token may not comment on pull request #${pullRequest} (403): the plan is in the job summary; give the ` +
            'job `permissions: pull-requests: write` to get it as a comment');
        return undefined;
    }
}


/***/ })

};
