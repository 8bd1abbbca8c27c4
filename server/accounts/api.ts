// What the rest of the server may use of accounts: challenges, the session check, token settings, housekeeping.
export { newChallenge, takeChallenge } from './challenges.js';
export { sessionIsActive, sweepExpired } from './sessions.js';
export {
  ACCESS_TOKEN_SECONDS,
  REFRESH_COOKIE,
  REFRESH_COOKIE_PATH,
  SESSION_LIFETIME_MS,
  UNTIL_CLOSE_COOKIE,
} from './tokens.js';
