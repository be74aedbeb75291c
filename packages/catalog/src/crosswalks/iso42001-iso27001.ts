import { dottedParent } from '../frameworks/build.js';
import { harmonizedClauses } from '../frameworks/harmonized-structure.js';
import type { Crosswalk, CrosswalkRow } from '../schema.js';
import { rowsFor } from './build.js';

const r = rowsFor('iso42001', 'iso27001');
const SAME_CLAUSE = 'derived:same-clause-number';
const SCF_PIVOT = 'derived:scf-2025.2.2-pivot';
const AI_ONLY = 'Topic specific to AI systems; ISO/IEC 27001 has no control or clause that addresses it.';

const parents = new Set(harmonizedClauses.map((h) => dottedParent(h.ref)));

/**
 * Clauses 4-10 follow the harmonized structure, so rows are derived by number instead of typed by hand. A shared
 * number never makes a clause fully covered on its own: even where the titles are identical (internal audit,
 * management review, competence, documented information, ...) an ISMS implementation audits, reviews, trains and
 * documents for information security, and still has to be widened to AI systems, AI risk and AI impacts
 * (`intersect`). Only the clauses in `coveredByIsms` are `equal`, each with the reason the ISMS implementation
 * already meets the 42001 clause as it stands.
 */
const coveredByIsms: Readonly<Record<string, string>> = {
  '7.5.2':
    'The clause sets subject-neutral document mechanics (identification, format, review and approval); an ISMS document procedure applied to every management-system document already meets it for AIMS documents, with nothing AI-specific to add.',
  '7.5.3':
    'Control of documented information (availability, protection, distribution, versions, retention, disposal) asks nothing about the subject of the documents; the ISMS document control already covers AIMS documents it is applied to.',
};

const clauseRows: CrosswalkRow[] = harmonizedClauses
  .filter((h) => !parents.has(h.ref))
  .map((h): CrosswalkRow => {
    if (h.title27001 === null) {
      return r.unmatched(
        'from',
        h.ref,
        SAME_CLAUSE,
        'Clause exists only in ISO/IEC 42001; ISO/IEC 27001 has no clause with this number.',
      );
    }
    const covered = coveredByIsms[h.ref];
    if (covered !== undefined) {
      return {
        from: `iso42001:${h.ref}`,
        to: `iso27001:${h.ref}`,
        relation: 'equal',
        source: 'analysis',
        rationale: covered,
      };
    }
    const same = h.title27001.toLowerCase() === h.title42001.toLowerCase();
    return {
      from: `iso42001:${h.ref}`,
      to: `iso27001:${h.ref}`,
      relation: 'intersect',
      source: SAME_CLAUSE,
      rationale: same
        ? 'Same harmonized-structure clause with the same title: the mechanism can be reused, but the ISMS implementation covers information security only and must be widened to AI systems, AI risks and impacts.'
        : 'Same harmonized-structure clause number but the subject differs (AI vs information security): the process can be reused but its scope must be widened.',
    };
  });

