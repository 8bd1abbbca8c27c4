// Every migration, by its dated name; add new ones here (names sort in the order they run).
import type { Migration } from 'kysely';
import * as initial from './2026-11-22T0000-initial.js';
import * as membership from './2026-11-22T0100-membership.js';
import * as directory from './2026-11-22T0200-directory.js';
import * as sharedState from './2026-11-23T0300-shared-state.js';
import * as inviteSecrets from './2026-12-05T0000-invite-secrets.js';
import * as unlinkableKeyring from './2026-12-07T0000-unlinkable-keyring.js';
import * as coarseTime from './2026-12-07T0100-coarse-time.js';
import * as formerSlotAccess from './2026-12-07T0200-former-slot-access.js';
import * as trustedRecovery from './2026-12-08T0000-trusted-recovery.js';
import * as accessUntil from './2026-12-08T0000-access-until.js';
import * as mapHeads from './2026-12-08T0000-map-heads.js';

export const migrations: Record<string, Migration> = {
  '2026-11-22T0000-initial': initial,
  '2026-11-22T0100-membership': membership,
  '2026-11-22T0200-directory': directory,
  '2026-11-23T0300-shared-state': sharedState,
  '2026-12-05T0000-invite-secrets': inviteSecrets,
  '2026-12-07T0000-unlinkable-keyring': unlinkableKeyring,
  '2026-12-07T0100-coarse-time': coarseTime,
  '2026-12-07T0200-former-slot-access': formerSlotAccess,
  '2026-12-08T0000-trusted-recovery': trustedRecovery,
  '2026-12-08T0000-access-until': accessUntil,
  '2026-12-08T0000-map-heads': mapHeads,
};
