import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { apiTokenRoles, can, permissionRoles, permissions, permissionsOf, roles } from './access.js';

const isReadOnly = (permission: string) => permission.endsWith('.read') || permission === 'tasks.mine';

describe('the access policy', () => {
  it('gives admins every permission', () => {
    expect(permissionsOf('admin')).toEqual(permissions);
  });

  it('gives program managers everything but organisation administration', () => {
    const adminOnly = permissions.filter((p) => !can('program_manager', p));
    expect(adminOnly.sort()).toEqual(
      [
        'api-tokens.manage',
        'invitations.manage',
        'members.manage',
        'organization.manage',
        'security-events.read',
        'sso.manage',
      ].sort(),
    );
  });

  it('lets executives read everything in the organisation and change nothing', () => {
    expect(permissionsOf('executive').every(isReadOnly)).toBe(true);
    for (const p of ['overview.read', 'schedule.read', 'cost.read', 'programs.read'] as const) {
      expect(can('executive', p), p).toBe(true);
    }
  });

  it('keeps auditors to reading programs, never cost, schedule or people', () => {
    expect(permissionsOf('auditor').every(isReadOnly)).toBe(true);
    for (const p of [
      'cost.read',
      'schedule.read',
      'overview.read',
      'members.read',
      'tasks.mine',
      'implementation.read',
    ] as const) {
      expect(can('auditor', p), p).toBe(false);
    }
  });

  it('lets control owners work on tasks and evidence but not run programs', () => {
    expect(can('control_owner', 'tasks.work')).toBe(true);
    expect(can('control_owner', 'evidence.upload')).toBe(true);
    expect(can('control_owner', 'programs.create')).toBe(false);
    expect(can('control_owner', 'programs.operate')).toBe(false);
    expect(can('control_owner', 'implementation.read')).toBe(true);
    expect(can('control_owner', 'implementation.manage')).toBe(false);
    expect(can('control_owner', 'cost.read')).toBe(false);
  });

  it('names only known roles and lets tokens act only as roles that need no person', () => {
    for (const allowed of Object.values(permissionRoles)) {
      for (const role of allowed) expect(roles).toContain(role);
    }
    expect(apiTokenRoles).not.toContain('auditor');
    expect(apiTokenRoles).not.toContain('control_owner');
  });
});

it('imports nothing but zod, so the web bundle never pulls in Temporal', () => {
  const source = readFileSync(new URL('./access.ts', import.meta.url), 'utf8');
  const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map((match) => match[1]);
  expect(imports).toEqual(['zod']);
});
