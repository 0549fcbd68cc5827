import { checkEventPayload, startCheck } from '../check-runner';
import { newId, now } from '../clock';
import {
	CHECK_TYPES,
	NEEDS_ADDRESS,
	NEEDS_DOCUMENT,
	NEEDS_FRONT_IMAGE,
	NEEDS_LIVE_PHOTO,
	NEEDS_LIVE_VIDEO,
	PERSON_ONLY,
	READS_DOCUMENT_IMAGES,
	SCREENING_TYPES,
	TAKES_ADDRESS,
	TWO_SIDED_TYPES,
} from '../constants';
import type { Context } from '../context';
import { apiError, invalid, notFound, notJson, ok, parseJson } from '../errors';
import { auditEntry } from '../account';
import { emit } from '../event-delivery';
import { listAnswer } from '../lists';
import { entityNameOf, type ComplyCubeCheck } from '../store';
import type { Route } from './types';

// [PHP CheckTest testFilterExtensiveChecksOnly; Node SDK Checks.list(clientId)] inferred beyond clientId and type.
// [Docs v1.7.3 checks/filtering-checks] (v1.7.2 lacks addressId and liveVideoId).
const CHECK_FILTERS = ['clientId', 'type', 'status', 'documentId', 'addressId', 'livePhotoId', 'liveVideoId', 'result.outcome'];

export const checkRoutes: Route = (context, request, [collection, id, action, ...rest]) => {
	if (collection !== 'checks' || rest.length) return undefined;
	const { method } = request;
	// [Node SDK index.js Checks] create POST /checks, get GET /checks/{id}, update POST /checks/{id}, validate POST /checks/{id}/validate, list GET /checks.
	if (method === 'POST' && !id) return createCheck(context, parseJson(request.body));
	if (method === 'GET' && !id) return listAnswer(context.store.checks.values(), request.query, CHECK_FILTERS);
	if (!id) return undefined;
	const check = context.store.checks.get(id);
	if (method === 'GET' && !action) return check ? ok(check) : notFound('check', id);
	if (method === 'POST' && !action) return check ? updateCheck(context, check, parseJson(request.body)) : notFound('check', id);
	if (method === 'POST' && action === 'validate') return check ? validateCheck(context, check, parseJson(request.body)) : notFound('check', id);
	return undefined;
};

