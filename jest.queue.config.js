/**
 * npm run test:queue: the packed package in n8n's queue mode (main + two workers, Postgres, Redis,
 * binary data in the database), under a load of webhook calls. test/queue/queue-mode.spec.ts says what
 * it does; scripts/queue/ holds its helpers (scripts/queue/ensure-services.sh installs PostgreSQL and
 * Redis with apt-get when missing). About 4 minutes on a warm machine (n8n cached in ~/.cache), build included.
 */
/** @type {import('jest').Config} */
module.exports = {
	rootDir: __dirname,
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/test/queue/**/*.spec.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: { warnOnly: false } }] },
	testEnvironment: 'node',
	testTimeout: 15 * 60_000,
	verbose: true,
	// Every server is stopped in afterAll (and its process group killed when the process exits); this keeps
	// a handle left open by a failed set-up from holding CI until its timeout.
	forceExit: true,
};
