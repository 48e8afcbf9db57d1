export const id = 254;
export const ids = [254];
export const modules = {

/***/ 866:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yD: () => (/* binding */ alertsSectionSchema),
  XV: () => (/* binding */ parseAlertsConfig)
});

// UNUSED EXPORTS: AlertsConfigError, LEVELS, MAX_RULE_NAME, MEASURES, alertsConfigSchema, keyPath

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./.build/src/alerts/durations.js
/** Durations as teams write them (`5m`, `1h`, `1d`, `1w`) and the sets Sentry accepts for each field. Pure. */
const UNIT_MINUTES = { m: 1, h: 60, d: 24 * 60, w: 7 * 24 * 60 };
/** Minutes in `5m` / `2h` / `1d` / `1w`; undefined for anything else. */
function durationMinutes(text) {
    const match = /^(\d+)\s*([mhdw])$/.exec(text.trim());
    if (!match)
        return undefined;
    const minutes = Number(match[1]) * UNIT_MINUTES[match[2]];
    return minutes > 0 ? minutes : undefined;
}
/** `30` → `30m`, `60` → `1h`, `1440` → `1d`: the shortest exact spelling. */
function formatMinutes(minutes) {
    if (minutes % UNIT_MINUTES.w === 0)
        return `${minutes / UNIT_MINUTES.w}w`;
    if (minutes % UNIT_MINUTES.d === 0)
        return `${minutes / UNIT_MINUTES.d}d`;
    if (minutes % UNIT_MINUTES.h === 0)
        return `${minutes / UNIT_MINUTES.h}h`;
    return `${minutes}m`;
}
/**
 * Intervals of the issue frequency conditions (`interval` of EventFrequencyCondition and
 * EventUniqueUserFrequencyCondition): Sentry's STANDARD_INTERVALS keys, used as-is in the payload.
 */
const FREQUENCY_INTERVALS = ['1m', '5m', '15m', '1h', '1d', '1w', '30d'];
/** An issue rule's action interval (`frequency`, minutes): Sentry's RuleSerializer allows 5 to 43200 (30 days). */
const ACTION_INTERVAL_MINUTES = { min: 5, max: 60 * 24 * 30 };
/**
 * Metric alert windows (`timeWindow`, minutes). Sentry's AlertRuleSerializer takes 1..1440; the windows its UI
 * offers, and the only ones its query subscriptions are tested with, are these.
 */
const METRIC_WINDOWS = [1, 5, 10, 15, 30, 60, 120, 240, 1440];
/** Crash-free rate alerts: CRASH_RATE_ALERTS_ALLOWED_TIME_WINDOWS (minutes) in Sentry's incidents serializers. */
const CRASH_RATE_WINDOWS = [30, 60, 120, 240, 720, 1440];

;// CONCATENATED MODULE: ./.build/src/alerts/config.js
/**
 * The alert rules section of `.github/faultline.yml`: `sentry: {org, projects}` and
 * `alerts: {issue: [...], metric: [...], prune?, integration?}`, in the words teams already use. A rule Sentry would
 * refuse is refused here first, with its key path and the fix. Pure: parsing and validation only.
 */



const LEVELS = ['sample', 'debug', 'info', 'warning', 'error', 'fatal'];
const MEASURES = [
    'errors',
    'users',
    'failure-rate',
    'p50(transaction.duration)',
    'p75(transaction.duration)',
    'p90(transaction.duration)',
    'p95(transaction.duration)',
    'p99(transaction.duration)',
    'crash-free-sessions',
    'crash-free-users',
];
/** Sentry keeps issue rule names to 64 characters; the managed marker takes the rest. */
const MAX_RULE_NAME = 52;
const fail = (ctx, message, path = []) => {
    ctx.addIssue({ code: 'custom', message, path });
    return core/* NEVER */.tm;
};
const slug = schemas/* string */.YjP().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'expected a Sentry slug such as "web"');
const projectList = schemas/* array */.YOg(slug, { error: 'a list of project slugs, e.g. projects: [web]' })
    .min(1, 'name at least one project slug, e.g. [web]');
const ruleName = schemas/* string */.YjP({ error: 'every rule needs a name, e.g. name: Error burst' })
    .trim()
    .min(1, 'every rule needs a name, e.g. name: Error burst')
    .max(MAX_RULE_NAME, `keep the name to ${MAX_RULE_NAME} characters (Sentry allows 64, faultline adds a marker)`);
const adopt = schemas/* union */.KCZ([schemas/* literal */.euz(true), schemas/* string */.YjP().trim().min(1)], {
    error: 'adopt takes true (the hand-made rule of the same name) or the name of the hand-made rule',
});
const triggerWords = 'new-issue, regression, reappeared, {events: N, per: 5m} or {users: N, per: 1h}';
function parseTrigger(value, ctx, at) {
    if (value === 'new-issue' || value === 'regression' || value === 'reappeared')
        return { kind: value };
    if (value && typeof value === 'object' && !Array.isArray(value)) {
        const entry = value;
        const kind = 'events' in entry ? 'events' : 'users' in entry ? 'users' : undefined;
        const extra = Object.keys(entry).filter((k) => k !== kind && k !== 'per');
        if (kind && extra.length === 0) {
            const count = entry[kind];
            if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
                return fail(ctx, `${kind} must be a whole number of at least 1, e.g. {${kind}: 10, per: 5m}`, [at, kind]);
            }
            const per = String(entry.per ?? '');
            if (!FREQUENCY_INTERVALS.includes(per)) {
                return fail(ctx, `per ${JSON.stringify(entry.per ?? null)} is not an interval Sentry accepts: use one of ${FREQUENCY_INTERVALS.join(', ')}`, [at, 'per']);
            }
            return { kind, count, per: per };
        }
    }
    return fail(ctx, `unknown trigger ${JSON.stringify(value)}: use ${triggerWords}`, [at]);
}
const when = schemas/* array */.YOg(schemas/* unknown */.L5J(), { error: `when is a list: [new-issue] or [{events: 10, per: 5m}]` })
    .min(1, `say when the rule fires: ${triggerWords}`)
    .transform((items, ctx) => items.map((item, i) => parseTrigger(item, ctx, i)));
