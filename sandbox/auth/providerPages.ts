import type { KoaContextWithOIDC, ErrorOut } from "oidc-provider";
import { escapeHtml } from "../html";
import { sendPage } from "./page";

const LOGOUT_SCRIPT = 'document.getElementById("op.logoutForm").submit();';

/**
 * MediaValet signs out without asking, so this page posts oidc-provider's confirmation form by itself. The visible
 * button only matters without JavaScript.
 */
export async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  const confirmed = form.replace("</form>", '<input type="hidden" name="logout" value="yes"></form>');
  sendPage(ctx, 200, {
    title: "Signing out",
    body: `<h1>Signing out…</h1>
${confirmed}
<noscript><button type="submit" form="op.logoutForm">Sign out</button></noscript>`,
    script: LOGOUT_SCRIPT,
  });
}

/** Shown after an end-session request that named no post-logout redirect URI. */
export async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  sendPage(ctx, 200, {
    title: "Signed out",
    body: `<h1>Signed out</h1>
<p>You are signed out of the MediaValet Sandbox. You can close this page.</p>`,
  });
}

/** Errors the auth server cannot send back to a client (an unknown client, an unregistered redirect URI…). */
export async function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): Promise<void> {
  const rows = [
    ["Error", out.error],
    ["Description", out.error_description],
  ]
    .filter((row): row is [string, string] => typeof row[1] === "string")
    .map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join("\n");
  sendPage(ctx, ctx.status, {
    title: "Sign-in error",
    body: `<h1>Sign-in error</h1>
<p>The MediaValet Sandbox could not process this request.</p>
<dl>
${rows}
</dl>`,
  });
}
