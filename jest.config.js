/** @type {import('jest').Config} */
module.exports = {
	roots: ['<rootDir>/test', '<rootDir>/nodes'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': 'ts-jest',
	},
	testEnvironment: 'node',
	testTimeout: 60_000,
};
