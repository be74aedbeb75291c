import type { Me } from '@certflow/api-client';
import { permissionsOf } from '@certflow/contracts/access';
import { describe, expect, it } from 'vitest';

import { canIn, membershipIn } from './me';

function me(
  memberships: { id: string; role: Me['memberships'][number]['role']; access?: 'granted' | 'sso_required' }[],
): Me {
  return {
    user: { id: 'u', email: 'a@acme.example', name: null },
    apiToken: null,
    session: { method: 'password', expiresAt: '2030-01-01T00:00:00.000Z' },
    memberships: memberships.map(({ id, role, access = 'granted' }) => ({
      organization: { id, name: id, slug: id },
      role,
      permissions: permissionsOf(role),
      ssoRequired: access === 'sso_required',
      access,
    })),
  };
}

describe('canIn', () => {
  it('reads the shared access table for the person’s role in that organisation', () => {
    const person = me([
      { id: 'acme', role: 'program_manager' },
      { id: 'globex', role: 'auditor' },
    ]);
    expect(canIn(person, 'acme', 'programs.create')).toBe(true);
    expect(canIn(person, 'globex', 'programs.create')).toBe(false);
    expect(canIn(person, 'globex', 'programs.read')).toBe(true);
    expect(canIn(person, 'initech', 'programs.read')).toBe(false);
    expect(membershipIn(person, 'globex')?.role).toBe('auditor');
  });

  it('offers nothing in an organisation that first needs single sign-on', () => {
    expect(canIn(me([{ id: 'acme', role: 'admin', access: 'sso_required' }]), 'acme', 'programs.read')).toBe(
      false,
    );
  });
});
