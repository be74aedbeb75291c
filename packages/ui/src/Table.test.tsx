import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { ErrorSummary } from './ErrorSummary';
import { Table } from './Table';

interface Row {
  id: string;
  name: string;
}

const columns = [
  { key: 'name', header: 'Name', cell: (row: Row) => row.name },
  { key: 'id', header: 'Id', cell: (row: Row) => row.id },
];

describe('Table', () => {
  it('is named by its caption and renders one row per item', () => {
    render(
      <Table
        caption="Programs"
        columns={columns}
        rows={[
          { id: 'a', name: 'Alpha' },
          { id: 'b', name: 'Beta' },
        ]}
        rowKey={(r) => r.id}
      />,
    );
    const table = screen.getByRole('table', { name: 'Programs' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByRole('cell', { name: 'Alpha' })).toBeTruthy();
  });

  it('shows the empty message instead of rows', () => {
    render(
      <Table caption="Programs" columns={columns} rows={[]} rowKey={(r) => r.id} empty="No programs yet" />,
    );
    expect(screen.getByRole('cell', { name: 'No programs yet' })).toBeTruthy();
  });
});

describe('ErrorSummary', () => {
  it('is announced as an alert with every message', () => {
    render(<ErrorSummary title="Could not save" messages={['Name is taken', 'Start date is in the past']} />);
    const alert = screen.getByRole('alert');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Name is taken', 'Start date is in the past']);
  });
});
