import type { CostSummary } from '@certflow/api-client';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

type Months = CostSummary['currencies'][number]['months'];

const amount = (value: unknown) => Math.round(Number(value)).toLocaleString('en');

/** The chart itself; recharts is imported only here, and this module only by a dynamic import. */
export function BurnChartView({ months, currency }: { months: Months; currency: string }) {
  return (
    <ResponsiveContainer width="100%" height={320}>
      <ComposedChart
        data={months}
        // The table below is the accessible alternative; the figure is one image to assistive technology.
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, bottom: 8, left: 16 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" />
        <YAxis tickFormatter={amount} width={80} />
        <Tooltip formatter={(value) => `${amount(value)} ${currency}`} />
        <Legend />
        <Bar dataKey="budget" name="Budget" fill="#94a3b8" isAnimationActive={false} />
        <Bar dataKey="actual" name="Actual" fill="#1d4ed8" isAnimationActive={false} />
        <Bar dataKey="forecast" name="Forecast" fill="#f59e0b" isAnimationActive={false} />
        <Line
          dataKey="cumulativeBudget"
          name="Cumulative budget"
          stroke="#475569"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          dataKey="cumulativeProjected"
          name="Cumulative actual + forecast"
          stroke="#b91c1c"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
