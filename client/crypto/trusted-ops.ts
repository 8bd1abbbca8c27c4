/** Worker operations of recovery through a trusted helper (decision 0026; merged into CryptoOps). */
import type { HelperSetup } from '../../shared/crypto/trusted-recovery.js';
import type { HelpingDetail } from '../../shared/api/trusted-recovery.js';
import type { PreloginResponse } from '../api/types.js';

export interface TrustedOps {
  /** Her device: the code of a helper's keys as the server served them, for her own name. */
  helperCodeForKeys: {
    args: { signPublicKey: string; boxPublicKey: string };
    result: { code: string };
  };
  /** The helper's device: the code of its own keys for the person who chooses it. */
  ownHelperCode: { args: { forUsername: string }; result: { code: string } };
  /** Her device: seals a new share for a helper whose code she compared. */
  helperSetup: {
    args: { helperUsername: string; boxPublicKey: string; waitDays: 3 | 7 };
    result: HelperSetup;
  };
  /** The helper's device: signs the start of a recovery at its own time. */
  signTrustedStart: {
    args: { helperId: string; startedAt: number };
    result: { signature: string };
  };
  /**
   * The helper's device: checks the share (for this person, this helper) and the wait she sealed
   * against its own signed start and clock; answers the code of her new device's key.
   */
  checkHandover: {
    args: { detail: HelpingDetail; now: number };
    result: { waitOver: boolean; code: string | null; waitDays: 3 | 7 };
  };
  /** The helper's device, after the two codes matched: seals the trusted secret to her new device. */
  sealTrustedHandover: { args: { detail: HelpingDetail; now: number }; result: { sealed: string } };
  /** Her new device: a fresh box key pair kept in the worker, and the code of its public key. */
  newHandoverKey: { args: { username: string }; result: { boxPublicKey: string; code: string } };
  /** Her new device: opens the hand-over and signs the trusted login; unlock follows. */
  loginTrusted: {
    args: {
      username: string;
      sealed: string;
      trustWrappedAccountKey: string;
      prelogin: PreloginResponse;
    };
    result: { signature: string };
  };
}
