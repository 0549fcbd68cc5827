import type { EmulatorResponse } from '../emulator-server';

/** ExceptionHandlers.handleExceptionInternal: new ErrorDetails(errorCode, ex.getLocalizedMessage()). */
export const errorDetails = (status: number, errorCode: string, message: string): EmulatorResponse => ({
	status,
	json: { errorCode, message },
});

const STATUS_TEXT: Record<number, string> = { 404: 'Not Found', 500: 'Internal Server Error' };

/** Tomcat's own error page (report details hidden), for what never reaches Crafter's exception handlers. */
export function containerError(status: 404 | 500): EmulatorResponse {
	const title = `HTTP Status ${status} – ${STATUS_TEXT[status]}`;
	return {
		status,
		body: `<!doctype html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
		headers: { 'content-type': 'text/html;charset=utf-8' },
	};
}

/**
 * A @RequestParam that is required and absent: MissingServletRequestParameterException, which the
 * ResponseEntityExceptionHandler base of ExceptionHandlers answers 400 with errorCode OTHER (Spring 6 wording).
 */
export const missingParameter = (name: string, type = 'String') =>
	errorDetails(400, 'OTHER', `Required request parameter '${name}' for method parameter type ${type} is not present`);

/**
 * A parameter Spring cannot convert (MethodArgumentTypeMismatchException): 400 OTHER. Inferred: the words
 * after the semicolon depend on the converter; the emulator writes one form for all.
 */
export const typeMismatch = (type: string, value: string) =>
	errorDetails(400, 'OTHER', `Failed to convert value of type 'java.lang.String' to required type '${type}'; Invalid value [${value}]`);

/** ActionDeniedException (crafter commons security): 403 ACTION_DENIED. */
export const actionDenied = (action: string, on: string) =>
	errorDetails(403, 'ACTION_DENIED', `Current subject does not have permission to execute action "${action}" on ${on}`);
