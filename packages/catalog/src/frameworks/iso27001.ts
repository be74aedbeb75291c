import type { Framework, Requirement } from '../schema.js';
import { dottedParent, makeRequirement, type Row } from './build.js';
import { harmonizedClauses } from './harmonized-structure.js';

const F = 'iso27001';
const subject = {
  system: 'information security management system',
  abbr: 'ISMS',
  topic: 'information security',
};

const clauses: Requirement[] = harmonizedClauses.flatMap((h) =>
  h.title27001 === null
    ? []
    : [
        makeRequirement(F, h.ref, h.ref, 'clause', dottedParent(h.ref), h.title27001, h.summary(subject), [
          ...h.tags,
          'security',
        ]),
      ],
);

const themes: Row[] = [
  [
    'A.5',
    'Organizational controls',
    'Theme of 37 controls on policy, roles, assets, access, suppliers, incidents, continuity and compliance.',
  ],
  [
    'A.6',
    'People controls',
    'Theme of 8 controls on screening, employment terms, awareness, discipline and remote work.',
    ['people'],
  ],
  [
    'A.7',
    'Physical controls',
    'Theme of 14 controls on perimeters, entry, equipment, media and utilities.',
    ['physical'],
  ],
  [
    'A.8',
    'Technological controls',
    'Theme of 34 controls on endpoints, access, malware, logging, networks, cryptography and secure development.',
  ],
];

