// The invite answers both sides give: an unknown invite code.
import { ApiError } from '../infra/errors.js';

/** An invite id nobody created (or of another map). */
export function inviteNotFound(): ApiError {
  return new ApiError(
    'invite_not_found',
    'There is no invite with this code. Check the link or code, or ask for a new invite.',
  );
}
