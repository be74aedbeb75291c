import type { Role } from '@certflow/contracts/access';

import type { MailMessage } from '../../mail/mail.module.js';

const roleNames: Record<Role, string> = {
  admin: 'an admin',
  program_manager: 'a program manager',
  control_owner: 'a control owner',
  executive: 'an executive (read-only)',
  auditor: 'an auditor',
};

/**
 * The link carries the token in the fragment (`#token=`), which browsers never send to a server or put in a
 * Referer, so it stays out of access logs.
 */
export function invitationLink(publicWebUrl: string, token: string): string {
  return `${publicWebUrl}/invitation#token=${token}`;
}

export function invitationMail(input: {
  to: string;
  organizationName: string;
  invitedBy: string;
  role: Role;
  link: string;
  expiresAt: Date;
}): MailMessage {
  const expires = `${input.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return {
    to: input.to,
    subject: `You are invited to ${input.organizationName} on Certflow`,
    text: [
      `${input.invitedBy} invited you to join ${input.organizationName} on Certflow as ${roleNames[input.role]}.`,
      '',
      `Accept the invitation and choose your password: ${input.link}`,
      '',
      `The link works until ${expires}. If you did not expect this invitation, ignore this message.`,
    ].join('\n'),
  };
}
