import { apiTokenRoles, roleDescriptions, roles, type Role } from '@certflow/contracts/access';

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  program_manager: 'Program manager',
  control_owner: 'Control owner',
  executive: 'Executive',
  auditor: 'Auditor',
};

/** Every role, from the shared access table, with what it may do as a hint. */
export const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));
export const tokenRoleOptions = apiTokenRoles.map((role) => ({ value: role, label: roleLabels[role] }));
export { roleDescriptions };