/** Validates a check request; on success answers the stored pending check. Shared with the hosted page. */
export function createCheck(context: Context, body: Record<string, unknown> | undefined, extra: Partial<ComplyCubeCheck> = {}) {
	if (!body) return notJson();
	const { store } = context;
	// Order (inferred): client, type, client kind, then the per-type resources (document, live photo, live video, address).
	if (typeof body.clientId !== 'string' || !store.clients.has(body.clientId)) return notFound('client', body.clientId, 'clientId');
	const client = store.clients.get(body.clientId)!;
	// [PHP CheckTest testCreateInvalidCheck] an unknown type is refused (4xx).
	if (typeof body.type !== 'string') return invalid('"type" is required', 'type');
	if (!(CHECK_TYPES as readonly string[]).includes(body.type)) return invalid(`"type" must be one of [${CHECK_TYPES.join(', ')}]`, 'type');
	const type = body.type;
	// [Docs check-types/{identity-check, enhanced-identity-check, proof-of-address-check, multi-bureau-check, driving-license-check}]
	// "can only be performed on a client of type person" (the 400 body is inferred).
	if (PERSON_ONLY.has(type) && client.type === 'company') return invalid(`A ${type} can only be performed on a client of type person`, 'clientId');
	// [Docs checks/create-a-check; check-types/*] documentId for document_check, identity_check, enhanced_identity_check,
	// proof_of_address_check, driving_license_check.
	let documentType: string | undefined;
	if (NEEDS_DOCUMENT.has(type)) {
		const document = typeof body.documentId === 'string' ? store.documents.get(body.documentId) : undefined;
		if (!document) return notFound('document', body.documentId, 'documentId');
		documentType = document.type;
		if (READS_DOCUMENT_IMAGES.has(type)) {
			const images = Object.values(document.images);
			// [Docs errors "Processing Errors"] 422 unsupported_document_format: the attachment format is not supported for the check.
			if (images.some((image) => image?.contentType === 'application/pdf')) {
				return apiError(422, 'unsupported_document_format', 'The document attachment format is not supported for this check.');
			}
			// [Docs errors "Processing Errors"] 422 two_sides_expected: only one side of a two-sided document type was provided.
			if (TWO_SIDED_TYPES.has(document.type) && images.length < 2) {
				return apiError(422, 'two_sides_expected', 'Both sides of the document are expected for this check.');
			}
			// inferred: a check on a document with no image at all is a processing error too.
			if (images.length === 0) return apiError(422, 'document_image_missing', 'The document has no image attachment.');
		}
		// [Docs check-types/proof-of-address-check "must have associated image attachments ... We will use the front side"]
		if (NEEDS_FRONT_IMAGE.has(type) && !document.images.front) {
			return apiError(422, 'document_image_missing', 'The document has no front image attachment.');
		}
		// [Docs check-types/driving-license-check "It must be of type driving_license"] (the 400 body is inferred).
		if (type === 'driving_license_check' && document.type !== 'driving_license') {
			return invalid('A driving_license_check needs a document of type driving_license', 'documentId');
		}
		// [Docs check-types/driving-license-check "The provided document ... must include a valid documentNumber"] (400 body inferred).
		if (type === 'driving_license_check' && !document.documentNumber) {
			return invalid('The document must include a valid documentNumber for a driving_license_check', 'documentId');
		}
	}
	// [Docs checks/create-a-check] livePhotoId for identity_check, age_estimation_check, face_authentication_check.
	if (NEEDS_LIVE_PHOTO.has(type) && !(typeof body.livePhotoId === 'string' && store.livePhotos.has(body.livePhotoId))) {
		return notFound('live photo', body.livePhotoId, 'livePhotoId');
	}
	// [Docs check-types/enhanced-identity-check "liveVideoId (Required)"]
	if (NEEDS_LIVE_VIDEO.has(type) && !(typeof body.liveVideoId === 'string' && store.liveVideos.has(body.liveVideoId))) {
		return notFound('live video', body.liveVideoId, 'liveVideoId');
	}
	// [Docs check-types/multi-bureau-check and identity-fraud-check "addressId (Required)"]; for a proof_of_address_check the
	// PHP sandbox test sends one too, so there it is optional but must exist when given (inferred).
	const addressGiven = body.addressId !== undefined && body.addressId !== null;
	if ((NEEDS_ADDRESS.has(type) || (TAKES_ADDRESS.has(type) && addressGiven)) && !(typeof body.addressId === 'string' && store.addresses.has(body.addressId))) {
		return notFound('address', body.addressId, 'addressId');
	}
	if (SCREENING_TYPES.has(type)) {
		// [Docs AML screening guide] a person needs a first and last name (date of birth recommended, not required); a company its name.
		if (!entityNameOf(client) || (client.type === 'person' && !hasNames(client))) {
			return invalid('The client must have personDetails.firstName and personDetails.lastName (or companyDetails.name) for a screening check', 'clientId');
		}
	}
	if (body.enableMonitoring !== undefined && typeof body.enableMonitoring !== 'boolean')
		return invalid('"enableMonitoring" must be a boolean', 'enableMonitoring');
	const optionsProblem = optionsRefusal(type, body.options);
	if (optionsProblem) return optionsProblem;
	// [Docs errors 402 "payment due (credit-based plans only)"; Docs account-info remainingCredit] body text inferred.
	const { account } = store;
	if (account.remainingCredit !== undefined && account.remainingCredit <= 0) {
		return apiError(402, 'payment_required', 'Your account has no remaining credit. Top up your credit to run checks.');
	}
	const createdAt = now();
	// [Docs checks/create-a-check example response] {id, clientId, entityName, type, status: "pending", enableMonitoring, createdAt, updatedAt}
	const check: ComplyCubeCheck = {
		id: newId(),
		clientId: body.clientId,
		entityName: entityNameOf(client),
		type,
		status: 'pending',
		enableMonitoring: body.enableMonitoring === true,
		...(typeof body.documentId === 'string' && NEEDS_DOCUMENT.has(type) ? { documentId: body.documentId } : {}),
		...(typeof body.livePhotoId === 'string' && NEEDS_LIVE_PHOTO.has(type) ? { livePhotoId: body.livePhotoId } : {}),
		...(typeof body.liveVideoId === 'string' && NEEDS_LIVE_VIDEO.has(type) ? { liveVideoId: body.liveVideoId } : {}),
		...(typeof body.addressId === 'string' && TAKES_ADDRESS.has(type) ? { addressId: body.addressId } : {}),
		...(body.options && typeof body.options === 'object' ? { options: body.options as Record<string, unknown> } : {}),
		...(typeof body.clientConsent === 'boolean' ? { clientConsent: body.clientConsent } : {}),
		...extra,
		createdAt,
		updatedAt: createdAt,
	};
	if (documentType) Object.defineProperty(check, 'documentType', { value: documentType, enumerable: false, writable: true });
	if (account.remainingCredit !== undefined) account.remainingCredit -= 1;
	store.auditLogs.push(
		auditEntry({
			resourceType: 'check',
			resourceId: check.id,
			clientId: check.clientId,
			trigger: 'createCheck',
			action: 'create',
			memberId: body.lastActionBy,
		}),
	);
	startCheck(context, check);
	return ok(check);
}

