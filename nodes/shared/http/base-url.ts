import { InputRefusal } from '../parameters/input-refusal';

/**
 * The credential's Base URL without trailing slashes, checked before anything is sent: a URL without
 * http:// or https:// would otherwise fail as a "network error" that suggests the upload may have arrived.
 */
export function checkedBaseUrl(raw: unknown, service: string): string {
	const text = String(raw ?? '').trim().replace(/\/+$/, '');
	const fix = `Open the ${service} credential and set Base URL to the service's address with its scheme, e.g. https://host/path.`;
	if (!/^https?:\/\//i.test(text)) {
		const shown = text ? `'${text.length > 80 ? `${text.slice(0, 80)}…` : text}'` : 'empty';
		throw new InputRefusal('Base URL must start with http:// or https://', `The credential's Base URL is ${shown}. ${fix}`);
	}
	const url = parsed(text);
	if (!url) throw new InputRefusal(`Base URL '${text}' is not a valid URL`, fix);
	if (url.username || url.password) {
		// Never echoed: the part before @ is a password.
		throw new InputRefusal(
			'Base URL must not contain a user name or password',
			`Remove the part before '@' from the credential's Base URL; the node authenticates with the credential's own key or token.`,
		);
	}
	if (url.search || url.hash) {
		throw new InputRefusal(`Base URL '${text}' must not contain '?' or '#'`, `${fix} Without a query string or fragment.`);
	}
	return text;
}

function parsed(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}
