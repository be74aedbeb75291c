import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { CreateProgramForm } from './create-program-form';

function renderForm() {
  const onCreated = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <CreateProgramForm organizationId="00000000-0000-4000-8000-000000000000" onCreated={onCreated} />
    </QueryClientProvider>,
  );
  return { onCreated };
}

function errorOf(element: HTMLElement): string | null | undefined {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)).find((el) => el?.id.endsWith('-error'))?.textContent;
}

describe('CreateProgramForm', () => {
  it('shows each invalid field’s error next to it and sends nothing', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { onCreated } = renderForm();

    fireEvent.click(screen.getByRole('button', { name: 'Create program' }));

    const name = screen.getByRole('textbox', { name: 'Program name' });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(name)).toBe('Give the program a name');
    expect(errorOf(screen.getByRole('group', { name: 'Frameworks' }))).toBe('Choose at least one framework');
    expect(errorOf(screen.getByRole('textbox', { name: 'Program manager email' }))).toBe(
      'Enter the program manager’s email address',
    );
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(onCreated).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('clears a field’s error once it is edited', () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Create program' }));
    const name = screen.getByRole('textbox', { name: 'Program name' });
    fireEvent.change(name, { target: { value: 'ISMS 2027' } });
    expect(name.getAttribute('aria-invalid')).toBeNull();
  });

  it('offers only the frameworks of the chosen kind and drops the ones that no longer fit', () => {
    renderForm();
    const frameworks = () => screen.getByRole('group', { name: 'Frameworks' });
    fireEvent.click(within(frameworks()).getByRole('checkbox', { name: /ISO\/IEC 27001/ }));
    expect(within(frameworks()).getAllByRole('checkbox')).toHaveLength(2);

    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), {
      target: { value: 'SOC2_ATTESTATION' },
    });
    const soc2Boxes = within(frameworks()).getAllByRole('checkbox');
    expect(soc2Boxes).toHaveLength(1);
    expect(soc2Boxes.every((box) => !(box as HTMLInputElement).checked)).toBe(true);

    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), {
      target: { value: 'ISO_CERTIFICATION' },
    });
    const isoBox = within(frameworks()).getByRole<HTMLInputElement>('checkbox', { name: /ISO\/IEC 27001/ });
    expect(isoBox.checked).toBe(false);
  });
});
