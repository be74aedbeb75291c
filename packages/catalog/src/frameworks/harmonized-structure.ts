import type { Tag } from '../ids.js';

/**
 * ISO management-system standards share one clause skeleton (the harmonized structure), so ISO/IEC 42001 and
 * ISO/IEC 27001 describe clauses 4-10 with the same numbers. The summaries are written once here and
 * specialised by subject; titles are kept per standard because they differ where the subject differs.
 */
export interface Subject {
  /** `AI management system` */
  system: string;
  /** `AIMS` */
  abbr: string;
  /** `AI` */
  topic: string;
}

export interface HarmonizedClause {
  ref: string;
  title42001: string;
  /** null: the clause exists in ISO/IEC 42001 only. */
  title27001: string | null;
  summary: (s: Subject) => string;
  tags: readonly Tag[];
}

const c = (
  ref: string,
  title42001: string,
  title27001: string | null,
  summary: (s: Subject) => string,
  tags: readonly Tag[] = ['governance'],
): HarmonizedClause => ({ ref, title42001, title27001, summary, tags });

export const harmonizedClauses: readonly HarmonizedClause[] = [
  c(
    '4',
    'Context of the organization',
    'Context of the organization',
    (s) =>
      `Heading clause: the organisation works out where it stands before designing its ${s.abbr} — its environment, the people with a stake in it and the boundaries of the system.`,
  ),
  c(
    '4.1',
    'Understanding the organization and its context',
    'Understanding the organization and its context',
    (s) =>
      `Identify the internal and external issues that affect what the ${s.abbr} is meant to achieve, so the system is built for the organisation's real situation rather than a generic one.`,
  ),
  c(
    '4.2',
    'Understanding the needs and expectations of interested parties',
    'Understanding the needs and expectations of interested parties',
    (s) =>
      `List the parties with a stake in the ${s.abbr}, what they require of it, and which of those requirements the system will address.`,
  ),
  c(
    '4.3',
    'Determining the scope of the AI management system',
    'Determining the scope of the information security management system',
    (s) =>
      `Fix and document the boundaries of the ${s.abbr}, taking the context, stakeholder needs and interfaces with other organisations into account.`,
  ),
  c(
    '4.4',
    'AI management system',
    'Information security management system',
    (s) =>
      `Establish, run, maintain and keep improving the ${s.system} with its processes and their interactions.`,
  ),
  c(
    '5',
    'Leadership',
    'Leadership',
    (s) => `Heading clause: what top management must personally do and decide for the ${s.abbr}.`,
  ),
  c(
    '5.1',
    'Leadership and commitment',
    'Leadership and commitment',
    (s) =>
      `Top management shows it owns the ${s.abbr}: objectives match strategy, resources are provided, the system is built into business processes and people are supported to make it work.`,
  ),
  c(
    '5.2',
    'AI policy',
    'Policy',
    (s) =>
      `Top management sets a documented ${s.topic} policy that fits the organisation's purpose, frames objectives, commits to meeting requirements and to improving, and is communicated.`,
  ),
  c(
    '5.3',
    'Roles, responsibilities and authorities',
    'Organizational roles, responsibilities and authorities',
    (s) =>
      `Assign and communicate who is responsible and has authority for the ${s.abbr}, including reporting on its performance to top management.`,
  ),
  c(
    '6',
    'Planning',
    'Planning',
    (s) => `Heading clause: planning how the ${s.abbr} handles risk, sets objectives and changes.`,
  ),
  c(
    '6.1',
    'Actions to address risks and opportunities',
    'Actions to address risks and opportunities',
    (s) =>
      `Group clause for planning actions on the risks and opportunities that could affect the ${s.abbr} outcomes.`,
    ['governance', 'risk'],
  ),
  c(
    '6.1.1',
    'General',
    'General',
    (s) =>
      `Determine the risks and opportunities to address so the ${s.abbr} achieves its intended outcomes, prevents undesired effects and improves, and plan how to act on them.`,
    ['governance', 'risk'],
  ),
  c(
    '6.1.2',
    'AI risk assessment',
    'Information security risk assessment',
    (s) =>
      `Define and apply a repeatable ${s.topic} risk assessment process with criteria, risk owners, analysis and evaluation, and keep its results.`,
    ['risk'],
  ),
  c(
    '6.1.3',
    'AI risk treatment',
    'Information security risk treatment',
    (s) =>
      `Choose treatment options, determine the controls needed (comparing with Annex A), produce a Statement of Applicability justifying inclusions and exclusions, and get risk owners to approve the ${s.topic} treatment plan.`,
    ['risk'],
  ),
  c(
    '6.1.4',
    'AI system impact assessment',
    null,
    () =>
      'Define a process to assess the possible consequences of AI systems for individuals, groups and society, and use the results in risk treatment.',
    ['ai-specific', 'impact-assessment', 'risk'],
  ),
  c(
    '6.2',
    'AI objectives and planning to achieve them',
    'Information security objectives and planning to achieve them',
    (s) =>
      `Set measurable ${s.topic} objectives at relevant functions and plan what will be done, by whom, with what resources and by when.`,
  ),
  c(
    '6.3',
    'Planning of changes',
    'Planning of changes',
    (s) => `Carry out changes to the ${s.abbr} in a planned way.`,
  ),
  c(
    '7',
    'Support',
    'Support',
    (s) => `Heading clause: resources, people, communication and documents that the ${s.abbr} needs.`,
  ),
  c(
    '7.1',
    'Resources',
    'Resources',
    (s) => `Determine and provide the resources needed to run and improve the ${s.abbr}.`,
  ),
  c(
    '7.2',
    'Competence',
    'Competence',
    (s) =>
      `Determine the competence needed by people whose work affects ${s.topic} performance, make sure they have it through education, training or experience, and keep evidence.`,
    ['people'],
  ),
  c(
    '7.3',
    'Awareness',
    'Awareness',
    (s) =>
      `People working under the organisation's control know the ${s.topic} policy, their contribution and the consequences of not conforming.`,
    ['people'],
  ),
  c(
    '7.4',
    'Communication',
    'Communication',
    (s) =>
      `Decide what to communicate about the ${s.abbr}, when, to whom and how, internally and externally.`,
  ),
  c(
    '7.5',
    'Documented information',
    'Documented information',
    (s) => `Group clause for the documented information the ${s.abbr} requires.`,
    ['documentation'],
  ),
  c(
    '7.5.1',
    'General',
    'General',
    (s) =>
      `Keep the documented information the standard requires plus whatever the organisation judges necessary for the ${s.abbr} to be effective.`,
    ['documentation'],
  ),
  c(
    '7.5.2',
    'Creating and updating documented information',
    'Creating and updating documented information',
    () =>
      'Documents carry proper identification, suitable format and media, and are reviewed and approved for suitability.',
    ['documentation'],
  ),
  c(
    '7.5.3',
    'Control of documented information',
    'Control of documented information',
    () =>
      'Documented information is available where needed, protected, distributed, versioned, retained and disposed of under control, including documents of external origin.',
    ['documentation'],
  ),
  c(
    '8',
    'Operation',
    'Operation',
    (s) => `Heading clause: running the processes planned for the ${s.abbr}.`,
    ['operations'],
  ),
  c(
    '8.1',
    'Operational planning and control',
    'Operational planning and control',
    (s) =>
      `Plan, implement and control the processes needed to meet ${s.topic} requirements, including outsourced processes and planned changes.`,
    ['operations'],
  ),
  c(
    '8.2',
    'AI risk assessment',
    'Information security risk assessment',
    (s) =>
      `Perform ${s.topic} risk assessments at planned intervals and on significant change, and retain the results.`,
    ['risk', 'operations'],
  ),
  c(
    '8.3',
    'AI risk treatment',
    'Information security risk treatment',
    (s) => `Implement the ${s.topic} risk treatment plan, verify it is effective and retain the results.`,
    ['risk', 'operations'],
  ),
  c(
    '8.4',
    'AI system impact assessment',
    null,
    () =>
      'Carry out AI system impact assessments at planned intervals and on significant change, and retain the results.',
    ['ai-specific', 'impact-assessment', 'operations'],
  ),
  c(
    '9',
    'Performance evaluation',
    'Performance evaluation',
    (s) => `Heading clause: measuring, auditing and reviewing the ${s.abbr}.`,
    ['monitoring'],
  ),
  c(
    '9.1',
    'Monitoring, measurement, analysis and evaluation',
    'Monitoring, measurement, analysis and evaluation',
    (s) =>
      `Decide what to monitor and measure about the ${s.abbr}, how and when, and evaluate performance and effectiveness from the results.`,
    ['monitoring'],
  ),
  c('9.2', 'Internal audit', 'Internal audit', (s) => `Group clause for internal audits of the ${s.abbr}.`, [
    'monitoring',
  ]),
  c(
    '9.2.1',
    'General',
    'General',
    (s) =>
      `Audit the ${s.abbr} at planned intervals to confirm it meets the organisation's own requirements and the standard, and is effectively implemented.`,
    ['monitoring'],
  ),
  c(
    '9.2.2',
    'Internal audit programme',
    'Internal audit programme',
    () =>
      'Plan an audit programme with frequency, methods, responsibilities and reporting; choose objective auditors and act on results.',
    ['monitoring'],
  ),
  c(
    '9.3',
    'Management review',
    'Management review',
    (s) => `Group clause for top-management review of the ${s.abbr}.`,
    ['monitoring'],
  ),
  c(
    '9.3.1',
    'General',
    'General',
    (s) =>
      `Top management reviews the ${s.abbr} at planned intervals to confirm it stays suitable, adequate and effective.`,
    ['monitoring'],
  ),
  c(
    '9.3.2',
    'Management review inputs',
    'Management review inputs',
    () =>
      'The review considers prior actions, changes in context and stakeholder needs, performance trends, audit results, nonconformities and opportunities for improvement.',
    ['monitoring'],
  ),
  c(
    '9.3.3',
    'Management review results',
    'Management review results',
    () =>
      'The review ends in recorded decisions on improvement opportunities and any needed changes to the system.',
    ['monitoring'],
  ),
  c(
    '10',
    'Improvement',
    'Improvement',
    (s) => `Heading clause: correcting and continually improving the ${s.abbr}.`,
    ['improvement'],
  ),
  c(
    '10.1',
    'Continual improvement',
    'Continual improvement',
    (s) => `Keep improving the suitability, adequacy and effectiveness of the ${s.abbr}.`,
    ['improvement'],
  ),
  c(
    '10.2',
    'Nonconformity and corrective action',
    'Nonconformity and corrective action',
    () =>
      'When a nonconformity occurs, correct it, find its cause, act so it does not recur, check the action worked and keep records.',
    ['improvement'],
  ),
];
