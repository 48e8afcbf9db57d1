export {
  type AssembleBody,
  type ChunkData,
  type CreateDeployBody,
  type CreateReleaseBody,
  SentryClient,
  type SentryClientOptions,
  type UpdateIssueBody,
  type UpdateReleaseBody,
  type WaitForAssembleOptions,
} from './client.ts';
export {
  SentryApiError,
  SentryAssembleError,
  SentryConfigError,
  SentryConnectionError,
  SentryValidationError,
} from './errors.ts';
export { SentryAnswerError } from './answers.ts';
export { scopesFor } from './hints.ts';
export { type SentryAgents, sharedSentryAgents } from './agents.ts';
export { type AgentFetch, agentFetch } from './agent-fetch.ts';
export { nextPageCursor, parseLinkHeader } from './pagination.ts';
export type * from './alert-rule-types.ts';
export type * from './types.ts';
export { signWebhookBody, verifyWebhookSignature } from './webhook-signature.ts';
