import type { Framework, Requirement } from '../schema.js';
import { dottedParent, makeRequirement, type Row } from './build.js';
import { harmonizedClauses } from './harmonized-structure.js';

const F = 'iso42001';
const subject = { system: 'AI management system', abbr: 'AIMS', topic: 'AI' };

const clauses: Requirement[] = harmonizedClauses.map((h) =>
  makeRequirement(F, h.ref, h.ref, 'clause', dottedParent(h.ref), h.title42001, h.summary(subject), h.tags),
);

/** Annex A objectives (A.x, and A.6.1 / A.6.2 under A.6). Each objective's `.1` is its statement, so controls start at `.2`. */
const objectives: Row[] = [
  [
    'A.2',
    'Policies related to AI',
    'Management gives documented direction and support for AI systems that fits business requirements.',
    ['governance'],
  ],
  [
    'A.3',
    'Internal organization',
    'Accountability for responsible AI is set up inside the organisation.',
    ['governance'],
  ],
  [
    'A.4',
    'Resources for AI systems',
    'All resources that make up an AI system are accounted for so their risks and impacts can be understood.',
    ['ai-specific'],
  ],
  [
    'A.5',
    'Assessing impacts of AI systems',
    'The effects of AI systems on people, groups and society are assessed over the whole life cycle.',
    ['ai-specific', 'impact-assessment'],
  ],
  [
    'A.6',
    'AI system life cycle',
    'Parent objective for responsible development guidance and for life-cycle stage requirements.',
    ['ai-specific', 'lifecycle'],
  ],
  [
    'A.6.1',
    'Management guidance for AI system development',
    'Objectives and processes for responsible design and development are defined and documented.',
    ['ai-specific', 'lifecycle'],
  ],
  [
    'A.6.2',
    'AI system life cycle',
    'Criteria and requirements are defined for each stage of the AI system life cycle.',
    ['ai-specific', 'lifecycle'],
  ],
  [
    'A.7',
    'Data for AI systems',
    'The role and impact of data in AI systems is understood across development, provision and use.',
    ['ai-specific', 'data'],
  ],
  [
    'A.8',
    'Information for interested parties of AI systems',
    'Interested parties get the information they need to understand and weigh AI risks and impacts.',
    ['ai-specific', 'transparency'],
  ],
  [
    'A.9',
    'Use of AI systems',
    'AI systems are used responsibly and in line with organisational policy.',
    ['ai-specific'],
  ],
  [
    'A.10',
    'Third-party and customer relationships',
    'Responsibilities and risks are apportioned when third parties take part in the AI life cycle.',
    ['third-party'],
  ],
];

