import type { Tag } from '../ids.js';
import type { Framework, Requirement } from '../schema.js';
import { makeRequirement, type Row } from './build.js';

const F = 'soc2';

/** Trust services categories. Security (the common criteria) is in every SOC 2 report; the rest are chosen per report. */
const scopes = [
  { id: 'security', title: 'Security (common criteria CC1-CC9)', alwaysInScope: true },
  { id: 'availability', title: 'Availability (A1)', alwaysInScope: false },
  { id: 'confidentiality', title: 'Confidentiality (C1)', alwaysInScope: false },
  { id: 'processing-integrity', title: 'Processing integrity (PI1)', alwaysInScope: false },
  { id: 'privacy', title: 'Privacy (P1-P8)', alwaysInScope: false },
] as const;
type ScopeId = (typeof scopes)[number]['id'];

const scopeTag: Record<ScopeId, Tag> = {
  security: 'security',
  availability: 'availability',
  confidentiality: 'confidentiality',
  'processing-integrity': 'processing-integrity',
  privacy: 'privacy',
};

const series: (readonly [
  ref: string,
  title: string,
  summary: string,
  tags: readonly Tag[],
  scope: ScopeId,
])[] = [
  [
    'CC1',
    'Control environment',
    'Tone at the top: integrity, oversight, structure, competence and accountability (COSO principles 1-5).',
    ['governance'],
    'security',
  ],
  [
    'CC2',
    'Communication and information',
    'Quality information and internal and external communication that support internal control (COSO 13-15).',
    ['governance'],
    'security',
  ],
  [
    'CC3',
    'Risk assessment',
    'Objectives, risk identification and analysis, fraud risk and change assessment (COSO 6-9).',
    ['risk'],
    'security',
  ],
  [
    'CC4',
    'Monitoring activities',
    'Evaluating controls and communicating deficiencies (COSO 16-17).',
    ['monitoring'],
    'security',
  ],
  [
    'CC5',
    'Control activities',
    'Selecting and deploying controls, including over technology, through policy (COSO 10-12).',
    ['governance'],
    'security',
  ],
  [
    'CC6',
    'Logical and physical access controls',
    'Supplemental criteria on logical and physical access, data movement and malicious software.',
    [],
    'security',
  ],
  [
    'CC7',
    'System operations',
    'Supplemental criteria on detecting vulnerabilities and anomalies and handling incidents.',
    ['operations'],
    'security',
  ],
  [
    'CC8',
    'Change management',
    'Supplemental criterion on controlling changes to the system.',
    ['operations'],
    'security',
  ],
  [
    'CC9',
    'Risk mitigation',
    'Supplemental criteria on business-disruption and vendor risk.',
    ['risk'],
    'security',
  ],
  [
    'A1',
    'Additional criteria for availability',
    'Capacity, environmental protection, backup and recovery for systems with availability commitments.',
    [],
    'availability',
  ],
  [
    'C1',
    'Additional criteria for confidentiality',
    'Identifying, protecting and disposing of confidential information.',
    [],
    'confidentiality',
  ],
  [
    'PI1',
    'Additional criteria for processing integrity',
    'Complete, valid, accurate and timely processing from input to output and storage.',
    [],
    'processing-integrity',
  ],
  ['P1', 'Privacy: notice', 'Telling data subjects about privacy practices.', [], 'privacy'],
  ['P2', 'Privacy: choice and consent', 'Giving data subjects choices and obtaining consent.', [], 'privacy'],
  [
    'P3',
    'Privacy: collection',
    'Collecting personal information in line with privacy objectives.',
    [],
    'privacy',
  ],
  [
    'P4',
    'Privacy: use, retention and disposal',
    'Limiting use, keeping and disposing of personal information.',
    [],
    'privacy',
  ],
  [
    'P5',
    'Privacy: access',
    'Letting data subjects see and correct their personal information.',
    [],
    'privacy',
  ],
  [
    'P6',
    'Privacy: disclosure and notification',
    'Controlling disclosures to third parties and notifying breaches.',
    ['third-party'],
    'privacy',
  ],
  ['P7', 'Privacy: quality', 'Keeping personal information accurate and complete.', ['data'], 'privacy'],
  [
    'P8',
    'Privacy: monitoring and enforcement',
    'Handling complaints and monitoring privacy compliance.',
    ['monitoring'],
    'privacy',
  ],
];