const levelOrder = schemas/* string */.YjP().transform((text, ctx) => {
    const match = /^\s*(>=|<=|=)?\s*([a-z]+)\s*$/.exec(text);
    const level = match?.[2];
    if (!match || !level || !LEVELS.includes(level)) {
        return fail(ctx, `level ${JSON.stringify(text)} is not a level: use error, ">=warning" or "<=info" (levels: ${LEVELS.join(', ')})`);
    }
    return { match: match[1] === '>=' ? 'gte' : match[1] === '<=' ? 'lte' : 'eq', level };
});
function parseNotify(value, ctx, at) {
    const text = value.trim();
    if (text === 'faultline')
        return { kind: 'faultline' };
    if (text === 'email:owners')
        return { kind: 'email-owners' };
    const team = /^email:team:(.+)$/.exec(text)?.[1]?.trim().replace(/^#/, '');
    if (team)
        return { kind: 'email-team', team };
    const member = /^email:member:(.+)$/.exec(text)?.[1]?.trim();
    if (member)
        return { kind: 'email-member', member };
    if (text.startsWith('email')) {
        return fail(ctx, `"${text}" is not an e-mail target: use email:owners, email:team:<slug> or email:member:<e-mail or id>`, [at]);
    }
    if (!text)
        return fail(ctx, 'an empty notify entry: name faultline, an e-mail target or an integration', [at]);
    return { kind: 'integration', name: text };
}
const notify = schemas/* array */.YOg(schemas/* string */.YjP(), { error: 'notify is a list, e.g. [faultline, email:owners]' })
    .min(1, 'say who is notified, e.g. notify: [faultline]')
    .transform((items, ctx) => items.map((item, i) => parseNotify(item, ctx, i)));
const actionInterval = schemas/* string */.YjP().transform((text, ctx) => {
    const minutes = durationMinutes(text);
    const { min, max } = ACTION_INTERVAL_MINUTES;
    if (minutes === undefined || minutes < min || minutes > max) {
        return fail(ctx, `every ${JSON.stringify(text)}: Sentry takes an action interval from 5m to 30d, e.g. every: 30m`);
    }
    return minutes;
});
const tags = schemas/* record */.g1P(schemas/* string */.YjP().min(1), schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY()]).transform(String), {
    error: 'tags is a map of tag to value, e.g. tags: {browser: Chrome}',
});
const issueRule = schemas/* strictObject */.rej({
    name: ruleName,
    when,
    match: schemas/* enum */.k5n(['any', 'all'], { error: 'match is any (the default) or all' }).default('any'),
    environment: schemas/* string */.YjP().trim().min(1).max(64).optional(),
    level: levelOrder.optional(),
    tags: tags.default({}),
    notify,
    every: actionInterval.prefault('30m'),
    projects: projectList.optional(),
    adopt: adopt.optional(),
});
const threshold = schemas/* strictObject */.rej({
    above: schemas/* number */.aig().optional(),
    below: schemas/* number */.aig().optional(),
    resolve: schemas/* number */.aig().optional(),
})
    .transform((t, ctx) => {
    if ((t.above === undefined) === (t.below === undefined)) {
        return fail(ctx, 'give exactly one of above or below, e.g. {above: 100}');
    }
    const direction = t.above === undefined ? 'below' : 'above';
    return { direction, value: (t.above ?? t.below), ...(t.resolve === undefined ? {} : { resolve: t.resolve }) };
});
const rawMetricRule = schemas/* strictObject */.rej({
    name: ruleName,
    project: slug.optional(),
    projects: projectList.optional(),
    measure: schemas/* enum */.k5n(MEASURES, {
        error: `unknown measure: use one of ${MEASURES.join(', ')}`,
    }),
    window: schemas/* string */.YjP({ error: 'say the window, e.g. window: 5m' }),
    environment: schemas/* string */.YjP().trim().min(1).max(64).optional(),
    query: schemas/* string */.YjP().default(''),
    critical: threshold,
    warning: threshold.optional(),
    notify,
    dataset: schemas/* enum */.k5n(['transactions', 'generic_metrics']).optional(),
    adopt: adopt.optional(),
});
const metricRule = rawMetricRule.transform(checkMetricRule);
/**
 * The `alerts` key. The app's triage switches (`issues`, `eventAlerts`, `errors`) share it and are left to the
 * app's schema.
 */
const alertsSectionSchema = schemas/* strictObject */.rej({
    issue: schemas/* array */.YOg(issueRule).default([]),
    metric: schemas/* array */.YOg(metricRule).default([]),
    prune: schemas/* boolean */.zMY().default(false),
    integration: slug.optional(),
    issues: schemas/* boolean */.zMY().optional(),
    eventAlerts: schemas/* boolean */.zMY().optional(),
    errors: schemas/* boolean */.zMY().optional(),
});
/** The parts of `.github/faultline.yml` alert rules read; every other key belongs to another section. */
const alertsConfigSchema = schemas/* looseObject */._H3({
    sentry: schemas/* looseObject */._H3({ org: slug, projects: projectList }, { error: 'add sentry: {org: <slug>, projects: [<slug>]}' }),
    alerts: alertsSectionSchema.prefault({}),
})
    .transform((raw, ctx) => {
    const projects = raw.sentry.projects;
    const issue = raw.alerts.issue.map((r, i) => ({
        name: r.name,
        path: `alerts.issue[${i}]`,
        when: r.when,
        match: r.match,
        ...(r.environment === undefined ? {} : { environment: r.environment }),
        ...(r.level === undefined ? {} : { level: r.level }),
        tags: r.tags,
        notify: r.notify,
        every: r.every,
        projects: r.projects ?? projects,
        ...(r.adopt === undefined ? {} : { adopt: r.adopt === true ? r.name : r.adopt }),
    }));
    const metric = raw.alerts.metric.map((r, i) => ({
        ...r,
        path: `alerts.metric[${i}]`,
        projects: r.projects ?? projects,
    }));
    checkUniqueNames(issue, 'issue', ctx);
    checkUniqueNames(metric, 'metric', ctx);
    return {
        org: raw.sentry.org,
        projects,
        ...(raw.alerts.integration === undefined ? {} : { integration: raw.alerts.integration }),
        prune: raw.alerts.prune,
        issue,
        metric,
    };
});
function checkMetricRule(r, ctx) {
    if (r.project !== undefined && r.projects !== undefined)
        fail(ctx, 'give project or projects, not both', ['projects']);
    const window = durationMinutes(r.window);
    const allowed = r.measure.startsWith('crash-free') ? CRASH_RATE_WINDOWS : METRIC_WINDOWS;
    if (window === undefined || !allowed.includes(window)) {
        fail(ctx, `window ${JSON.stringify(r.window)} is not one Sentry accepts for ${r.measure}: use ${allowed.map(formatMinutes).join(', ')}`, ['window']);
    }
    checkThresholds(r, ctx);
    if (r.notify.some((t) => t.kind === 'email-owners')) {
        fail(ctx, 'metric alerts have no issue owners: use email:team:<slug> or email:member:<e-mail>', ['notify']);
    }
    if (r.dataset !== undefined && !/transaction|failure/.test(r.measure)) {
        fail(ctx, `dataset applies only to failure-rate and p50..p99(transaction.duration), not ${r.measure}`, ['dataset']);
    }
    const projects = r.projects ?? (r.project === undefined ? undefined : [r.project]);
    return {
        name: r.name,
        ...(projects === undefined ? {} : { projects }),
        measure: r.measure,
        window: window ?? 0,
        ...(r.environment === undefined ? {} : { environment: r.environment }),
        query: r.query,
        critical: r.critical,
        ...(r.warning === undefined ? {} : { warning: r.warning }),
        notify: r.notify,
        ...(r.dataset === undefined ? {} : { dataset: r.dataset }),
        ...(r.adopt === undefined ? {} : { adopt: r.adopt === true ? r.name : r.adopt }),
    };
}
/**
 * Sentry's AlertRuleSerializer checks: one direction for the rule, warning not beyond critical, and the
 * resolve threshold on the resolving side of each alert threshold. Crash-free rates are percentages.
 */
