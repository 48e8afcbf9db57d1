// Triage reads the whole repository config (app/services/repo-config.ts); these are the names its modules use for it.
export {
  CONFIG_FILE,
  type IgnoreRule,
  LEVELS,
  type Level,
  type ParsedRepoConfig as ParsedConfig,
  parseRepoConfig as parseTriageConfig,
  type RepoConfig as TriageConfig,
} from '../services/repo-config.ts';
