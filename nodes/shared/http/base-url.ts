import { InputRefusal } from '../parameters/input-refusal';

/**
 * The credential's Base URL without trailing slashes, checked before anything is sent: a URL without
 * http:// or https:// would otherwise fail as a "network error" that suggests the upload may have arrived.
 * An http:// URL to another machine is refused unless the credential's Allow Unencrypted HTTP is on: the key
 * or token would cross the network in clear text.
 */
export function checkedBaseUrl(raw: unknown, service: string, allowUnencryptedHttp = false): string {
	const text = String(raw ?? '')
		.trim()
		.replace(/\/+$/, '');
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
	if (url.protocol === 'http:' && !allowUnencryptedHttp && !isLoopback(url.hostname)) {
		throw new InputRefusal(
			`Base URL '${text}' uses http:// to ${url.hostname}, so the credential's key would travel in clear text`,
			`Open the ${service} credential and change Base URL to the https:// address of the service. Only if the server has no https:// address and the network between n8n and ${url.hostname} is one you trust, turn on Allow Unencrypted HTTP in the credential.`,
		);
	}
	return text;
}

/** This machine: localhost, 127.0.0.0/8 or ::1 (also as an IPv4-mapped address). URL has normalised the host already. */
export function isLoopback(hostname: string): boolean {
	const host = hostname
		.toLowerCase()
		.replace(/^\[|\]$/g, '')
		.replace(/\.$/, '');
	return (
		host === 'localhost' ||
		/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
		host === '::1' ||
		/^::ffff:(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|7f[0-9a-f]{2}:[0-9a-f]{1,4})$/.test(host)
	);
}

function parsed(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}
