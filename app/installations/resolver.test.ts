import { describe, expect, it } from 'vitest';
import { InstallationResolver } from './resolver.ts';
import type { Installation } from '../store/index.ts';
import { useStore } from '../../test/app-world/store.ts';

const stored: Installation = {
  uuid: 'public-uuid',
  orgSlug: 'globex',
  appSlug: 'faultline',
  status: 'installed',
  token: 'own-token',
  refreshToken: null,
  tokenExpiresAt: null,
};

describe('InstallationResolver', () => {
  const store = useStore('sqlite');

  it('internal mode: an unknown uuid is SENTRY_ORG with SENTRY_AUTH_TOKEN; a stored one stays itself', async () => {
    await store().upsertInstallation(stored, 1);
    const tokens = { tokenFor: async (uuid: string) => (uuid === stored.uuid ? 'own-token' : undefined) };
    const resolver = new InstallationResolver({ store: store(), tokens, authToken: 'internal', org: 'acme' });
    expect(await resolver.getInstallation('never-seen')).toMatchObject({ uuid: 'never-seen', orgSlug: 'acme' });
    expect(await resolver.tokenFor('never-seen')).toBe('internal');
    expect(await resolver.getInstallation(stored.uuid)).toMatchObject({ orgSlug: 'globex' });
    expect(await resolver.tokenFor(stored.uuid)).toBe('own-token');
    // The store view answers installations through the resolver and everything else from the real store.
    const view = resolver.view(store());
    expect((await view.getInstallation('never-seen'))?.orgSlug).toBe('acme');
    expect(await view.getLink('no-such-issue')).toBeUndefined();
  });

  it('without SENTRY_ORG an unknown uuid stays unknown', async () => {
    const resolver = new InstallationResolver({ store: store(), authToken: 'token' });
    expect(resolver.internal).toBeUndefined();
    expect(await resolver.getInstallation('never-seen')).toBeUndefined();
    expect(await resolver.view(store()).getInstallation('never-seen')).toBeUndefined();
  });
});
