import type { CsvColumn } from '../../common/csv.js';
import type { CostInputs, CostSummaryService } from './cost-summary.service.js';

export interface CostCsvRow {
  currency: string;
  month: string;
  program: string;
  programId: string;
  frameworks: string;
  budget: number;
  actual: number;
  forecast: number;
}

export const costColumns: readonly CsvColumn<CostCsvRow>[] = [
  { header: 'Currency', value: (r) => r.currency },
  { header: 'Month', value: (r) => r.month },
  { header: 'Program', value: (r) => r.program },
  { header: 'Program id', value: (r) => r.programId },
  { header: 'Frameworks', value: (r) => r.frameworks },
  { header: 'Budget', value: (r) => r.budget.toFixed(2) },
  { header: 'Actual', value: (r) => r.actual.toFixed(2) },
  { header: 'Forecast', value: (r) => r.forecast.toFixed(2) },
];

/** One line per program, currency and month that has any budget, actual or forecast, programs by name. */
export function* costCsvRows(service: CostSummaryService, inputs: CostInputs): Generator<CostCsvRow> {
  const programs = [...inputs.programs].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  for (const program of programs) {
    const mine = <T extends { programId: string }>(entries: readonly T[]) =>
      entries.filter((e) => e.programId === program.id);
    const summaries = service.summarise({
      ...inputs,
      programs: [program],
      budget: mine(inputs.budget),
      actuals: mine(inputs.actuals),
      planned: mine(inputs.planned),
    });
    for (const summary of summaries) {
      for (const month of summary.months) {
        if (month.budget === 0 && month.actual === 0 && month.forecast === 0) continue;
        yield {
          currency: summary.currency,
          month: month.month,
          program: program.name,
          programId: program.id,
          frameworks: program.frameworks.join(' '),
          budget: month.budget,
          actual: month.actual,
          forecast: month.forecast,
        };
      }
    }
  }
}
