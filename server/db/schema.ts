// Table interfaces for Kysely; bytes are Buffer on both engines, timestamps are integer milliseconds.
import type { Insertable, Selectable } from 'kysely';
import type { Rights } from '../../shared/api/maps.js';

export interface AccountsTable {
  id: string;
  username: string;
  kdf_salt: Buffer;
  kdf_ops: number;
  kdf_mem: number;
  login_public_key: Buffer;
  recovery_public_key: Buffer;
  sign_public_key: Buffer;
  box_public_key: Buffer;
  wrapped_account_key: Buffer;
  recovery_wrapped_account_key: Buffer;
  keyring: Buffer;
  keyring_revision: number;
  created_at: number;
}

export interface LoginChallengesTable {
  id: string;
  challenge: Buffer;
  /** `login` (prelogin) or `account` (POST /api/account/challenge). */
  purpose: string;
  expires_at: number;
}

export interface SessionsTable {
  id: string;
  account_id: string;
  refresh_hash: Buffer;
  expires_at: number;
  revoked_at: number | null;
  created_at: number;
}

export interface MapsTable {
  id: string;
  latest_version: number;
  created_at: number;
}

export interface MapSlotsTable {
  id: string;
  map_id: string;
  capability_hash: Buffer;
  rights: Rights;
  key_bundle: Buffer;
  created_at: number;
}

export interface MapVersionsTable {
  map_id: string;
  version: number;
  body: Buffer;
  created_at: number;
}

export interface SlotAccessTable {
  slot_id: string;
  /** Start of the minute, in milliseconds. */
  minute: number;
  count: number;
}

export interface Database {
  accounts: AccountsTable;
  login_challenges: LoginChallengesTable;
  sessions: SessionsTable;
  maps: MapsTable;
  map_slots: MapSlotsTable;
  map_versions: MapVersionsTable;
  slot_access: SlotAccessTable;
}

export type AccountRow = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type MapSlotRow = Selectable<MapSlotsTable>;
