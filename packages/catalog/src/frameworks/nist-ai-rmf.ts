import type { Tag } from '../ids.js';
import type { Framework, Requirement } from '../schema.js';
import { makeRequirement } from './build.js';

const F = 'nist-ai-rmf';

type Sub = readonly [title: string, summary: string, tags?: readonly Tag[]];
interface Category {
  title: string;
  summary: string;
  subcategories: readonly Sub[];
}
interface Fn {
  id: 'GOVERN' | 'MAP' | 'MEASURE' | 'MANAGE';
  title: string;
  summary: string;
  categories: readonly Category[];
}

/**
 * Labels and summaries are ours. The NIST outcome statements are public domain, but we keep the catalog
 * uniform: our words everywhere, the publisher's text nowhere.
 */
const core: readonly Fn[] = [
  {
    id: 'GOVERN',
    title: 'Govern',
    summary:
      'Cross-cutting function: build and keep a culture, structures and policies for managing AI risk.',
    categories: [
      {
        title: 'AI risk policies, processes and practices',
        summary:
          'Organisation-wide policies and practices for mapping, measuring and managing AI risk exist, are transparent and work.',
        subcategories: [
          [
            'Legal and regulatory requirements',
            'AI-related legal and regulatory obligations are known, managed and documented.',
            ['legal'],
          ],
          [
            'Trustworthy-AI characteristics in policy',
            'Trustworthiness characteristics are written into policies, processes and practices.',
            ['governance'],
          ],
          [
            'Risk-tolerance-based effort',
            "The depth of risk management is set according to the organisation's risk tolerance.",
            ['risk'],
          ],
          [
            'Transparent risk-management process',
            'The risk process and its outcomes are set through transparent policies and controls tied to priorities.',
            ['risk', 'transparency'],
          ],
          [
            'Monitoring and periodic review',
            'The risk process is monitored and reviewed periodically, with owners and review frequency defined.',
            ['monitoring'],
          ],
          [
            'AI system inventory',
            'AI systems are inventoried, with effort proportionate to risk priorities.',
            ['documentation'],
          ],
          [
            'Safe decommissioning',
            'AI systems can be phased out safely without raising risk or eroding trust.',
            ['lifecycle'],
          ],
        ],
      },
      {
        title: 'Accountability structures',
        summary: 'Teams and individuals are empowered, responsible and trained for AI risk work.',
        subcategories: [
          [
            'Roles and lines of communication',
            'AI risk roles, responsibilities and communication lines are documented and understood.',
            ['governance', 'people'],
          ],
          [
            'AI risk training',
            'Staff and partners are trained in AI risk management for their duties.',
            ['people'],
          ],
          [
            'Executive accountability',
            'Executives take responsibility for decisions on AI development and deployment risk.',
            ['governance'],
          ],
        ],
      },
      {
        title: 'Workforce diversity and inclusion',
        summary: 'Diversity, equity, inclusion and accessibility are prioritised in AI risk work.',
        subcategories: [
          [
            'Diverse decision-making team',
            'AI risk decisions draw on a team diverse in background, discipline and expertise.',
            ['people', 'fairness'],
          ],
          [
            'Human-AI roles and oversight',
            'Policies define roles for human-AI configurations and oversight of AI systems.',
            ['human-oversight'],
          ],
        ],
      },
      {
        title: 'Risk-aware culture',
        summary: 'Teams commit to a culture that considers and talks openly about AI risk.',
        subcategories: [
          [
            'Safety-first mindset',
            'Policies foster critical thinking and safety first across design, deployment and use.',
            ['governance'],
          ],
          [
            'Documenting and sharing impacts',
            'Teams document the risks and impacts of their AI work and communicate them widely.',
            ['documentation', 'transparency'],
          ],
          [
            'Testing and incident sharing',
            'Practices enable AI testing, incident identification and information sharing.',
            ['incident'],
          ],
        ],
      },
      {
        title: 'Engagement with AI actors',
        summary: 'Robust engagement with relevant AI actors is in place.',
        subcategories: [
          [
            'External feedback',
            'Feedback from outside the development team on individual and societal impacts is collected and used.',
            ['impact-assessment'],
          ],
          [
            'Adjudicated feedback into design',
            'Reviewed feedback from AI actors is regularly built into system design.',
            ['lifecycle'],
          ],
        ],
      },
      {
        title: 'Third-party and supply-chain risk',
        summary: 'Policies address AI risks and benefits from third-party software, data and supply chains.',
        subcategories: [
          [
            'Third-party risk policies',
            'Policies cover third-party AI risk, including intellectual-property infringement.',
            ['third-party', 'legal'],
          ],
          [
            'Contingency for third-party failures',
            'Contingency processes handle failures or incidents in high-risk third-party data or AI.',
            ['third-party', 'incident'],
          ],
        ],
      },
    ],
  },
  {
    id: 'MAP',
    title: 'Map',
    summary: 'Establish the context of an AI system and identify the risks that follow from it.',
    categories: [
      {
        title: 'Context established',
        summary: 'The context of the AI system is established and understood.',
        subcategories: [
          [
            'Intended purpose and setting',
            'Intended purposes, beneficial uses, applicable laws and norms, users and deployment settings are documented.',
            ['impact-assessment'],
          ],
          [
            'Interdisciplinary actors',
            'Context is set by interdisciplinary, diverse actors whose participation is documented.',
            ['people'],
          ],
          [
            'Mission and goals for AI',
            "The organisation's mission and goals for the AI technology are documented.",
            ['governance'],
          ],
          [
            'Business value',
            'The business value or context of use is defined or re-evaluated.',
            ['governance'],
          ],
          ['Risk tolerances', 'Organisational risk tolerances are determined and documented.', ['risk']],
          [
            'System requirements',
            'System requirements are elicited from AI actors and design accounts for socio-technical effects.',
            ['lifecycle'],
          ],
        ],
      },
      {
        title: 'System categorisation',
        summary: 'The AI system is categorised.',
        subcategories: [
          [
            'Tasks and methods',
            'The tasks the system supports and the methods used (classifier, generative, recommender) are defined.',
            ['documentation'],
          ],
          [
            'Knowledge limits and human use of outputs',
            "The system's knowledge limits and how humans will use and oversee its output are documented.",
            ['human-oversight', 'transparency'],
          ],
          [
            'Scientific integrity and TEVV',
            'Scientific integrity and test, evaluation, verification and validation considerations are documented.',
            ['lifecycle'],
          ],
        ],
      },
      {
        title: 'Capabilities, benefits and costs',
        summary:
          'Capabilities, targeted use, goals and expected benefits and costs are understood against benchmarks.',
        subcategories: [
          [
            'Potential benefits',
            'Expected benefits of the system are examined and documented.',
            ['impact-assessment'],
          ],
          [
            'Potential costs',
            'Potential costs of AI errors, including non-monetary ones, are examined against risk tolerance.',
            ['impact-assessment', 'risk'],
          ],
          [
            'Application scope',
            'The targeted application scope is specified from capability, context and categorisation.',
            ['documentation'],
          ],
          [
            'Operator proficiency',
            'Processes for operator and practitioner proficiency are defined, assessed and documented.',
            ['people'],
          ],
          [
            'Human oversight processes',
            'Human oversight processes are defined, assessed and documented per governance policy.',
            ['human-oversight'],
          ],
        ],
      },
      {
        title: 'Risks of components',
        summary:
          'Risks and benefits are mapped for every component, including third-party software and data.',
        subcategories: [
          [
            'Technology and legal risk of components',
            'Approaches to map technical and legal risks of components, including third-party data and IP, are followed.',
            ['third-party', 'legal'],
          ],
          [
            'Internal controls for components',
            'Internal risk controls for components, including third-party AI, are identified and documented.',
            ['third-party'],
          ],
        ],
      },
      {
        title: 'Impacts characterised',
        summary: 'Impacts on individuals, groups, communities, organisations and society are characterised.',
        subcategories: [
          [
            'Likelihood and magnitude of impacts',
            'The likelihood and size of each beneficial or harmful impact are estimated and documented.',
            ['impact-assessment', 'risk'],
          ],
          [
            'Engagement on impacts',
            'Practices for engaging AI actors and integrating feedback about impacts are in place.',
            ['impact-assessment'],
          ],
        ],
      },
    ],
  },
  {
    id: 'MEASURE',
    title: 'Measure',
    summary: 'Analyse, assess, benchmark and track AI risks and their effects.',
    categories: [
      {
        title: 'Methods and metrics',
        summary: 'Suitable methods and metrics are identified and applied.',
        subcategories: [
          [
            'Metrics for the most significant risks',
            'Measurement starts with the most significant risks; what cannot be measured is documented.',
            ['risk'],
          ],
          [
            'Metrics and controls reviewed',
            'Metric suitability and control effectiveness are regularly reassessed, including error reports.',
            ['monitoring'],
          ],
          [
            'Independent assessors',
            'Assessments involve people independent of development and consult affected parties as needed.',
            ['monitoring'],
          ],
        ],
      },
      {
        title: 'Evaluation for trustworthiness',
        summary: 'AI systems are evaluated for the trustworthiness characteristics.',
        subcategories: [
          [
            'TEVV documentation',
            'Test sets, metrics and tools used in TEVV are documented.',
            ['documentation', 'lifecycle'],
          ],
          [
            'Human-subject evaluations',
            'Evaluations with human subjects protect participants and are representative.',
            ['fairness'],
          ],
          [
            'Performance measured',
            'Performance or assurance criteria are measured under deployment-like conditions and documented.',
            ['lifecycle'],
          ],
          ['Production monitoring', 'System behaviour is monitored in production.', ['monitoring']],
          [
            'Validity and reliability',
            'The system is shown valid and reliable; limits of generalisation are documented.',
            ['lifecycle'],
          ],
          [
            'Safety',
            'The system is evaluated for safety, stays within risk tolerance and can fail safely.',
            ['risk'],
          ],
          [
            'Security and resilience',
            'Security and resilience of the system are evaluated and documented.',
            ['security'],
          ],
          [
            'Transparency and accountability',
            'Transparency and accountability risks are examined and documented.',
            ['transparency'],
          ],
          [
            'Explainability',
            'The model is explained and its output interpreted in context to inform responsible use.',
            ['transparency'],
          ],
          ['Privacy', 'Privacy risk of the system is examined and documented.', ['privacy']],
          ['Fairness and bias', 'Fairness and bias are evaluated and results documented.', ['fairness']],
          [
            'Environmental impact',
            'Environmental impact of training and operating models is assessed.',
            ['impact-assessment'],
          ],
          [
            'Effectiveness of TEVV',
            'The effectiveness of the TEVV metrics and processes is evaluated.',
            ['improvement'],
          ],
        ],
      },
      {
        title: 'Tracking risks over time',
        summary: 'Mechanisms track identified AI risks over time.',
        subcategories: [
          [
            'Track emergent risks',
            'Existing, unexpected and emerging risks are tracked from real performance in deployment.',
            ['monitoring', 'risk'],
          ],
          [
            'Tracking hard-to-measure risks',
            'Tracking approaches are considered where risks are hard to measure.',
            ['risk'],
          ],
          [
            'End-user feedback and appeal',
            'End users and affected communities can report problems and appeal outcomes, feeding evaluation.',
            ['transparency'],
          ],
        ],
      },
      {
        title: 'Feedback on measurement',
        summary: 'Feedback about how well measurement works is gathered and assessed.',
        subcategories: [
          [
            'Context-connected measurement',
            'Measurement approaches reflect deployment context and expert and user input.',
            ['monitoring'],
          ],
          [
            'Trustworthiness results validated',
            'Trustworthiness results are validated with domain experts and AI actors.',
            ['monitoring'],
          ],
          [
            'Performance changes identified',
            'Measurable performance improvements or declines are identified with affected parties and field data.',
            ['monitoring', 'improvement'],
          ],
        ],
      },
    ],
  },
  {
    id: 'MANAGE',
    title: 'Manage',
    summary: 'Prioritise AI risks and act on them according to projected impact.',
    categories: [
      {
        title: 'Risks prioritised and responded to',
        summary: 'Risks from the MAP and MEASURE functions are prioritised, responded to and managed.',
        subcategories: [
          [
            'Go / no-go',
            'A decision is made whether the system meets its purpose and should proceed.',
            ['governance'],
          ],
          [
            'Treatment prioritisation',
            'Risk treatment is prioritised by impact, likelihood and resources.',
            ['risk'],
          ],
          [
            'Responses to high-priority risks',
            'Responses to high-priority risks (mitigate, transfer, avoid, accept) are planned and documented.',
            ['risk'],
          ],
          [
            'Residual risk documented',
            'Residual risks to acquirers and end users are documented.',
            ['risk', 'transparency'],
          ],
        ],
      },
      {
        title: 'Benefits maximised, harms minimised',
        summary:
          'Strategies to maximise benefit and minimise negative impact are planned, implemented and documented.',
        subcategories: [
          [
            'Resources and non-AI alternatives',
            'Resources to manage risk and viable non-AI alternatives are considered.',
            ['risk'],
          ],
          ['Sustained value', 'Mechanisms sustain the value of deployed systems.', ['operations']],
          [
            'Unknown risks',
            'Procedures exist to respond to and recover from previously unknown risks.',
            ['incident'],
          ],
          [
            'Disengage or deactivate',
            'Systems behaving inconsistently with intended use can be superseded, disengaged or deactivated.',
            ['human-oversight'],
          ],
        ],
      },
      {
        title: 'Third-party risks managed',
        summary: 'Risks and benefits from third parties are managed.',
        subcategories: [
          [
            'Third-party resources monitored',
            'Third-party AI resources are monitored and controls applied.',
            ['third-party', 'monitoring'],
          ],
          [
            'Pre-trained models monitored',
            'Pre-trained models used in development are monitored as part of maintenance.',
            ['third-party', 'monitoring'],
          ],
        ],
      },
      {
        title: 'Treatment and communication monitored',
        summary: 'Risk treatments, response, recovery and communication plans are documented and monitored.',
        subcategories: [
          [
            'Post-deployment monitoring plans',
            'Post-deployment monitoring covers user input, appeal and override, decommissioning, incidents and change.',
            ['monitoring'],
          ],
          [
            'Continual improvement',
            'Measurable improvement activities are built into system updates with stakeholder engagement.',
            ['improvement'],
          ],
          [
            'Incident communication',
            'Incidents and errors are communicated to affected actors and handled through tracked processes.',
            ['incident', 'transparency'],
          ],
        ],
      },
    ],
  },
];

