function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The identity provider's own sign-in form, with labels a browser test can find. */
export function loginPage({ action, email = '', error }: { action: string; email?: string; error?: string }) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Test identity provider</title></head>
<body>
<main>
<h1>Test identity provider</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
<label>Email <input type="email" name="email" value="${escapeHtml(email)}" autocomplete="username"></label>
<label>Password <input type="password" name="password" autocomplete="current-password"></label>
<button type="submit">Sign in to the identity provider</button>
</form>
</main>
</body>
</html>`;
}
