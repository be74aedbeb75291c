import { describe, expect, it } from 'vitest';

import { ApiError } from './api-error';
import { apiErrorToFormErrors, fieldForPath } from './form-errors';

const fieldsByPath = {
  name: 'name',
  frameworks: 'frameworks',
  config: 'advanced',
  'config.certificationBody': 'certificationBody',
} as const;

describe('fieldForPath', () => {
  it('maps nested and indexed paths to the field that owns them, preferring the longest match', () => {
    expect(fieldForPath('frameworks.1', fieldsByPath)).toBe('frameworks');
    expect(fieldForPath('config.certificationBody', fieldsByPath)).toBe('certificationBody');
    expect(fieldForPath('config.policy.surveillanceIntervalMonths', fieldsByPath)).toBe('advanced');
    expect(fieldForPath('nameplate', fieldsByPath)).toBeUndefined();
  });
});

describe('apiErrorToFormErrors', () => {
  it('puts a 400 issue on its field and keeps unknown paths for the summary', () => {
    const error = new ApiError(400, 'Validation failed', [
      { path: 'frameworks.0', message: 'Invalid option' },
      { path: 'frameworks.1', message: 'second message is dropped' },
      { path: 'organizationId', message: 'Invalid UUID' },
    ]);
    expect(apiErrorToFormErrors(error, fieldsByPath)).toEqual({
      fields: { frameworks: 'Invalid option' },
      form: ['organizationId: Invalid UUID'],
    });
  });

  it('shows the message of an error without field issues in the summary', () => {
    const error = new ApiError(409, 'Idempotency key reused with a different body');
    expect(apiErrorToFormErrors(error, fieldsByPath)).toEqual({
      fields: {},
      form: ['Idempotency key reused with a different body'],
    });
  });
});
