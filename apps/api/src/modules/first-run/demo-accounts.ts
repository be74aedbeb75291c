import type { Role } from '@certflow/contracts/access';

/** The people of the demo organisation, one per role. Their passwords are generated on the first run. */
export const demoAccounts: { role: Role; email: string; name: string }[] = [
  { role: 'admin', email: 'admin@demo.certflow.example', name: 'Ada Admin' },
  { role: 'program_manager', email: 'pm@demo.certflow.example', name: 'Priya Program Manager' },
  { role: 'control_owner', email: 'owner@demo.certflow.example', name: 'Omar Control Owner' },
  { role: 'executive', email: 'exec@demo.certflow.example', name: 'Elena Executive' },
  { role: 'auditor', email: 'auditor@demo.certflow.example', name: 'Arthur Auditor' },
];

export const DEMO_ORGANIZATION = { name: 'Demo Organisation', slug: 'demo' };
export const FIRST_RUN_ACTOR = 'system:first-run';
