import { type CapturedMail, decodedBody } from '@certflow/testkit/smtp';

/** The invitation token in a captured mail's link (`…/invitation#token=…`). */
export function invitationTokenIn(mail: CapturedMail): string {
  const match = /\/invitation#token=([A-Za-z0-9_-]{43})/.exec(decodedBody(mail.raw));
  if (!match?.[1]) throw new Error(`no invitation link in:\n${mail.raw}`);
  return match[1];
}
