import { Button, CheckboxGroup, ErrorSummary, SelectField, TextField } from '@certflow/ui';

import { programKinds, type Program, type ProgramKind } from '../api/program-schema';
import { useCreateProgramForm } from '../hooks/use-create-program-form';
import { frameworksForKind, programKindLabels } from '../utils/labels';
import { AuditSettingsFields, ProgramStartFields } from './program-start-fields';
import styles from './programs.module.css';

const kindOptions = programKinds.map((kind) => ({ value: kind, label: programKindLabels[kind] }));

export interface CreateProgramFormProps {
  organizationId: string;
  onCreated: (program: Program) => void;
  onCancel?: () => void;
}

export function CreateProgramForm({ organizationId, onCreated, onCancel }: CreateProgramFormProps) {
  const { values, errors, setField, onSubmit, submitting } = useCreateProgramForm(organizationId, onCreated);

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Create program" className={styles.form}>
      {errors.form.length > 0 ? (
        <ErrorSummary title="The program was not created" messages={errors.form} />
      ) : null}
      <TextField
        label="Program name"
        name="name"
        value={values.name}
        error={errors.fields.name}
        onChange={(event) => setField('name', event.currentTarget.value)}
      />
      <SelectField
        label="Kind"
        name="kind"
        options={kindOptions}
        value={values.kind}
        error={errors.fields.kind}
        onChange={(event) => setField('kind', event.currentTarget.value as ProgramKind)}
      />
      <CheckboxGroup
        legend="Frameworks"
        name="frameworks"
        hint={values.kind === 'ISO_CERTIFICATION' ? 'Choose both for one integrated audit.' : undefined}
        options={frameworksForKind(values.kind)}
        value={values.frameworks}
        error={errors.fields.frameworks}
        onChange={(frameworks) => setField('frameworks', frameworks)}
      />
      <TextField
        label="Start date"
        name="startDate"
        type="date"
        value={values.startDate}
        error={errors.fields.startDate}
        onChange={(event) => setField('startDate', event.currentTarget.value)}
      />
      <TextField
        label="Program manager email"
        name="programManagerEmail"
        type="email"
        autoComplete="email"
        hint="Receives escalations for overdue tasks and missed deadlines."
        value={values.programManagerEmail}
        error={errors.fields.programManagerEmail}
        onChange={(event) => setField('programManagerEmail', event.currentTarget.value)}
      />
      <TextField
        label={values.kind === 'SOC2_ATTESTATION' ? 'CPA firm (optional)' : 'Certification body (optional)'}
        name="certificationBody"
        hint={
          values.kind === 'ISO_CERTIFICATION'
            ? 'Required when the program starts from a certificate.'
            : undefined
        }
        value={values.certificationBody}
        error={errors.fields.certificationBody}
        onChange={(event) => setField('certificationBody', event.currentTarget.value)}
      />
      <ProgramStartFields values={values} errors={errors} setField={setField} />
      <AuditSettingsFields values={values} errors={errors} setField={setField} />
      <div className={styles.actions}>
        <Button type="submit" busy={submitting}>
          {submitting ? 'Creating…' : 'Create program'}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
