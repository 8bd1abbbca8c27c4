// Map JSON export and the encrypted backup file: round trips and every way a file can be wrong.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium, TEST_KDF } from '../../../shared/crypto/index.js';
import { BackupError, exportBackup, importBackup } from '../../../shared/export/backup.js';
import { exportMapJson, importMapJson } from '../../../shared/export/map-json.js';
import { LINDA_MAP } from './fixture.js';

const PASSPHRASE = 'lange zin met een fiets en een boom';

function expectBackupError(run: () => unknown, code: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe(code);
    return;
  }
  expect.fail(`expected BackupError ${code}`);
}

describe('map JSON export', () => {
  it('round-trips in a versioned wrapper', () => {
    const text = exportMapJson(LINDA_MAP, new Date('2026-11-22T10:00:00Z'));
    const parsed = JSON.parse(text) as { format: string; version: number; exportedAt: string };
    expect(parsed).toMatchObject({
      format: 'netwerkkaart-map',
      version: 1,
      exportedAt: '2026-11-22T10:00:00.000Z',
    });
    expect(importMapJson(text)).toEqual(LINDA_MAP);
  });

  it('refuses other formats, versions and invalid maps', () => {
    expect(() => importMapJson('{"format":"x","version":1}')).toThrow(/not a map export/);
    expect(() => importMapJson('{"format":"netwerkkaart-map","version":2,"map":{}}')).toThrow(
      /version/,
    );
    expect(() =>
      importMapJson('{"format":"netwerkkaart-map","version":1,"map":{"base":1}}'),
    ).toThrow();
    expect(() => importMapJson('nope')).toThrow(/not JSON/);
  });
});

describe('encrypted backup', () => {
  let file: Uint8Array;
  beforeAll(async () => {
    await loadSodium();
    file = exportBackup(LINDA_MAP, PASSPHRASE, { kdf: TEST_KDF });
  });

  it('starts with the magic header and round-trips to the same content', () => {
    expect(new TextDecoder().decode(file.subarray(0, 9))).toBe('NKBACKUP1');
    expect(importBackup(file, PASSPHRASE)).toEqual(LINDA_MAP);
    // the passphrase is NFC-normalised, like account passphrases
    const composed = exportBackup(LINDA_MAP, 'café', { kdf: TEST_KDF });
    expect(importBackup(composed, 'cafe\u0301')).toEqual(LINDA_MAP);
  });

  it('round-trips a map larger than one 64 KiB chunk', () => {
    const big = { ...LINDA_MAP, private: { v: 1 as const, wishes: 'w'.repeat(5000) } };
    const entries = Array.from({ length: 400 }, (_, i) => ({
      ...LINDA_MAP.base.entries[0]!,
      id: Buffer.from(
        new Uint8Array(16).fill(0).map((_, j) => (j === 0 ? i % 256 : j === 1 ? i >> 8 : 7)),
      ).toString('base64url'),
      supportNote: 'n'.repeat(280),
    }));
    const doc = { ...big, base: { ...big.base, entries }, detail: { v: 1 as const, entries: {} } };
    const large = exportBackup(doc, PASSPHRASE, { kdf: TEST_KDF });
    expect(large.length).toBeGreaterThan(64 * 1024 * 2);
    expect(importBackup(large, PASSPHRASE)).toEqual(doc);
    expectBackupError(() => importBackup(large.subarray(0, 70_000), PASSPHRASE), 'truncated');
  });

  it('tells a wrong passphrase apart', () => {
    expectBackupError(() => importBackup(file, 'een andere zin'), 'wrong-passphrase');
  });

  it('detects a truncated file', () => {
    expectBackupError(
      () => importBackup(file.subarray(0, file.length - 1), PASSPHRASE),
      'truncated',
    );
    expectBackupError(() => importBackup(file.subarray(0, 40), PASSPHRASE), 'truncated');
  });

  it('detects tampering anywhere after the key check', () => {
    const flip = (at: number) => {
      const copy = file.slice();
      copy[at] = (copy[at] ?? 0) ^ 1;
      return copy;
    };
    expectBackupError(() => importBackup(flip(file.length - 1), PASSPHRASE), 'tampered');
    expectBackupError(() => importBackup(flip(file.length - 30), PASSPHRASE), 'tampered');
    // the stream header and the declared length are bound to every chunk
    expectBackupError(() => importBackup(flip(9 + 8 + 16 + 16 + 4 + 3), PASSPHRASE), 'tampered');
    const appended = new Uint8Array([...file, 1, 2, 3]);
    expectBackupError(() => importBackup(appended, PASSPHRASE), 'tampered');
    // salt or cost changed: the key changes, so the key check fails
    expectBackupError(() => importBackup(flip(9 + 8 + 2), PASSPHRASE), 'wrong-passphrase');
  });

  it('refuses files that are not backups or ask for absurd key derivation cost', () => {
    expectBackupError(
      () => importBackup(new TextEncoder().encode('{"a":1}'), PASSPHRASE),
      'not-a-backup',
    );
    const costly = file.slice();
    new DataView(costly.buffer).setUint32(9 + 4, 0xffffffff);
    expectBackupError(() => importBackup(costly, PASSPHRASE), 'malformed');
  });
});
