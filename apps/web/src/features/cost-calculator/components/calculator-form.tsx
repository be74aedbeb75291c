import { getFramework } from '@certflow/catalog';
import { aiRoles, costFrameworks } from '@certflow/contracts/domain';
import { Button, CheckboxGroup, TextField } from '@certflow/ui';
import type { FormEvent } from 'react';

import styles from './calculator.module.css';
import type { CalculatorValues } from './calculator-values';

const frameworkOptions = costFrameworks.map((id) => ({
  value: id,
  label: id === 'soc2' ? `${getFramework(id).shortName} Type II` : getFramework(id).shortName,
}));
const roleOptions = aiRoles.map((role) => ({ value: role, label: `AI ${role}` }));

export interface CalculatorFormProps {
  values: CalculatorValues;
  errors: Partial<Record<keyof CalculatorValues, string>>;
  onChange: (values: CalculatorValues) => void;
  onSubmit: () => void;
}

export function CalculatorForm({ values, errors, onChange, onSubmit }: CalculatorFormProps) {
  const set = <K extends keyof CalculatorValues>(key: K, value: CalculatorValues[K]) =>
    onChange({ ...values, [key]: value });
  const text = (key: Exclude<keyof CalculatorValues, 'frameworks' | 'aiRoles'>) => ({
    name: key,
    value: values[key],
    error: errors[key],
    onChange: (event: FormEvent<HTMLInputElement>) => set(key, event.currentTarget.value),
  });
  return (
    <form
      noValidate
      aria-label="Cost calculator"
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <CheckboxGroup
        legend="Frameworks wanted"
        name="frameworks"
        options={frameworkOptions}
        value={values.frameworks}
        error={errors.frameworks}
        onChange={(frameworks) => set('frameworks', frameworks)}
      />
      <div className={styles.row}>
        <TextField
          label="Persons in scope"
          hint="Everyone doing work under the organisation’s control in scope"
          inputMode="numeric"
          {...text('personsInScope')}
        />
        {values.frameworks.includes('iso42001') ? (
          <TextField
            label="AI-related persons"
            hint="People in AI-governed processes (ISO/IEC 42006)"
            inputMode="numeric"
            {...text('aiPersonsInScope')}
          />
        ) : null}
      </div>
      {values.frameworks.includes('iso42001') ? (
        <CheckboxGroup
          legend="AI roles"
          name="aiRoles"
          options={roleOptions}
          value={values.aiRoles}
          error={errors.aiRoles}
          onChange={(roles) => set('aiRoles', roles)}
        />
      ) : null}
      <div className={styles.row}>
        <TextField label="Currency" hint="ISO 4217, e.g. EUR" maxLength={3} {...text('currency')} />
        <TextField label="Day rate" hint="Auditor fee per day" inputMode="decimal" {...text('dayRate')} />
        <TextField
          label="Integration reduction (%)"
          hint="IAF MD 11 allows at most 20 %"
          inputMode="numeric"
          {...text('integrationReductionPercent')}
        />
        {values.frameworks.includes('soc2') ? (
          <TextField
            label="SOC 2 fieldwork days per period"
            hint="As a CPA firm quoted; no published table exists"
            inputMode="decimal"
            {...text('soc2FieldworkDays')}
          />
        ) : null}
      </div>
      <div>
        <Button type="submit">Calculate</Button>
      </div>
    </form>
  );
}
