// Export handlers: the map as JSON and the encrypted backup file (Argon2id runs here, off the main thread).
import { BackupError, exportBackup, importBackup } from '../../../shared/export/backup.js';
import { exportMapJson } from '../../../shared/export/map-json.js';
import type { Handlers } from './state.js';

type ExportOp = 'exportMapJson' | 'exportBackup' | 'importBackup';

export const exportHandlers: Handlers<ExportOp> = {
  exportMapJson(_state, { document }) {
    return { text: exportMapJson(document) };
  },

  exportBackup(_state, { document, passphrase }) {
    return { file: exportBackup(document, passphrase) };
  },

  importBackup(_state, { file, passphrase }) {
    try {
      return { document: importBackup(file, passphrase) };
    } catch (error) {
      if (error instanceof BackupError) return { error: error.code };
      throw error;
    }
  },
};
