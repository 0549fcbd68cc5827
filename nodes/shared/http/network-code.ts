/** The socket error code (ECONNRESET, ETIMEDOUT…) behind n8n's wrapped request error, without keeping the error (its config holds the credential). */
export function networkCodeOf(error: unknown): string {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return 'network error';
}
