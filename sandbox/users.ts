/** A person who can sign in to the sandbox. The auth server and the API both describe people from this list. */
export interface SandboxUser {
  /** Stable GUID: the `sub` of every token and the `id` of `/users/current`. */
  readonly id: string;
  readonly username: string;
  readonly password: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  readonly orgUnitId: string;
  readonly roleId: string;
  readonly createdAt: string;
}

const ORG_UNIT_ID = "3b0f6c8e-2a41-4d7c-9f1e-5c2d8a6b4e10";
const CONTRIBUTOR_ROLE_ID = "a7c3e9d2-6b18-4f5a-8e2c-1d9b7f4a3c66";
const ADMIN_ROLE_ID = "e1d4b8a6-5c2f-4a9e-b3d7-8f6c2a1e9b44";

/** The account to sign in with in demos and tests. */
export const DEMO_USER: { readonly username: string; readonly password: string } = {
  username: "demo",
  password: "demo",
};

export const USERS: readonly SandboxUser[] = [
  {
    id: "6f1c2a4e-3b7d-4c2a-9e51-0d8a7b3c5e21",
    username: DEMO_USER.username,
    password: DEMO_USER.password,
    givenName: "Dana",
    familyName: "Demo",
    email: "dana.demo@example.com",
    orgUnitId: ORG_UNIT_ID,
    roleId: CONTRIBUTOR_ROLE_ID,
    createdAt: "2021-03-15T09:30:00.000Z",
  },
  {
    id: "c84b1e7f-92d3-4a6e-b5f0-7e2a9d4c1b38",
    username: "alex",
    password: "alex",
    givenName: "Alex",
    familyName: "Archer",
    email: "alex.archer@example.com",
    orgUnitId: ORG_UNIT_ID,
    roleId: ADMIN_ROLE_ID,
    createdAt: "2020-11-02T14:05:00.000Z",
  },
];

export function fullName(user: SandboxUser): string {
  return `${user.givenName} ${user.familyName}`;
}

export function findUserById(id: string): SandboxUser | undefined {
  return USERS.find((user) => user.id === id);
}

/** Usernames ignore case and surrounding spaces, as people type them; passwords match exactly. */
export function findUserByCredentials(username: string, password: string): SandboxUser | undefined {
  const wanted = username.trim().toLowerCase();
  return USERS.find((user) => user.username === wanted && user.password === password);
}