/** Annex A pairs: SCF-pivot results curated by hand, plus our own analysis where the pivot missed or misfired. */
const annexRows: CrosswalkRow[] = [
  ...r.link(
    'A.2.2',
    ['A.5.1'],
    'intersect',
    SCF_PIVOT,
    'Both require a documented, approved policy; the AI policy covers AI development and use, not information security.',
  ),
  ...r.link(
    'A.2.2',
    ['5.2'],
    'intersect',
    'analysis',
    'The ISMS policy clause sets the same policy mechanics (approval, communication) for a different subject.',
  ),
  ...r.link(
    'A.2.3',
    ['A.5.1'],
    'intersect',
    'analysis',
    'Topic-specific security policies are among the policies the AI policy must be aligned with.',
  ),
  ...r.link(
    'A.2.4',
    ['A.5.1'],
    'intersect',
    SCF_PIVOT,
    'Both require planned review of policy; subjects differ.',
  ),
  ...r.link(
    'A.3.2',
    ['A.5.2'],
    'intersect',
    SCF_PIVOT,
    'Both define and allocate roles; AI life-cycle roles go beyond security roles.',
  ),
  ...r.link(
    'A.3.3',
    ['A.6.8'],
    'intersect',
    'analysis',
    'An existing security event reporting channel can carry AI concerns, but AI concerns are wider than security events.',
  ),
  ...r.link(
    'A.4.2',
    ['A.5.9'],
    'intersect',
    'analysis',
    'An asset inventory is a base for documenting AI resources, but does not capture their role in each AI system.',
  ),
  r.unmatched('from', 'A.4.3', 'analysis', `${AI_ONLY} The SCF pivot lands in the AI (AAT) domain only.`),
  r.unmatched('from', 'A.4.4', 'analysis', `${AI_ONLY} The SCF pivot lands in the AI (AAT) domain only.`),
  r.unmatched('from', 'A.4.5', 'analysis', `${AI_ONLY} The SCF pivot lands in the AI (AAT) domain only.`),
  r.unmatched(
    'from',
    'A.4.6',
    'analysis',
    `${AI_ONLY} Competence for AI roles is covered by clause 7.2, not by an Annex A control.`,
  ),
  r.unmatched(
    'from',
    'A.5.2',
    'analysis',
    `${AI_ONLY} Impact assessment on people and society has no ISMS equivalent.`,
  ),
  r.unmatched('from', 'A.5.3', 'analysis', AI_ONLY),
  r.unmatched('from', 'A.5.4', 'analysis', AI_ONLY),
  r.unmatched('from', 'A.5.5', 'analysis', AI_ONLY),
  r.unmatched(
    'from',
    'A.6.1.2',
    'analysis',
    `${AI_ONLY} Responsible-development objectives are not security objectives.`,
  ),
  ...r.link(
    'A.6.1.3',
    ['A.8.25'],
    'intersect',
    SCF_PIVOT,
    'A secure development life cycle provides the process frame; responsible-AI design criteria are extra.',
  ),
  ...r.link(
    'A.6.2.2',
    ['A.8.26'],
    'intersect',
    'analysis',
    'Application security requirements are one part of AI system requirements.',
  ),
  r.unmatched('from', 'A.6.2.3', 'analysis', AI_ONLY),
  r.unmatched(
    'from',
    'A.6.2.4',
    'analysis',
    `${AI_ONLY} Security testing (A.8.29) does not verify model behaviour or validity.`,
  ),
  ...r.link(
    'A.6.2.5',
    ['A.8.29'],
    'intersect',
    SCF_PIVOT,
    'Acceptance testing before release is shared; an AI deployment plan covers more than security.',
  ),
  r.unmatched('from', 'A.6.2.6', 'analysis', `${AI_ONLY} The SCF pivot lands in the AI (AAT) domain only.`),
  r.unmatched('from', 'A.6.2.7', 'analysis', AI_ONLY),
  ...r.link(
    'A.6.2.8',
    ['A.8.15'],
    'intersect',
    'analysis',
    'Event logging infrastructure is shared; AI logs must also record model inputs, outputs and decisions. The naive SCF pivot points to A.5.37 instead, which we reject.',
  ),
  r.unmatched(
    'from',
    'A.7.2',
    'analysis',
    `${AI_ONLY} Data for AI systems maps only to the SCF AI (AAT) domain.`,
  ),
  r.unmatched('from', 'A.7.3', 'analysis', AI_ONLY),
  r.unmatched('from', 'A.7.4', 'analysis', AI_ONLY),
  r.unmatched('from', 'A.7.5', 'analysis', AI_ONLY),
  r.unmatched('from', 'A.7.6', 'analysis', AI_ONLY),
  r.unmatched('from', 'A.8.2', 'analysis', AI_ONLY),
  r.unmatched('from', 'A.8.3', 'analysis', AI_ONLY),
  ...r.link(
    'A.8.4',
    ['A.5.24', 'A.5.26'],
    'intersect',
    'analysis',
    'Incident planning and response include communication; AI incidents and their audiences are wider than security incidents.',
  ),
  ...r.link(
    'A.8.5',
    ['A.5.5'],
    'intersect',
    'analysis',
    'Contact with authorities is one channel for information to interested parties.',
  ),
  r.unmatched('from', 'A.9.2', 'analysis', AI_ONLY),
  r.unmatched('from', 'A.9.3', 'analysis', AI_ONLY),
  r.unmatched('from', 'A.9.4', 'analysis', AI_ONLY),
  ...r.link(
    'A.10.2',
    ['A.5.20'],
    'intersect',
    SCF_PIVOT,
    'Supplier agreements allocate responsibilities; AI life-cycle roles extend to partners and customers.',
  ),
  ...r.link(
    'A.10.3',
    ['A.5.19', 'A.5.21'],
    'intersect',
    SCF_PIVOT,
    'Supplier and supply-chain risk management applies; responsible-AI expectations of suppliers are extra.',
  ),
  r.unmatched('from', 'A.10.4', 'analysis', `${AI_ONLY} ISO/IEC 27001 has no customer-facing control.`),
];

export const iso42001Iso27001: Crosswalk = {
  id: 'iso42001-iso27001',
  from: 'iso42001',
  to: 'iso27001',
  title: 'ISO/IEC 42001:2023 to ISO/IEC 27001:2022',
  description:
    'No published control-level crosswalk exists. Clauses 4-10 are derived by clause number; Annex A pairs are curated from an SCF 2025.2.2 pivot and our own analysis; AI-specific controls without a counterpart are listed as not_related.',
  rows: [...clauseRows, ...annexRows],
};
