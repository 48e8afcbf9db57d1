// What the repository's config decides about one alert: is this repo allowed to receive it, is it ignored, which
// labels it gets. Pure.
import { LEVELS, type Level, type RepoConfig as TriageConfig } from '../services/repo-config.ts';

export interface AlertFacts {
  /** The Sentry organization of the installation that sent the webhook (from our installation record). */
  org: string;
  project: string;
  level?: string | undefined;
  environment?: string | undefined;
  exceptionType?: string | undefined;
  message?: string | undefined;
  culprit?: string | undefined;
}

/** Trust: a repository takes alerts only from the Sentry org and projects its own config names. */
export function repoAcceptsAlert(config: TriageConfig, facts: Pick<AlertFacts, 'org' | 'project'>): boolean {
  return (
    config.sentry.org.toLowerCase() === facts.org.toLowerCase() &&
    config.sentry.projects.some((p) => p.toLowerCase() === facts.project.toLowerCase())
  );
}

const levelRank = (level: string | undefined): number => {
  const i = LEVELS.indexOf((level ?? 'error').toLowerCase() as Level);
  return i === -1 ? LEVELS.indexOf('error') : i;
};

export type Verdict = { open: true } | { open: false; reason: string };

/** Noise controls: minimum level, then ignore rules (a rule matches when all of its fields match). */
export function judgeAlert(config: TriageConfig, facts: AlertFacts): Verdict {
  if (levelRank(facts.level) < levelRank(config.minLevel)) {
    return { open: false, reason: `level ${facts.level} is below minLevel ${config.minLevel}` };
  }
  for (const [i, rule] of config.ignore.entries()) {
    const checks: boolean[] = [];
    if (rule.type) checks.push(rule.type.includes(facts.exceptionType ?? ''));
    if (rule.environment) checks.push(rule.environment.includes(facts.environment ?? ''));
    if (rule.level) checks.push(rule.level.includes(facts.level ?? ''));
    if (rule.message) checks.push(new RegExp(rule.message, 'u').test(facts.message ?? ''));
    if (rule.culprit) checks.push(new RegExp(rule.culprit, 'u').test(facts.culprit ?? ''));
    if (checks.length > 0 && checks.every(Boolean)) return { open: false, reason: `ignore rule ${i + 1} matches` };
  }
  return { open: true };
}

/** Labels from the config: always, then by level, environment and project; no duplicates, config order kept. */
export function labelsFor(config: TriageConfig, facts: AlertFacts): string[] {
  const { labels } = config;
  const pick = (table: Record<string, string[]>, key: string | undefined) =>
    key === undefined ? [] : (table[key] ?? table[key.toLowerCase()] ?? []);
  return [
    ...new Set([
      ...labels.always,
      ...pick(labels.level, facts.level),
      ...pick(labels.environment, facts.environment),
      ...pick(labels.project, facts.project),
    ]),
  ];
}
