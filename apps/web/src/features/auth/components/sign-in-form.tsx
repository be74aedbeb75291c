import { Button, ErrorSummary, TextField } from '@certflow/ui';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';

import type { Me } from '@/lib/me';
import { apiErrorToFormErrors, noErrors, zodToFormErrors, type FormErrors } from '@/lib/form-errors';

import { useSignIn } from '../api/session';
import styles from './forms.module.css';

const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .pipe(z.email({ error: 'Enter an email address like name@company.com' })),
  password: z.string().min(1, 'Enter your password'),
});
type Field = 'email' | 'password';
const fieldsByPath: Record<string, Field> = { email: 'email', password: 'password' };

export function SignInForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  const signIn = useSignIn({ onSuccess: onSignedIn });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = signInSchema.safeParse({ email, password });
    if (!parsed.success) {
      setErrors(zodToFormErrors(parsed.error, fieldsByPath));
      return;
    }
    setErrors(noErrors());
    signIn.mutate(parsed.data, {
      onError: (error) => {
        setPassword('');
        setErrors(apiErrorToFormErrors(error, fieldsByPath));
      },
    });
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Sign in with email and password" className={styles.form}>
      {errors.form.length > 0 ? <ErrorSummary title="You are not signed in" messages={errors.form} /> : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        value={email}
        error={errors.fields.email}
        onChange={(event) => setEmail(event.currentTarget.value)}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        error={errors.fields.password}
        onChange={(event) => setPassword(event.currentTarget.value)}
      />
      <div className={styles.actions}>
        <Button type="submit" busy={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
      </div>
    </form>
  );
}
