import type { Crosswalk } from '../schema.js';
import { rowsFor } from './build.js';

const r = rowsFor('eu-ai-act', 'iso42001');
const A = 'analysis';
const PROCEDURAL =
  'Procedural duty of the AI Act for a specific system or product; ISO/IEC 42001 has no counterpart.';

/**
 * Every mapped row is `intersect`: ISO/IEC 42001 works at organisation level and is not a harmonised
 * standard, while the AI Act applies per system and prescribes content, deadlines and procedures.
 */
export const euAiActIso42001: Crosswalk = {
  id: 'eu-ai-act-iso42001',
  from: 'eu-ai-act',
  to: 'iso42001',
  title: 'EU AI Act (Regulation (EU) 2024/1689) to ISO/IEC 42001:2023',
  description:
    'Our analysis; no authoritative crosswalk exists. prEN 18286 is expected to give the presumption of conformity for Art. 17, not ISO/IEC 42001.',
  rows: [
    ...r.link(
      'art-4',
      ['7.2', '7.3', 'A.4.6'],
      'intersect',
      A,
      "Competence and awareness build AI literacy; the Act extends it to everyone operating systems on the organisation's behalf.",
    ),
    r.unmatched(
      'from',
      'art-8',
      A,
      'Umbrella duty to meet the Section 2 product requirements; mapped through Arts. 9-15 instead.',
    ),
    ...r.link(
      'art-9',
      ['6.1.2', '6.1.3', '8.2', '8.3', 'A.5.2'],
      'intersect',
      A,
      'AI risk assessment and treatment supply the process; the Act adds pre-market testing against metrics and attention to minors and vulnerable groups.',
    ),
    ...r.link(
      'art-10',
      ['A.4.3', 'A.7.2', 'A.7.3', 'A.7.4', 'A.7.5', 'A.7.6'],
      'intersect',
      A,
      'Data controls cover governance practices; bias examination and special-category data rules are more prescriptive in the Act.',
    ),
    ...r.link(
      'art-11',
      ['A.6.2.3', 'A.6.2.7'],
      'intersect',
      A,
      'Design and technical documentation exist, but the Annex IV content list is mandatory.',
    ),
    ...r.link(
      'art-12',
      ['A.6.2.8'],
      'intersect',
      A,
      'Event logging is required in both; the Act fixes purposes and minimum content for some systems.',
    ),
    ...r.link(
      'art-13',
      ['A.8.2', 'A.9.4'],
      'intersect',
      A,
      'User information and intended use overlap with instructions for use, whose content the Act enumerates.',
    ),
    ...r.link(
      'art-14',
      ['A.9.2', 'A.9.3', 'A.3.2'],
      'intersect',
      A,
      'Responsible-use processes and roles support oversight; the stop function and two-person verification are Act-specific.',
    ),
    ...r.link(
      'art-15',
      ['A.6.2.4', 'A.6.2.6'],
      'intersect',
      A,
      'Verification and operational monitoring address accuracy and robustness; declared metrics and AI-specific attack resistance are extra.',
    ),
    ...r.link(
      'art-16',
      ['4.4'],
      'intersect',
      A,
      'The quality-system duty overlaps with running an AIMS; marking, registration and conformity duties do not.',
    ),
    ...r.link(
      'art-17',
      ['4.4', '5.3', '6.1.2', '7.1', '7.5.1', '7.5.3', '9.1', 'A.6.1.3', 'A.6.2.4'],
      'intersect',
      A,
      'The AIMS as a whole covers much of the QMS list; the regulatory-compliance strategy and conformity procedures of Art. 17(1)(a) are missing.',
    ),
    ...r.link(
      'art-18',
      ['7.5.3'],
      'intersect',
      A,
      'Control of documented information covers retention; the ten-year period is Act-specific.',
    ),
    ...r.link(
      'art-19',
      ['A.6.2.8'],
      'intersect',
      A,
      'Logs are kept under 42001; the six-month minimum is Act-specific.',
    ),
    ...r.link(
      'art-20',
      ['10.2'],
      'intersect',
      A,
      'Corrective action exists in both; withdrawal, recall and informing authorities are Act-specific.',
    ),
    ...r.link(
      'art-21',
      ['A.8.5'],
      'intersect',
      A,
      'Information for interested parties includes authorities; the Act makes providing it on request mandatory.',
    ),
    ...r.link(
      'art-25',
      ['A.10.2', 'A.10.3', 'A.10.4'],
      'intersect',
      A,
      'Allocating responsibilities along the value chain overlaps; the role switch to provider is Act-specific.',
    ),
    ...r.link(
      'art-26',
      ['A.9.2', 'A.9.4', 'A.6.2.6', 'A.6.2.8'],
      'intersect',
      A,
      'Responsible and intended use, monitoring and logs cover part of deployer duties; informing workers and affected people is extra.',
    ),
    ...r.link(
      'art-27',
      ['6.1.4', '8.4', 'A.5.2', 'A.5.3', 'A.5.4', 'A.5.5'],
      'intersect',
      A,
      'AI system impact assessment is the closest process; notifying the market surveillance authority on the template is Act-specific.',
    ),
    r.unmatched('from', 'art-43', A, PROCEDURAL),
    r.unmatched('from', 'art-47', A, PROCEDURAL),
    r.unmatched('from', 'art-48', A, PROCEDURAL),
    r.unmatched('from', 'art-49', A, PROCEDURAL),
    ...r.link(
      'art-50',
      ['A.8.2'],
      'intersect',
      A,
      'User information can include disclosure of AI interaction; content marking and deep-fake disclosure are Act-specific.',
    ),
    ...r.link(
      'art-72',
      ['9.1', 'A.6.2.6'],
      'intersect',
      A,
      'Monitoring and operation controls collect performance data; the plan as part of Annex IV documentation is Act-specific.',
    ),
    ...r.link(
      'art-73',
      ['A.8.4', '10.2'],
      'intersect',
      A,
      'Incident communication and corrective action exist; the 2/10/15-day reporting deadlines are Act-specific.',
    ),
    ...r.link(
      'art-86',
      ['A.8.5'],
      'intersect',
      A,
      'Information for affected parties overlaps with explaining individual decisions on request.',
    ),
  ],
};
