import {
  type ChangeScopeInput,
  changeScopeInputSchema,
  type IsoFrameworkId,
  type OverrideRuleInput,
  overrideRuleInputSchema,
} from '@certflow/contracts';
import { parseOrReject } from '../shared/program-messages.js';
import { conflict, reject, violates } from '../shared/rejected-action.js';
import { frameworkNames, type IsoContext } from './iso-context.js';

/**
 * What the program covers (adding and dropping standards) and the certification body's justified deviations from
 * its own limits (overrides).
 */

const names = (ids: readonly IsoFrameworkId[]) => ids.map((f) => frameworkNames[f]).join(' and ');

export function checkChangeScope(c: IsoContext, raw: ChangeScopeInput) {
  const input = parseOrReject(changeScopeInputSchema, raw);
  const { stage } = c.state;
  if (stage === 'ENDED') reject('The program has ended.', conflict('program-ended'));
  const current = [...c.state.frameworks].sort().join(',');
  if ([...input.frameworks].sort().join(',') === current) {
    reject(`The program already covers exactly ${c.state.frameworks.join(' and ')}.`, conflict('no-change'));
  }
  const added = input.frameworks.filter((f) => !c.state.frameworks.includes(f));
  const dropped = c.state.frameworks.filter((f) => !input.frameworks.includes(f));
  if (added.length === 0 || !c.feature('addedStandardInitialAudit'))
    return { ...input, added, dropped, extension: false };
  const what = names(added);
  if (stage === 'STAGE2' || stage === 'CERTIFICATION_DECISION') {
    reject(
      `${what} cannot join this initial audit: Stage 1 was held for ${names(c.state.frameworks)} only. ` +
        'Add it once certified; it then gets its own Stage 1 and Stage 2.',
      violates('scope-during-initial-audit', 'frameworks'),
    );
  }
  if (stage === 'SUSPENDED' || stage === 'LAPSED') {
    reject(
      `${what} cannot be added while the certificate is ${stage === 'SUSPENDED' ? 'suspended' : 'lapsed'}.`,
      conflict('action-not-in-stage'),
    );
  }
  if (!c.isCertified()) return { ...input, added, dropped, extension: false };
  if (c.state.extension)
    reject(
      `${frameworkNames[c.state.extension.framework]} is already being added; add one standard at a time.`,
      conflict('extension-under-way'),
    );
  if (c.certifiedFrameworks.every((f) => dropped.includes(f))) {
    reject(
      `The certificate would cover no standard while ${what} is audited; drop ${names(dropped)} once ${what} is certified.`,
      violates('certificate-keeps-a-standard', 'frameworks'),
    );
  }
  return { ...input, added, dropped, extension: true };
}

/**
 * Before Stage 1 an added standard joins the initial audit. On a certified program it is not on the certificate
 * until its own Stage 1, Stage 2 and decision (an extension, which may be audited together with a surveillance).
 * Open tasks tied only to a dropped standard are cancelled.
 */
export function applyChangeScope(c: IsoContext, raw: ChangeScopeInput): void {
  const input = checkChangeScope(c, raw);
  const from = [...c.state.frameworks];
  c.state.frameworks = input.frameworks;
  c.effects.audit('scope.changed', input.actor, {
    from,
    to: input.frameworks,
    justification: input.justification,
    ...(input.extension && { extension: input.added[0]! }),
  });
  if (input.extension)
    c.state.extension = { framework: input.added[0]!, requestedOn: c.today, stage: 'STAGE1' };
  const certificate = c.state.certificate;
  if (certificate) certificate.frameworks = certificate.frameworks.filter((f) => !input.dropped.includes(f));
  const extension = c.state.extension;
  if (extension && input.dropped.includes(extension.framework)) {
    delete c.state.extension;
    delete c.state.audits['extension-stage1'];
    delete c.state.audits['extension-stage2'];
  }
  for (const task of c.tasks.open()) {
    const onlyDropped =
      task.requirementIds.length > 0 &&
      task.requirementIds.every((id) => input.dropped.some((f) => id.startsWith(`${f}:`)));
    if (onlyDropped)
      c.tasks.cancel(task.id, `scope changed: ${input.dropped.join(', ')} removed`, input.actor);
  }
}

export function checkOverrideRule(c: IsoContext, raw: OverrideRuleInput) {
  const input = parseOrReject(overrideRuleInputSchema, raw);
  if (c.hasOverride(input.rule))
    reject(`An override for ${input.rule} is already recorded in this cycle.`, conflict('already-recorded'));
  if (input.rule === 'stage1-validity' && c.state.stage !== 'STAGE2') {
    reject(
      'The Stage 1 validity limit can only be overridden between Stage 1 and Stage 2.',
      conflict('action-not-in-stage'),
    );
  }
  if (input.rule === 'major-closure-window' && c.state.stage !== 'CERTIFICATION_DECISION') {
    reject(
      'The major-closure window can only be overridden while the certification decision is pending.',
      conflict('action-not-in-stage'),
    );
  }
  if (input.rule === 'recertification-window') {
    if (!c.feature('recertificationWindow'))
      reject('This cycle has no recertification window to override.', conflict('action-not-in-stage'));
    if (!c.isCertified())
      reject(
        'The recertification window can only be overridden while the certificate is valid.',
        conflict('action-not-in-stage'),
      );
  }
  return input;
}

export function applyOverrideRule(c: IsoContext, raw: OverrideRuleInput): void {
  const input = checkOverrideRule(c, raw);
  c.state.overrides.push({
    rule: input.rule,
    justification: input.justification,
    actor: input.actor,
    on: c.today,
  });
  c.effects.audit('override.recorded', input.actor, { rule: input.rule, justification: input.justification });
}
