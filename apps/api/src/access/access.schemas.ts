import { apiTokenRoles, permissions, roles } from '@certflow/contracts/access';
import { z } from 'zod';

/** The shared role list as one OpenAPI component; an unknown role is a 400 naming the field. */
export const roleSchema = z.enum(roles, { error: `must be one of ${roles.join(', ')}` }).meta({ id: 'Role' });

export const apiTokenRoleSchema = z
  .enum(apiTokenRoles, { error: `must be one of ${apiTokenRoles.join(', ')}` })
  .meta({ id: 'ApiTokenRole' });

export const permissionSchema = z.enum(permissions as [string, ...string[]]).meta({ id: 'Permission' });
