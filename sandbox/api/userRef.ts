import { findUserById } from "../users";

/** How MediaValet names a person inside other resources (`record.createdBy`, a comment's `addedBy`). */
export interface UserRef {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
}

export function userRefOf(id: string): UserRef | null {
  const user = findUserById(id);
  return user
    ? { id: user.id, username: user.username, firstName: user.givenName, lastName: user.familyName }
    : null;
}
