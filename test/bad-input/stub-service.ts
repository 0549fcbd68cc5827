import { startHttpEmulator, type EmulatorHandler, type EmulatorRequest, type EmulatorResponse, type RunningEmulator } from '../emulators/emulator-server';

/**
 * A service that answers what the test tells it to: for requests that carry the bad item's marker (in the
 * path, query or body), the broken answer under test; for the rest, a good answer, so the other items show
 * they are unharmed.
 */
export interface StubService extends RunningEmulator {
	/** Set per case. */
	broken: (request: EmulatorRequest) => EmulatorResponse;
	good: (request: EmulatorRequest) => EmulatorResponse;
	marker: string;
}

export const carries = (request: EmulatorRequest, marker: string) =>
	request.path.includes(marker) || request.query.toString().includes(marker) || request.body.includes(marker);

export async function startStubService(): Promise<StubService> {
	const stub = {
		broken: (): EmulatorResponse => ({ status: 500, body: '' }),
		good: (): EmulatorResponse => ({ status: 200, json: {} }),
		marker: '\u0000none',
	} as unknown as StubService;
	const handler: EmulatorHandler = (request) => (carries(request, stub.marker) ? stub.broken(request) : stub.good(request));
	const running = await startHttpEmulator(handler);
	return Object.assign(stub, running);
}
