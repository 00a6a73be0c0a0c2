import { createContext, useContext } from "solid-js";
import type { Auth } from "./createAuth";

export const AuthContext = createContext<Auth>();

/**
 * Reads the app's {@link Auth}.
 * @throws Error when called outside `<AuthProvider>`: a silent `undefined` would only fail later, far away
 */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth() must be called inside <AuthProvider>.");
  return auth;
}
