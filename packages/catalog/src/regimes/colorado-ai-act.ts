import type { Regime } from './schema.js';

/**
 * Colorado's 2024 AI Act never took effect: its date was moved once and the law was then repealed and
 * re-enacted in a narrower form. Old duties are kept as retired rules so historic advice
 * ("ISO 42001 gives you an affirmative defence in Colorado") can be answered with "not any more".
 */
export const coloradoAiAct: Regime = {
  id: 'colorado-ai-act',
  name: 'Colorado AI Act (C.R.S. 6-1-1701 et seq.)',
  jurisdiction: 'US-CO',
  statusAsOf: '2026-11-01',
  litigation: [
    {
      case: 'X.AI LLC v. Weiser, No. 1:26-cv-01515 (D. Colo.)',
      since: '2026-04-27',
      effect:
        'Magistrate judge stayed enforcement of SB 24-205 and any replacement legislation pending the preliminary-injunction motion.',
    },
  ],
  versions: [
    {
      id: 'sb24-205',
      title: 'SB 24-205 Consumer Protections for Interactions with Artificial Intelligence Systems',
      kind: 'act',
      signed: '2024-05-17',
      effectiveDate: '2026-06-30',
      status: 'repealed_never_effective',
      amends: null,
      supersedes: null,
      supersededBy: 'sb26-189',
      enforcementStayed: true,
      summary:
        'Duty of reasonable care against algorithmic discrimination by developers and deployers of high-risk AI systems, with risk programmes, annual impact assessments and AG notices. Originally effective 1 Feb 2026; moved to 30 Jun 2026 by SB 25B-004; repealed before taking effect.',
      verification: 'verified',
    },
    {
      id: 'sb25b-004',
      title: 'SB 25B-004 (First Extraordinary Session 2025)',
      kind: 'amendment',
      signed: '2025-08-28',
      effectiveDate: '2025-08-28',
      status: 'repealed_never_effective',
      amends: 'sb24-205',
      supersedes: null,
      supersededBy: 'sb26-189',
      enforcementStayed: false,
      summary:
        'Moved the SB 24-205 effective date from 1 Feb 2026 to 30 Jun 2026 without substantive change; fell away with the 2026 repeal and re-enactment.',
      verification: 'verified',
    },
    {
      id: 'sb26-189',
      title: 'SB 26-189 Automated Decision-Making Technology in Consequential Decisions',
      kind: 'repeal-and-reenact',
      signed: '2026-05-14',
      effectiveDate: '2027-01-01',
      status: 'enacted_not_yet_effective',
      amends: null,
      supersedes: 'sb24-205',
      supersededBy: null,
      enforcementStayed: true,
      summary:
        'Replaces the 2024 Act with duties on covered automated decision-making technology that materially influences consequential decisions: developer disclosures, deployer notices and records, adverse-outcome explanations and correction rights; AG enforcement with a 60-day cure period.',
      verification: 'secondary',
    },
  ],
  rules: [
    {
      id: 'affirmative-defense-nist-iso',
      version: 'sb24-205',
      ref: 'C.R.S. 6-1-1706(3)',
      title: 'Affirmative defence for NIST AI RMF / ISO/IEC 42001 conformity',
      summary:
        'A party that found and cured a violation through feedback, red teaming or internal review, and otherwise complied with the NIST AI RMF and ISO/IEC 42001 (or an equivalent or AG-designated framework), could raise an affirmative defence.',
      dutyHolder: 'any',
      status: 'retired',
      retiredBy: 'sb26-189',
      frameworks: ['nist-ai-rmf', 'iso42001'],
      verification: 'unverified',
    },
    {
      id: 'risk-program-framework-reference',
      version: 'sb24-205',
      ref: 'C.R.S. 6-1-1703(2)',
      title: 'Deployer risk programme judged against NIST AI RMF / ISO/IEC 42001',
      summary:
        'Deployers needed a risk management policy and programme whose reasonableness was judged against the NIST AI RMF, ISO/IEC 42001 or another recognised framework.',
      dutyHolder: 'deployer',
      status: 'retired',
      retiredBy: 'sb26-189',
      frameworks: ['nist-ai-rmf', 'iso42001'],
      verification: 'verified',
    },
    {
      id: 'annual-impact-assessment',
      version: 'sb24-205',
      ref: 'C.R.S. 6-1-1703(3)',
      title: 'Deployer impact assessments',
      summary:
        'Impact assessment before deployment, at least annually and within 90 days of a substantial modification, with records kept three years.',
      dutyHolder: 'deployer',
      status: 'retired',
      retiredBy: 'sb26-189',
      frameworks: [],
      verification: 'secondary',
    },
    {
      id: 'developer-disclosures',
      version: 'sb26-189',
      ref: 'C.R.S. 6-1-1702',
      title: 'Developer disclosures to deployers',
      summary:
        'Developers tell deployers about intended and known harmful uses, training-data categories, limitations and how to use the system with meaningful human review, notify material updates, and keep records at least three years.',
      dutyHolder: 'developer',
      status: 'active',
      retiredBy: null,
      frameworks: [],
      verification: 'secondary',
    },
    {
      id: 'deployer-notice-and-adverse-outcome',
      version: 'sb26-189',
      ref: 'C.R.S. 6-1-1703/1704',
      title: 'Deployer notice and adverse-outcome disclosure',
      summary:
        'Deployers give a clear notice at the point of interaction, keep records at least three years and, after an adverse outcome, give a plain-language disclosure within 30 days.',
      dutyHolder: 'deployer',
      status: 'active',
      retiredBy: null,
      frameworks: [],
      verification: 'secondary',
    },
    {
      id: 'consumer-correction-and-review',
      version: 'sb26-189',
      ref: 'C.R.S. 6-1-1705',
      title: 'Correction and human review after adverse outcomes',
      summary:
        'Consumers can correct factually wrong personal data and get meaningful human review and reconsideration where commercially reasonable.',
      dutyHolder: 'deployer',
      status: 'active',
      retiredBy: null,
      frameworks: [],
      verification: 'secondary',
    },
    {
      id: 'ag-enforcement-cure-period',
      version: 'sb26-189',
      ref: 'C.R.S. 6-1-1706',
      title: 'AG enforcement with cure period',
      summary:
        'The Attorney General enforces exclusively as a deceptive trade practice, after notice and a 60-day cure period unless the violation is knowing or repeated; no private right of action.',
      dutyHolder: 'attorney-general',
      status: 'active',
      retiredBy: null,
      frameworks: [],
      verification: 'secondary',
    },
  ],
};
