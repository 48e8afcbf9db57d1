export const id = 240;
export const ids = [240];
export const modules = {

/***/ 2240:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JOBS_HELP: () => (/* binding */ JOBS_HELP),
/* harmony export */   runJobsCommand: () => (/* binding */ runJobsCommand)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
// `faultline jobs list|show|retry|discard`: the app's failed work, on the app's own database (SQLite or PostgreSQL).

const JOBS_HELP = `Usage: faultline jobs <list|show|retry|discard> [flags]

  list [--state dead|pending|running|done] [--json]   the app's jobs (default: all but done)
  show ID [--json]                                    one job: state, attempts, last error, the Sentry issue (no payload)
  retry ID | --all-dead                               queue a dead job again with fresh attempts
  discard ID                                          delete a dead or pending job

Reads the database the app uses: DATABASE_URL, else FAULTLINE_DATA_DIR (default ./.faultline); .env is read as the
app reads it. Safe while the app runs: each change is one row update the workers respect.
`;
const OPTIONS = {
    state: { type: 'string' },
    json: { type: 'boolean' },
    'all-dead': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
};
const STATES = { dead: 'dead', pending: 'queued', running: 'running', done: 'done' };
async function runJobsCommand(argv, io) {
    let parsed;
    try {
        parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    }
    catch (error) {
        io.stderr(`${error.message}\n\n${JOBS_HELP}`);
        return 1;
    }
    const { values, positionals } = parsed;
    const [action, idText] = positionals;
    if (values.help || !action) {
        (values.help ? io.stdout : io.stderr)(JOBS_HELP);
        return values.help ? 0 : 1;
    }
    const { JobsAdminError, openJobsAdmin } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(62), __webpack_require__.e(387)]).then(__webpack_require__.bind(__webpack_require__, 1271));
    let admin;
    try {
        admin = await openJobsAdmin(io.env, io.cwd);
    }
    catch (error) {
        io.stderr(`faultline jobs: ${error instanceof JobsAdminError ? error.message : describe(error)}`);
        return 1;
    }
    try {
        return await dispatch(admin, action, idText, values, io);
    }
    finally {
        await admin.close();
    }
}
async function dispatch(admin, action, idText, values, io) {
    if (action === 'list') {
        const state = values.state;
        if (state !== undefined && !(state in STATES)) {
            io.stderr(`--state is "${state}": expected dead, pending, running or done`);
            return 1;
        }
        const jobs = (await admin.list(state ? STATES[state] : undefined)).filter((job) => state !== undefined || job.state !== 'done');
        if (values.json)
            io.stdout(JSON.stringify(jobs, null, 2));
        else if (jobs.length === 0)
            io.stdout('no jobs');
        else
            for (const job of jobs)
                io.stdout(renderJobLine(job));
        return 0;
    }
    if (action === 'retry' && values['all-dead']) {
        const retried = await admin.retryAllDead();
        io.stdout(retried.length ? `queued again: ${retried.join(', ')}` : 'no dead jobs');
        return 0;
    }
    const id = Number(idText);
    if (!Number.isInteger(id) || id <= 0) {
        io.stderr(`faultline jobs ${action}: expected a job ID (a number from \`faultline jobs list\`), got "${idText ?? ''}"`);
        return 1;
    }
    if (action === 'show') {
        const job = await admin.show(id);
        if (!job)
            return notFound(io, id);
        if (values.json)
            io.stdout(JSON.stringify(job, null, 2));
        else
            io.stdout([
                `job ${job.id}  ${job.type}  ${job.state}`,
                `attempts      ${job.attempts} of ${job.maxAttempts}`,
                `runs at       ${job.runAt}`,
                `sentry issue  ${job.sentryIssueId ?? '-'}`,
                `last error    ${job.lastError ?? '-'}`,
            ].join('\n'));
        return 0;
    }
    if (action === 'retry') {
        if (await admin.retry(id)) {
            io.stdout(`job ${id} queued again`);
            return 0;
        }
        io.stderr(`job ${id} is not dead (or does not exist): only dead jobs are retried`);
        return 1;
    }
    if (action === 'discard') {
        if (await admin.discard(id)) {
            io.stdout(`job ${id} discarded`);
            return 0;
        }
        io.stderr(`job ${id} is running or does not exist: only dead or pending jobs are discarded`);
        return 1;
    }
    io.stderr(`unknown jobs command "${action}"\n\n${JOBS_HELP}`);
    return 1;
}
function renderJobLine(job) {
    const state = job.state === 'queued' ? 'pending' : job.state;
    return `${String(job.id).padStart(6)}  ${state.padEnd(8)} ${job.type.padEnd(20)} ${job.attempts}/${job.maxAttempts}  ${job.lastError ?? ''}`;
}
function notFound(io, id) {
    io.stderr(`no job ${id}`);
    return 1;
}
function describe(error) {
    const code = error.code;
    return `cannot open the app's database (${code ?? error.message}): check DATABASE_URL or FAULTLINE_DATA_DIR`;
}


/***/ })

};
