/**
 * Whether a text is strict base64 (A–Z a–z 0–9 + /, then at most two '='), checked with a loop: V8 can run
 * out of stack matching a regular expression over a multi-megabyte string.
 */
export function isBase64Text(text: string): boolean {
	if (text.length === 0 || text.length % 4 !== 0) return false;
	let padding = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === 61) {
			padding++;
			continue;
		}
		const isDigit = (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 47;
		if (!isDigit || padding > 0) return false;
	}
	return padding <= 2;
}

/** Whether a text is hex pairs, checked with a loop for the same reason. */
export function isHexText(text: string): boolean {
	if (text.length === 0 || text.length % 2 !== 0) return false;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index) | 0x20;
		if (!((code >= 48 && code <= 57) || (code >= 97 && code <= 102))) return false;
	}
	return true;
}
