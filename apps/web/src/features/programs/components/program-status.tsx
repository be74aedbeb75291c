import { Card, DetailList, EmptyState, StageBadge } from '@certflow/ui';

import { useProgramRecords } from '../api/get-program-records';
import type { ProgramDetail } from '../api/program-schema';
import { formatCalendarDate, frameworkLabel, humanize } from '../utils/labels';

const date = (d: string | null | undefined) => (d ? formatCalendarDate(d) : '—');

/** The certificate of an ISO program, or a SOC 2 program's last report, current period and coverage. */
export function ProgramStatus({ program }: { program: ProgramDetail }) {
  const records = useProgramRecords(program.id);
  const iso = program.kind === 'ISO_CERTIFICATION';
  const title = iso ? 'Certificate' : 'Reports and coverage';
  if (!records.data) {
    return (
      <Card title={title}>
        <EmptyState title={records.isError ? 'Could not load the records' : 'Loading…'} />
      </Card>
    );
  }
  if (iso) {
    const certificate = records.data.certificates.at(-1);
    return (
      <Card title={title}>
        {certificate ? (
          <DetailList
            items={[
              {
                term: 'Status',
                detail: (
                  <StageBadge
                    tone={
                      certificate.status === 'VALID'
                        ? 'done'
                        : certificate.status === 'SUSPENDED'
                          ? 'warning'
                          : 'danger'
                    }
                    label={humanize(certificate.status)}
                  />
                ),
              },
              { term: 'Number', detail: certificate.number ?? '—' },
              { term: 'Standards', detail: certificate.frameworks.map(frameworkLabel).join(', ') || '—' },
              { term: 'Decision', detail: date(certificate.decisionDate) },
              { term: 'Expires', detail: date(certificate.expiryDate) },
              ...(certificate.suspendedSince
                ? [
                    {
                      term: 'Suspended',
                      detail: `${date(certificate.suspendedSince)} – ${date(certificate.suspendedUntil)}`,
                    },
                  ]
                : []),
            ]}
          />
        ) : (
          <EmptyState title="No certificate yet">It is recorded with the certification decision.</EmptyState>
        )}
      </Card>
    );
  }
  const soc2 = records.data.soc2;
  const report = soc2?.reports.filter((r) => r.type === 'TYPE2').at(-1);
  const period = soc2?.periods.at(-1);
  const gaps = soc2?.coverageGaps ?? [];
  return (
    <Card title={title}>
      <DetailList
        items={[
          {
            term: 'Last Type II report',
            detail: report
              ? `${humanize(report.opinion)} opinion, ${date(report.start)} – ${date(report.end)}, issued ${date(report.issuedOn)}`
              : 'None yet',
          },
          {
            term: 'Current period',
            detail: period
              ? `${period.number}: ${date(period.start)} – ${date(period.end)} (report due ${date(period.reportDue)})`
              : 'Not fixed yet',
          },
          {
            term: 'Coverage gaps',
            detail:
              gaps.length === 0
                ? 'None'
                : gaps
                    .map(
                      (g) =>
                        `${date(g.from)} – ${g.to ? date(g.to) : 'open'}${g.planned ? ' (planned)' : ''}`,
                    )
                    .join('; '),
          },
          { term: 'Bridge letters', detail: String(soc2?.bridgeLetters.length ?? 0) },
        ]}
      />
    </Card>
  );
}