/** Short titles are ours: the criteria are single sentences without official titles. */
const criteria: Row[] = [
  [
    'CC1.1',
    'Integrity and ethical values',
    'The organisation shows commitment to integrity and ethics through standards of conduct, adherence checks and handling of deviations.',
    ['governance'],
  ],
  [
    'CC1.2',
    'Board independence and oversight',
    'The board is independent of management and oversees the design and operation of internal control.',
    ['governance'],
  ],
  [
    'CC1.3',
    'Structures, reporting lines and authorities',
    'Management sets structures, reporting lines, authorities and responsibilities under board oversight.',
    ['governance'],
  ],
  [
    'CC1.4',
    'Commitment to competence',
    'The organisation attracts, develops and retains competent people in line with its objectives.',
    ['people'],
  ],
  [
    'CC1.5',
    'Accountability',
    'People are held accountable for their internal-control responsibilities.',
    ['governance', 'people'],
  ],
  [
    'CC2.1',
    'Quality information',
    'Relevant, quality information is obtained or produced to support internal control.',
    ['governance'],
  ],
  [
    'CC2.2',
    'Internal communication',
    'Objectives and responsibilities for internal control are communicated internally.',
    ['governance'],
  ],
  [
    'CC2.3',
    'External communication',
    'Matters affecting internal control are communicated with external parties.',
    ['governance', 'transparency'],
  ],
  [
    'CC3.1',
    'Objectives for risk identification',
    'Objectives are specified clearly enough that risks to them can be identified and assessed.',
    ['risk'],
  ],
  [
    'CC3.2',
    'Risk identification and analysis',
    'Risks to objectives are identified across the entity and analysed to decide how to manage them.',
    ['risk'],
  ],
  ['CC3.3', 'Fraud risk', 'The potential for fraud is considered when assessing risks.', ['risk']],
  [
    'CC3.4',
    'Assessing significant change',
    'Changes that could significantly affect internal control are identified and assessed.',
    ['risk'],
  ],
  [
    'CC4.1',
    'Control evaluations',
    'Ongoing and/or separate evaluations confirm that controls are present and functioning.',
    ['monitoring'],
  ],
  [
    'CC4.2',
    'Deficiency communication',
    'Control deficiencies are evaluated and reported in time to those who must act.',
    ['monitoring', 'improvement'],
  ],
  [
    'CC5.1',
    'Selecting control activities',
    'Control activities are chosen and developed to reduce risks to acceptable levels.',
    ['risk'],
  ],
  [
    'CC5.2',
    'Technology general controls',
    'General control activities over technology are selected and developed.',
    [],
  ],
  [
    'CC5.3',
    'Policies and procedures',
    'Control activities are deployed through policies and the procedures that put them into action.',
    ['governance'],
  ],
  [
    'CC6.1',
    'Logical access security',
    'Logical access software, infrastructure and architecture protect information assets, including identification, authentication and encryption.',
    [],
  ],
  [
    'CC6.2',
    'User registration and removal',
    'Users are registered and authorised before credentials are issued, and access is removed when no longer needed.',
    [],
  ],
  [
    'CC6.3',
    'Role-based access',
    'Access is granted, changed and removed by role, with least privilege and segregation of duties.',
    [],
  ],
  [
    'CC6.4',
    'Physical access',
    'Physical access to facilities and protected assets is restricted to authorised people.',
    ['physical'],
  ],
  [
    'CC6.5',
    'Disposal of assets',
    'Logical and physical protections are removed only after data on the assets can no longer be recovered.',
    ['confidentiality'],
  ],
  [
    'CC6.6',
    'Boundary protection',
    'Measures protect against threats from sources outside the system boundary.',
    [],
  ],
  [
    'CC6.7',
    'Transmission and movement of data',
    'Transmission, movement and removal of information are restricted to authorised parties and protected.',
    ['confidentiality'],
  ],
  [
    'CC6.8',
    'Malicious software',
    'Unauthorised or malicious software is prevented or detected and acted upon.',
    [],
  ],
  [
    'CC7.1',
    'Configuration and vulnerability detection',
    'Detection and monitoring find configuration changes that introduce vulnerabilities and newly discovered weaknesses.',
    ['monitoring'],
  ],
  [
    'CC7.2',
    'Anomaly monitoring',
    'System components are monitored for anomalies that may signal malicious acts, disasters or errors.',
    ['monitoring'],
  ],
  [
    'CC7.3',
    'Security event evaluation',
    'Security events are evaluated to decide whether they are incidents that need a response.',
    ['incident'],
  ],
  [
    'CC7.4',
    'Incident response',
    'A defined incident response programme is executed to understand, contain, remediate and communicate incidents.',
    ['incident'],
  ],
  [
    'CC7.5',
    'Incident recovery',
    'Activities are identified and carried out to recover from security incidents.',
    ['incident', 'availability'],
  ],
  [
    'CC8.1',
    'Change management',
    'Changes to infrastructure, data, software and procedures are authorised, designed, tested, approved and implemented under control.',
    ['operations'],
  ],
  [
    'CC9.1',
    'Business disruption risk',
    'Risk mitigation activities address potential business disruption.',
    ['risk', 'availability'],
  ],
  [
    'CC9.2',
    'Vendor and partner risk',
    'Risks from vendors and business partners are assessed and managed.',
    ['risk', 'third-party'],
  ],
  [
    'A1.1',
    'Capacity management',
    'Current capacity is maintained, monitored and evaluated so demand can be met and planned for.',
    [],
  ],
  [
    'A1.2',
    'Environmental protection, backup and recovery infrastructure',
    'Environmental protections, software, backup and recovery infrastructure are put in place and maintained.',
    [],
  ],
  ['A1.3', 'Recovery plan testing', 'Recovery plan procedures are tested to support system recovery.', []],
  [
    'C1.1',
    'Confidential information identified and protected',
    'Confidential information is identified and kept in a way that meets confidentiality objectives.',
    [],
  ],
  [
    'C1.2',
    'Confidential information disposed of',
    'Confidential information is disposed of to meet confidentiality objectives.',
    [],
  ],
  [
    'PI1.1',
    'Processing specifications',
    'Information about processing objectives, data definitions and product specifications is obtained or produced and communicated.',
    ['data'],
  ],
  ['PI1.2', 'Input controls', 'Policies and procedures make system inputs complete and accurate.', ['data']],
  [
    'PI1.3',
    'Processing controls',
    'Policies and procedures make processing complete, accurate and timely.',
    ['data'],
  ],
  [
    'PI1.4',
    'Output controls',
    'Outputs are delivered completely, accurately and on time to the intended recipients.',
    ['data'],
  ],
  [
    'PI1.5',
    'Storage of inputs and outputs',
    'Inputs, in-process items and outputs are stored completely, accurately and on time.',
    ['data'],
  ],
  [
    'P1.1',
    'Privacy notice',
    'Data subjects receive and can see a current notice of privacy practices.',
    ['transparency'],
  ],
  [
    'P2.1',
    'Choice and consent',
    'Choices about collection, use, retention, disclosure and disposal are communicated and consent is obtained.',
    [],
  ],
  [
    'P3.1',
    'Collection in line with objectives',
    'Personal information is collected only as the privacy objectives allow.',
    [],
  ],
  [
    'P3.2',
    'Explicit consent',
    'Explicit consent is obtained and recorded where required before collection.',
    [],
  ],
  ['P4.1', 'Use limitation', 'Personal information is used only for the purposes identified.', []],
  ['P4.2', 'Retention', 'Personal information is kept only as long as the privacy objectives allow.', []],
  ['P4.3', 'Secure disposal of personal information', 'Personal information is disposed of securely.', []],
  ['P5.1', 'Data-subject access', 'Data subjects can get access to their personal information.', []],
  [
    'P5.2',
    'Correction of personal information',
    'Data subjects can have their personal information corrected or amended.',
    [],
  ],
  [
    'P6.1',
    'Disclosure with consent',
    'Personal information is disclosed to third parties only for identified purposes and with consent.',
    ['third-party'],
  ],
  [
    'P6.2',
    'Record of authorised disclosures',
    'Authorised disclosures of personal information are recorded accurately and completely.',
    ['documentation'],
  ],
  [
    'P6.3',
    'Record of unauthorised disclosures',
    'Unauthorised disclosures, including breaches, are recorded.',
    ['incident'],
  ],
  [
    'P6.4',
    'Third-party privacy commitments',
    'Vendors and other third parties commit to privacy obligations, and their compliance is assessed.',
    ['third-party'],
  ],
  [
    'P6.5',
    'Third-party breach notification',
    'Third parties with access commit to notify the organisation of unauthorised disclosures.',
    ['third-party', 'incident'],
  ],
  [
    'P6.6',
    'Breach notification',
    'Affected data subjects, regulators and others are notified of breaches and incidents as required.',
    ['incident'],
  ],
  [
    'P6.7',
    'Accounting of disclosures',
    'Data subjects can get an accounting of the personal information held and disclosed about them.',
    ['transparency'],
  ],
  [
    'P7.1',
    'Quality of personal information',
    'Personal information is kept accurate, complete and relevant.',
    ['data'],
  ],
  [
    'P8.1',
    'Inquiries, complaints and compliance monitoring',
    'Privacy inquiries, complaints and disputes are handled and compliance is monitored and corrected.',
    ['monitoring'],
  ],
];

