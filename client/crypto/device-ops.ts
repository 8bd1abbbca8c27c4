/** Worker operations that keep her own device unlocked (decision 0024; merged into CryptoOps). */
import type { AccountResponse } from '../api/types.js';
import type { MapSummary } from './protocol.js';

export interface DeviceOps {
  /**
   * Her own device: seals the session's account key under a new non-extractable AES-GCM key and
   * keeps both in IndexedDB, replacing what was kept before.
   */
  keepOnDevice: { args: Record<string, never>; result: Record<string, never> };
  /**
   * Opens the kept account key for this account (fetched with the refresh cookie) and unlocks the
   * worker with it; `place` is the page she last had open. Fails 'locked' when nothing is kept for
   * this account, 'decrypt-failure' when the kept record does not open.
   */
  resumeFromDevice: {
    args: { account: AccountResponse };
    result: { username: string; maps: MapSummary[]; place: string | null };
  };
  /** Keeps the page she has open (sealed), when this device keeps her unlocked; else nothing. */
  keepPlace: { args: { path: string }; result: Record<string, never> };
  /** Deletes what this device keeps (the kept account key and place). */
  forgetDevice: { args: Record<string, never>; result: Record<string, never> };
}

export type DeviceOp = keyof DeviceOps;

export const DEVICE_OPS: ReadonlySet<string> = new Set<DeviceOp>([
  'keepOnDevice',
  'resumeFromDevice',
  'keepPlace',
  'forgetDevice',
]);
