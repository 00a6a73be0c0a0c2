import type { Adapter, AdapterFactory, AdapterPayload } from "oidc-provider";

/** oidc-provider's adapter factory, plus what the test controls need to reach into storage. */
export interface MemoryAdapterFactory extends AdapterFactory {
  /** Deletes every stored `model` (e.g. "RefreshToken") whose payload matches; returns how many went. */
  destroyWhere(model: string, matches: (payload: AdapterPayload) => boolean): number;
}

interface Entry {
  payload: AdapterPayload;
  /** Epoch milliseconds; undefined means it never expires. */
  expiresAt: number | undefined;
}

/**
 * oidc-provider's storage, one instance per sandbox. The built-in memory adapter shares one module-wide LRU between
 * every provider in the process (and evicts after 1000 entries); tests start many sandboxes, so each gets its own
 * maps here. Expiry is checked on read, so no timers outlive `close()`. The same factory serves a provider that is
 * rebuilt (after a key rotation), so sessions and grants outlive the rebuild.
 */
export function createMemoryAdapterFactory(now: () => number = Date.now): MemoryAdapterFactory {
  const entries = new Map<string, Entry>();
  const grantMembers = new Map<string, Set<string>>();
  const uidIndex = new Map<string, string>();
  const userCodeIndex = new Map<string, string>();

  const read = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  const factory = (model: string): Adapter => {
    const keyFor = (id: string): string => `${model}:${id}`;
    const findBy = (index: Map<string, string>, value: string): AdapterPayload | undefined => {
      const id = index.get(keyFor(value));
      return id === undefined ? undefined : read(keyFor(id));
    };

    return {
      async upsert(id, payload, expiresIn) {
        const key = keyFor(id);
        entries.set(key, {
          payload: { ...payload },
          expiresAt: typeof expiresIn === "number" ? now() + expiresIn * 1000 : undefined,
        });
        if (payload.grantId) {
          const members = grantMembers.get(payload.grantId) ?? new Set<string>();
          members.add(key);
          grantMembers.set(payload.grantId, members);
        }
        if (payload.uid) uidIndex.set(keyFor(payload.uid), id);
        if (payload.userCode) userCodeIndex.set(keyFor(payload.userCode), id);
      },
      async find(id) {
        return read(keyFor(id));
      },
      async findByUid(uid) {
        return findBy(uidIndex, uid);
      },
      async findByUserCode(userCode) {
        return findBy(userCodeIndex, userCode);
      },
      async consume(id) {
        const payload = read(keyFor(id));
        if (payload) payload.consumed = Math.floor(now() / 1000);
      },
      async destroy(id) {
        entries.delete(keyFor(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of grantMembers.get(grantId) ?? []) entries.delete(key);
        grantMembers.delete(grantId);
      },
    };
  };

  const destroyWhere: MemoryAdapterFactory["destroyWhere"] = (model, matches) => {
    let destroyed = 0;
    for (const [key, entry] of entries) {
      if (key.startsWith(`${model}:`) && matches(entry.payload)) {
        entries.delete(key);
        destroyed++;
      }
    }
    return destroyed;
  };
  return Object.assign(factory, { destroyWhere });
}