// [Docs check-types/aml-screening-check "The options object"] the classifications a screening check takes.
const SCREENING_CLASSIFICATIONS = new Set([
	'pepLevel1',
	'pepLevel2',
	'pepLevel3',
	'pepLevel4',
	'watchlistSanctionsLists',
	'watchlistOtherOfficialLists',
	'watchlistWarCrimes',
	'watchlistTerror',
	'watchlistOtherExclusionLists',
	'watchlistSanctionsControlAndOwnership',
	'adverseMediaEnvironmentProduction',
	'adverseMediaSocialLabour',
	'adverseMediaCompetitiveFinancial',
	'adverseMediaRegulatory',
	'otherListsAssociatedEntity',
	'otherListsOrganisedCrime',
	'otherListsFinancialCrime',
	'otherListsTaxCrime',
	'otherListsCorruption',
	'otherListsTrafficking',
]);
const isPlainObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** The documented options of a check type, checked (each 400 body inferred); other types' options are stored as sent. */
function optionsRefusal(type: string, options: unknown) {
	if (options === undefined || options === null) return undefined;
	if (!isPlainObject(options)) return invalid('"options" must be an object', 'options');
	if (SCREENING_TYPES.has(type)) {
		// [Docs aml-screening-check] screeningNameSearchMode: fuzzy | precise.
		const mode = options.screeningNameSearchMode;
		if (mode !== undefined && mode !== 'fuzzy' && mode !== 'precise')
			return invalid('"options.screeningNameSearchMode" must be one of [fuzzy, precise]', 'options.screeningNameSearchMode');
		// [Docs aml-screening-check] screeningClassification: array[string] of the listed values.
		const classes = options.screeningClassification;
		if (classes !== undefined && !(Array.isArray(classes) && classes.every((value) => SCREENING_CLASSIFICATIONS.has(value as string)))) {
			return invalid(
				`"options.screeningClassification" items must be one of [${[...SCREENING_CLASSIFICATIONS].join(', ')}]`,
				'options.screeningClassification',
			);
		}
		// [Docs aml-screening-check] screeningListsScope: an object (its attributes are not in the excerpt read: only the type is checked).
		if (options.screeningListsScope !== undefined && !isPlainObject(options.screeningListsScope)) {
			return invalid('"options.screeningListsScope" must be an object', 'options.screeningListsScope');
		}
	}
	// [Docs check-types/multi-bureau-check] options.twoPlusTwo: boolean.
	if (type === 'multi_bureau_check' && options.twoPlusTwo !== undefined && typeof options.twoPlusTwo !== 'boolean') {
		return invalid('"options.twoPlusTwo" must be a boolean', 'options.twoPlusTwo');
	}
	return undefined;
}

