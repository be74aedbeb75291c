import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';

import { CheckboxGroup, type CheckboxOption } from './CheckboxGroup';

const options: CheckboxOption[] = [
  { value: 'iso27001', label: 'ISO/IEC 27001' },
  { value: 'iso42001', label: 'ISO/IEC 42001' },
  { value: 'soc2', label: 'SOC 2' },
];

function Harness({ onChange }: { onChange: (value: string[]) => void }) {
  const [value, setValue] = useState<string[]>([]);
  return (
    <CheckboxGroup
      legend="Frameworks"
      name="frameworks"
      options={options}
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

describe('CheckboxGroup', () => {
  it('reports the checked values in option order, not click order', () => {
    const onChange = vi.fn<(value: string[]) => void>();
    render(<Harness onChange={onChange} />);
    const group = screen.getByRole('group', { name: 'Frameworks' });
    expect(group).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'SOC 2' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'ISO/IEC 27001' }));
    expect(onChange).toHaveBeenLastCalledWith(['iso27001', 'soc2']);

    fireEvent.click(screen.getByRole('checkbox', { name: 'SOC 2' }));
    expect(onChange).toHaveBeenLastCalledWith(['iso27001']);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'SOC 2' }).checked).toBe(false);
  });

  it('shows its error and describes the group with it', () => {
    render(
      <CheckboxGroup
        legend="Frameworks"
        name="f"
        options={options}
        value={[]}
        onChange={() => undefined}
        error="Pick one"
      />,
    );
    const group = screen.getByRole('group', { name: 'Frameworks' });
    const errorId = group.getAttribute('aria-describedby');
    expect(errorId && document.getElementById(errorId)?.textContent).toBe('Pick one');
  });
});
