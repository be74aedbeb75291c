import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { TextField } from './TextField';

describe('TextField', () => {
  it('is found by its label and carries no error state when valid', () => {
    render(<TextField label="Program name" name="name" defaultValue="" />);
    const input = screen.getByRole('textbox', { name: 'Program name' });
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBeNull();
  });

  it('marks the input invalid and describes it with the error text', () => {
    render(<TextField label="Program name" hint="Shown on every schedule" error="Give the program a name" />);
    const input = screen.getByRole('textbox', { name: 'Program name' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ');
    const descriptions = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(descriptions).toEqual(['Shown on every schedule', 'Give the program a name']);
  });
});
