/**
 * What a user may do in the DAM API. The names follow MediaValet's `resource:action` style; the API reads them from
 * the access token's `Permissions` claim (a claim MediaValet's discovery document lists).
 */
export type Permission =
  | "asset:view"
  | "asset:editMetadata"
  | "asset:editKeywords"
  | "asset:assignCategory"
  | "asset:download"
  | "lightbox:create"
  | "asset:createDirectLink"
  | "asset:comment";

export const ALL_PERMISSIONS: readonly Permission[] = [
  "asset:view",
  "asset:editMetadata",
  "asset:editKeywords",
  // Names seen in MediaValet's published examples (asset:assignCategory); the others are
  // the sandbox's own, in the same resource:action style.
  "asset:assignCategory",
  "asset:download",
  "lightbox:create",
  "asset:createDirectLink",
  "asset:comment",
];
export const READ_ONLY_PERMISSIONS: readonly Permission[] = ["asset:view"];

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
  readonly permissions: readonly Permission[];
  /** A locked account: its password is right, yet every sign-in is refused. */
  readonly locked: boolean;
}

const ORG_UNIT_ID = "3b0f6c8e-2a41-4d7c-9f1e-5c2d8a6b4e10";
const CONTRIBUTOR_ROLE_ID = "a7c3e9d2-6b18-4f5a-8e2c-1d9b7f4a3c66";
const VIEWER_ROLE_ID = "e1d4b8a6-5c2f-4a9e-b3d7-8f6c2a1e9b44";

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
    permissions: ALL_PERMISSIONS,
    locked: false,
  },
  {
    id: "c84b1e7f-92d3-4a6e-b5f0-7e2a9d4c1b38",
    username: "alex",
    password: "alex",
    givenName: "Alex",
    familyName: "Archer",
    email: "alex.archer@example.com",
    orgUnitId: ORG_UNIT_ID,
    roleId: VIEWER_ROLE_ID,
    createdAt: "2020-11-02T14:05:00.000Z",
    // A viewer: reads everything, changes nothing (the API answers 403 on version 1.2, 401 before).
    permissions: READ_ONLY_PERMISSIONS,
    locked: false,
  },
  {
    id: "5d2e8f13-7a46-4b9c-a1e0-3f6b9c2d7e54",
    username: "locked",
    password: "locked",
    givenName: "Lee",
    familyName: "Locked",
    email: "lee.locked@example.com",
    orgUnitId: ORG_UNIT_ID,
    roleId: CONTRIBUTOR_ROLE_ID,
    createdAt: "2022-06-01T08:00:00.000Z",
    permissions: ALL_PERMISSIONS,
    locked: true,
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
  const user = findUserByUsername(username);
  return user?.password === password ? user : undefined;
}

export function findUserByUsername(username: string): SandboxUser | undefined {
  const wanted = username.trim().toLowerCase();
  return USERS.find((user) => user.username === wanted);
}
