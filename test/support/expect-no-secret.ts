/** Fails if the secret appears anywhere in what a user or a log could see. */
export function expectNoSecret(secret: string, ...seen: unknown[]) {
	for (const value of seen) {
		const text = JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Error ? { ...inner, message: inner.message, stack: inner.stack } : inner));
		expect(text ?? '').not.toContain(secret);
	}
}
