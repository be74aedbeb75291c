import type { DutyHolder, Tag } from '../ids.js';
import type { ApplicationDate, Framework } from '../schema.js';
import { makeRequirement } from './build.js';

const F = 'eu-ai-act';

/** Groups of obligations that share an application date. */
export const euAiActDateGroups = {
  generalProvisions: 'general-provisions',
  annexIII: 'annex-iii-high-risk',
  annexI: 'annex-i-high-risk',
  transparency: 'transparency-obligations',
  transparencyMarkingLegacy: 'transparency-marking-legacy-systems',
} as const;
type DateGroup = (typeof euAiActDateGroups)[keyof typeof euAiActDateGroups];
const G = euAiActDateGroups;

const omnibus =
  'Digital Omnibus on AI amending Regulation (EU) 2024/1689 (EP plenary 16 Jun 2026, Council 29 Jun 2026)';
const ojUnconfirmed =
  'Official Journal publication date and number not confirmed in our sources; re-check before relying on it.';

/** Amendments add an entry that supersedes the older one; nothing is overwritten. */
const applicationDates: ApplicationDate[] = [
  {
    id: 'general-provisions-2025',
    group: G.generalProvisions,
    date: '2025-02-02',
    legalBasis: 'Art. 113(a)',
    status: 'in_force',
    supersedes: null,
    supersededBy: null,
    note: 'Chapters I and II, including Art. 4 AI literacy and Art. 5 prohibitions.',
  },
  {
    id: 'annex-iii-2026',
    group: G.annexIII,
    date: '2026-08-02',
    legalBasis: 'Art. 113, first subparagraph',
    status: 'superseded',
    supersedes: null,
    supersededBy: 'annex-iii-omnibus-2027',
  },
  {
    id: 'annex-iii-omnibus-2027',
    group: G.annexIII,
    date: '2027-12-02',
    legalBasis: omnibus,
    status: 'adopted_pending_oj',
    supersedes: 'annex-iii-2026',
    supersededBy: null,
    note: ojUnconfirmed,
  },
  {
    id: 'annex-i-2027',
    group: G.annexI,
    date: '2027-08-02',
    legalBasis: 'Art. 113(c) with Art. 6(1)',
    status: 'superseded',
    supersedes: null,
    supersededBy: 'annex-i-omnibus-2028',
  },
  {
    id: 'annex-i-omnibus-2028',
    group: G.annexI,
    date: '2028-08-02',
    legalBasis: omnibus,
    status: 'adopted_pending_oj',
    supersedes: 'annex-i-2027',
    supersededBy: null,
    note: ojUnconfirmed,
  },
  {
    id: 'transparency-2026',
    group: G.transparency,
    date: '2026-08-02',
    legalBasis: 'Art. 113, first subparagraph',
    status: 'in_force',
    supersedes: null,
    supersededBy: null,
    note: 'The Digital Omnibus left the general Art. 50 date unchanged.',
  },
  {
    id: 'transparency-marking-legacy-2026',
    group: G.transparencyMarkingLegacy,
    date: '2026-08-02',
    legalBasis: 'Art. 113, first subparagraph',
    status: 'superseded',
    supersedes: null,
    supersededBy: 'transparency-marking-legacy-omnibus-2026',
    note: 'Art. 50(2) machine-readable marking for systems placed on the market before 2 Aug 2026.',
  },
  {
    id: 'transparency-marking-legacy-omnibus-2026',
    group: G.transparencyMarkingLegacy,
    date: '2026-12-02',
    legalBasis: omnibus,
    status: 'adopted_pending_oj',
    supersedes: 'transparency-marking-legacy-2026',
    supersededBy: null,
    note: ojUnconfirmed,
  },
];

const highRisk: readonly DateGroup[] = [G.annexIII, G.annexI];
const P: readonly DutyHolder[] = ['provider'];
const D: readonly DutyHolder[] = ['deployer'];
const PD: readonly DutyHolder[] = ['provider', 'deployer'];

