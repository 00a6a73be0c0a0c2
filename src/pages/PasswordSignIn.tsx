import { useNavigate } from "@solidjs/router";
import { useAuth } from "../auth";
import { PasswordSignInForm } from "../components/PasswordSignInForm";
import { passwordSignInMessage } from "./passwordSignInMessage";

/**
 * Password sign-in with its warning, for deployments that turn it on (`passwordSignIn` in config.json). Loaded
 * lazily, so a deployment that leaves it off never downloads it.
 * @param props.returnTo the router path to go to once signed in; only a path on this app is followed
 */
export default function PasswordSignIn(props: { returnTo: string }) {
  const auth = useAuth();
  const navigate = useNavigate();
  const signIn = async (username: string, password: string) => {
    navigate(await auth.signInWithPassword(username, password, props.returnTo));
  };
  return (
    <section class="panel password-sign-in" aria-labelledby="password-sign-in-heading">
      <h2 id="password-sign-in-heading">Or sign in with your password here</h2>
      <p class="hint">
        This form sends your password through Valet, not straight to MediaValet. Valet passes it on once and
        keeps it nowhere, but prefer the Sign in button when you can: there, only MediaValet ever sees your
        password, and your organisation's sign-in rules (such as single sign-on or a second factor) apply.
      </p>
      <PasswordSignInForm onSubmit={signIn} describeError={passwordSignInMessage} />
    </section>
  );
}
