import { html } from '../http/html.js';
import { layout } from '../review/pages/layout.js';

export interface SignInPageOptions {
  csrfToken: string;
  next: string;
  username?: string;
  error?: string;
}

/** The sign-in form: a supervisor account, or any name with ADMIN_TOKEN as the password. */
export function signInPage(options: SignInPageOptions): string {
  return layout(
    'Sign in',
    null,
    html`<form method="post" action="/review/sign-in" class="sign-in">
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : html``}
<input type="hidden" name="_csrf" value="${options.csrfToken}">
<input type="hidden" name="next" value="${options.next}">
<label>Username <input name="username" autocomplete="username" value="${options.username ?? ''}" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
<p class="hint">Supervisor accounts are made with <code>npm run -s supervisor -- add &lt;username&gt;</code>. Until then, sign in as <code>admin</code> with the ADMIN_TOKEN as the password.</p>
</form>`,
  );
}
