/** When each user last signed in, per sandbox: the API reports it as `lastLoginAt`. */
export interface SignInLog {
  record(userId: string): void;
  lastSignIn(userId: string): Date | undefined;
}

export function createSignInLog(now: () => Date = () => new Date()): SignInLog {
  const last = new Map<string, Date>();
  return {
    record: (userId) => void last.set(userId, now()),
    lastSignIn: (userId) => last.get(userId),
  };
}