type Article = readonly [
  article: number,
  title: string,
  summary: string,
  holders: readonly DutyHolder[],
  applies: readonly DateGroup[],
  tags: readonly Tag[],
];

const articles: readonly Article[] = [
  [
    4,
    'AI literacy',
    'Providers and deployers take measures so that staff and others operating AI systems on their behalf have a sufficient level of AI literacy for the context of use.',
    PD,
    [G.generalProvisions],
    ['people'],
  ],
  [
    8,
    'Compliance with the requirements',
    'High-risk systems must meet the Section 2 requirements (Arts. 9-15), judged against their intended purpose and the state of the art.',
    P,
    highRisk,
    ['conformity'],
  ],
  [
    9,
    'Risk management system',
    'Run a continuous, iterative risk management process over the life cycle: identify and evaluate known and foreseeable risks, including misuse, use post-market data, adopt measures and test against predefined metrics before release, with attention to minors and vulnerable groups.',
    P,
    highRisk,
    ['risk'],
  ],
  [
    10,
    'Data and data governance',
    'Training, validation and test data follow documented governance practices, are relevant and representative, as error-free and complete as possible, and are examined for bias; special-category data may be processed for bias correction only with safeguards.',
    P,
    highRisk,
    ['data', 'fairness'],
  ],
  [
    11,
    'Technical documentation',
    'Draw up technical documentation with the Annex IV content before placing the system on the market and keep it current.',
    P,
    highRisk,
    ['documentation'],
  ],
  [
    12,
    'Record-keeping',
    'Design the system to log events automatically over its lifetime so that risk situations, post-market monitoring and deployer monitoring can be traced.',
    P,
    highRisk,
    ['monitoring'],
  ],
  [
    13,
    'Transparency and provision of information to deployers',
    'Ship instructions for use that tell deployers who the provider is, the intended purpose, accuracy and robustness levels, known risks, oversight measures, input data specifications and maintenance needs.',
    P,
    highRisk,
    ['transparency', 'documentation'],
  ],
  [
    14,
    'Human oversight',
    'Design the system so natural persons can oversee it effectively, understand its limits, resist automation bias, override it and stop it; deployers assign competent people to do so.',
    PD,
    highRisk,
    ['human-oversight'],
  ],
  [
    15,
    'Accuracy, robustness and cybersecurity',
    'Reach and keep appropriate accuracy, robustness and cybersecurity over the life cycle, declare accuracy metrics and resist AI-specific attacks such as data or model poisoning and adversarial inputs.',
    P,
    highRisk,
    ['security'],
  ],
  [
    16,
    'Obligations of providers of high-risk AI systems',
    'Umbrella duties of providers: meet the requirements, identify themselves, run a QMS, keep documentation and logs, complete conformity assessment, sign the declaration, affix CE marking, register, take corrective action and show conformity on request.',
    P,
    highRisk,
    ['conformity'],
  ],
  [
    17,
    'Quality management system',
    'Put in place a documented quality management system covering regulatory strategy, design control, testing, data management, risk management, post-market monitoring, incident reporting, record-keeping, resources and accountability, proportionate to size.',
    P,
    highRisk,
    ['governance', 'conformity'],
  ],
  [
    18,
    'Documentation keeping',
    'Keep technical documentation, QMS documents, notified-body decisions and the declaration of conformity available to authorities for ten years.',
    P,
    highRisk,
    ['documentation'],
  ],
  [
    19,
    'Automatically generated logs',
    "Keep the logs under the provider's control for a period suited to the purpose, at least six months.",
    P,
    highRisk,
    ['monitoring'],
  ],
  [
    20,
    'Corrective actions and duty of information',
    'Take immediate corrective action, withdraw or recall non-conforming systems, and inform distributors, deployers and authorities.',
    P,
    highRisk,
    ['incident', 'conformity'],
  ],
  [
    21,
    'Cooperation with competent authorities',
    'Give competent authorities the information, documentation and logs they reasonably ask for.',
    P,
    highRisk,
    ['legal'],
  ],
  [
    25,
    'Responsibilities along the AI value chain',
    'Distributors, importers, deployers and others become providers if they rebrand, substantially modify or repurpose a system into high-risk use; providers cooperate with successors.',
    PD,
    highRisk,
    ['third-party'],
  ],
  [
    26,
    'Obligations of deployers of high-risk AI systems',
    'Use the system per its instructions, assign competent oversight, check input data, monitor and report risks and serious incidents, keep logs at least six months, inform workers and affected persons.',
    D,
    highRisk,
    ['operations', 'human-oversight'],
  ],
  [
    27,
    'Fundamental rights impact assessment',
    'Public-body deployers, private providers of public services and deployers of credit-scoring or life and health insurance pricing systems assess fundamental-rights impacts before first use and notify the market surveillance authority.',
    D,
    [G.annexIII],
    ['impact-assessment'],
  ],
  [
    43,
    'Conformity assessment',
    'Complete the applicable conformity assessment (internal control, or notified body for some biometric systems, or the sectoral procedure for Annex I products) before release and again after substantial modification.',
    P,
    highRisk,
    ['conformity'],
  ],
  [
    47,
    'EU declaration of conformity',
    'Sign an EU declaration of conformity for each system and keep it for ten years.',
    P,
    highRisk,
    ['conformity', 'documentation'],
  ],
  [
    48,
    'CE marking',
    'Affix a visible, legible and indelible CE marking, or a digital one for digital-only systems.',
    P,
    highRisk,
    ['conformity'],
  ],
  [
    49,
    'Registration',
    'Register the system (and public-authority deployers their use) in the EU database before placing on the market or use.',
    PD,
    [G.annexIII],
    ['conformity', 'transparency'],
  ],
  [
    50,
    'Transparency obligations for certain AI systems',
    'Tell people when they interact with an AI system, mark synthetic content in machine-readable form, and disclose emotion recognition, biometric categorisation and deep fakes.',
    PD,
    [G.transparency, G.transparencyMarkingLegacy],
    ['transparency'],
  ],
  [
    72,
    'Post-market monitoring',
    "Actively and systematically collect and analyse performance data over the system's lifetime under a post-market monitoring plan that is part of the technical documentation.",
    P,
    highRisk,
    ['monitoring'],
  ],
  [
    73,
    'Reporting of serious incidents',
    'Report serious incidents to the market surveillance authority quickly (at most 15 days, 10 for a death, 2 for widespread or critical-infrastructure cases) and investigate without altering the system; deployers inform the provider.',
    PD,
    highRisk,
    ['incident'],
  ],
  [
    86,
    'Right to explanation of individual decision-making',
    "People affected by decisions based on Annex III system output with significant effects can obtain a clear explanation of the system's role from the deployer.",
    D,
    [G.annexIII],
    ['transparency'],
  ],
];

export const euAiAct: Framework = {
  id: F,
  family: 'eu-ai-act',
  name: 'EU Artificial Intelligence Act (Regulation (EU) 2024/1689)',
  shortName: 'EU AI Act',
  publisher: 'European Parliament and Council of the EU',
  edition: {
    id: '2024/1689',
    label: 'Regulation (EU) 2024/1689',
    published: '2024-07-12',
    status: 'current',
    supersedes: null,
  },
  kind: 'regulation',
  certifiable: false,
  scopes: [],
  applicationDates,
  requirements: articles.map(([n, title, summary, holders, applies, tags]) =>
    makeRequirement(
      F,
      `art-${n}`,
      `Art. ${n}`,
      'article',
      null,
      title,
      summary,
      ['ai-specific', 'legal', ...tags],
      {
        dutyHolders: [...holders],
        appliesFrom: [...applies],
      },
    ),
  ),
};