const requirements: Requirement[] = core.flatMap((fn) => [
  makeRequirement(F, fn.id, fn.id, 'function', null, fn.title, fn.summary, ['ai-specific', 'risk']),
  ...fn.categories.flatMap((cat, ci) => {
    const catRef = `${fn.id} ${ci + 1}`;
    const catSlug = `${fn.id}-${ci + 1}`;
    return [
      makeRequirement(F, catSlug, catRef, 'category', fn.id, cat.title, cat.summary, ['ai-specific']),
      ...cat.subcategories.map(([title, summary, tags = []], si) =>
        makeRequirement(
          F,
          `${catSlug}.${si + 1}`,
          `${catRef}.${si + 1}`,
          'subcategory',
          catSlug,
          title,
          summary,
          ['ai-specific', ...tags],
        ),
      ),
    ];
  }),
]);

export const nistAiRmf: Framework = {
  id: F,
  family: 'nist-ai-rmf',
  name: 'NIST AI Risk Management Framework',
  shortName: 'NIST AI RMF',
  publisher: 'NIST (NIST AI 100-1)',
  edition: { id: '1.0', label: 'AI RMF 1.0', published: '2023-01-26', status: 'current', supersedes: null },
  kind: 'voluntary-framework',
  certifiable: false,
  scopes: [],
  applicationDates: [],
  requirements,
};