function checkThresholds(r, ctx) {
    const { critical, warning } = r;
    if (warning?.resolve !== undefined) {
        fail(ctx, 'Sentry keeps one resolve threshold per rule: move resolve to critical', ['warning', 'resolve']);
    }
    if (r.measure.startsWith('crash-free')) {
        for (const [key, t] of [['critical', critical], ['warning', warning]]) {
            if (t && (t.value < 0 || t.value > 100)) {
                fail(ctx, `${r.measure} is a percentage: give a value from 0 to 100, e.g. {below: 99.5}`, [key]);
            }
        }
    }
    if (warning && warning.direction !== critical.direction) {
        fail(ctx, `warning must be ${critical.direction} like critical: Sentry keeps one direction per rule`, ['warning']);
    }
    else if (warning &&
        (critical.direction === 'above' ? critical.value < warning.value : critical.value > warning.value)) {
        fail(ctx, `warning ${warning.direction} ${warning.value} is beyond critical ${critical.value}: a warning fires first, so ` +
            `make it ${critical.direction === 'above' ? 'lower' : 'higher'} than critical`, ['warning']);
    }
    const resolve = critical.resolve;
    if (resolve === undefined)
        return;
    for (const [key, t] of [['critical', critical], ['warning', warning]]) {
        if (t && resolvesOnWrongSide(critical.direction, t.value, resolve)) {
            fail(ctx, `resolve ${resolve} must be ${critical.direction === 'above' ? 'below' : 'above'} the ${key} threshold ${t.value}`, ['critical', 'resolve']);
        }
    }
}
/** Sentry's comparison: thresholds are strict (> and <), so whole numbers may meet one apart. */
function resolvesOnWrongSide(direction, alert, resolve) {
    const whole = Number.isInteger(alert) && Number.isInteger(resolve);
    if (direction === 'above')
        return alert + (whole ? 1 : 0) <= resolve + (whole ? -1 : 0);
    return alert + (whole ? -1 : 0) >= resolve + (whole ? 1 : 0);
}
function checkUniqueNames(rules, kind, ctx) {
    const seen = new Map();
    rules.forEach((rule, i) => {
        for (const project of rule.projects) {
            const key = `${project}\u0000${rule.name.toLowerCase()}`;
            const first = seen.get(key);
            if (first !== undefined && first !== i) {
                fail(ctx, `two ${kind} rules named "${rule.name}" in project ${project} (also alerts.${kind}[${first}]): rename one`, ['alerts', kind, i, 'name']);
            }
            seen.set(key, i);
        }
    });
}
/** The config cannot be used; `problems` lists each key at fault with the fix. */
class AlertsConfigError extends Error {
    name = 'AlertsConfigError';
    problems;
    constructor(problems, source = '.github/faultline.yml') {
        super(`${source} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
        this.problems = problems;
    }
}
/** `alerts.issue[0].when[1]` from zod's path segments. */
function keyPath(segments) {
    return segments.reduce((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${String(s)}` : String(s)), '');
}
/** Parses the YAML text (or an already parsed object) of `.github/faultline.yml`; throws AlertsConfigError. */
function parseAlertsConfig(input, source) {
    let value = input;
    if (typeof input === 'string') {
        try {
            value = (0,dist/* parse */.qg)(input);
        }
        catch (error) {
            throw new AlertsConfigError([{ path: '(file)', message: `not valid YAML: ${error.message}` }], source);
        }
    }
    const result = alertsConfigSchema.safeParse(value ?? {});
    if (result.success)
        return result.data;
    throw new AlertsConfigError(result.error.issues.map((issue) => ({ path: keyPath(issue.path) || '(file)', message: issue.message })), source);
}


/***/ }),

/***/ 1254:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hr: () => (/* reexport */ ACTION),
  jQ: () => (/* reexport */ applyAlertsPlan),
  lo: () => (/* reexport */ faultlineInstallation),
  ik: () => (/* reexport */ hasChanges),
  XV: () => (/* reexport */ config/* parseAlertsConfig */.XV),
  Jd: () => (/* reexport */ planAlertRules),
  Z_: () => (/* reexport */ readCurrentRules),
  Ch: () => (/* reexport */ renderApplied),
  d$: () => (/* reexport */ renderPlanMarkdown),
  $D: () => (/* reexport */ renderPlanText),
  PN: () => (/* reexport */ summarizePlan)
});

// UNUSED EXPORTS: ALERTS_CONFIG_DESCRIPTIONS, AlertsApplyError, AlertsConfigError, AlertsPlanError, CONDITION, FILTER, MANAGED_MARK, alertsConfigSchema, alertsSectionSchema, configProjects, desiredRules, diffRule, managedBaseName, mapSentryValidation, planAlerts, readDirectory

// EXTERNAL MODULE: ./.build/src/alerts/config.js + 1 modules
var config = __webpack_require__(866);
;// CONCATENATED MODULE: ./.build/src/alerts/config-descriptions.js
/**
 * Descriptions of the alert rule keys for the generated `.github/faultline.yml` reference (docs/config-reference.ts
 * spreads them into its table once the section is mounted). The app's triage switches under `alerts` are described
 * there.
 */
