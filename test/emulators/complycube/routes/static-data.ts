import { DOCUMENT_TYPES } from '../constants';
import { ok } from '../errors';
import type { Route } from './types';

// [Docs static-data/screening-lists example response (starts "African Development Bank Group (AFDB)"), alphabetical]
// A short stand-in: the real list names 3,000+ sources and changes in real time.
export const SCREENING_LISTS = [
	'African Development Bank Group (AFDB)',
	'EU Consolidated List',
	'HM Treasury Consolidated List (UK)',
	'INTERPOL Red Notices',
	'OFAC Specially Designated Nationals (US)',
	'UN Security Council Consolidated List',
];

/** GET /static/screeningLists, /static/supportedDocuments [Node SDK 1.1.13 Static.d.ts: each `Promise<string[]>`]. */
export const staticDataRoutes: Route = (_context, request, [collection, name, ...rest]) => {
	if (collection !== 'static' || request.method !== 'GET' || rest.length) return undefined;
	if (name === 'screeningLists') return ok(SCREENING_LISTS);
	// inferred: the document types the API takes (the page's answer was not read; the SDK types it string[]).
	if (name === 'supportedDocuments') return ok([...DOCUMENT_TYPES].sort());
	return undefined;
};
