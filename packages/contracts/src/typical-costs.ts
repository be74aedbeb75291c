/**
 * Typical first-year cost and duration of a certification, as published planning ranges (domain-facts §8.4,
 * §8.5). They are market estimates from secondary sources, not rules: the calculator shows them beside its own
 * figures, always as ranges and always with where they come from and how far they were checked.
 */

export type CostFramework = 'iso27001' | 'iso42001' | 'soc2';

export interface TypicalRange {
  id: string;
  /** Which wanted frameworks make the range relevant. */
  frameworks: readonly CostFramework[];
  /** Shown only when ISO/IEC 27001 is wanted too (true) or not (false); undefined: either way. */
  withIso27001?: boolean;
  what: string;
  /** US dollars; null when the sources give no cost for it. */
  costUsd: { min: number; max: number } | null;
  months: { min: number; max: number } | null;
  source: string;
  /** 'single-source': one secondary source; 'unverified': weak or conflicting sources, check before relying on it. */
  confidence: 'single-source' | 'unverified';
}

export const typicalFirstYearRanges: readonly TypicalRange[] = [
  {
    id: 'iso27001-smb',
    frameworks: ['iso27001'],
    what: 'ISO/IEC 27001 certification of a small or mid-sized organisation, first year',
    costUsd: { min: 15_000, max: 60_000 },
    months: { min: 3, max: 12 },
    source: 'legalclarity.org (domain-facts §8.5)',
    confidence: 'single-source',
  },
  {
    id: 'iso42001-on-27001',
    frameworks: ['iso42001'],
    withIso27001: true,
    what: 'ISO/IEC 42001 first year where an ISO/IEC 27001 system is already in place',
    costUsd: { min: 50_000, max: 250_000 },
    months: { min: 3, max: 6 },
    source: 'domain-facts §8.5 planning default; secondary sources vary (cycoresecure.com, ucstoolkit.store)',
    confidence: 'unverified',
  },
  {
    id: 'iso42001-standalone',
    frameworks: ['iso42001'],
    withIso27001: false,
    what: 'ISO/IEC 42001 on its own, time to certification',
    costUsd: null,
    months: { min: 6, max: 12 },
    source: 'secondary sources (domain-facts §8.5)',
    confidence: 'unverified',
  },
  {
    id: 'soc2-type2-first-year',
    frameworks: ['soc2'],
    what: 'SOC 2 Type II first year: audit, readiness, tooling and internal effort',
    costUsd: { min: 30_000, max: 150_000 },
    months: { min: 6, max: 15 },
    source:
      'domain-facts §8.5 (cost; legalclarity.org gives USD 20k–60k for small businesses) and §8.4 (first-time timeline: axipro, secureleap)',
    confidence: 'unverified',
  },
];

/** The ranges that concern an organisation wanting `frameworks`. */
export function typicalRangesFor(frameworks: readonly CostFramework[]): TypicalRange[] {
  const has27001 = frameworks.includes('iso27001');
  return typicalFirstYearRanges.filter(
    (r) =>
      r.frameworks.some((f) => frameworks.includes(f)) &&
      (r.withIso27001 === undefined || r.withIso27001 === has27001),
  );
}