const controls: Row[] = [
  [
    'A.5.1',
    'Policies for information security',
    'Define, approve, publish and periodically review an information security policy and topic-specific policies.',
    ['governance'],
  ],
  [
    'A.5.2',
    'Information security roles and responsibilities',
    'Define and allocate information security roles and responsibilities.',
    ['governance', 'people'],
  ],
  [
    'A.5.3',
    'Segregation of duties',
    'Separate conflicting duties and areas of responsibility.',
    ['governance'],
  ],
  [
    'A.5.4',
    'Management responsibilities',
    'Managers require staff to apply security according to policy and procedures.',
    ['governance'],
  ],
  ['A.5.5', 'Contact with authorities', 'Establish and keep contact with relevant authorities.', ['legal']],
  [
    'A.5.6',
    'Contact with special interest groups',
    'Keep contact with security forums and professional associations.',
  ],
  [
    'A.5.7',
    'Threat intelligence',
    'Collect and analyse information about threats to produce threat intelligence.',
    ['monitoring'],
  ],
  [
    'A.5.8',
    'Information security in project management',
    'Build information security into project management.',
    ['lifecycle'],
  ],
  [
    'A.5.9',
    'Inventory of information and other associated assets',
    'Keep an inventory of information and associated assets with owners.',
  ],
  [
    'A.5.10',
    'Acceptable use of information and other associated assets',
    'Set and apply rules for acceptable use and handling of information and assets.',
  ],
  [
    'A.5.11',
    'Return of assets',
    'Get organisational assets back when employment or contracts change or end.',
    ['people'],
  ],
  [
    'A.5.12',
    'Classification of information',
    'Classify information by security needs such as confidentiality, integrity and availability.',
    ['confidentiality'],
  ],
  [
    'A.5.13',
    'Labelling of information',
    'Label information according to the classification scheme.',
    ['confidentiality'],
  ],
  [
    'A.5.14',
    'Information transfer',
    'Set rules and agreements for transferring information inside and outside the organisation.',
  ],
  [
    'A.5.15',
    'Access control',
    'Set rules for physical and logical access based on business and security needs.',
  ],
  ['A.5.16', 'Identity management', 'Manage the full life cycle of identities.'],
  [
    'A.5.17',
    'Authentication information',
    'Control allocation and handling of passwords and other authentication secrets.',
  ],
  ['A.5.18', 'Access rights', 'Provision, review, change and remove access rights according to policy.'],
  [
    'A.5.19',
    'Information security in supplier relationships',
    "Manage the security risks of using suppliers' products and services.",
    ['third-party'],
  ],
  [
    'A.5.20',
    'Addressing information security within supplier agreements',
    'Agree the relevant security requirements with each supplier.',
    ['third-party'],
  ],
  [
    'A.5.21',
    'Managing information security in the ICT supply chain',
    'Manage security risks arising in the ICT product and service supply chain.',
    ['third-party'],
  ],
  [
    'A.5.22',
    'Monitoring, review and change management of supplier services',
    'Monitor, review and manage changes in supplier security practice and service delivery.',
    ['third-party', 'monitoring'],
  ],
  [
    'A.5.23',
    'Information security for use of cloud services',
    'Manage acquiring, using and exiting cloud services according to security requirements.',
    ['third-party'],
  ],
  [
    'A.5.24',
    'Information security incident management planning and preparation',
    'Plan incident management processes, roles and responsibilities in advance.',
    ['incident'],
  ],
  [
    'A.5.25',
    'Assessment and decision on information security events',
    'Assess security events and decide whether they are incidents.',
    ['incident'],
  ],
  [
    'A.5.26',
    'Response to information security incidents',
    'Respond to incidents according to documented procedures.',
    ['incident'],
  ],
  [
    'A.5.27',
    'Learning from information security incidents',
    'Use knowledge from incidents to strengthen controls.',
    ['incident', 'improvement'],
  ],
  [
    'A.5.28',
    'Collection of evidence',
    'Identify, collect and preserve evidence about security events.',
    ['incident'],
  ],
  [
    'A.5.29',
    'Information security during disruption',
    'Keep security at an appropriate level during disruption.',
    ['availability'],
  ],
  [
    'A.5.30',
    'ICT readiness for business continuity',
    'Plan, implement, test and maintain ICT readiness to meet continuity objectives.',
    ['availability'],
  ],
  [
    'A.5.31',
    'Legal, statutory, regulatory and contractual requirements',
    'Identify, document and keep current the legal, regulatory and contractual security requirements.',
    ['legal'],
  ],
  [
    'A.5.32',
    'Intellectual property rights',
    'Protect intellectual property rights with suitable procedures.',
    ['legal'],
  ],
  [
    'A.5.33',
    'Protection of records',
    'Protect records against loss, destruction, falsification and unauthorised access or release.',
    ['documentation'],
  ],
  [
    'A.5.34',
    'Privacy and protection of PII',
    'Meet privacy and personal-data protection requirements under law and contract.',
    ['privacy', 'legal'],
  ],
  [
    'A.5.35',
    'Independent review of information security',
    'Have the security approach and its implementation reviewed independently at intervals or on significant change.',
    ['monitoring'],
  ],
  [
    'A.5.36',
    'Compliance with policies, rules and standards for information security',
    'Check regularly that security policies, rules and standards are followed.',
    ['monitoring'],
  ],
  [
    'A.5.37',
    'Documented operating procedures',
    'Document operating procedures for processing facilities and make them available.',
    ['operations', 'documentation'],
  ],
  [
    'A.6.1',
    'Screening',
    'Run background checks on candidates before they join and during employment, in proportion to risk.',
    ['people'],
  ],
  [
    'A.6.2',
    'Terms and conditions of employment',
    'State employee and employer security responsibilities in employment agreements.',
    ['people'],
  ],
  [
    'A.6.3',
    'Information security awareness, education and training',
    'Give staff and relevant parties appropriate security awareness, education and training.',
    ['people'],
  ],
  [
    'A.6.4',
    'Disciplinary process',
    'Have a formal, communicated disciplinary process for policy violations.',
    ['people'],
  ],
  [
    'A.6.5',
    'Responsibilities after termination or change of employment',
    'Define and enforce security duties that remain after someone leaves or changes role.',
    ['people'],
  ],
  [
    'A.6.6',
    'Confidentiality or non-disclosure agreements',
    'Use, review and document confidentiality agreements that reflect protection needs.',
    ['people', 'confidentiality'],
  ],
  [
    'A.6.7',
    'Remote working',
    'Protect information accessed, processed or stored when working remotely.',
    ['people'],
  ],
  [
    'A.6.8',
    'Information security event reporting',
    'Give people a way to report observed or suspected security events promptly.',
    ['people', 'incident'],
  ],
  [
    'A.7.1',
    'Physical security perimeters',
    'Define and use perimeters to protect areas holding information and assets.',
    ['physical'],
  ],
  ['A.7.2', 'Physical entry', 'Protect secure areas with entry controls and access points.', ['physical']],
  [
    'A.7.3',
    'Securing offices, rooms and facilities',
    'Design and apply physical security for offices, rooms and facilities.',
    ['physical'],
  ],
  [
    'A.7.4',
    'Physical security monitoring',
    'Monitor premises continuously for unauthorised physical access.',
    ['physical', 'monitoring'],
  ],
  [
    'A.7.5',
    'Protecting against physical and environmental threats',
    'Protect against natural disasters and other physical or environmental threats.',
    ['physical', 'availability'],
  ],
  [
    'A.7.6',
    'Working in secure areas',
    'Set and apply security measures for working in secure areas.',
    ['physical'],
  ],
  ['A.7.7', 'Clear desk and clear screen', 'Apply clear-desk and clear-screen rules.', ['physical']],
  ['A.7.8', 'Equipment siting and protection', 'Site and protect equipment securely.', ['physical']],
  [
    'A.7.9',
    'Security of assets off-premises',
    "Protect assets used outside the organisation's premises.",
    ['physical'],
  ],
  [
    'A.7.10',
    'Storage media',
    'Manage storage media through acquisition, use, transport and disposal.',
    ['physical'],
  ],
  [
    'A.7.11',
    'Supporting utilities',
    'Protect processing facilities from power and other utility failures.',
    ['physical', 'availability'],
  ],
  [
    'A.7.12',
    'Cabling security',
    'Protect power and data cables from interception, interference and damage.',
    ['physical'],
  ],
  [
    'A.7.13',
    'Equipment maintenance',
    'Maintain equipment correctly to keep information available and intact.',
    ['physical', 'availability'],
  ],
  [
    'A.7.14',
    'Secure disposal or re-use of equipment',
    'Remove sensitive data and licensed software before equipment is disposed of or reused.',
    ['physical', 'confidentiality'],
  ],
  [
    'A.8.1',
    'User endpoint devices',
    'Protect information stored on, processed by or reachable from user endpoint devices.',
  ],
  ['A.8.2', 'Privileged access rights', 'Restrict and manage the allocation and use of privileged access.'],
  [
    'A.8.3',
    'Information access restriction',
    'Restrict access to information and assets according to the access control policy.',
  ],
  [
    'A.8.4',
    'Access to source code',
    'Manage read and write access to source code, tools and libraries.',
    ['lifecycle'],
  ],
  ['A.8.5', 'Secure authentication', 'Implement secure authentication technologies and procedures.'],
  [
    'A.8.6',
    'Capacity management',
    'Monitor and adjust resource use against current and expected capacity needs.',
    ['availability'],
  ],
  ['A.8.7', 'Protection against malware', 'Protect against malware with technology and user awareness.'],
  [
    'A.8.8',
    'Management of technical vulnerabilities',
    'Obtain vulnerability information, assess exposure and take action.',
  ],
  [
    'A.8.9',
    'Configuration management',
    'Establish, document, monitor and review configurations, including security configurations.',
    ['operations'],
  ],
  [
    'A.8.10',
    'Information deletion',
    'Delete information when no longer required.',
    ['confidentiality', 'privacy'],
  ],
  [
    'A.8.11',
    'Data masking',
    'Mask data according to access policy and legal requirements.',
    ['privacy', 'confidentiality'],
  ],
  [
    'A.8.12',
    'Data leakage prevention',
    'Apply measures to prevent sensitive information from leaking.',
    ['confidentiality'],
  ],
  [
    'A.8.13',
    'Information backup',
    'Keep and test backups of information, software and systems.',
    ['availability'],
  ],
  [
    'A.8.14',
    'Redundancy of information processing facilities',
    'Build in enough redundancy to meet availability needs.',
    ['availability'],
  ],
  [
    'A.8.15',
    'Logging',
    'Produce, store, protect and analyse logs of activities, exceptions and events.',
    ['monitoring'],
  ],
  [
    'A.8.16',
    'Monitoring activities',
    'Monitor networks, systems and applications for anomalous behaviour and respond.',
    ['monitoring'],
  ],
  ['A.8.17', 'Clock synchronization', 'Synchronise system clocks to approved time sources.', ['monitoring']],
  [
    'A.8.18',
    'Use of privileged utility programs',
    'Restrict and tightly control utilities that can override system controls.',
  ],
  [
    'A.8.19',
    'Installation of software on operational systems',
    'Control software installation on operational systems.',
    ['operations'],
  ],
  ['A.8.20', 'Networks security', 'Secure, manage and control networks and devices.'],
  [
    'A.8.21',
    'Security of network services',
    'Identify, implement and monitor security mechanisms and service levels for network services.',
  ],
  ['A.8.22', 'Segregation of networks', 'Separate groups of services, users and systems in networks.'],
  ['A.8.23', 'Web filtering', 'Manage access to external websites to reduce exposure to malicious content.'],
  [
    'A.8.24',
    'Use of cryptography',
    'Define and apply rules for effective use of cryptography and key management.',
    ['confidentiality'],
  ],
  [
    'A.8.25',
    'Secure development life cycle',
    'Set and apply rules for secure software and system development.',
    ['lifecycle'],
  ],
  [
    'A.8.26',
    'Application security requirements',
    'Identify, specify and approve security requirements when developing or acquiring applications.',
    ['lifecycle'],
  ],
  [
    'A.8.27',
    'Secure system architecture and engineering principles',
    'Establish and apply secure engineering principles to system development.',
    ['lifecycle'],
  ],
  ['A.8.28', 'Secure coding', 'Apply secure coding principles to software development.', ['lifecycle']],
  [
    'A.8.29',
    'Security testing in development and acceptance',
    'Define and run security testing during development and before acceptance.',
    ['lifecycle'],
  ],
  [
    'A.8.30',
    'Outsourced development',
    'Direct, monitor and review outsourced system development.',
    ['lifecycle', 'third-party'],
  ],
  [
    'A.8.31',
    'Separation of development, test and production environments',
    'Separate and secure development, test and production environments.',
    ['lifecycle'],
  ],
  [
    'A.8.32',
    'Change management',
    'Subject changes to facilities and systems to change management procedures.',
    ['operations'],
  ],
  [
    'A.8.33',
    'Test information',
    'Select, protect and manage information used for testing.',
    ['lifecycle', 'data'],
  ],
  [
    'A.8.34',
    'Protection of information systems during audit testing',
    'Plan and agree audit tests on operational systems to limit disruption.',
    ['monitoring'],
  ],
];

export const iso27001: Framework = {
  id: F,
  family: 'iso27001',
  name: 'ISO/IEC 27001 Information security management systems',
  shortName: 'ISO/IEC 27001',
  publisher: 'ISO/IEC JTC 1/SC 27',
  edition: {
    id: '2022',
    label: 'ISO/IEC 27001:2022 (3rd edition)',
    published: '2022-10',
    status: 'current',
    supersedes: null,
  },
  kind: 'management-system-standard',
  certifiable: true,
  scopes: [],
  applicationDates: [],
  requirements: [
    ...clauses,
    ...themes.map(([ref, title, summary, tags = []]) =>
      makeRequirement(F, ref, ref, 'annex-theme', null, title, summary, ['security', ...tags]),
    ),
    ...controls.map(([ref, title, summary, tags = []]) =>
      makeRequirement(F, ref, ref, 'annex-control', dottedParent(ref), title, summary, ['security', ...tags]),
    ),
  ],
};
