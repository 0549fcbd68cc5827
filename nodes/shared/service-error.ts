/** A refusal from the service itself: its HTTP status and its own words. */
export class ServiceError extends Error {
	constructor(
		readonly service: string,
		readonly status: number,
		readonly body: unknown,
		readonly serviceMessage: string,
	) {
		super(`${service} refused the request (HTTP ${status}): ${serviceMessage}`);
		this.name = 'ServiceError';
	}
}

/** The service could not be reached or dropped the connection. */
export class ServiceUnreachableError extends Error {
	constructor(
		readonly service: string,
		readonly url: string,
		readonly code: string,
		/** True when the request may have reached the service before the connection failed. */
		readonly mayHaveArrived: boolean,
	) {
		super(`Could not reach ${service} at ${url} (${code})`);
		this.name = 'ServiceUnreachableError';
	}
}
