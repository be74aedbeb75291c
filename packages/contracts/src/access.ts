import { z } from 'zod';

/**
 * Who may do what in an organisation: the one table the API's guard enforces and the web app reads to show or
 * hide actions. Pure data (imports only zod), exported as `@certflow/contracts/access` so the browser bundle never
 * pulls in Temporal. Later features add permissions here; a role gains a capability only by being listed.
 */

export const roles = ['admin', 'program_manager', 'control_owner', 'executive', 'auditor'] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

export const roleDescriptions: Record<Role, string> = {
  admin: 'Members, invitations, API tokens and organisation settings, and everything a program manager does',
  program_manager: 'Creates and runs programs, assigns tasks, records audits and decisions',
  control_owner: 'Works on the tasks assigned to them and sees the programs those tasks belong to',
  executive: 'Reads everything in the organisation (programs, schedule, cost); changes nothing',
  auditor: 'Reads only the programs granted to them, within the grant’s dates, never cost figures',
};

const everyone = roles;
const managers = ['admin', 'program_manager'] as const;
const leadership = ['admin', 'program_manager', 'executive'] as const;
const doers = ['admin', 'program_manager', 'control_owner'] as const;

/**
 * Permission → roles. Reading permissions given to every role are further narrowed by program visibility
 * (auditors: granted programs inside the grant window; control owners: programs holding one of their tasks).
 */
export const permissionRoles = {
  // The organisation itself
  'organization.read': everyone,
  'organization.manage': ['admin'],
  'members.read': managers,
  'members.manage': ['admin'],
  'invitations.manage': ['admin'],
  'api-tokens.manage': ['admin'],
  'sso.manage': ['admin'],
  'security-events.read': ['admin'],
  'grants.read': managers,
  'grants.manage': managers,
  // Programs
  'programs.read': everyone,
  'programs.create': managers,
  'programs.operate': managers,
  'overview.read': leadership,
  // The organisation's implementation status per catalog requirement, reused by every program (gap assessments
  // pre-fill from it). Organisation-wide, so auditors (who see granted programs only) do not read it here; they
  // read a granted program's gap assessment and Statement of Applicability through programs.read.
  'implementation.read': ['admin', 'program_manager', 'control_owner', 'executive'],
  'implementation.manage': managers,
  // Tasks and evidence (the program-operations issue adds their routes)
  'tasks.read': everyone,
  'tasks.mine': ['admin', 'program_manager', 'control_owner', 'executive'],
  'tasks.assign': managers,
  'tasks.work': doers,
  'evidence.read': everyone,
  'evidence.upload': doers,
  'audit-trail.read': ['admin', 'program_manager', 'executive', 'auditor'],
  'live-updates.read': everyone,
  // Leadership views (the leadership issue adds their routes): auditors never see cost or the schedule.
  'schedule.read': leadership,
  'cost.read': leadership,
  'cost.manage': managers,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionRoles;
export const permissions = Object.keys(permissionRoles) as Permission[];
export const permissionSchema = z.enum(permissions as [Permission, ...Permission[]]);

export function can(role: Role, permission: Permission): boolean {
  return (permissionRoles[permission] as readonly Role[]).includes(role);
}

/** Every permission a role holds, in table order. */
export function permissionsOf(role: Role): Permission[] {
  return permissions.filter((permission) => can(role, permission));
}

/**
 * Roles an API token may carry. Auditor grants and "my tasks" belong to a person, so integrations act as an
 * admin, a program manager or a read-only executive.
 */
export const apiTokenRoles = ['admin', 'program_manager', 'executive'] as const satisfies readonly Role[];
export type ApiTokenRole = (typeof apiTokenRoles)[number];
export const apiTokenRoleSchema = z.enum(apiTokenRoles);

/**
 * Organisation-level events in the audit trail (program events are in `auditEventTypes`). Sign-ins and
 * failed sign-ins are recorded once per organisation the account belongs to, so each organisation's admins see
 * their members' sign-ins; a failed sign-in with an unknown email is kept without an organisation.
 */
export const accessEventTypes = [
  'auth.signed-in',
  'auth.sign-in-failed',
  'auth.signed-out',
  'auth.signed-out-everywhere',
  'organization.created',
  'member.joined',
  'member.role-changed',
  'member.removed',
  'invitation.created',
  'invitation.resent',
  'invitation.revoked',
  'invitation.accepted',
  'api-token.created',
  'api-token.revoked',
  'api-token.used',
  'grant.created',
  'grant.revoked',
  'sso.configured',
  'sso.removed',
  'calendar-feed.created',
  'calendar-feed.rotated',
  'calendar-feed.revoked',
] as const;
export type AccessEventType = (typeof accessEventTypes)[number];
