/** The plan (and what apply did) for people: a text table for a terminal and markdown for a job summary. Pure. */
import type { AlertsPlan, FieldChange, PlanAction, PlannedRule } from './plan.ts';

const SIGN: Record<PlanAction, string> = { create: '+', update: '~', delete: '-', unchanged: '=', keep: '!' };
const VERB: Record<PlanAction, string> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
  unchanged: 'unchanged',
  keep: 'kept',
};

/** One line: `2 to create, 1 to update, 0 to delete, 3 unchanged`. */
export function summarizePlan(plan: AlertsPlan): string {
  const { create, update, delete: del, unchanged, keep } = plan.counts;
  const kept = keep ? `, ${keep} left out of the config and kept (prune: true deletes them)` : '';
  return `${create} to create, ${update} to update, ${del} to delete, ${unchanged} unchanged${kept}`;
}

/** Short JSON of a value for one diff line, bounded so a long action list stays readable. */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

function note(rule: PlannedRule): string {
  if (rule.adoptedFrom) return ` (adopts the hand-made rule "${rule.adoptedFrom}")`;
  if (rule.action === 'keep') return ' (not in the config; prune: true deletes it)';
  return '';
}

function changeLine(change: FieldChange): string {
  return `${change.field}: ${showValue(change.before)} → ${showValue(change.after)}`;
}

export function renderPlanText(plan: AlertsPlan): string {
  if (plan.rules.length === 0) return `Alert rules (${plan.org}): none configured, none managed.`;
  const lines = [`Alert rules (${plan.org}): ${summarizePlan(plan)}`, ''];
  const kindWidth = 6;
  const projectWidth = Math.max(7, ...plan.rules.map((r) => r.project.length));
  for (const rule of plan.rules) {
    const verb = VERB[rule.action].padEnd(9);
    lines.push(
      `  ${SIGN[rule.action]} ${verb} ${rule.kind.padEnd(kindWidth)} ${rule.project.padEnd(projectWidth)} ${rule.name}${note(rule)}`,
    );
    for (const change of rule.changes) lines.push(`        ${changeLine(change)}`);
  }
  return lines.join('\n');
}

const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

export function renderPlanMarkdown(plan: AlertsPlan): string {
  const lines = [`### Alert rules · ${cell(plan.org)}`, '', summarizePlan(plan), ''];
  if (plan.rules.length === 0) return lines.join('\n');
  lines.push('| | change | kind | project | rule | fields |', '|---|---|---|---|---|---|');
  for (const rule of plan.rules) {
    const fields = rule.changes.map(
      (c) => `${code(c.field)}: ${cell(code(showValue(c.before)))} → ${cell(code(showValue(c.after)))}`,
    );
    lines.push(
      `| ${SIGN[rule.action]} | ${VERB[rule.action]} | ${rule.kind} | ${cell(rule.project)} | ${cell(rule.name + note(rule))} | ${fields.join('<br>')} |`,
    );
  }
  return lines.join('\n');
}

/** What apply did, one line per rule changed. */
export interface AppliedRule {
  action: 'created' | 'updated' | 'deleted';
  kind: PlannedRule['kind'];
  project: string;
  name: string;
  id: string;
}

export function renderApplied(org: string, applied: AppliedRule[]): string {
  if (applied.length === 0) return `Alert rules (${org}): nothing to change.`;
  const count = (a: AppliedRule['action']) => applied.filter((r) => r.action === a).length;
  return [
    `Alert rules (${org}): ${count('created')} created, ${count('updated')} updated, ${count('deleted')} deleted`,
    '',
    ...applied.map((r) => `  ${r.action.padEnd(7)} ${r.kind.padEnd(6)} ${r.project}  ${r.name}  (id ${r.id})`),
  ].join('\n');
}
