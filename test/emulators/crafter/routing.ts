import { API_PREFIX, CONTEXT_PATH } from './constants';

export interface Route<Name extends string = string> {
	name: Name;
	method: 'GET' | 'POST';
	/** Spring pattern below /api/1/profile (ProfileConstants.URL_PROFILE_*). */
	pattern: string;
}

export type Lookup<Name extends string> =
	{ kind: 'found'; route: Route<Name>; vars: Record<string, string> } | { kind: 'wrong-method'; allowed: string[] } | { kind: 'none' };

function segmentRegex(segment: string): RegExp {
	const source = segment.replace(/\{(\w+)\}|(\*)|([^{*]+)/g, (_, variable?: string, star?: string, literal?: string) => {
		if (variable) return `(?<${variable}>.*)`;
		if (star) return '.*';
		return (literal ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	});
	return new RegExp(`^${source}$`, 's');
}

/** AntPathMatcher.match: same segment count, each segment matched, and both end with "/" or neither. */
function antMatch(pattern: string, path: string): Record<string, string> | undefined {
	const patternTokens = pattern.split('/').filter(Boolean);
	const pathTokens = path.split('/').filter(Boolean);
	if (patternTokens.length !== pathTokens.length) return undefined;
	if (pattern.endsWith('/') !== path.endsWith('/')) return undefined;
	const vars: Record<string, string> = {};
	for (const [index, token] of patternTokens.entries()) {
		const match = segmentRegex(token).exec(pathTokens[index]);
		if (!match) return undefined;
		Object.assign(vars, match.groups);
	}
	return vars;
}

/** Spring MVC with suffix-pattern matching: "{pattern}.*" first (so a.jpg binds "a"), then exact, then "/". */
function springMatch(pattern: string, path: string): Record<string, string> | undefined {
	const suffixed = pattern.includes('.') ? undefined : antMatch(`${pattern}.*`, path);
	return suffixed ?? antMatch(pattern, path) ?? (pattern.endsWith('/') ? undefined : antMatch(`${pattern}/`, path));
}

function decodePath(path: string): string | undefined {
	try {
		return path
			.split('/')
			.map((segment) => decodeURIComponent(segment))
			.join('/');
	} catch {
		return undefined;
	}
}

/**
 * The handler Spring picks. Routes are listed literal patterns first: among mappings of the same method Spring
 * prefers the one with fewer URI variables, so "/count" wins over "/{id}".
 */
export function lookupRoute<Name extends string>(routes: Array<Route<Name>>, method: string, requestPath: string): Lookup<Name> {
	if (!requestPath.startsWith(`${CONTEXT_PATH}${API_PREFIX}/`)) return { kind: 'none' };
	const path = decodePath(requestPath.slice(CONTEXT_PATH.length + API_PREFIX.length));
	if (path === undefined) return { kind: 'none' };
	const effective = method === 'HEAD' ? 'GET' : method;
	const matches = routes.flatMap((route) => {
		const vars = springMatch(route.pattern, path);
		return vars ? [{ route, vars }] : [];
	});
	const found = matches.find(({ route }) => route.method === effective);
	if (found) return { kind: 'found', ...found };
	if (matches.length === 0) return { kind: 'none' };
	return { kind: 'wrong-method', allowed: [...new Set(matches.map(({ route }) => route.method))] };
}

export function optionsAllow(methods: string[]): string {
	const allowed = methods.includes('GET') ? [...methods, 'HEAD'] : [...methods];
	return [...allowed, 'OPTIONS'].join(',');
}
