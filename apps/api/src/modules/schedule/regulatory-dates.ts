import { frameworks, regimes } from '@certflow/catalog';
import type { z } from 'zod';

import type { regulatoryDateSchema } from './schedule.schemas.js';

type RegulatoryDate = z.infer<typeof regulatoryDateSchema>;

/**
 * The regulatory dates of the catalog on the schedule's axis: the EU AI Act application dates (superseded ones
 * kept and marked, so a plan made against the old date can be seen) and each Colorado AI Act version's effective
 * date (the repealed 2024 act marked as never effective).
 */
export function regulatoryDates(): RegulatoryDate[] {
  const euAiAct = frameworks['eu-ai-act'].applicationDates.map((d): RegulatoryDate => ({
    id: `eu-ai-act:${d.id}`,
    source: 'eu-ai-act',
    date: d.date,
    title: `EU AI Act: ${d.group.replaceAll('-', ' ')} apply`,
    legalBasis: d.legalBasis,
    status: d.status,
    supersededBy: d.supersededBy ? `eu-ai-act:${d.supersededBy}` : null,
    note: d.note ?? null,
  }));
  const colorado = regimes['colorado-ai-act'].versions.map((v): RegulatoryDate => ({
    id: `colorado-ai-act:${v.id}`,
    source: 'colorado-ai-act',
    date: v.effectiveDate,
    title: `Colorado: ${v.title} takes effect`,
    legalBasis: v.id.toUpperCase(),
    status: v.status === 'in_force' ? 'in_force' : v.status,
    supersededBy: v.supersededBy ? `colorado-ai-act:${v.supersededBy}` : null,
    note: v.enforcementStayed ? 'Enforcement stayed by a court order.' : null,
  }));
  return [...euAiAct, ...colorado].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}
