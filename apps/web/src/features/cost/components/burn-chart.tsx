import type { CostSummary } from '@certflow/api-client';
import { Loading } from '@certflow/ui';
import { Component, lazy, type ReactNode, Suspense } from 'react';

type Months = CostSummary['currencies'][number]['months'];

// recharts (about 124 KB gzipped) is fetched the first time a chart is drawn, not with the Cost page's code.
const BurnChartView = lazy(async () => ({ default: (await import('./burn-chart-view')).BurnChartView }));

class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? (
      <p>The chart could not be loaded; the table below has the same figures.</p>
    ) : (
      this.props.children
    );
  }
}

/**
 * Budget, actual and forecast per month as bars, with the cumulative budget and cumulative actual-then-forecast
 * as lines. The same figures are in the table below it, which is what assistive technology reads.
 */
export function BurnChart({ months, currency }: { months: Months; currency: string }) {
  return (
    <figure
      role="img"
      aria-label={`Budget, actual and forecast per month in ${currency}; the figures are in the table below`}
      data-testid="burn-chart"
      style={{ margin: 0, minHeight: 320 }}
    >
      <ChartBoundary>
        <Suspense fallback={<Loading>Loading the chart…</Loading>}>
          <BurnChartView months={months} currency={currency} />
        </Suspense>
      </ChartBoundary>
    </figure>
  );
}
