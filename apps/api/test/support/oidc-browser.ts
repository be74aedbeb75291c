/**
 * What a browser does at the identity provider: follows its redirects with its cookies, fills in its sign-in
 * form, and stops at the redirect back to Certflow. Returns that callback URL.
 */
export async function signInAtProvider(
  authorizationUrl: string,
  credentials: { email: string; password: string },
  callbackPrefix: string,
): Promise<URL> {
  const cookies = new Map<string, string>();
  const remember = (res: Response) => {
    for (const header of res.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  let url = new URL(authorizationUrl);
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader() } });
    remember(res);
    if (res.status === 200) {
      const page = await res.text();
      if (!page.includes('name="password"')) throw new Error(`unexpected provider page:\n${page}`);
      const form = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(credentials).toString(),
      });
      remember(form);
      if (form.status === 200) throw new Error('the provider refused the credentials');
      url = new URL(form.headers.get('location') ?? '', url);
    } else if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location') ?? '', url);
    } else {
      throw new Error(`provider answered ${res.status}: ${await res.text()}`);
    }
    if (url.href.startsWith(callbackPrefix)) return url;
  }
  throw new Error('too many redirects at the provider');
}
