/** End-to-end tests: the packed package inside a real n8n 2 (installed once into a cache folder). */
/** @type {import('jest').Config} */
module.exports = {
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': 'ts-jest' },
	testEnvironment: 'node',
	// A cold n8n install takes about 5 minutes; a cached one, milliseconds.
	testTimeout: 15 * 60_000,
};
