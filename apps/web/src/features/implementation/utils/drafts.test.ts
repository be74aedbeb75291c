import { describe, expect, it } from 'vitest';

import { draftOf, issueTarget, sameDraft, toItem } from './drafts';

describe('status drafts', () => {
  it('sends trimmed values and null for what was left empty', () => {
    expect(
      toItem('iso27001:A.5.15', {
        status: 'implemented',
        ownerEmail: ' ciso@acme.example ',
        evidence: '',
        note: 'Quarterly review',
        justification: ' ',
      }),
    ).toEqual({
      requirementId: 'iso27001:A.5.15',
      status: 'implemented',
      ownerEmail: 'ciso@acme.example',
      evidence: null,
      note: 'Quarterly review',
      justification: null,
    });
    expect(toItem('iso27001:A.5.15', draftOf(undefined))).toBeUndefined();
  });

  it('knows when a row is unchanged, and which row and field a 400 names', () => {
    expect(sameDraft(draftOf(undefined), { ...draftOf(undefined) })).toBe(true);
    expect(sameDraft(draftOf(undefined), { ...draftOf(undefined), note: 'x' })).toBe(false);
    expect(issueTarget('items.1.justification', ['a', 'b'])).toEqual({
      requirementId: 'b',
      field: 'justification',
    });
    expect(issueTarget('items.0', ['a'])).toEqual({ requirementId: 'a', field: 'status' });
    expect(issueTarget('items.9.status', ['a'])).toBeUndefined();
  });
});
