import { randomUUID } from 'node:crypto';

import { InputRefusal } from '../../../shared/parameters/input-refusal';

/** [POST-TOKEN] "maximum 500 per request"; [DEL-TOKEN] newest copy: "Delete specific tokenId (maximum 500 per request)". */
export const MAX_TOKENS_PER_REQUEST = 500;

/**
 * [POST-TOKEN] Token ID format: 8 to 64 bytes; letters, digits, hyphens, underscores and periods; no spaces;
 * starts and ends with a letter or digit.
 */
const TOKEN_ID = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/** Why Argos would refuse this Token ID, or undefined when it follows the format. */
export function tokenIdProblem(tokenId: string): string | undefined {
	const bytes = Buffer.byteLength(tokenId, 'utf8');
	if (bytes < 8 || bytes > 64) return `is ${bytes} bytes long; Argos takes 8 to 64`;
	if (!TOKEN_ID.test(tokenId))
		return 'may hold only letters, digits, hyphens (-), underscores (_) and periods (.), and must start and end with a letter or digit';
	return undefined;
}

/** Refuses, naming the field, a Token ID Argos would refuse. */
export function assertTokenId(tokenId: string, label: string): void {
	const problem = tokenIdProblem(tokenId);
	if (problem)
		throw new InputRefusal(
			`${label} '${tokenId}' ${problem}`,
			`Set ${label} to a value such as user001a or order-1234-kyc (8 to 64 characters: letters, digits, - _ .).`,
		);
}

/** A fresh Token ID: a random UUID (36 characters, hex digits and hyphens), which fits Argos's format. */
export function freshTokenId(): string {
	return randomUUID();
}

/** A list of Token IDs typed as text: split on commas, spaces or new lines, empty entries and repeats dropped. */
export function tokenIdList(text: string): string[] {
	return [
		...new Set(
			text
				.split(/[\s,]+/)
				.map((token) => token.trim())
				.filter(Boolean),
		),
	];
}
