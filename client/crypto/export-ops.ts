/**
 * Worker operations of the exports (issue 5): the map as JSON and the encrypted backup file.
 * Argon2id runs here, off the main thread. Merged into CryptoOps (protocol.ts) and the worker's
 * handlers (worker.ts) with one line each.
 */
import {
  BackupError,
  exportBackup,
  importBackup,
  type BackupErrorCode,
} from '../../shared/export/backup.js';
import { exportMapJson } from '../../shared/export/map-json.js';
import type { MapDocument } from '../../shared/map/types.js';

export interface ExportOps {
  /** The whole map as JSON text (validated, in its versioned wrapper). */
  exportMapJson: { args: { document: MapDocument }; result: { text: string } };
  /** The map encrypted under a passphrase (Argon2id + secretstream), as the bytes of a file. */
  exportBackup: {
    args: { document: MapDocument; passphrase: string };
    result: { file: Uint8Array };
  };
  /** Opens a backup file; a wrong passphrase or a damaged file is an answer, not a failure. */
  importBackup: {
    args: { file: Uint8Array; passphrase: string };
    result: { document: MapDocument } | { error: BackupErrorCode };
  };
}

type ExportHandlers = {
  [K in keyof ExportOps]: (args: ExportOps[K]['args']) => ExportOps[K]['result'];
};

export const exportHandlers: ExportHandlers = {
  exportMapJson({ document }) {
    return { text: exportMapJson(document) };
  },

  exportBackup({ document, passphrase }) {
    return { file: exportBackup(document, passphrase) };
  },

  importBackup({ file, passphrase }) {
    try {
      return { document: importBackup(file, passphrase) };
    } catch (error) {
      if (error instanceof BackupError) return { error: error.code };
      throw error;
    }
  },
};
