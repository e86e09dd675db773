/**
 * A browser-less user agent for the embedded test eID: plain fetch, a small cookie jar, and just
 * enough HTML form reading to choose a persona and confirm a logout. It follows the eID's own
 * redirects and stops at the first redirect that leaves the eID's origin (the client's callback or
 * post-logout URI), which it returns without fetching — the client may not even be listening.
 */

const MAX_STEPS = 20;

interface StoredCookie {
  readonly host: string;
  readonly path: string;
  readonly name: string;
  readonly value: string;
}

export interface HtmlForm {
  readonly action: string;
  readonly method: string;
  /** Hidden inputs, in order. */
  readonly fields: ReadonlyArray<readonly [string, string]>;
  /** Submit buttons that carry a name and value. */
  readonly buttons: ReadonlyArray<readonly [string, string]>;
}

export class EidAgent {
  private readonly jar = new Map<string, StoredCookie>();

  /** Sign in from an authorization URL by pressing the persona's button; returns the callback URL. */
  async signIn(authorizationUrl: URL, personaId: string): Promise<URL> {
    return this.browse(authorizationUrl, (page) => {
      const forms = parseForms(page.html);
      const picker = forms.find((f) => f.buttons.some(([name]) => name === 'persona'));
      if (picker) {
        if (!picker.buttons.some(([name, value]) => name === 'persona' && value === personaId)) {
          throw new Error(`The eID at ${page.url.origin} does not offer persona "${personaId}"`);
        }
        return submission(page.url, picker, [...picker.fields, ['persona', personaId]]);
      }
      // Switching person in the same session: the provider first ends the old session with a form.
      const logout = forms.find((f) => f.action.endsWith('/session/end/confirm'));
      if (logout) {
        return submission(page.url, logout, logout.fields);
      }
      throw new Error(`Unexpected page at ${page.url.href} (status ${page.status}): ${page.html.slice(0, 600)}`);
    });
  }

  /** Start a sign-in and press "Cancel" on the persona picker; returns the callback URL (with an error). */
  async cancel(authorizationUrl: URL): Promise<URL> {
    return this.browse(authorizationUrl, (page) => {
      const abort = parseForms(page.html).find((f) => f.action.endsWith('/abort'));
      if (!abort) {
        throw new Error(`No cancel form at ${page.url.href} (status ${page.status})`);
      }
      return submission(page.url, abort, abort.fields);
    });
  }

  /** Follow an end-session URL, confirm "yes, sign me out"; returns where the eID sends us. */
  async signOut(endSessionUrl: URL): Promise<URL> {
    return this.browse(endSessionUrl, (page) => {
      const form = parseForms(page.html).find((f) => f.action.includes('/session/end/confirm'));
      if (!form) {
        return null; // a page with nothing to submit: the post-logout page of the eID itself
      }
      const yes = form.buttons.filter(([name]) => name === 'logout');
      return submission(page.url, form, [...form.fields, ...yes]);
    });
  }

  /** GET a page of the eID with this agent's cookies (for inspecting HTML in tests). */
  async get(url: URL): Promise<Response> {
    return this.request(url, { method: 'GET' });
  }

  /** POST a urlencoded form with this agent's cookies (for probing the eID's pages in tests). */
  async post(url: URL, fields: Record<string, string>): Promise<Response> {
    return this.request(url, {
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  private async browse(start: URL, onPage: (page: Page) => Submission | null): Promise<URL> {
    const origin = start.origin;
    let url = start;
    let init: RequestInit = { method: 'GET' };
    for (let step = 0; step < MAX_STEPS; step += 1) {
      const response = await this.request(url, init);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        const next = new URL(location, url);
        if (next.origin !== origin) {
          return next;
        }
        url = next;
        init = { method: 'GET' };
        continue;
      }
      const page = { url, status: response.status, html: await response.text() };
      const submit = onPage(page);
      if (submit === null) {
        return url;
      }
      url = submit.url;
      init = submit.init;
    }
    throw new Error(`More than ${MAX_STEPS} steps from ${start.href}`);
  }

  private async request(url: URL, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(url);
    if (cookie !== '') {
      headers.set('cookie', cookie);
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      this.store(url, line);
    }
    return response;
  }

  private cookieHeader(url: URL): string {
    return [...this.jar.values()]
      .filter((c) => c.host === url.hostname && pathMatches(url.pathname, c.path))
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private store(url: URL, line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      return;
    }
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    let path = '/';
    let expired = value === '';
    for (const attribute of attributes) {
      const [key = '', val = ''] = attribute.split('=', 2);
      const k = key.trim().toLowerCase();
      if (k === 'path' && val.startsWith('/')) {
        path = val;
      } else if (k === 'max-age' && Number(val) <= 0) {
        expired = true;
      } else if (k === 'expires' && Date.parse(val) <= Date.now()) {
        expired = true;
      }
    }
    const key = `${url.hostname} ${path} ${name}`;
    if (expired) {
      this.jar.delete(key);
    } else {
      this.jar.set(key, { host: url.hostname, path, name, value });
    }
  }
}

interface Page {
  readonly url: URL;
  readonly status: number;
  readonly html: string;
}

interface Submission {
  readonly url: URL;
  readonly init: RequestInit;
}

function submission(base: URL, form: HtmlForm, fields: ReadonlyArray<readonly [string, string]>): Submission {
  const url = new URL(form.action === '' ? base.href : form.action, base);
  if (form.method.toLowerCase() !== 'post') {
    for (const [name, value] of fields) {
      url.searchParams.append(name, value);
    }
    return { url, init: { method: 'GET' } };
  }
  const body = new URLSearchParams(fields.map(([n, v]) => [n, v])).toString();
  return { url, init: { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } };
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  return requestPath === cookiePath
    || (requestPath.startsWith(cookiePath) && (cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/'));
}

/** The forms of an HTML page, read with regular expressions: enough for the eID's own pages. */
export function parseForms(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(match[1] ?? '');
    const inner = match[2] ?? '';
    const fields: Array<[string, string]> = [];
    for (const input of inner.matchAll(/<input\b([^>]*?)\/?>/gi)) {
      const a = attributes(input[1] ?? '');
      if ((a.get('type') ?? 'text').toLowerCase() === 'hidden' && a.has('name')) {
        fields.push([a.get('name') ?? '', a.get('value') ?? '']);
      }
    }
    const buttons: Array<[string, string]> = [];
    for (const button of inner.matchAll(/<button\b([^>]*)>/gi)) {
      const a = attributes(button[1] ?? '');
      if ((a.get('type') ?? 'submit').toLowerCase() === 'submit' && a.has('name')) {
        buttons.push([a.get('name') ?? '', a.get('value') ?? '']);
      }
    }
    forms.push({ action: attrs.get('action') ?? '', method: attrs.get('method') ?? 'get', fields, buttons });
  }
  return forms;
}

function attributes(source: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of source.matchAll(/([a-zA-Z_:.-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    map.set((m[1] ?? '').toLowerCase(), unescapeHtml(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return map;
}

function unescapeHtml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Sign in on the embedded eID with a fresh agent (no cookies): returns the callback URL. */
export async function signInWithPersona(authorizationUrl: URL, personaId: string): Promise<URL> {
  return new EidAgent().signIn(authorizationUrl, personaId);
}
