/**
 * The seed the GitHub emulator takes (`startGitHubEmulator({ seed })`, `emulator.seed()`, `POST /__emulator/seed`),
 * validated with one schema so a wrong seed fails with the field that is wrong.
 */
import { z } from 'zod';

const author = z.object({ name: z.string(), email: z.string(), login: z.string().optional() });

const commit = z.object({
  sha: z.string().optional(),
  message: z.string(),
  author,
  committer: author.optional(),
  parents: z.array(z.string()).optional(),
  files: z.record(z.string(), z.string().nullable()).optional(),
  date: z.string().optional(),
});

const pull = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullable().optional(),
  /** Login of the author. */
  user: z.string(),
  head_sha: z.string(),
  /** Branch names; default head "pr-<number>", base the repo's default branch. */
  head_ref: z.string().optional(),
  base_ref: z.string().optional(),
  merge_commit_sha: z.string().nullable().optional(),
  /** The PR's commits, oldest first (they may be seed commits off the default branch). */
  commits: z.array(z.string()).default([]),
  merged: z.boolean().default(false),
  state: z.enum(['open', 'closed']).optional(),
  created_at: z.string().optional(),
  merged_at: z.string().optional(),
  labels: z.array(z.string()).optional(),
});

const issue = z.object({
  number: z.number().int().positive().optional(),
  title: z.string(),
  body: z.string().nullable().optional(),
  user: z.string().optional(),
  state: z.enum(['open', 'closed']).default('open'),
  labels: z.array(z.string()).default([]),
  assignees: z.array(z.string()).default([]),
  comments: z.array(z.object({ body: z.string(), user: z.string().optional() })).default([]),
});

const label = z.object({
  name: z.string(),
  color: z.string().default('ededed'),
  description: z.string().nullable().default(null),
});

const repo = z.object({
  full_name: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'owner/name'),
  default_branch: z.string().default('main'),
  private: z.boolean().default(false),
  description: z.string().nullable().default(null),
  commits: z.array(commit).default([]),
  /** Branch → head SHA; the default branch defaults to the last commit listed. */
  branches: z.record(z.string(), z.string()).default({}),
  tags: z.record(z.string(), z.string()).default({}),
  pulls: z.array(pull).default([]),
  issues: z.array(issue).default([]),
  labels: z.array(label).default([]),
  /** Logins that may be assigned; commit and PR authors and the owner are added automatically. */
  collaborators: z.array(z.string()).default([]),
});

const installation = z.object({
  id: z.number().int().positive(),
  account: z.string(),
  account_type: z.enum(['Organization', 'User']).default('Organization'),
  /** "owner/name" of each repo the installation may use. */
  repos: z.array(z.string()).default([]),
});

export const gitHubSeedSchema = z.object({
  app: z
    .object({
      id: z.number().int().positive().optional(),
      slug: z.string().optional(),
      name: z.string().optional(),
      owner: z.string().optional(),
      /** PEM public key of the app: when given, app JWTs must be signed by its private key and name this app. */
      public_key: z.string().optional(),
    })
    .optional(),
  installations: z.array(installation).default([]),
  repos: z.array(repo).default([]),
  /** Personal-access-style tokens (e.g. an Actions GITHUB_TOKEN): `repos` absent → every repo. */
  tokens: z
    .array(
      z.object({
        token: z.string().min(1),
        login: z.string().default('octocat'),
        repos: z.array(z.string()).optional(),
      }),
    )
    .default([]),
});

/** What callers write (defaults optional). */
export type GitHubSeed = z.input<typeof gitHubSeedSchema>;
export type ParsedSeed = z.output<typeof gitHubSeedSchema>;
export type SeedRepo = ParsedSeed['repos'][number];
export type SeedPull = SeedRepo['pulls'][number];

export class InvalidSeedError extends Error {
  override name = 'InvalidSeedError';
}

export function parseSeed(input: unknown): ParsedSeed {
  const result = gitHubSeedSchema.safeParse(input ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new InvalidSeedError(
      `GitHub emulator seed is invalid: ${problems.join('; ')} (see emulators/github/README.md)`,
    );
  }
  return result.data;
}
