export const id = 396;
export const ids = [396];
export const modules = {

/***/ 9396:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ALERTS_CHECK_NAMES: () => (/* binding */ ALERTS_CHECK_NAMES),
/* harmony export */   configSentry: () => (/* binding */ configSentry),
/* harmony export */   doctorAlertsClient: () => (/* binding */ doctorAlertsClient),
/* harmony export */   judgeNotifies: () => (/* binding */ judgeNotifies),
/* harmony export */   notifiesFaultline: () => (/* binding */ notifiesFaultline),
/* harmony export */   notifiesName: () => (/* binding */ notifiesName),
/* harmony export */   runAlertsChecks: () => (/* binding */ runAlertsChecks)
/* harmony export */ });
/* harmony import */ var _alerts_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1513);
/* harmony import */ var _sentry_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5667);
/* harmony import */ var _repo_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6218);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3778);
// The doctor's alert rule checks, when a repository config is given (--config) or found (.github/faultline.yml):
// does an issue alert rule of each configured project notify faultline (without one Sentry sends faultline
// nothing, the first "nothing happens"), and does Sentry hold what the config says (drift)?




const G = 'sentry';
const ALERTS_CHECK_NAMES = { config: 'alert rules config', drift: 'alert rules match the config' };
const notifiesName = (project) => `alerts of ${project} reach faultline`;
/** Whether an issue rule's actions reach the faultline installation (the service action or the sentry-app one). */
function notifiesFaultline(rule, installation) {
    return (rule.actions ?? []).some((a) => (a.id === _alerts_index_js__WEBPACK_IMPORTED_MODULE_0__/* .ACTION */ .hr.service && a.service === installation.app.slug) ||
        (a.id === _alerts_index_js__WEBPACK_IMPORTED_MODULE_0__/* .ACTION */ .hr.sentryApp && a.sentryAppInstallationUuid === installation.uuid));
}
function judgeNotifies(project, installation, rules) {
    const name = notifiesName(project);
    const reaching = rules.filter((r) => notifiesFaultline(r, installation));
    if (reaching.length > 0) {
        const names = reaching.map((r) => `"${r.name}"`).slice(0, 3);
        return (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .pass */ .IX)(G, name, `${names.join(', ')}${reaching.length > 3 ? ` and ${reaching.length - 3} more` : ''}`);
    }
    return (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(G, name, `no issue alert rule of ${project} notifies ${installation.app.slug} (${rules.length} rule(s) in the project): ` +
        'Sentry sends faultline no alerts, so no GitHub issue is opened', `add a rule with \`notify: [faultline]\` under alerts.issue in ${_repo_config_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_CONFIG */ .P} (e.g. \`when: [new-issue]\`) ` +
        'and run `faultline alerts apply`; or subscribe the integration to issue webhooks in Sentry');
}
const message = (error) => (error instanceof Error ? error.message : String(error));
/** Any failure of a Sentry call, with the scopes the alert checks need. */
const callFailed = (name, error) => (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(G, name, message(error).split('\n')[0] ?? 'the call failed', 'the token needs alerts:read, org:read and project:read (alerts:write to apply); see the checks above');
/** The config's `sentry` section, to fill SENTRY_ORG / SENTRY_PROJECT when they are not set; undefined if invalid. */
function configSentry(found) {
    if ('error' in found)
        return undefined;
    try {
        const config = (0,_alerts_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parseAlertsConfig */ .XV)(found.text, found.shownAs);
        return { org: config.org, projects: config.projects };
    }
    catch {
        return undefined;
    }
}
/** A Sentry client of the config's organization that gives up quickly, as the doctor's probe does. */
function doctorAlertsClient(settings, timeoutMs) {
    return (config) => new _sentry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .SentryClient */ .Bq({
        url: settings.url,
        token: settings.token ?? '',
        org: config.org,
        maxAttempts: 2,
        retryBaseMs: 200,
        timeoutMs,
        userAgent: 'faultline-doctor',
    });
}
async function runAlertsChecks(found, org, 
/** Undefined when the Sentry checks above failed: the checks that call Sentry are skipped. */
client) {
    if ('error' in found) {
        return [(0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(G, ALERTS_CHECK_NAMES.config, found.error, 'pass --config with the path of the repository config')];
    }
    let config;
    try {
        config = (0,_alerts_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parseAlertsConfig */ .XV)(found.text, found.shownAs);
    }
    catch (error) {
        return [(0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(G, ALERTS_CHECK_NAMES.config, message(error), `fix ${found.shownAs} at the key named`)];
    }
    if (org && org !== config.org) {
        return [
            (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(G, ALERTS_CHECK_NAMES.config, `SENTRY_ORG is "${org}" but ${found.shownAs} says sentry.org: ${config.org}`, 'make them agree (or leave SENTRY_ORG unset: the config names the organization)'),
        ];
    }
    const results = [
        (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .pass */ .IX)(G, ALERTS_CHECK_NAMES.config, `${found.shownAs}: org ${config.org}, projects ${config.projects.join(', ')}, ` +
            `${config.issue.length} issue and ${config.metric.length} metric rule(s)`),
    ];
    if (!client) {
        const skipped = [...config.projects.map(notifiesName), ALERTS_CHECK_NAMES.drift];
        return [...results, ...skipped.map((name) => (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .skip */ .iv)(G, name, 'the Sentry connection above is not usable'))];
    }
    const sentry = client(config);
    results.push(...(await checkNotifies(sentry, config)));
    results.push(await checkDrift(sentry, config, found.shownAs));
    return results;
}
async function checkNotifies(client, config) {
    const names = config.projects.map(notifiesName);
    let installation;
    try {
        const installations = await client.listSentryAppInstallations();
        const directory = { installations, integrations: [], metricActions: [], teams: [], members: [] };
        installation = (0,_alerts_index_js__WEBPACK_IMPORTED_MODULE_0__/* .faultlineInstallation */ .lo)(directory, config.integration);
    }
    catch (error) {
        return names.map((name) => (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(G, name, message(error), 'install the faultline integration in Sentry (Settings → Integrations)'));
    }
    try {
        const current = await (0,_alerts_index_js__WEBPACK_IMPORTED_MODULE_0__/* .readCurrentRules */ .Z_)(client, { ...config, issue: [], metric: [] });
        return config.projects.map((project) => judgeNotifies(project, installation, current.issue.filter((r) => r.project === project)));
    }
    catch (error) {
        return names.map((name) => callFailed(name, error));
    }
}
async function checkDrift(client, config, shownAs) {
    const name = ALERTS_CHECK_NAMES.drift;
    if (config.issue.length === 0 && config.metric.length === 0) {
        return (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .skip */ .iv)(G, name, `${shownAs} declares no alert rules (alerts.issue, alerts.metric)`);
    }
    try {
        const plan = await (0,_alerts_index_js__WEBPACK_IMPORTED_MODULE_0__/* .planAlertRules */ .Jd)(client, config);
        if (!(0,_alerts_index_js__WEBPACK_IMPORTED_MODULE_0__/* .hasChanges */ .ik)(plan))
            return (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .pass */ .IX)(G, name, `Sentry holds the rules of ${shownAs} (${(0,_alerts_index_js__WEBPACK_IMPORTED_MODULE_0__/* .summarizePlan */ .PN)(plan)})`);
        return (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(G, name, `Sentry differs from ${shownAs}: ${(0,_alerts_index_js__WEBPACK_IMPORTED_MODULE_0__/* .summarizePlan */ .PN)(plan)}`, `run \`faultline alerts plan --config ${shownAs}\` to see the changes and \`faultline alerts apply\` to make them (or merge to the default branch with the action's \`steps: alerts\`)`);
    }
    catch (error) {
        if (error instanceof Error && /^Alerts(Plan|Config)Error$/.test(error.name)) {
            return (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)(G, name, message(error), `fix ${shownAs} at the key named`);
        }
        return callFailed(name, error);
    }
}


/***/ })

};