const hasNames = (client: Record<string, unknown>) => {
	const details = (client.personDetails ?? {}) as Record<string, unknown>;
	return typeof details.firstName === 'string' && !!details.firstName && typeof details.lastName === 'string' && !!details.lastName;
};

function updateCheck(context: Context, check: ComplyCubeCheck, body: Record<string, unknown> | undefined) {
	if (!body) return notJson();
	// [PHP CheckTest testUpdateCheck; Node SDK CheckRequest] enableMonitoring (and consent) can change.
	if (body.enableMonitoring !== undefined && typeof body.enableMonitoring !== 'boolean')
		return invalid('"enableMonitoring" must be a boolean', 'enableMonitoring');
	if (body.clientConsent !== undefined && typeof body.clientConsent !== 'boolean') return invalid('"clientConsent" must be a boolean', 'clientConsent');
	if (typeof body.enableMonitoring === 'boolean') check.enableMonitoring = body.enableMonitoring;
	if (typeof body.clientConsent === 'boolean') check.clientConsent = body.clientConsent;
	check.updatedAt = now();
	context.store.auditLogs.push(
		auditEntry({
			resourceType: 'check',
			resourceId: check.id,
			clientId: check.clientId,
			trigger: 'updateCheck',
			action: 'update',
			memberId: body.lastActionBy,
		}),
	);
	// [Docs webhooks Event Types] check.updated
	emit(context, 'check.updated', 'check', checkEventPayload(check));
	return ok(check);
}

function validateCheck(context: Context, check: ComplyCubeCheck, body: Record<string, unknown> | undefined) {
	if (!body) return notJson();
	// [Docs checks/validate-a-check] outcome*: confirmed | rejected | attention.
	if (body.outcome !== 'confirmed' && body.outcome !== 'rejected' && body.outcome !== 'attention') {
		return invalid('"outcome" must be one of [confirmed, rejected, attention]', 'outcome');
	}
	// [Docs checks/validate-a-check] userSuppliedData (document_check): an object (its attributes not read: only the type is checked).
	if (body.userSuppliedData !== undefined && !isPlainObject(body.userSuppliedData)) return invalid('"userSuppliedData" must be an object', 'userSuppliedData');
	// inferred: only a completed check can be validated.
	if (check.status !== 'complete' || !check.result) return apiError(422, 'check_not_complete', 'The check is not complete yet.');
	let outcome: string;
	if (SCREENING_TYPES.has(check.type)) {
		// [Docs checks/validate-a-check] screening checks validate each match (matchId required): all rejected -> clear, any confirmed -> match_confirmed.
		const matches = (check.result.breakdown.matches ?? []) as Array<Record<string, unknown>>;
		const match = matches.find((candidate) => candidate.id === body.matchId);
		if (typeof body.matchId !== 'string') return invalid('"matchId" is required for screening checks', 'matchId');
		if (!match) return notFound('match', body.matchId, 'matchId');
		match.validated = true;
		match.validation = body.outcome;
		if (matches.some((candidate) => candidate.validation === 'confirmed')) outcome = 'match_confirmed';
		else if (matches.every((candidate) => candidate.validation === 'rejected')) outcome = 'clear';
		else outcome = 'attention';
	} else {
		// [Docs checks/validate-a-check] for other types validation changes the outcome (confirmed -> clear: inferred mapping).
		outcome = body.outcome === 'confirmed' ? 'clear' : String(body.outcome);
	}
	check.result.outcome = outcome;
	check.updatedAt = now();
	emit(context, 'check.updated', 'check', checkEventPayload(check));
	if (outcome === 'match_confirmed') emit(context, 'check.completed.match_confirmed', 'check', checkEventPayload(check));
	// [PHP CheckTest testValidateCheckById asserts $final->outcome; Docs v1.7.2 example {"outcome": "rejected"}] answers the resulting outcome.
	return ok({ outcome });
}
