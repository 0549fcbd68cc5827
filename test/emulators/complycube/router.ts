import type { EmulatorRequest, EmulatorResponse } from '../emulator-server';
import type { Gate } from './auth-and-rate-limit';
import { COMPLYCUBE_MAX_REQUEST_BYTES } from './constants';
import type { Context } from './context';
import { apiError, tooLarge } from './errors';
import { accountRoutes } from './routes/account';
import { addressLookupRoutes } from './routes/address-lookup';
import { addressRoutes } from './routes/addresses';
import { checkRoutes } from './routes/checks';
import { clientRoutes } from './routes/clients';
import { companyLookupRoutes } from './routes/company-lookup';
import { customListRoutes } from './routes/custom-lists';
import { documentRoutes } from './routes/documents';
import { flowSessionRoutes } from './routes/flow-sessions';
import { hostedFlow } from './routes/hosted-flow';
import { livePhotoRoutes } from './routes/live-photos';
import { liveVideoRoutes } from './routes/live-videos';
import { redactionRoutes } from './routes/redactions';
import { reportContent, reportRoutes } from './routes/reports';
import { riskProfileRoutes } from './routes/risk-profile';
import { staticDataRoutes } from './routes/static-data';
import type { Route } from './routes/types';
import { webhookRoutes } from './routes/webhooks';
import { workflowSessionRoutes } from './routes/workflow-sessions';

const API_ROUTES: Route[] = [
	redactionRoutes,
	riskProfileRoutes,
	clientRoutes,
	documentRoutes,
	livePhotoRoutes,
	liveVideoRoutes,
	addressRoutes,
	checkRoutes,
	webhookRoutes,
	flowSessionRoutes,
	workflowSessionRoutes,
	reportRoutes,
	companyLookupRoutes,
	addressLookupRoutes,
	customListRoutes,
	accountRoutes,
	staticDataRoutes,
];

function decodeSegments(path: string): string[] | undefined {
	try {
		return path.split('/').slice(1).map(decodeURIComponent);
	} catch {
		return undefined;
	}
}

export function route(context: Context, gate: Gate, request: EmulatorRequest): EmulatorResponse {
	// [apis.md] the official SDK adds a trailing slash (/v1/livePhotos/): both forms are accepted.
	const path = request.path.replace(/\/+$/, '');
	// Outside /v1 (no API key): the hosted page and report downloads, both reached through links the API handed out.
	const pagePath = /^\/flow\/([^/]+)$/.exec(path);
	if (pagePath) return hostedFlow(context, request, pagePath[1]);
	const contentPath = /^\/reports\/content\/([^/]+)$/.exec(path);
	if (contentPath && request.method === 'GET') return reportContent(context, contentPath[1]);
	if (request.body.length > COMPLYCUBE_MAX_REQUEST_BYTES) return tooLarge();
	const refusal = gate.check(request.headers.authorization);
	if (refusal) return refusal;
	const segments = path.startsWith('/v1/') ? decodeSegments(path.slice('/v1'.length)) : undefined;
	if (!segments) return apiError(404, 'resource_not_found', `Unknown path '${request.path}'`);
	for (const candidate of API_ROUTES) {
		const answer = candidate(context, request, segments);
		if (answer) return answer;
	}
	// inferred: an unknown endpoint answers 404 resource_not_found.
	return apiError(404, 'resource_not_found', `Unknown endpoint ${request.method} /v1/${segments.join('/')}`);
}
