import { randomBytes } from 'node:crypto';

/** A text field of a multipart/form-data body. */
export interface MultipartField {
	name: string;
	value: string;
}

/** A file part: its bytes, and the file name and content type the service is told. */
export interface MultipartFile {
	name: string;
	data: Buffer;
	filename: string;
	contentType: string;
}

export type MultipartPart = MultipartField | MultipartFile;

/** A whole request body and the Content-Type header that names its boundary. */
export interface MultipartBody {
	body: Buffer;
	contentType: string;
	/** Each part's bytes where they lie in `body` (views, not copies): what was sent, without holding the input too. */
	data: Buffer[];
}

const CRLF = '\r\n';

/**
 * A name or filename as a quoted header parameter (RFC 7578 §4.2), with `"`, CR and LF percent-encoded the
 * way browsers (WHATWG HTML "multipart/form-data encoding algorithm") and the form-data package do, so a
 * name cannot end its header line or add a header. Other characters go as UTF-8, as browsers send them.
 */
export function quotedParameter(value: string): string {
	return `"${value.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22')}"`;
}

/** A boundary of the form-data package's shape: 26 dashes and 24 random hex digits (RFC 2046 allows up to 70 characters). */
export function randomBoundary(): string {
	return `${'-'.repeat(26)}${randomBytes(12).toString('hex')}`;
}

function headerOf(part: MultipartPart): string {
	const disposition = `Content-Disposition: form-data; name=${quotedParameter(part.name)}`;
	if (!('data' in part)) return `${disposition}${CRLF}${CRLF}`;
	// A content type with a line break in it would add a header; it comes from the file check, so this only guards.
	const contentType = part.contentType.replace(/[\r\n]/g, '');
	return `${disposition}; filename=${quotedParameter(part.filename)}${CRLF}Content-Type: ${contentType}${CRLF}${CRLF}`;
}

/**
 * The parts as one multipart/form-data body (RFC 7578), held in one Buffer: the services' files are a few MB
 * at most (upload-rules.ts), so a body can be sent again by a retry and measured before it is sent. The
 * boundary is drawn again while it occurs in any part's header or bytes (RFC 2046 §5.1.1); with 96 random
 * bits that is practically never, so the loop ends.
 */
export function multipartBody(parts: readonly MultipartPart[], newBoundary: () => string = randomBoundary): MultipartBody {
	const pieces = parts.map((part) => ({ header: Buffer.from(headerOf(part), 'utf8'), data: 'data' in part ? part.data : Buffer.from(part.value, 'utf8') }));
	let boundary = newBoundary();
	while (pieces.some(({ header, data }) => header.includes(boundary) || data.includes(boundary))) boundary = newBoundary();
	const delimiter = Buffer.from(`--${boundary}${CRLF}`, 'latin1');
	const close = Buffer.from(`--${boundary}--${CRLF}`, 'latin1');
	const size = pieces.reduce((total, { header, data }) => total + delimiter.length + header.length + data.length + CRLF.length, close.length);
	// Written into one allocation: the file is copied once, and the caller can let go of its own copy.
	const body = Buffer.allocUnsafe(size);
	const data: Buffer[] = [];
	let offset = 0;
	for (const piece of pieces) {
		offset += delimiter.copy(body, offset);
		offset += piece.header.copy(body, offset);
		data.push(body.subarray(offset, offset + piece.data.length));
		offset += piece.data.copy(body, offset);
		offset += body.write(CRLF, offset, 'latin1');
	}
	close.copy(body, offset);
	return { body, contentType: `multipart/form-data; boundary=${boundary}`, data };
}

/** The request options that send a body: the body, its content type and its length. */
export function multipartOptions({ body, contentType }: MultipartBody): { body: Buffer; headers: { 'content-type': string; 'content-length': string } } {
	return { body, headers: { 'content-type': contentType, 'content-length': String(body.length) } };
}
