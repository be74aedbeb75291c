import { aiRoles, soc2Opinions } from '@certflow/contracts/domain';
import { CheckboxGroup, SelectField, TextField } from '@certflow/ui';

import type { FormErrors } from '@/lib/form-errors';

import { frameworkLabel, humanize } from '../utils/labels';
import type { ProgramField, ProgramFormValues } from './program-form-schema';
import styles from './programs.module.css';

interface Props {
  values: ProgramFormValues;
  errors: FormErrors<ProgramField>;
  setField: <F extends ProgramField>(field: F, value: ProgramFormValues[F]) => void;
}

type TextKey = {
  [K in ProgramField]: ProgramFormValues[K] extends string ? K : never;
}[ProgramField];

function Text({
  field,
  label,
  type = 'text',
  hint,
  values,
  errors,
  setField,
}: Props & { field: TextKey; label: string; type?: string; hint?: string }) {
  return (
    <TextField
      label={label}
      name={field}
      type={type}
      hint={hint}
      step={type === 'number' ? 'any' : undefined}
      value={values[field]}
      error={errors.fields[field]}
      onChange={(e) => setField(field, e.currentTarget.value)}
    />
  );
}

/**
 * Where the program starts: an ISO program from a certificate already held (its cycle and the surveillance audits
 * held), a SOC 2 program inside a running period or after a report already issued.
 */
export function ProgramStartFields(props: Props) {
  const { values, errors, setField } = props;
  if (values.kind === 'ISO_CERTIFICATION') {
    return (
      <fieldset className={styles.fieldset}>
        <legend>Where the program starts</legend>
        <CheckboxGroup
          legend="Existing certificate"
          name="fromCertificate"
          hint="Leave unticked to start with the gap assessment."
          options={[
            { value: 'yes', label: 'The organisation already holds a certificate for these standards' },
          ]}
          value={values.fromCertificate ? ['yes'] : []}
          onChange={(next) => setField('fromCertificate', next.includes('yes'))}
        />
        {values.fromCertificate ? (
          <>
            <Text {...props} field="certificateNumber" label="Certificate number" />
            <CheckboxGroup
              legend="Standards on the certificate (optional)"
              name="certificateFrameworks"
              hint="Leave empty if it covers every standard chosen above; the others get their own initial audit."
              options={values.frameworks.map((f) => ({ value: f, label: frameworkLabel(f) }))}
              value={values.certificateFrameworks}
              error={errors.fields.certificateFrameworks}
              onChange={(next) => setField('certificateFrameworks', next)}
            />
            <Text
              {...props}
              field="decisionDate"
              type="date"
              label="Certification decision of the current cycle"
            />
            <Text {...props} field="expiryDate" type="date" label="Expiry date" />
            <Text
              {...props}
              field="certificateCycle"
              type="number"
              label="Certification cycle (1 for the first)"
            />
            <Text
              {...props}
              field="surveillance1"
              type="date"
              label="Surveillance audit 1 held on (optional)"
            />
            <Text
              {...props}
              field="surveillance2"
              type="date"
              label="Surveillance audit 2 held on (optional)"
            />
          </>
        ) : null}
      </fieldset>
    );
  }
  return (
    <fieldset className={styles.fieldset}>
      <legend>Where the program starts</legend>
      <CheckboxGroup
        legend="Mid-stream"
        name="midStream"
        hint="Leave both unticked to start with the readiness assessment."
        options={[
          { value: 'period', label: 'An observation period is under way' },
          { value: 'report', label: 'A Type II report has already been issued' },
        ]}
        value={[...(values.periodUnderWay ? ['period'] : []), ...(values.reportIssued ? ['report'] : [])]}
        onChange={(next) => {
          setField('periodUnderWay', next.includes('period'));
          setField('reportIssued', next.includes('report'));
        }}
      />
      {values.periodUnderWay ? (
        <>
          <Text {...props} field="currentStart" type="date" label="Current period started on" />
          <Text {...props} field="currentEnd" type="date" label="Current period ends on" />
        </>
      ) : null}
      {values.reportIssued ? (
        <>
          <Text {...props} field="reportStart" type="date" label="Reported period started on" />
          <Text {...props} field="reportEnd" type="date" label="Reported period ended on" />
          <Text {...props} field="reportIssuedOn" type="date" label="Report issued on" />
          <SelectField
            label="Opinion"
            name="reportOpinion"
            options={soc2Opinions.map((o) => ({ value: o, label: humanize(o) }))}
            placeholder="Choose…"
            value={values.reportOpinion}
            error={errors.fields.reportOpinion}
            onChange={(e) => setField('reportOpinion', e.currentTarget.value)}
          />
        </>
      ) : null}
    </fieldset>
  );
}

/** What audit time and cost are computed from: persons in scope, AI roles, the auditor's day rate. */
export function AuditSettingsFields(props: Props) {
  const { values, errors, setField } = props;
  const iso = values.kind === 'ISO_CERTIFICATION';
  const withAi = iso && values.frameworks.includes('iso42001');
  return (
    <fieldset className={styles.fieldset}>
      <legend>Audit settings (optional)</legend>
      {iso ? (
        <Text
          {...props}
          field="personsInScope"
          type="number"
          label="Persons in scope"
          hint="People doing work under the management system's control."
        />
      ) : (
        <Text
          {...props}
          field="fieldworkDays"
          type="number"
          label="Fieldwork days per period"
          hint="As the CPA firm quoted."
        />
      )}
      {withAi ? (
        <>
          <Text {...props} field="aiPersonsInScope" type="number" label="Persons in AI processes" />
          <CheckboxGroup
            legend="AI roles of the organisation"
            name="aiRoles"
            options={aiRoles.map((r) => ({ value: r, label: humanize(r) }))}
            value={values.aiRoles}
            error={errors.fields.aiRoles}
            onChange={(next) => setField('aiRoles', next)}
          />
        </>
      ) : null}
      <Text {...props} field="currency" label="Currency (ISO 4217, e.g. EUR)" />
      <Text
        {...props}
        field="dayRate"
        type="number"
        label={iso ? 'Day rate of the certification body' : 'Day rate of the CPA firm'}
      />
    </fieldset>
  );
}