const ALERTS_CONFIG_DESCRIPTIONS = {
    'alerts.issue': 'Issue alert rules; each applies to every project in `sentry.projects` unless it names `projects`.',
    'alerts.issue[].name': 'Rule name in Sentry (faultline adds ` [faultline]` to the rules it manages).',
    'alerts.issue[].when': 'Triggers: `new-issue`, `regression`, `reappeared`, `{events: N, per: 5m}`, `{users: N, per: 1h}` (per: 1m, 5m, 15m, 1h, 1d, 1w, 30d).',
    'alerts.issue[].match': 'Whether `any` or `all` of `when` must hold.',
    'alerts.issue[].environment': 'Only events of this environment.',
    'alerts.issue[].level': 'Only events of this level: `error`, `">=warning"`, `"<=info"`.',
    'alerts.issue[].tags': 'Only events with these tag values, e.g. `{browser: Chrome}`.',
    'alerts.issue[].notify': '`faultline`, `email:owners`, `email:team:<slug>`, `email:member:<e-mail or id>`, or an installed integration by its slug.',
    'alerts.issue[].every': 'Action interval: at most one notification per issue this often (5m to 30d).',
    'alerts.issue[].projects': 'Projects this rule is for, instead of `sentry.projects`.',
    'alerts.issue[].adopt': 'Take over a rule made by hand: `true` (same name) or its name.',
    'alerts.metric': 'Metric alert rules, one per project.',
    'alerts.metric[].name': 'Rule name in Sentry (faultline adds ` [faultline]`).',
    'alerts.metric[].project': 'The project, instead of `sentry.projects`.',
    'alerts.metric[].projects': 'Projects (one rule each), instead of `sentry.projects`.',
    'alerts.metric[].measure': '`errors`, `users`, `failure-rate`, `p50`..`p99(transaction.duration)`, `crash-free-sessions`, `crash-free-users`.',
    'alerts.metric[].window': 'Time window: 1m, 5m, 10m, 15m, 30m, 1h, 2h, 4h, 1d (crash-free rates: 30m, 1h, 2h, 4h, 12h, 1d).',
    'alerts.metric[].environment': 'Only this environment.',
    'alerts.metric[].query': 'Sentry search query that narrows the events, e.g. `transaction:/checkout`.',
    'alerts.metric[].critical.above': 'Critical when the measure is above this.',
    'alerts.metric[].critical.below': 'Critical when the measure is below this.',
    'alerts.metric[].critical.resolve': 'The incident resolves past this value (one per rule).',
    'alerts.metric[].warning.above': 'Warning when the measure is above this (below critical).',
    'alerts.metric[].warning.below': 'Warning when the measure is below this (above critical).',
    'alerts.metric[].warning.resolve': 'Refused: Sentry keeps one resolve threshold per rule; use `critical.resolve`.',
    'alerts.metric[].notify': 'As for issue rules, without `email:owners`; the warning notifies whom critical notifies.',
    'alerts.metric[].dataset': 'Transaction measures: `transactions` (default, self-hosted) or `generic_metrics` (sentry.io).',
    'alerts.metric[].adopt': 'Take over a rule made by hand: `true` (same name) or its name.',
    'alerts.prune': 'Delete the rules faultline manages that left this file.',
    'alerts.integration': "The faultline integration's slug, when several installed integrations look like it.",
};

// EXTERNAL MODULE: ./.build/src/sentry/errors.js
var errors = __webpack_require__(9464);
;// CONCATENATED MODULE: ./.build/src/alerts/vocabulary.js
const CONDITION = {
    firstSeen: 'sentry.rules.conditions.first_seen_event.FirstSeenEventCondition',
    regression: 'sentry.rules.conditions.regression_event.RegressionEventCondition',
    reappeared: 'sentry.rules.conditions.reappeared_event.ReappearedEventCondition',
    eventFrequency: 'sentry.rules.conditions.event_frequency.EventFrequencyCondition',
    uniqueUserFrequency: 'sentry.rules.conditions.event_frequency.EventUniqueUserFrequencyCondition',
};
const FILTER = {
    level: 'sentry.rules.filters.level.LevelFilter',
    taggedEvent: 'sentry.rules.filters.tagged_event.TaggedEventFilter',
};
const ACTION = {
    email: 'sentry.mail.actions.NotifyEmailAction',
    /** An alertable integration without an alert-rule UI component, by its slug (`service`): faultline's case. */
    service: 'sentry.rules.actions.notify_event_service.NotifyEventServiceAction',
    /** An integration with an alert-rule UI component (needs `settings`). */
    sentryApp: 'sentry.rules.actions.notify_event_sentry_app.NotifyEventSentryAppAction',
};
/** LevelFilter's `level` values (Python logging numbers, as strings). */
const LEVEL_NUMBER = {
    sample: '0',
    debug: '10',
    info: '20',
    warning: '30',
    error: '40',
    fatal: '50',
};
/** Suffix of every rule faultline manages; what is not marked was made by a person and is left alone. */
const MANAGED_MARK = ' [faultline]';
const managedName = (name) => `${name}${MANAGED_MARK}`;
/** The config name of a rule faultline manages, or undefined for a rule made by hand. */
function managedBaseName(sentryName) {
    return sentryName.endsWith(MANAGED_MARK) ? sentryName.slice(0, -MANAGED_MARK.length) : undefined;
}
function conditionFor(trigger) {
    switch (trigger.kind) {
        case 'new-issue':
            return { id: CONDITION.firstSeen };
        case 'regression':
            return { id: CONDITION.regression };
        case 'reappeared':
            return { id: CONDITION.reappeared };
        case 'events':
        case 'users':
            return {
                id: trigger.kind === 'events' ? CONDITION.eventFrequency : CONDITION.uniqueUserFrequency,
                value: trigger.count,
                interval: trigger.per,
                comparisonType: 'count',
            };
    }
}
function filtersFor(rule) {
    const filters = [];
    if (rule.level)
        filters.push({ id: FILTER.level, match: rule.level.match, level: LEVEL_NUMBER[rule.level.level] });
    for (const [key, value] of Object.entries(rule.tags))
        filters.push({ id: FILTER.taggedEvent, key, match: 'eq', value });
    return filters;
}
/** The issue alert rule body for one project; `actions` come resolved from the organization's directory. */
function issueRuleBody(rule, actions) {
    return {
        name: managedName(rule.name),
        actionMatch: rule.match,
        filterMatch: 'all',
        frequency: rule.every,
        environment: rule.environment ?? null,
        conditions: rule.when.map(conditionFor),
        filters: filtersFor(rule),
        actions,
    };
}
/** Sentry's metric alert types (API reference "Create a Metric Alert Rule", Sentry's alert wizard). */
function measureQuery(measure, dataset) {
    const transactions = { dataset: dataset ?? 'transactions', queryType: 1, eventTypes: ['transaction'] };
    switch (measure) {
        case 'errors':
            return { aggregate: 'count()', dataset: 'events', queryType: 0, eventTypes: ['error'] };
        case 'users':
            return { aggregate: 'count_unique(user)', dataset: 'events', queryType: 0, eventTypes: ['error'] };
        case 'failure-rate':
            return { aggregate: 'failure_rate()', ...transactions };
        case 'crash-free-sessions':
            return {
                aggregate: 'percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate',
                dataset: 'metrics',
                queryType: 2,
            };
        case 'crash-free-users':
            return {
                aggregate: 'percentage(users_crashed, users) AS _crash_rate_alert_aggregate',
                dataset: 'metrics',
                queryType: 2,
            };
        default:
            return { aggregate: measure, ...transactions };
    }
}
/** The metric alert rule body for one project; the warning trigger notifies whom critical notifies. */
function metricRuleBody(rule, project, actions) {
    const triggers = [
        { label: 'critical', alertThreshold: rule.critical.value, actions },
    ];
    if (rule.warning)
        triggers.push({ label: 'warning', alertThreshold: rule.warning.value, actions });
    return {
        name: managedName(rule.name),
        ...measureQuery(rule.measure, rule.dataset),
        query: rule.query,
        timeWindow: rule.window,
        thresholdType: rule.critical.direction === 'above' ? 0 : 1,
        resolveThreshold: rule.critical.resolve ?? null,
        environment: rule.environment ?? null,
        projects: [project],
        triggers,
    };
}

;// CONCATENATED MODULE: ./.build/src/alerts/targets.js