function seriesOf(ref: string): string {
  return ref.slice(0, ref.indexOf('.'));
}

const scopeOfSeries = new Map(series.map(([ref, , , , scope]) => [ref, scope]));

function scopeOf(seriesRef: string): ScopeId {
  const scope = scopeOfSeries.get(seriesRef);
  if (scope === undefined) throw new Error(`SOC 2 series ${seriesRef} is not declared`);
  return scope;
}

const requirements: Requirement[] = [
  ...series.map(([ref, title, summary, tags, scope]) =>
    makeRequirement(F, ref, ref, 'criteria-series', null, title, summary, [scopeTag[scope], ...tags], {
      scope,
    }),
  ),
  ...criteria.map(([ref, title, summary, tags = []]) => {
    const scope = scopeOf(seriesOf(ref));
    return makeRequirement(
      F,
      ref,
      ref,
      'criterion',
      seriesOf(ref),
      title,
      summary,
      [scopeTag[scope], ...tags],
      {
        scope,
      },
    );
  }),
];

export const soc2: Framework = {
  id: F,
  family: 'soc2',
  name: 'SOC 2 Trust Services Criteria',
  shortName: 'SOC 2',
  publisher: 'AICPA Assurance Services Executive Committee',
  edition: {
    id: '2017-rev-2022',
    label: '2017 Trust Services Criteria (revised points of focus, 2022)',
    published: '2022',
    status: 'current',
    supersedes: null,
  },
  kind: 'attestation-criteria',
  // An attestation report by a CPA firm, not a certificate.
  certifiable: false,
  scopes: [...scopes],
  applicationDates: [],
  requirements,
};
