/** Errors of the release pipeline. Messages name the input, the value, and what to do; never a token. */

/** An input (action input, CLI flag or environment variable) is missing or malformed; nothing was sent. */
export class ReleaseInputError extends Error {
  /** The action input name (`set_commits`), as the user wrote it in the workflow. */
  readonly input: string;

  constructor(input: string, message: string) {
    super(message);
    this.name = 'ReleaseInputError';
    this.input = input;
  }
}

/** A pipeline step could not do its job; `step` names it and `hint` says what to do. */
export class ReleaseStepError extends Error {
  readonly step: string;
  readonly hint: string;

  constructor(step: string, message: string, hint: string, cause?: unknown) {
    super(`${message}. ${hint}`);
    this.name = 'ReleaseStepError';
    this.step = step;
    this.hint = hint;
    if (cause !== undefined) this.cause = cause;
  }
}

/** A commit the range needs (usually the previous release's head) is unknown to git or to GitHub. */
export class MissingCommitError extends Error {
  readonly sha: string;

  constructor(sha: string, where: string) {
    super(`commit ${sha} was not found in ${where}`);
    this.name = 'MissingCommitError';
    this.sha = sha;
  }
}