const EMPTY_DIRECTORY = {
    installations: [],
    metricActions: [],
    integrations: [],
    teams: [],
    members: [],
};
/** The plan cannot be made: each problem names the config key and what to do. */
class AlertsPlanError extends Error {
    name = 'AlertsPlanError';
    problems;
    constructor(problems) {
        super(problems.length === 1
            ? `${problems[0].path}: ${problems[0].message}`
            : `the alert rules cannot be planned:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
        this.problems = problems;
    }
}
class TargetProblem extends Error {
}
/** The faultline app's slug: `faultline`, or an internal integration's `faultline-<suffix>`. */
const FAULTLINE_SLUG = /^faultline(-[a-z0-9]+)?$/;
function faultlineInstallation(dir, slug) {
    const installed = dir.installations.filter((i) => i.status !== 'pending');
    const candidates = installed.filter((i) => (slug ? i.app.slug === slug : FAULTLINE_SLUG.test(i.app.slug)));
    if (candidates.length === 1)
        return candidates[0];
    const names = installed.map((i) => i.app.slug).join(', ') || 'none';
    if (candidates.length === 0) {
        throw new TargetProblem(slug
            ? `alerts.integration names "${slug}", which is not installed in this organization (installed: ${names})`
            : `the faultline integration is not installed in this organization (installed: ${names}): install it, ` +
                'or set alerts.integration to its slug');
    }
    throw new TargetProblem(`several integrations look like faultline (${candidates.map((c) => c.app.slug).join(', ')}): ` +
        'set alerts.integration to the one to notify');
}
function installationNamed(dir, name) {
    const wanted = name.toLowerCase();
    const match = dir.installations.find((i) => i.app.slug.toLowerCase() === wanted && i.status !== 'pending');
    if (match)
        return match;
    const other = dir.integrations.find((i) => i.name.toLowerCase() === wanted || i.provider.key === wanted);
    if (other) {
        throw new TargetProblem(`"${name}" is a ${other.provider.name ?? other.provider.key} integration, which needs settings of its own ` +
            '(a channel, a service): faultline notifies integration-platform apps by name; add that action in Sentry ' +
            'to a rule made by hand');
    }
    const known = [...dir.installations.map((i) => i.app.slug), ...dir.integrations.map((i) => i.name)];
    throw new TargetProblem(`no installed integration is named "${name}" (installed: ${known.join(', ') || 'none'}): install it in Sentry ` +
        'or fix the name');
}
function teamId(dir, slug) {
    const team = dir.teams.find((t) => t.slug === slug);
    if (!team) {
        throw new TargetProblem(`no team "${slug}" in this organization (teams: ${dir.teams.map((t) => t.slug).join(', ') || 'none'})`);
    }
    return String(team.id);
}
/** Sentry's e-mail actions name a member by user id. */
function memberUserId(dir, who) {
    const wanted = who.toLowerCase();
    const member = dir.members.find((m) => m.email?.toLowerCase() === wanted ||
        m.user?.email?.toLowerCase() === wanted ||
        String(m.user?.id) === who ||
        String(m.id) === who);
    if (!member?.user) {
        throw new TargetProblem(`no member "${who}" in this organization: give a member's e-mail or user id`);
    }
    return String(member.user.id);
}
function appAction(installation) {
    return { id: ACTION.service, service: installation.app.slug };
}
function issueAction(target, dir, slug) {
    const email = (targetType, targetIdentifier) => ({
        id: ACTION.email,
        targetType,
        ...(targetIdentifier === undefined ? {} : { targetIdentifier }),
        fallthroughType: 'ActiveMembers',
    });
    switch (target.kind) {
        case 'faultline':
            return appAction(faultlineInstallation(dir, slug));
        case 'integration':
            return appAction(installationNamed(dir, target.name));
        case 'email-owners':
            return email('IssueOwners');
        case 'email-team':
            return email('Team', Number(teamId(dir, target.team)));
        case 'email-member':
            return email('Member', Number(memberUserId(dir, target.member)));
    }
}
function metricAppAction(dir, installation) {
    const offered = dir.metricActions.find((a) => a.type === 'sentry_app' && a.sentryAppInstallationUuid === installation.uuid);
    if (offered?.sentryAppId === undefined) {
        throw new TargetProblem(`Sentry does not offer "${installation.app.slug}" as a metric alert action: turn on "Alert Rule Action" in ` +
            "the integration's settings");
    }
    return {
        type: 'sentry_app',
        targetType: 'sentry_app',
        targetIdentifier: String(offered.sentryAppId),
        sentryAppId: Number(offered.sentryAppId),
        sentryAppInstallationUuid: installation.uuid,
    };
}
function metricAction(target, dir, slug) {
    switch (target.kind) {
        case 'faultline':
            return metricAppAction(dir, faultlineInstallation(dir, slug));
        case 'integration':
            return metricAppAction(dir, installationNamed(dir, target.name));
        case 'email-team':
            return { type: 'email', targetType: 'team', targetIdentifier: teamId(dir, target.team) };
        case 'email-member':
            return { type: 'email', targetType: 'user', targetIdentifier: memberUserId(dir, target.member) };
        case 'email-owners':
            throw new TargetProblem('metric alerts have no issue owners: use email:team:<slug> or email:member:<e-mail>');
    }
}
/**
 * Resolves every notify entry of one rule; problems are collected with their key paths
 * (`alerts.issue[2].notify[1]`) instead of stopping at the first.
 */
function resolveActions(kind, notify, path, dir, problems, slug) {
    const out = [];
    notify.forEach((target, i) => {
        try {
            out.push((kind === 'issue' ? issueAction(target, dir, slug) : metricAction(target, dir, slug)));
        }
        catch (error) {
            if (!(error instanceof TargetProblem))
                throw error;
            problems.push({ path: `${path}.notify[${i}]`, message: error.message });
        }
    });
    return out;
}
/** Which lookups the config's notify entries need, so a plan asks Sentry only for those. */
function directoryNeeds(targets) {
    const all = targets.flatMap((t) => t.notify.map((n) => ({ kind: t.kind, target: n })));
    const app = (n) => n.kind === 'faultline' || n.kind === 'integration';
    return {
        installations: all.some(({ target }) => app(target)),
        integrations: all.some(({ target }) => target.kind === 'integration'),
        metricActions: all.some(({ kind, target }) => kind === 'metric' && app(target)),
        teams: all.some(({ target }) => target.kind === 'email-team'),
        members: all.some(({ target }) => target.kind === 'email-member'),
    };
}

;// CONCATENATED MODULE: ./.build/src/alerts/plan.js


/** The rules the config wants, one per project, with every notify entry resolved; throws AlertsPlanError. */
function desiredRules(config, dir) {
    const problems = [];
    const rules = [];
    const slug = config.integration;
    for (const rule of config.issue) {
        const actions = resolveActions('issue', rule.notify, rule.path, dir, problems, slug);
        for (const project of rule.projects) {
            rules.push({ kind: 'issue', ...base(rule, project), body: issueRuleBody(rule, actions) });
        }
    }
    for (const rule of config.metric) {
        const actions = resolveActions('metric', rule.notify, rule.path, dir, problems, slug);
        for (const project of rule.projects) {
            rules.push({ kind: 'metric', ...base(rule, project), body: metricRuleBody(rule, project, actions) });
        }
    }
    if (problems.length)
        throw new AlertsPlanError(dedupe(problems));
    return rules;
}
function base(rule, project) {
    return { project, name: rule.name, path: rule.path, ...(rule.adopt === undefined ? {} : { adopt: rule.adopt }) };
}
function dedupe(problems) {
    const seen = new Set();
    return problems.filter((p) => !seen.has(`${p.path}\u0000${p.message}`) && !!seen.add(`${p.path}\u0000${p.message}`));
}
function held(current) {
    return [
        ...current.issue.map((rule) => ({
            kind: 'issue',
            project: rule.project,
            id: String(rule.id),
            name: rule.name,
            rule,
        })),
        ...current.metric.map((rule) => ({
            kind: 'metric',
            project: String(rule.projects?.[0] ?? ''),
            id: String(rule.id),
            name: rule.name,
            rule,
        })),
    ];
}
const keyOf = (kind, project, name) => `${kind}\u0000${project}\u0000${name.toLowerCase()}`;
/** Matches desired and held rules and says what to do with each. `prune` deletes managed rules left out. */
function planAlerts(org, desired, current, opts) {
    const rules = held(current);
    const managed = new Map();
    for (const r of rules) {
        const name = managedBaseName(r.name);
        if (name !== undefined)
            managed.set(keyOf(r.kind, r.project, name), r);
    }
    const claimed = new Set();
    const planned = desired.map((want) => {
        const mine = managed.get(keyOf(want.kind, want.project, want.name));
        const adopted = mine === undefined && want.adopt !== undefined
            ? rules.find((r) => r.kind === want.kind &&
                r.project === want.project &&
                managedBaseName(r.name) === undefined &&
                r.name.toLowerCase() === want.adopt.toLowerCase() &&
                !claimed.has(r))
            : undefined;
        const match = mine ?? adopted;
        const common = { kind: want.kind, project: want.project, name: want.name, path: want.path, body: want.body };
        if (!match)
            return { action: 'create', ...common, changes: [] };
        claimed.add(match);
        const changes = diffRule(want, match.rule);
        return {
            action: changes.length ? 'update' : 'unchanged',
            ...common,
            id: match.id,
            changes,
            ...(adopted ? { adoptedFrom: adopted.name } : {}),
        };
    });
    for (const [, r] of managed) {
        if (claimed.has(r))
            continue;
        planned.push({
            action: opts.prune ? 'delete' : 'keep',
            kind: r.kind,
            project: r.project,
            name: managedBaseName(r.name) ?? r.name,
            id: r.id,
            changes: [],
        });
    }
    const counts = { create: 0, update: 0, delete: 0, unchanged: 0, keep: 0 };
    for (const p of planned)
        counts[p.action]++;
    return { org, rules: planned, counts };
}
/** True when applying the plan would change something in Sentry. */
function hasChanges(plan) {
    return plan.counts.create + plan.counts.update + plan.counts.delete > 0;
}
const ISSUE_FIELDS = [
    'name',
    'actionMatch',
    'filterMatch',
    'frequency',
    'environment',
    'conditions',
    'filters',
    'actions',
];
const METRIC_FIELDS = [
    'name',
    'aggregate',
    'dataset',
    'queryType',
    'eventTypes',
    'query',
    'timeWindow',
    'thresholdType',
    'resolveThreshold',
    'environment',
    'projects',
];
/** The fields faultline sets that differ between the wanted body and the rule Sentry holds. */
function diffRule(want, have) {
    const changes = [];
    const compare = (field, after, before) => {
        if (!sameValue(after, before))
            changes.push({ field, before: before ?? null, after: after ?? null });
    };
    if (want.kind === 'issue') {
        const h = have;
        for (const f of ISSUE_FIELDS)
            compare(f, want.body[f], h[f]);
        return changes;
    }
    const h = have;
    for (const f of METRIC_FIELDS) {
        // A server that leaves out an optional field we send is not a difference worth an update.
        if (want.body[f] === undefined || (f === 'queryType' && h[f] === undefined))
            continue;
        compare(f, want.body[f], h[f]);
    }
    for (const label of ['critical', 'warning']) {
        const w = want.body.triggers.find((t) => t.label === label);
        const c = (h.triggers ?? []).find((t) => t.label === label);
        if (!w || !c) {
            if (w || c)
                compare(label, w ? w.alertThreshold : undefined, c ? c.alertThreshold : undefined);
            continue;
        }
        compare(`${label}.alertThreshold`, w.alertThreshold, c.alertThreshold);
        compare(`${label}.actions`, w.actions, c.actions);
    }
    return changes;
}
/**
 * Equality as Sentry round-trips values: ids may come back as strings, null and absent mean the same, and a node
 * may carry fields Sentry adds (a label, a `name`): only the fields faultline sends are compared.
 */
function sameValue(want, have) {
    if (want === undefined || want === null || want === '')
        return have === undefined || have === null || have === '';
    if (Array.isArray(want)) {
        return Array.isArray(have) && have.length === want.length && want.every((w, i) => sameValue(w, have[i]));
    }
    if (typeof want === 'object') {
        if (!have || typeof have !== 'object' || Array.isArray(have))
            return false;
        return Object.entries(want).every(([k, w]) => sameValue(w, have[k]));
    }
    if (typeof want === 'number' || typeof have === 'number')
        return Number(want) === Number(have);
    return want === have;
}

;// CONCATENATED MODULE: ./.build/src/alerts/sentry-errors.js
/**
 * Sentry's validation errors mapped back to the config key that caused them: `{"triggers": [...]}` on a metric rule
 * is `alerts.metric[0].critical`, `{"frequency": [...]}` on an issue rule is `alerts.issue[1].every`. Pure.
 */

const ISSUE_KEYS = {
    name: 'name',
    environment: 'environment',
    frequency: 'every',
    conditions: 'when',
    actionMatch: 'match',
    filters: 'level',
    filterMatch: 'level',
    actions: 'notify',
};
const METRIC_KEYS = {
    name: 'name',
    aggregate: 'measure',
    dataset: 'measure',
    queryType: 'measure',
    eventTypes: 'measure',
    query: 'query',
    timeWindow: 'window',
    environment: 'environment',
    projects: 'project',
    thresholdType: 'critical',
    resolveThreshold: 'critical.resolve',
};
/** The config key a message that names no field is about, read from Sentry's wording. */
function keyFromText(kind, text) {
    if (kind === 'issue') {
        if (/environment/i.test(text))
            return 'environment';
        if (/action/i.test(text))
            return 'notify';
        if (/condition|trigger/i.test(text))
            return 'when';
        return undefined;
    }
    if (/warning/i.test(text))
        return 'warning';
    if (/resol/i.test(text))
        return 'critical.resolve';
    if (/critical|threshold|trigger/i.test(text))
        return 'critical';
    if (/time window/i.test(text))
        return 'window';
    if (/metric|aggregate|dataset/i.test(text))
        return 'measure';
    if (/query/i.test(text))
        return 'query';
    return undefined;
}
/** `triggers: [{}, {alertThreshold: [...]}]` is about the second trigger, which is the warning. */
function triggerKey(value) {
    if (Array.isArray(value) && value.length > 1) {
        const second = value[1];
        const empty = !second ||
            (typeof second === 'object' && Object.keys(second).length === 0) ||
            (Array.isArray(second) && second.length === 0);
        if (!empty && typeof second === 'object')
            return 'warning';
    }
    return /warning/i.test((0,errors/* validationText */.nP)(value)) ? 'warning' : 'critical';
}
function hasMessage(value) {
    if (typeof value === 'string')
        return true;
    if (Array.isArray(value))
        return value.some(hasMessage);
    return !!value && typeof value === 'object' && Object.values(value).some(hasMessage);
}
/** Each field Sentry refused, at the key of `rule` in the config that produced it. */
function mapSentryValidation(rule, fields) {
    const root = rule.path ?? `${rule.kind} rule "${rule.name}"`;
    const keys = rule.kind === 'issue' ? ISSUE_KEYS : METRIC_KEYS;
    // Fields without a message are context (a duplicate's `ruleId`), not a refusal.
    const refused = Object.entries(fields).filter(([, value]) => hasMessage(value));
    return refused.map(([field, value]) => {
        const text = (0,errors/* validationText */.nP)(value) || 'refused';
        let key;
        if (rule.kind === 'metric' && field === 'triggers')
            key = triggerKey(value);
        else
            key = keys[field] ?? keyFromText(rule.kind, text);
        return {
            path: key ? `${root}.${key}` : root,
            message: `Sentry refused ${field === 'nonFieldErrors' || field === 'non_field_errors' ? 'the rule' : field}: ${text}`,
        };
    });
}
/** Sentry refused a rule; `problems` name the config keys. */
class AlertsApplyError extends Error {
    name = 'AlertsApplyError';
    problems;
    rule;
    constructor(rule, problems) {
        super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
        this.rule = rule;
        this.problems = problems;
    }
}

;// CONCATENATED MODULE: ./.build/src/alerts/apply.js




/** What the organization has that the config's notify entries name; only the lookups they need are made. */
async function readDirectory(client, config) {
    const needs = directoryNeeds([
        ...config.issue.map((r) => ({ kind: 'issue', notify: r.notify })),
        ...config.metric.map((r) => ({ kind: 'metric', notify: r.notify })),
    ]);
    const [installations, integrations, metricActions, teams, members] = await Promise.all([
        needs.installations ? client.listSentryAppInstallations() : EMPTY_DIRECTORY.installations,
        needs.integrations ? client.listOrganizationIntegrations() : EMPTY_DIRECTORY.integrations,
        needs.metricActions ? client.listAvailableMetricActions() : EMPTY_DIRECTORY.metricActions,
        needs.teams ? client.listTeams() : EMPTY_DIRECTORY.teams,
        needs.members ? client.listMembers() : EMPTY_DIRECTORY.members,
    ]);
    return { installations, integrations, metricActions, teams, members };
}
/** Every project the config names: `sentry.projects` and each rule's own `projects`. */
function configProjects(config) {
    return [
        ...new Set([
            ...config.projects,
            ...config.issue.flatMap((r) => r.projects),
            ...config.metric.flatMap((r) => r.projects),
        ]),
    ];
}
/**
 * The rules Sentry holds in the config's projects. Metric rules are listed for the whole organization and kept to
 * those projects, so a repository never prunes the rules another repository manages for its own projects.
 */
async function readCurrentRules(client, config) {
    const projects = configProjects(config);
    const [issueLists, metric] = await Promise.all([
        Promise.all(projects.map(async (project) => (await client.listIssueAlertRules(project)).map((r) => ({ ...r, project })))),
        client.listMetricAlertRules(),
    ]);
    const ours = metric.filter((rule) => (rule.projects ?? []).some((p) => projects.includes(String(p))));
    return { issue: issueLists.flat(), metric: ours };
}
/** Reads Sentry and plans; throws AlertsPlanError when a notify entry names something the organization lacks. */
async function planAlertRules(client, config) {
    const [directory, current] = await Promise.all([readDirectory(client, config), readCurrentRules(client, config)]);
    return planAlerts(config.org, desiredRules(config, directory), current, { prune: config.prune });
}
/**
 * Applies a plan in order (creates and updates, then deletes). A rule Sentry refuses stops the run with an
 * AlertsApplyError naming the config key; what was applied before it stays applied, and the next plan shows the
 * rest.
 */
async function applyAlertsPlan(client, plan) {
    const applied = [];
    const ordered = [
        ...plan.rules.filter((r) => r.action !== 'delete'),
        ...plan.rules.filter((r) => r.action === 'delete'),
    ];
    for (const rule of ordered) {
        const done = await applyOne(client, rule);
        if (done)
            applied.push(done);
    }
    return applied;
}
async function applyOne(client, rule) {
    const what = { kind: rule.kind, project: rule.project, name: rule.name };
    try {
        switch (rule.action) {
            case 'create': {
                const made = rule.kind === 'issue'
                    ? await client.createIssueAlertRule(rule.project, rule.body)
                    : await client.createMetricAlertRule(rule.body);
                return { action: 'created', ...what, id: String(made.id) };
            }
            case 'update': {
                const id = rule.id;
                if (rule.kind === 'issue')
                    await client.updateIssueAlertRule(rule.project, id, rule.body);
                else
                    await client.updateMetricAlertRule(id, rule.body);
                return { action: 'updated', ...what, id };
            }
            case 'delete': {
                const id = rule.id;
                if (rule.kind === 'issue')
                    await client.deleteIssueAlertRule(rule.project, id);
                else
                    await client.deleteMetricAlertRule(id);
                return { action: 'deleted', ...what, id };
            }
            default:
                return undefined;
        }
    }
    catch (error) {
        if (error instanceof errors/* SentryValidationError */.bP)
            throw new AlertsApplyError(rule, mapSentryValidation(rule, error.fields));
        throw error;
    }
}

;// CONCATENATED MODULE: ./.build/src/alerts/render.js
const SIGN = { create: '+', update: '~', delete: '-', unchanged: '=', keep: '!' };
const VERB = {
    create: 'create',
    update: 'update',
    delete: 'delete',
    unchanged: 'unchanged',
    keep: 'kept',
};
/** One line: `2 to create, 1 to update, 0 to delete, 3 unchanged`. */
function summarizePlan(plan) {
    const { create, update, delete: del, unchanged, keep } = plan.counts;
    const kept = keep ? `, ${keep} left out of the config and kept (prune: true deletes them)` : '';
    return `${create} to create, ${update} to update, ${del} to delete, ${unchanged} unchanged${kept}`;
}
/** Short JSON of a value for one diff line, bounded so a long action list stays readable. */
function showValue(value) {
    const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null);
    return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
function note(rule) {
    if (rule.adoptedFrom)
        return ` (adopts the hand-made rule "${rule.adoptedFrom}")`;
    if (rule.action === 'keep')
        return ' (not in the config; prune: true deletes it)';
    return '';
}
function changeLine(change) {
    return `${change.field}: ${showValue(change.before)} → ${showValue(change.after)}`;
}
function renderPlanText(plan) {
    if (plan.rules.length === 0)
        return `Alert rules (${plan.org}): none configured, none managed.`;
    const lines = [`Alert rules (${plan.org}): ${summarizePlan(plan)}`, ''];
    const kindWidth = 6;
    const projectWidth = Math.max(7, ...plan.rules.map((r) => r.project.length));
    for (const rule of plan.rules) {
        const verb = VERB[rule.action].padEnd(9);
        lines.push(`  ${SIGN[rule.action]} ${verb} ${rule.kind.padEnd(kindWidth)} ${rule.project.padEnd(projectWidth)} ${rule.name}${note(rule)}`);
        for (const change of rule.changes)
            lines.push(`        ${changeLine(change)}`);
    }
    return lines.join('\n');
}
const cell = (text) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text) => `\`${text.replace(/`/g, "'")}\``;
function renderPlanMarkdown(plan) {
    const lines = [`### Alert rules · ${cell(plan.org)}`, '', summarizePlan(plan), ''];
    if (plan.rules.length === 0)
        return lines.join('\n');
    lines.push('| | change | kind | project | rule | fields |', '|---|---|---|---|---|---|');
    for (const rule of plan.rules) {
        const fields = rule.changes.map((c) => `${code(c.field)}: ${cell(code(showValue(c.before)))} → ${cell(code(showValue(c.after)))}`);
        lines.push(`| ${SIGN[rule.action]} | ${VERB[rule.action]} | ${rule.kind} | ${cell(rule.project)} | ${cell(rule.name + note(rule))} | ${fields.join('<br>')} |`);
    }
    return lines.join('\n');
}
function renderApplied(org, applied) {
    if (applied.length === 0)
        return `Alert rules (${org}): nothing to change.`;
    const count = (a) => applied.filter((r) => r.action === a).length;
    return [
        `Alert rules (${org}): ${count('created')} created, ${count('updated')} updated, ${count('deleted')} deleted`,
        '',
        ...applied.map((r) => `  ${r.action.padEnd(7)} ${r.kind.padEnd(6)} ${r.project}  ${r.name}  (id ${r.id})`),
    ].join('\n');
}

