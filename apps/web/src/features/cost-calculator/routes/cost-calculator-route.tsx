import { calculateCertificationCost, type CostCalculatorInput } from '@certflow/contracts/domain';
import { Button, Card, ErrorSummary, PageHeader, TextField } from '@certflow/ui';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';

import { paths } from '@/config/paths';

import { useCreateProgramsFromResult } from '../api/create-programs';
import styles from '../components/calculator.module.css';
import { CalculatorForm } from '../components/calculator-form';
import { CalculatorResult } from '../components/calculator-result';
import { type CalculatorValues, initialValues, parseValues } from '../components/calculator-values';

function CreatePrograms({ organizationId, input }: { organizationId: string; input: CostCalculatorInput }) {
  const [key] = useState(() => crypto.randomUUID());
  const [startDate, setStartDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [email, setEmail] = useState('');
  const create = useCreateProgramsFromResult(key);
  if (create.isSuccess) {
    return (
      <Card title="Programs created">
        <ul>
          {create.data.map((p) => (
            <li key={p.id}>
              <Link to={paths.program(p.id)}>{p.name}</Link>
            </li>
          ))}
        </ul>
      </Card>
    );
  }
  return (
    <Card title="Create programs from this result">
      <form
        noValidate
        aria-label="Create programs"
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ organizationId, input, startDate, programManagerEmail: email });
        }}
      >
        {create.isError ? (
          <ErrorSummary title="The programs were not created" messages={[create.error.message]} />
        ) : null}
        <div className={styles.row}>
          <TextField
            label="Start date"
            name="startDate"
            type="date"
            value={startDate}
            onChange={(e) => setStartDate(e.currentTarget.value)}
          />
          <TextField
            label="Program manager email"
            name="programManagerEmail"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
        </div>
        <div>
          <Button type="submit" busy={create.isPending}>
            Create programs
          </Button>
        </div>
      </form>
    </Card>
  );
}

export interface CostCalculatorRouteProps {
  /** In the app: the organisation programs would be created in, when the person may create them. */
  createIn?: string | undefined;
  /** Opened before signing in. */
  publicPage?: boolean;
}

/**
 * Audit days and certification cost of a three-year cycle, separate versus integrated, computed in the browser by
 * the same contracts functions the programs plan with (no request, so it works before signing in).
 */
export function CostCalculatorRoute({ createIn, publicPage = false }: CostCalculatorRouteProps) {
  const [values, setValues] = useState<CalculatorValues>(initialValues);
  const [submitted, setSubmitted] = useState<CalculatorValues>(initialValues);
  const [showErrors, setShowErrors] = useState(false);
  const parsed = useMemo(() => parseValues(submitted), [submitted]);
  const current = parseValues(values);
  const result = parsed.ok ? calculateCertificationCost(parsed.input) : null;
  return (
    <div className={styles.layout}>
      <PageHeader
        title="Certification cost calculator"
        description="Audit days and certification-body cost for a full three-year cycle, each standard audited separately or together."
      />
      <CalculatorForm
        values={values}
        errors={showErrors && !current.ok ? current.errors : {}}
        onChange={setValues}
        onSubmit={() => {
          setShowErrors(true);
          if (current.ok) setSubmitted(values);
        }}
      />
      {result ? <CalculatorResult result={result} /> : null}
      {result && parsed.ok && createIn ? (
        <CreatePrograms organizationId={createIn} input={parsed.input} />
      ) : null}
      {publicPage ? (
        <p className={styles.muted}>
          <Link to={paths.signIn()}>Sign in</Link> to create programs from the result.
        </p>
      ) : null}
    </div>
  );
}
