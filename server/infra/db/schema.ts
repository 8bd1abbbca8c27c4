// Table interfaces for Kysely; bytes are Buffer on both engines, timestamps are integer milliseconds.
import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { Rights } from '../../../shared/api/maps.js';

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
  /** The latest version's body and time (its head), so reading it touches no older version's pages. */
  latest_body: Buffer | null;
  latest_created_at: number | null;
  created_at: number;
  /** The creator's slot, which stays admin; null for maps made before the membership migration. */
  creator_slot_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MapSlotsTable {
  id: string;
  map_id: string;
  capability_hash: Buffer;
  rights: Rights;
  key_bundle: Buffer;
  created_at: number;
  /** Start of the UTC day of the last day the capability works; null: open-ended (decision 0030). */
  access_until: ColumnType<number | null, number | null | undefined, number | null>;
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

export interface MapLogTable {
  map_id: string;
  seq: number;
  /** The record bytes exactly as the client sent them (shared/crypto log record format). */
  record: Buffer;
  created_at: number;
}

export interface InvitesTable {
  /** Derived from the invite secret by the client; only holders of the secret know it. */
  id: string;
  map_id: string;
  verify_public_key: Buffer;
  box_public_key: Buffer;
  sealed_info: Buffer;
  /** The secret sealed for the map's owners; null for invites made before it was kept. */
  sealed_secret: Buffer | null;
  expires_at: number;
  created_at: number;
  used_at: number | null;
  withdrawn_at: number | null;
}

export type RequestStatus = 'pending' | 'approved' | 'declined';

export interface InviteRequestsTable {
  id: string;
  invite_id: string;
  map_id: string;
  sealed_request: Buffer;
  status: RequestStatus;
  sealed_answer: Buffer | null;
  created_at: number;
  answered_at: number | null;
  collected_at: number | null;
}

export interface MapCardsTable {
  slot_id: string;
  map_id: string;
  card_version: number;
  body: Buffer;
  updated_at: number;
}

export type SlotEventType = 'joined' | 'rights' | 'removed' | 'left';

export interface SlotEventsTable {
  id: string;
  map_id: string;
  slot_id: string;
  type: SlotEventType;
  rights: Rights | null;
  at: number;
}

/** The views of a slot that was removed or left (slot_access goes with the slot). */
export interface FormerSlotAccessTable {
  map_id: string;
  slot_id: string;
  minute: number;
  count: number;
}

/** A helper she chose (decision 0026) and the state of one recovery through that helper. */
export interface TrustedHelpersTable {
  id: string;
  account_id: string;
  helper_account_id: string;
  wait_days: number;
  sealed_share: Buffer;
  server_share: Buffer;
  trust_login_public_key: Buffer;
  trust_wrapped_account_key: Buffer;
  created_at: number;
  /** When the helper's device says it started (signed); started_at is the server's own clock. */
  started_at: number | null;
  start_signed_at: number | null;
  start_signature: Buffer | null;
  handover_id: string | null;
  handover_box_key: Buffer | null;
  handover_sealed: Buffer | null;
  handover_at: number | null;
}

export interface Database {
  accounts: AccountsTable;
  login_challenges: LoginChallengesTable;
  sessions: SessionsTable;
  maps: MapsTable;
  map_slots: MapSlotsTable;
  map_versions: MapVersionsTable;
  slot_access: SlotAccessTable;
  map_log: MapLogTable;
  invites: InvitesTable;
  invite_requests: InviteRequestsTable;
  map_cards: MapCardsTable;
  slot_events: SlotEventsTable;
  former_slot_access: FormerSlotAccessTable;
  trusted_helpers: TrustedHelpersTable;
}

export type AccountRow = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type MapSlotRow = Selectable<MapSlotsTable>;
export type InviteRow = Selectable<InvitesTable>;
export type InviteRequestRow = Selectable<InviteRequestsTable>;

export type TrustedHelperRow = Selectable<TrustedHelpersTable>;