const controls: Row[] = [
  [
    'A.2.2',
    'AI policy',
    'Write down a policy for developing or using AI systems and keep it current.',
    ['governance'],
  ],
  [
    'A.2.3',
    'Alignment with other organizational policies',
    'Work out where other policies (security, privacy, quality, ethics) touch AI and align them with the AI policy.',
    ['governance'],
  ],
  [
    'A.2.4',
    'Review of the AI policy',
    'Review the AI policy at planned intervals or on change so it stays suitable and effective.',
    ['governance'],
  ],
  [
    'A.3.2',
    'AI roles and responsibilities',
    'Define and assign the roles and responsibilities AI systems need across their life cycle.',
    ['governance', 'people'],
  ],
  [
    'A.3.3',
    'Reporting of concerns',
    "Give people a way to raise concerns about the organisation's AI systems, with protection against reprisal.",
    ['governance', 'people', 'ai-specific'],
  ],
  [
    'A.4.2',
    'Resource documentation',
    'Identify and record the resources each AI system relies on across its life cycle.',
    ['ai-specific', 'documentation'],
  ],
  [
    'A.4.3',
    'Data resources',
    'Record the data used by AI systems, including where it comes from and what it is used for.',
    ['ai-specific', 'data'],
  ],
  [
    'A.4.4',
    'Tooling resources',
    'Record the tools, libraries and frameworks used to build and run AI systems.',
    ['ai-specific'],
  ],
  [
    'A.4.5',
    'System and computing resources',
    'Record the compute and infrastructure resources AI systems need.',
    ['ai-specific'],
  ],
  [
    'A.4.6',
    'Human resources',
    'Record the people and competences needed to build, run and oversee AI systems.',
    ['ai-specific', 'people'],
  ],
  [
    'A.5.2',
    'AI system impact assessment process',
    'Set up a process to assess the potential consequences of an AI system for individuals, groups and society.',
    ['ai-specific', 'impact-assessment'],
  ],
  [
    'A.5.3',
    'Documentation of AI system impact assessments',
    'Document impact assessment results and keep them for a defined period.',
    ['ai-specific', 'impact-assessment', 'documentation'],
  ],
  [
    'A.5.4',
    'Assessing AI system impact on individuals or groups of individuals',
    'Assess how an AI system could affect individuals or groups, e.g. fairness, safety or access to services.',
    ['ai-specific', 'impact-assessment', 'fairness'],
  ],
  [
    'A.5.5',
    'Assessing societal impacts of AI systems',
    'Assess wider effects of an AI system on society, such as on the environment, economy or public discourse.',
    ['ai-specific', 'impact-assessment'],
  ],
  [
    'A.6.1.2',
    'Objectives for responsible development of AI system',
    'Set and document objectives that steer responsible development and build them into the development process.',
    ['ai-specific', 'lifecycle'],
  ],
  [
    'A.6.1.3',
    'Processes for responsible AI system design and development',
    'Define and document the processes used to design and develop AI systems responsibly.',
    ['ai-specific', 'lifecycle'],
  ],
  [
    'A.6.2.2',
    'AI system requirements and specification',
    'Specify and document requirements for new AI systems or significant changes to existing ones.',
    ['ai-specific', 'lifecycle'],
  ],
  [
    'A.6.2.3',
    'Documentation of AI system design and development',
    'Document design and development decisions according to objectives, requirements and criteria.',
    ['ai-specific', 'lifecycle', 'documentation'],
  ],
  [
    'A.6.2.4',
    'AI system verification and validation',
    'Define and document verification and validation measures and the criteria for using them.',
    ['ai-specific', 'lifecycle'],
  ],
  [
    'A.6.2.5',
    'AI system deployment',
    'Document a deployment plan and make sure requirements are met before the system goes live.',
    ['ai-specific', 'lifecycle'],
  ],
  [
    'A.6.2.6',
    'AI system operation and monitoring',
    'Define what is needed to operate the AI system: monitoring, repairs, updates and support.',
    ['ai-specific', 'lifecycle', 'monitoring'],
  ],
  [
    'A.6.2.7',
    'AI system technical documentation',
    'Decide what technical documentation each category of interested party needs and provide it in a suitable form.',
    ['ai-specific', 'documentation', 'transparency'],
  ],
  [
    'A.6.2.8',
    'AI system recording of event logs',
    'Decide at which life-cycle stages event logging is enabled, at least while the system is in use.',
    ['ai-specific', 'monitoring'],
  ],
  [
    'A.7.2',
    'Data for development and enhancement of AI system',
    'Define and run data management processes for developing and improving AI systems.',
    ['ai-specific', 'data'],
  ],
  [
    'A.7.3',
    'Acquisition of data',
    'Decide and document how data used by AI systems is acquired and selected.',
    ['ai-specific', 'data'],
  ],
  [
    'A.7.4',
    'Quality of data for AI systems',
    'Define data-quality requirements and make sure the data used meets them.',
    ['ai-specific', 'data'],
  ],
  [
    'A.7.5',
    'Data provenance',
    'Record where data came from and how it was handled across its life in the AI system.',
    ['ai-specific', 'data'],
  ],
  [
    'A.7.6',
    'Data preparation',
    'Define the criteria and methods for preparing data (cleaning, labelling, transforming).',
    ['ai-specific', 'data'],
  ],
  [
    'A.8.2',
    'System documentation and information for users',
    'Give users the information they need about the AI system to use it properly.',
    ['ai-specific', 'transparency'],
  ],
  [
    'A.8.3',
    'External reporting',
    'Let interested parties report adverse impacts of the AI system to the organisation.',
    ['ai-specific', 'transparency'],
  ],
  [
    'A.8.4',
    'Communication of incidents',
    'Plan how AI system incidents are communicated to users and other affected parties.',
    ['ai-specific', 'incident'],
  ],
  [
    'A.8.5',
    'Information for interested parties',
    'Decide and document what AI information goes to which interested parties, including authorities.',
    ['ai-specific', 'transparency'],
  ],
  [
    'A.9.2',
    'Processes for responsible use of AI systems',
    'Define and document processes for using AI systems responsibly.',
    ['ai-specific', 'human-oversight'],
  ],
  [
    'A.9.3',
    'Objectives for responsible use of AI system',
    'Set and document objectives that guide responsible use of AI systems.',
    ['ai-specific', 'human-oversight'],
  ],
  [
    'A.9.4',
    'Intended use of the AI system',
    'Use AI systems as intended and as described in their documentation.',
    ['ai-specific'],
  ],
  [
    'A.10.2',
    'Allocating responsibilities',
    'Split responsibilities for the AI life cycle between the organisation, partners, suppliers and customers.',
    ['third-party'],
  ],
  [
    'A.10.3',
    'Suppliers',
    "Make sure services, products and materials from suppliers fit the organisation's responsible-AI approach.",
    ['third-party'],
  ],
  [
    'A.10.4',
    'Customers',
    'Take customer expectations and needs into account in the responsible approach to AI.',
    ['third-party'],
  ],
];

/** `A.6.2.3` -> `A.6.2`; `A.5.2` -> `A.5`; objectives A.6.1/A.6.2 sit under A.6. */
function annexParent(ref: string): string | null {
  const parts = ref.split('.');
  if (parts.length === 2) return null;
  return parts.slice(0, -1).join('.');
}

export const iso42001: Framework = {
  id: F,
  family: 'iso42001',
  name: 'ISO/IEC 42001 Artificial intelligence management system',
  shortName: 'ISO/IEC 42001',
  publisher: 'ISO/IEC JTC 1/SC 42',
  edition: {
    id: '2023',
    label: 'ISO/IEC 42001:2023 (1st edition)',
    published: '2023-12',
    status: 'current',
    supersedes: null,
  },
  kind: 'management-system-standard',
  certifiable: true,
  scopes: [],
  applicationDates: [],
  requirements: [
    ...clauses,
    ...objectives.map(([ref, title, summary, tags = []]) =>
      makeRequirement(F, ref, ref, 'annex-objective', annexParent(ref), title, summary, tags),
    ),
    ...controls.map(([ref, title, summary, tags = []]) =>
      makeRequirement(F, ref, ref, 'annex-control', annexParent(ref), title, summary, tags),
    ),
  ],
};
