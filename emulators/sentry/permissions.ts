/**
 * Which token may call which route, as Sentry's permission classes decide: a route names the scopes that allow each
 * method (any one is enough), and a token without one gets 403 with Django REST framework's PermissionDenied body.
 * Integration-platform installation routes follow their own rule: a Sentry App token acts only on its own app's
 * installations, whatever its scopes; a user token needs the route's scopes. Sources: README.md, "Where each fact
 * comes from".
 */
import type { InstallationRecord } from './state.ts';

import type { ScopeMap } from './http.ts';

export type { ScopeMap };

/** OrganizationReleasePermission and ProjectReleasePermission: releases, files, chunk upload, assemble. */
export const RELEASE_PERMISSION: ScopeMap = {
  GET: ['project:read', 'project:write', 'project:admin', 'project:releases', 'org:ci'],
  POST: ['project:write', 'project:admin', 'project:releases', 'org:ci'],
  PUT: ['project:write', 'project:admin', 'project:releases', 'org:ci'],
  DELETE: ['project:admin', 'project:releases'],
};

/** GroupPermission, ProjectEventPermission and OrganizationEventPermission: issues, their events and notes. */
export const EVENT_PERMISSION: ScopeMap = {
  GET: ['event:read', 'event:write', 'event:admin'],
  POST: ['event:write', 'event:admin'],
  PUT: ['event:write', 'event:admin'],
  DELETE: ['event:admin'],
};

/** SentryAppInstallationExternalIssuePermission, for a user token. */
export const EXTERNAL_ISSUE_PERMISSION: ScopeMap = {
  POST: ['event:read', 'event:write', 'event:admin'],
  DELETE: ['event:admin'],
};

/** SentryAppInstallationPermission for a user token; `PUT` (marking it installed) is the app's alone. */
export const INSTALLATION_PERMISSION: ScopeMap = {
  GET: ['org:read', 'org:integrations', 'org:write', 'org:admin'],
  DELETE: ['org:integrations', 'org:write', 'org:admin'],
};

export const PERMISSION_DENIED = { detail: 'You do not have permission to perform this action.' };

/** Who calls: the token's scopes, and the installation when it is a Sentry App's token. */
export interface Caller {
  scopes: readonly string[];
  installation?: InstallationRecord;
}

/** True when one of the scopes `map` names for `method` was granted; a method the map leaves out is refused. */
export function scopesAllow(map: ScopeMap, method: string, granted: readonly string[]): boolean {
  return (map[method] ?? []).some((scope) => granted.includes(scope));
}

/** The rule of Sentry's installation endpoints: an app acts on its own installations, a user by scopes. */
export function installationAllows(
  map: ScopeMap,
  method: string,
  caller: Caller,
  installation: InstallationRecord,
): boolean {
  if (caller.installation) return caller.installation.app.uuid === installation.app.uuid;
  return scopesAllow(map, method, caller.scopes);
}
