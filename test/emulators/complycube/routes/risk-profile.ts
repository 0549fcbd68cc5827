import { SCREENING_TYPES } from '../constants';
import { notFound, ok } from '../errors';
import type { Route } from './types';

export const riskProfileRoutes: Route = (context, request, [collection, id, action, ...rest]) => {
	// [Node SDK index.js RiskProfiles.get] GET /clients/{id}/riskProfile
	if (collection !== 'clients' || !id || action !== 'riskProfile' || rest.length || request.method !== 'GET') return undefined;
	const client = context.store.clients.get(id);
	if (!client) return notFound('client', id);
	const checks = [...context.store.checks.values()].filter((check) => check.clientId === id);
	const screening = checks.filter((check) => SCREENING_TYPES.has(check.type) && check.status === 'complete').at(-1);
	// inferred: the watchlist risk follows the latest screening outcome; the other factors default to low.
	const watchlist = !screening ? 'low' : screening.result?.outcome === 'clear' ? 'low' : 'high';
	const details = (client.personDetails ?? {}) as Record<string, unknown>;
	const companyDetails = (client.companyDetails ?? {}) as Record<string, unknown>;
	const country = (details.nationality ?? companyDetails.incorporationCountry ?? null) as string | null;
	// [Node SDK RiskProfile.d.ts; PHP RiskProfileTest testGetRiskProfile] overall, countryRisk, politicalExposureRisk, occupationRisk, watchlistRisk are all present.
	return ok({
		overall: watchlist === 'high' ? 'high' : 'low',
		...(screening ? { checkId: screening.id } : {}),
		countryRisk: { risk: 'low', country, breakdown: null },
		politicalExposureRisk: { risk: watchlist === 'high' ? 'high' : 'low', checkId: screening?.id ?? null },
		occupationRisk: { risk: 'low', checkId: null, occupationCategory: null, occupationTitle: null },
		watchlistRisk: { risk: watchlist, checkId: screening?.id ?? null },
		updatedAt: String(client.updatedAt),
	});
};
