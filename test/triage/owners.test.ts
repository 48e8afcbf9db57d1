import { describe, expect, it } from 'vitest';
import { ownersFor } from '../../app/triage/owners.ts';

const CODEOWNERS = `# owners
*                 @acme/everyone
/src/billing/     @alice @acme/payments
*.md              docs@example.com
src/billing/legacy/** @bob
`;

describe('ownersFor', () => {
  it('takes the last matching rule, and assigns users only', () => {
    expect(ownersFor(CODEOWNERS, 'src/billing/invoice.ts')).toEqual({
      owners: ['@alice', '@acme/payments'],
      assignees: ['alice'],
    });
    expect(ownersFor(CODEOWNERS, 'src/billing/legacy/old.ts')).toEqual({ owners: ['@bob'], assignees: ['bob'] });
    expect(ownersFor(CODEOWNERS, 'src/routes/a.ts')).toEqual({ owners: ['@acme/everyone'], assignees: [] });
    expect(ownersFor(CODEOWNERS, 'README.md')).toEqual({ owners: ['docs@example.com'], assignees: [] });
  });
  it('has no owners without a CODEOWNERS file', () => {
    expect(ownersFor(undefined, 'a.ts')).toEqual({ owners: [], assignees: [] });
  });
});
