/** @type {import('jest').Config} */
module.exports = {
	roots: ['<rootDir>/test', '<rootDir>/nodes'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': 'ts-jest',
	},
	testEnvironment: 'node',
	testTimeout: 60_000,
};
