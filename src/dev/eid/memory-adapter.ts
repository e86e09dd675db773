import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

/**
 * The embedded eID's storage: one store per provider instance, lost on restart (a test identity
 * provider has nothing worth keeping). Written here rather than using the provider's built-in
 * memory adapter so that two instances in one process never share state and the provider does not
 * print its "development-only adapter" warning on every start.
 */

interface Entry {
  readonly payload: AdapterPayload;
  readonly expiresAt: number; // epoch ms; Infinity when the model has no lifetime
}

/** Models whose records die with their grant (revokeByGrantId). */
const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

const SWEEP_EVERY_WRITES = 500;

class MemoryStore {
  private readonly entries = new Map<string, Entry>();
  private readonly sessionsByUid = new Map<string, string>(); // uid → key
  private readonly userCodes = new Map<string, string>(); // user code → key
  private readonly grantMembers = new Map<string, Set<string>>(); // grant id → keys
  private writes = 0;

  constructor(private readonly now: () => number) {}

  get(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      return undefined;
    }
    if (entry.expiresAt <= this.now()) {
      this.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  getBy(index: 'uid' | 'userCode', value: string): AdapterPayload | undefined {
    const key = (index === 'uid' ? this.sessionsByUid : this.userCodes).get(value);
    return key === undefined ? undefined : this.get(key);
  }

  set(model: string, key: string, payload: AdapterPayload, expiresIn: number | undefined): void {
    this.sweep();
    this.delete(key);
    const expiresAt = typeof expiresIn === 'number' ? this.now() + expiresIn * 1000 : Infinity;
    this.entries.set(key, { payload, expiresAt });
    if (model === 'Session' && payload.uid !== undefined) {
      this.sessionsByUid.set(payload.uid, key);
    }
    if (payload.userCode !== undefined) {
      this.userCodes.set(payload.userCode, key);
    }
    if (GRANTABLE.has(model) && payload.grantId !== undefined) {
      const members = this.grantMembers.get(payload.grantId) ?? new Set<string>();
      members.add(key);
      this.grantMembers.set(payload.grantId, members);
    }
  }

  delete(key: string): void {
    const payload = this.entries.get(key)?.payload;
    this.entries.delete(key);
    if (payload?.uid !== undefined && this.sessionsByUid.get(payload.uid) === key) {
      this.sessionsByUid.delete(payload.uid);
    }
    if (payload?.userCode !== undefined && this.userCodes.get(payload.userCode) === key) {
      this.userCodes.delete(payload.userCode);
    }
  }

  revokeGrant(grantId: string): void {
    for (const key of this.grantMembers.get(grantId) ?? []) {
      this.delete(key);
    }
    this.grantMembers.delete(grantId);
  }

  /** Every few hundred writes, drop what has expired, so a long-running demo does not grow. */
  private sweep(): void {
    this.writes += 1;
    if (this.writes % SWEEP_EVERY_WRITES !== 0) {
      return;
    }
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.delete(key);
      }
    }
    for (const [grantId, members] of this.grantMembers) {
      for (const key of members) {
        if (!this.entries.has(key)) {
          members.delete(key);
        }
      }
      if (members.size === 0) {
        this.grantMembers.delete(grantId);
      }
    }
  }
}

export function createMemoryAdapter(now: () => number = Date.now): AdapterFactory {
  const store = new MemoryStore(now);
  return (model: string): Adapter => {
    const keyOf = (id: string): string => `${model}:${id}`;
    return {
      upsert: async (id, payload, expiresIn) => store.set(model, keyOf(id), payload, expiresIn),
      find: async (id) => store.get(keyOf(id)),
      findByUid: async (uid) => store.getBy('uid', uid),
      findByUserCode: async (userCode) => store.getBy('userCode', userCode),
      consume: async (id) => {
        const payload = store.get(keyOf(id));
        if (payload) {
          payload.consumed = Math.floor(now() / 1000);
        }
      },
      destroy: async (id) => store.delete(keyOf(id)),
      revokeByGrantId: async (grantId) => store.revokeGrant(grantId),
    };
  };
}
