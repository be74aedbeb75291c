import type { Crosswalk } from '../schema.js';
import { rowsFor } from './build.js';

const r = rowsFor('soc2', 'iso27001');
const PUB = 'published:intuitem-ciso-assistant';
const PUB_NOTE =
  'Published point-of-focus mapping (intuitem, derived via Adobe CCF v5), rolled up to criterion level; the publisher types every row as intersect.';
const A = 'analysis';
const PII =
  'ISO/IEC 27001 only requires meeting privacy obligations in general (A.5.34); the specific privacy practice must be checked separately.';

export const soc2Iso27001: Crosswalk = {
  id: 'soc2-iso27001',
  from: 'soc2',
  to: 'iso27001',
  title: 'SOC 2 (TSC 2017, rev. 2022) to ISO/IEC 27001:2022',
  description:
    'Criterion-level crosswalk. Rows marked published come from the CISO Assistant mapping (via the Adobe CCF pivot); the rest are our analysis, filling the gaps that pivot leaves (CC5.x, CC6.5, CC9.2 suppliers, PI and P criteria).',
  rows: [
    // CC1 control environment
    ...r.link(
      'CC1.1',
      ['A.5.4', 'A.6.2', 'A.6.4'],
      'intersect',
      A,
      'Conduct expectations appear in management duties, employment terms and discipline, but ISO/IEC 27001 has no code-of-conduct requirement as such.',
    ),
    ...r.link(
      'CC1.2',
      ['5.1', '9.3.1'],
      'intersect',
      A,
      'Top-management commitment and review overlap with oversight; board independence is not an ISO requirement.',
    ),
    ...r.link(
      'CC1.3',
      ['5.3', 'A.5.2'],
      'intersect',
      A,
      'ISMS roles and authorities are one part of the entity-wide structure CC1.3 covers.',
    ),
    ...r.link('CC1.4', ['7.2', 'A.6.1'], 'intersect', PUB, PUB_NOTE),
    ...r.link(
      'CC1.5',
      ['5.3', 'A.6.4'],
      'intersect',
      A,
      'Assigned responsibilities and a disciplinary process support accountability for controls.',
    ),
    // CC2 communication and information
    ...r.link(
      'CC2.1',
      ['9.1', '7.5.1'],
      'intersect',
      A,
      'Measurement results and documented information provide information for control; CC2.1 asks for quality information across internal control.',
    ),
    ...r.link(
      'CC2.2',
      ['7.3', '7.4', 'A.6.3'],
      'intersect',
      A,
      'Awareness, internal communication and training carry objectives and responsibilities to staff.',
    ),
    ...r.link(
      'CC2.3',
      ['7.4', 'A.5.5'],
      'intersect',
      A,
      'External communication and contact with authorities are part of communicating with external parties.',
    ),
    // CC3 risk assessment
    ...r.link(
      'CC3.1',
      ['6.2'],
      'intersect',
      A,
      'ISMS objectives are one input; CC3.1 covers operations, reporting and compliance objectives generally.',
    ),
    ...r.link(
      'CC3.2',
      ['4.1', '6.1.3', '6.2', '8.1', '8.2', '8.3', '9.1', '10.2', 'A.5.12', 'A.5.22', 'A.8.8'],
      'intersect',
      PUB,
      PUB_NOTE,
    ),
    ...r.link(
      'CC3.2',
      ['6.1.2'],
      'intersect',
      A,
      'The risk assessment process is the core of risk identification and analysis; the published mapping omits it.',
    ),
    ...r.link(
      'CC3.3',
      ['6.1.2'],
      'intersect',
      A,
      'Fraud can be handled inside the ISMS risk assessment but is not explicitly required there.',
    ),
    ...r.link(
      'CC3.4',
      ['6.3', '8.2'],
      'intersect',
      A,
      'Planned changes and reassessment on significant change overlap with identifying changes that affect control.',
    ),
    // CC4 monitoring
    ...r.link(
      'CC4.1',
      ['9.1', '9.2.1', 'A.5.35', 'A.5.36'],
      'intersect',
      A,
      'Monitoring, internal audit, independent review and compliance checks are forms of ongoing and separate evaluation.',
    ),
    ...r.link(
      'CC4.2',
      ['10.2', '9.3.3'],
      'intersect',
      A,
      'Nonconformities are corrected and management review decides on actions; CC4.2 also requires timely reporting to those responsible.',
    ),
    // CC5 control activities
    ...r.link(
      'CC5.1',
      ['6.1.3'],
      'subset',
      A,
      'Selecting controls to bring risk to an acceptable level is one part of ISMS risk treatment, which also adds the Statement of Applicability and owner approval.',
    ),
    ...r.link(
      'CC5.2',
      ['A.8.9', 'A.8.32', 'A.5.15'],
      'intersect',
      A,
      'Configuration, change and access controls are the usual technology general controls.',
    ),
    ...r.link(
      'CC5.3',
      ['A.5.1', 'A.5.37'],
      'intersect',
      A,
      'Policies and documented procedures deploy control activities.',
    ),
    // CC6 access
    ...r.link(
      'CC6.1',
      ['A.5.12', 'A.5.13', 'A.5.16', 'A.5.17', 'A.6.7', 'A.8.5', 'A.8.22', 'A.8.24', 'A.8.31'],
      'intersect',
      PUB,
      PUB_NOTE,
    ),
    ...r.link('CC6.2', ['A.5.9', 'A.5.15', 'A.5.18'], 'intersect', PUB, PUB_NOTE),
    ...r.link(
      'CC6.3',
      ['A.5.3', 'A.5.15', 'A.5.18', 'A.8.2'],
      'intersect',
      A,
      'Role-based provisioning, least privilege and segregation of duties are spread over these controls.',
    ),
    ...r.link('CC6.4', ['A.5.15', 'A.5.22', 'A.7.1', 'A.7.3', 'A.7.4', 'A.7.6'], 'intersect', PUB, PUB_NOTE),
    ...r.link(
      'CC6.5',
      ['A.7.10', 'A.7.14', 'A.8.10'],
      'intersect',
      A,
      'Secure disposal of media, equipment and information covers removing protections only once data is unrecoverable.',
    ),
    ...r.link(
      'CC6.6',
      ['A.8.2'],
      'intersect',
      PUB,
      `${PUB_NOTE} The published set links CC6.6 to A.8.2 only.`,
    ),
    ...r.link(
      'CC6.6',
      ['A.8.20', 'A.8.21', 'A.8.22', 'A.8.23'],
      'intersect',
      A,
      'Network security, network services, segregation and web filtering are the main boundary protections; the published mapping misses them.',
    ),
    ...r.link(
      'CC6.7',
      ['A.5.14', 'A.7.10', 'A.8.12', 'A.8.24'],
      'intersect',
      A,
      'Transfer rules, media handling, leakage prevention and cryptography restrict and protect data movement.',
    ),
    ...r.link('CC6.8', ['A.8.7', 'A.8.9', 'A.8.16', 'A.8.18'], 'intersect', PUB, PUB_NOTE),
    // CC7 operations
    ...r.link('CC7.1', ['A.5.33', 'A.8.8', 'A.8.9', 'A.8.15', 'A.8.18'], 'intersect', PUB, PUB_NOTE),
    ...r.link(
      'CC7.2',
      ['A.8.16'],
      'equal',
      A,
      'Both require monitoring systems for anomalous behaviour that may indicate attacks, failures or errors, and acting on it.',
    ),
    ...r.link('CC7.2', ['A.8.15'], 'intersect', A, 'Logs are the main input to anomaly monitoring.'),
    ...r.link(
      'CC7.3',
      ['A.5.25'],
      'equal',
      A,
      'Both require assessing security events to decide whether they are incidents.',
    ),
    ...r.link('CC7.4', ['A.5.24', 'A.5.25', 'A.5.26', 'A.5.27', 'A.5.28'], 'intersect', PUB, PUB_NOTE),
    ...r.link(
      'CC7.5',
      ['A.5.26', 'A.5.29', 'A.8.13'],
      'intersect',
      A,
      'Incident response, security during disruption and backups support recovery from incidents.',
    ),
    // CC8, CC9
    ...r.link(
      'CC8.1',
      ['A.5.8', 'A.8.3', 'A.8.9', 'A.8.25', 'A.8.27', 'A.8.28', 'A.8.32'],
      'intersect',
      PUB,
      PUB_NOTE,
    ),
    ...r.link(
      'CC9.1',
      ['A.5.29', 'A.5.30'],
      'intersect',
      A,
      'Continuity planning and ICT readiness address business disruption from a security angle.',
    ),
    ...r.link('CC9.2', ['A.5.22', 'A.6.6'], 'intersect', PUB, PUB_NOTE),
    ...r.link(
      'CC9.2',
      ['A.5.19', 'A.5.20', 'A.5.21'],
      'intersect',
      A,
      'Supplier-relationship controls are the core of vendor risk management; the published pivot misses them.',
    ),
    // Availability
    ...r.link(
      'A1.1',
      ['A.8.6'],
      'equal',
      A,
      'Both require monitoring current capacity against demand and planning for future needs.',
    ),
    ...r.link(
      'A1.2',
      ['A.5.33', 'A.7.5', 'A.7.11', 'A.7.13', 'A.8.6', 'A.8.13', 'A.8.14'],
      'intersect',
      PUB,
      PUB_NOTE,
    ),
    ...r.link(
      'A1.3',
      ['A.5.30', 'A.8.13'],
      'intersect',
      A,
      'ICT continuity and backup controls include testing, but not necessarily a full recovery-plan test.',
    ),
    // Confidentiality
    ...r.link(
      'C1.1',
      ['A.5.10', 'A.5.12', 'A.5.13'],
      'intersect',
      A,
      'Classification, labelling and handling rules identify and maintain confidential information.',
    ),
    ...r.link('C1.2', ['A.7.14', 'A.8.10'], 'intersect', PUB, PUB_NOTE),
    // Processing integrity: ISO/IEC 27001:2022 says little about processing correctness.
    ...r.link(
      'PI1.1',
      ['A.8.26'],
      'intersect',
      A,
      'Application requirements can include data definitions, but processing specifications are not a security concern as such.',
    ),
    ...r.link(
      'PI1.2',
      ['A.8.26'],
      'intersect',
      A,
      'Input validation is a typical application security requirement; completeness and accuracy go further.',
    ),
    r.unmatched(
      'from',
      'PI1.3',
      A,
      'ISO/IEC 27001:2022 has no control on the completeness, accuracy and timeliness of processing.',
    ),
    ...r.link(
      'PI1.4',
      ['A.5.14'],
      'intersect',
      A,
      'Transfer rules protect outputs in transit but not their completeness or timeliness.',
    ),
    ...r.link(
      'PI1.5',
      ['A.5.33', 'A.8.13'],
      'intersect',
      A,
      'Record protection and backups protect stored items, not their processing-time accuracy.',
    ),
    // Privacy
    ...['P1.1', 'P2.1', 'P3.1', 'P3.2', 'P4.1', 'P5.1', 'P5.2', 'P6.2', 'P6.7', 'P7.1'].flatMap((p) =>
      r.link(p, ['A.5.34'], 'intersect', A, PII),
    ),
    ...r.link('P4.2', ['A.5.33', 'A.5.34'], 'intersect', A, `Retention rules for records apply. ${PII}`),
    ...r.link(
      'P4.3',
      ['A.8.10', 'A.5.34'],
      'intersect',
      A,
      'Information deletion covers secure disposal of personal information.',
    ),
    ...r.link(
      'P6.1',
      ['A.5.14', 'A.5.34'],
      'intersect',
      A,
      `Transfer agreements govern disclosure to third parties. ${PII}`,
    ),
    ...r.link(
      'P6.3',
      ['A.5.26', 'A.5.34'],
      'intersect',
      A,
      'Incident response records breaches; recording all unauthorised disclosures of personal data is more specific.',
    ),
    ...r.link(
      'P6.4',
      ['A.5.20', 'A.5.34'],
      'intersect',
      A,
      'Supplier agreements can carry privacy commitments; assessing vendor privacy compliance is extra.',
    ),
    ...r.link(
      'P6.5',
      ['A.5.20'],
      'intersect',
      A,
      'Supplier agreements can require breach notification to the organisation.',
    ),
    ...r.link(
      'P6.6',
      ['A.5.26', 'A.5.5', 'A.5.34'],
      'intersect',
      A,
      'Incident response and contact with authorities include notification; notifying data subjects is privacy-specific.',
    ),
    ...r.link(
      'P8.1',
      ['A.5.34', 'A.5.36'],
      'intersect',
      A,
      'Compliance checks and privacy obligations overlap with monitoring; complaint handling is privacy-specific.',
    ),
  ],
};
