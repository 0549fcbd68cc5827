/** [QS-TOKEN] "Base Form URL: https://form.argosidentity.com/?pid={project_Id}". */
export const LIVEFORM_URL = 'https://form.argosidentity.com/';

export interface LiveformLink {
	/** The Liveform page (LIVEFORM_URL unless a proxy or a local emulator serves it). */
	base: string;
	projectId: string;
	/** Sent as they are, URL-encoded. */
	plain: Array<[string, string]>;
	/** Sent inside `encrypted=`: the JSON of these values, encrypted. */
	encrypted: Array<[string, string]>;
	/** [DATA-PROTECTION] lang is never encrypted (nor is pid). */
	lang?: string;
}

/**
 * The link: pid first, then the plain options, then `encrypted` (the encrypted JSON of the encrypted-only
 * options, [QS-TOKEN] e.g. {"allowedCountries": "USA,KOR"}), then lang. "All Query String values must be
 * URL-encoded" [QS-TOKEN]: each is, with %20 for a space.
 */
export function liveformUrl(link: LiveformLink, encrypt: (value: Record<string, string>) => string): string {
	const query: Array<[string, string]> = [['pid', link.projectId], ...link.plain];
	if (link.encrypted.length) query.push(['encrypted', encrypt(Object.fromEntries(link.encrypted))]);
	if (link.lang) query.push(['lang', link.lang]);
	const base = link.base.includes('?') ? `${link.base}&` : `${link.base}?`;
	return base + query.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
}
