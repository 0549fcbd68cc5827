import type { ArgosState } from './store';

/** [QS-TOKEN] 3-1 "Time Expiry: More than 3 minutes have elapsed since the first use." */
export const TOKEN_USE_WINDOW_MS = 3 * 60 * 1000;

/** [POST-TOKEN] "Token Pool: Maximum 100,000 per PID". */
export const TOKEN_POOL_LIMIT = 100_000;

/** [POST-TOKEN] 8-64 bytes of letters, digits, - _ . ; starts and ends with a letter or digit. */
export const isTokenIdFormat = (value: unknown): value is string =>
	typeof value === 'string' && Buffer.byteLength(value) >= 8 && Buffer.byteLength(value) <= 64 && /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(value);

/**
 * Why a token can no longer open the Liveform, or undefined [QS-TOKEN] 3-1: more than 3 minutes since its
 * first use, or a submission made with it already has a KYC status (approved, rejected, pending); "if both
 * apply, the 'time expiration' reason takes precedence" [QS-GB].
 */
export function tokenExpiry(state: ArgosState, tokenId: string, now = Date.now()): 'time' | 'submission' | undefined {
	const firstUse = state.tokenFirstUse.get(tokenId);
	if (firstUse !== undefined && now - firstUse > TOKEN_USE_WINDOW_MS) return 'time';
	for (const submission of state.submissions.values()) {
		if (submission.tokenId === tokenId && submission.kyc?.result) return 'submission';
	}
	return undefined;
}
