import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { ApiError } from '@/lib/api-error';

import type { GapItem as GapItemData } from '../api/gap-assessment';
import { GapItem } from './gap-item';

const item: GapItemData = {
  requirementId: 'iso42001:9.2.1',
  framework: 'iso42001',
  taskId: null,
  answer: null,
  suggestion: {
    basis: 'partly',
    status: 'partial',
    moreChains: 0,
    candidates: [],
    chains: [
      {
        source: 'iso27001:9.2.1',
        sourceStatus: 'implemented',
        strength: 'partial',
        yields: 'partial',
        hops: [
          {
            crosswalk: 'iso42001-iso27001',
            from: 'iso27001:9.2.1',
            to: 'iso42001:9.2.1',
            relation: 'intersect',
            source: 'derived:same-clause-number',
            rationale: 'Same clause and title; the ISMS audit must be widened to AI systems.',
          },
        ],
      },
    ],
  },
};

function renderItem(onSave = vi.fn().mockResolvedValue(undefined)) {
  render(
    <ol>
      <GapItem item={item} editable onSave={onSave} />
    </ol>,
  );
  return { onSave, entry: screen.getByRole('listitem', { name: '9.2.1 Internal audit: general' }) };
}

describe('GapItem', () => {
  it('shows the suggestion and its chain in words', () => {
    const { entry } = renderItem();
    expect(within(entry).getByRole('heading', { name: '9.2.1 Internal audit: general' })).toBeTruthy();
    expect(within(entry).getByText('Partly carried over')).toBeTruthy();
    expect(
      within(entry).getByText('Why: partly carried over from ISO/IEC 27001 9.2.1 Internal audit: general'),
    ).toBeTruthy();
    expect(within(entry).getByText(/must be widened to AI systems/).textContent).toMatch(
      /ISO\/IEC 27001 9\.2\.1 Internal audit: general overlaps ISO\/IEC 42001 9\.2\.1/,
    );
    expect(within(entry).getByLabelText<HTMLSelectElement>('Status').value).toBe('partial');
  });

  it('confirms the suggestion as it is, with the task due date for a gap', async () => {
    const { onSave, entry } = renderItem();
    fireEvent.change(within(entry).getByLabelText('Task due'), { target: { value: '2027-03-31' } });
    fireEvent.click(within(entry).getByRole('button', { name: /^Save / }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave).toHaveBeenCalledWith({
      requirementId: 'iso42001:9.2.1',
      status: 'partial',
      ownerEmail: null,
      note: null,
      task: { dueDate: '2027-03-31' },
    });
  });

  it('puts the API’s error next to the field it names', async () => {
    const onSave = vi
      .fn()
      .mockRejectedValue(
        new ApiError(400, 'Validation failed', [
          { path: 'items.0.justification', message: 'not applicable needs a justification' },
        ]),
      );
    const { entry } = renderItem(onSave);
    fireEvent.change(within(entry).getByLabelText('Status'), { target: { value: 'not_applicable' } });
    fireEvent.click(within(entry).getByRole('button', { name: /^Save / }));
    const why = within(entry).getByLabelText('Why it does not apply');
    await waitFor(() => expect(why.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = why.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('not applicable needs a justification');
  });
});
