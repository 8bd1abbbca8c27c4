// Administrators: a random 32-byte token shown once, stored as its SHA-256; every action is logged.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AdminLogEntry } from '../../shared/api/directory.js';
import { isUniqueViolation } from '../infra/db/errors.js';
import type { DirectoryDb } from '../directory/api.js';
import * as repository from './repository.js';

export const ADMIN_TOKEN_BYTES = 32;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const NAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export class AdminNameError extends Error {}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Creates an administrator; returns the token, which exists nowhere else afterwards. */
export async function createAdmin(db: DirectoryDb, name: string, now: number): Promise<string> {
  if (!NAME.test(name)) {
    throw new AdminNameError('use 2–40 lower-case letters, digits, ".", "-" or "_" for the name');
  }
  const token = randomBytes(ADMIN_TOKEN_BYTES).toString('base64url');
  try {
    await repository.insertAdmin(db, {
      id: randomBytes(16).toString('base64url'),
      name,
      token_hash: hashToken(token),
      created_at: now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AdminNameError(`an administrator "${name}" exists`);
    throw error;
  }
  await logAction(db, name, 'admin.create', {}, now);
  return token;
}

/**
 * The administrator a token belongs to, or undefined. The lookup is by SHA-256 of a 256-bit random
 * token, so its timing reveals nothing about a token; the final comparison is constant-time anyway.
 */
export async function verifyAdminToken(
  db: DirectoryDb,
  token: string,
): Promise<string | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const hash = hashToken(token);
  const admin = await repository.findAdminByTokenHash(db, hash);
  if (!admin || !timingSafeEqual(Buffer.from(admin.token_hash), hash)) return undefined;
  return admin.name;
}

export type LogDetails = Record<string, string | number | boolean>;

export async function logAction(
  db: DirectoryDb,
  admin: string,
  action: string,
  details: LogDetails,
  now: number,
): Promise<void> {
  await repository.insertLogEntry(db, {
    admin,
    action,
    details: JSON.stringify(details),
    created_at: now,
  });
}

export async function readLog(
  db: DirectoryDb,
  limit: number,
  before: number | undefined,
): Promise<AdminLogEntry[]> {
  const rows = await repository.listLog(db, limit, before);
  return rows.map((row) => ({
    id: Number(row.id),
    admin: row.admin,
    action: row.action,
    details: parseDetails(row.details),
    at: Number(row.created_at),
  }));
}

function parseDetails(json: string): LogDetails {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter((e): e is [string, string | number | boolean] =>
        ['string', 'number', 'boolean'].includes(typeof e[1]),
      ),
    );
  } catch {
    return {};
  }
}