;// CONCATENATED MODULE: ./.build/src/alerts/index.js
/** Alert rules as code: the config section, the plan against Sentry, and apply. No @actions, no probot. */










/***/ }),

/***/ 9464:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ES: () => (/* binding */ SentryConfigError),
/* harmony export */   I9: () => (/* binding */ SentryAssembleError),
/* harmony export */   Oy: () => (/* binding */ SentryConnectionError),
/* harmony export */   bP: () => (/* binding */ SentryValidationError),
/* harmony export */   nP: () => (/* binding */ validationText),
/* harmony export */   qC: () => (/* binding */ SentryApiError)
/* harmony export */ });
/** Typed errors of the Sentry client. Messages name the endpoint and what to do; they never hold the token. */
/** Sentry answered with an error status (or, for the subclass below, could not be reached). */
class SentryApiError extends Error {
    /** HTTP status; 0 when no response arrived (see SentryConnectionError). */
    status;
    /** Method and path, e.g. `PUT /api/0/organizations/acme/releases/1.0/`. */
    endpoint;
    /** Sentry's own `detail` / `error` text, or a summary of its validation errors. */
    detail;
    /** What the user should do about it. */
    hint;
    /** How many attempts were made before giving up. */
    attempts;
    /** For 429: how long Sentry asked us to wait, when that was beyond our bound. */
    retryAfterMs;
    constructor(init, message) {
        super(message ?? describeApiError(init));
        this.name = 'SentryApiError';
        this.status = init.status;
        this.endpoint = init.endpoint;
        if (init.detail !== undefined)
            this.detail = init.detail;
        this.hint = init.hint;
        this.attempts = init.attempts ?? 1;
        if (init.retryAfterMs !== undefined)
            this.retryAfterMs = init.retryAfterMs;
    }
}
/** No HTTP response: connection refused/reset, DNS failure, or the per-request timeout. `status` is 0. */
class SentryConnectionError extends SentryApiError {
    /** `ECONNRESET`, `ECONNREFUSED`, `UND_ERR_SOCKET`, `TIMEOUT`, ... */
    code;
    constructor(init) {
        const attempts = init.attempts ?? 1;
        super({ ...init, status: 0 }, `Sentry API ${init.endpoint} failed: ${init.reason}` +
            (attempts > 1 ? ` (after ${attempts} attempts)` : '') +
            `. ${init.hint}`);
        this.name = 'SentryConnectionError';
        this.code = init.code;
        if (init.cause !== undefined)
            this.cause = init.cause;
    }
}
/** A client option is missing or malformed (checked before any request is made). */
class SentryConfigError extends Error {
    /** The option or environment variable at fault, e.g. `SENTRY_URL`. */
    setting;
    constructor(setting, message) {
        super(message);
        this.name = 'SentryConfigError';
        this.setting = setting;
    }
}
/** Sentry reported that an artifact bundle could not be assembled, or it did not finish in time. */
class SentryAssembleError extends Error {
    checksum;
    state;
    detail;
    constructor(init, message) {
        super(message);
        this.name = 'SentryAssembleError';
        this.checksum = init.checksum;
        this.state = init.state;
        this.detail = init.detail;
    }
}
function describeApiError(init) {
    const status = init.statusText ? `${init.status} ${init.statusText}` : String(init.status);
    const detail = init.detail ? `: ${init.detail}` : '';
    const attempts = (init.attempts ?? 1) > 1 ? ` (after ${init.attempts} attempts)` : '';
    return `Sentry API ${init.endpoint} failed with ${status}${detail}${attempts}. ${init.hint}`;
}
/**
 * Sentry refused a body with 400 and said which fields were wrong (Django REST framework's `{"field": [...]}`,
 * nested for list items). `fields` is that body as sent, for callers that map it back to their own keys.
 */
class SentryValidationError extends SentryApiError {
    fields;
    constructor(init) {
        const summary = Object.entries(init.fields)
            .map(([key, value]) => `${key}: ${validationText(value)}`)
            .join('; ');
        super({
            status: 400,
            endpoint: init.endpoint,
            detail: summary,
            hint: 'Fix the fields Sentry names and try again.',
        });
        this.name = 'SentryValidationError';
        this.fields = init.fields;
    }
}
/** The messages in a DRF error value (a string, a list of them, or nested objects for list items). */
function validationText(value) {
    if (typeof value === 'string')
        return value;
    if (Array.isArray(value))
        return value.map(validationText).filter(Boolean).join(' ');
    if (value && typeof value === 'object') {
        return Object.entries(value)
            .map(([k, v]) => `${k}: ${validationText(v)}`)
            .join('; ');
    }
    return value === undefined || value === null ? '' : String(value);
}


/***/ })

};
