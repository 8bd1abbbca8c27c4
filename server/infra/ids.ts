// Random ids for rows the server names itself (slots, sessions, requests, events).
import { randomBytes } from 'node:crypto';

const ID_BYTES = 16;

/** 16 random bytes as 22 base64url characters. */
export function newId(): string {
  return randomBytes(ID_BYTES).toString('base64url');
}
