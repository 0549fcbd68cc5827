import type { EmulatorRequest, EmulatorResponse } from '../../emulator-server';
import { INVALID_IMAGE_TYPE, INVALID_SUBMISSION, MISSING_DATA } from '../errors';
import type { ArgosState } from '../store';
import { imageTypeOf, isSlot } from './put-image';

/**
 * GET /v3/image?submission_id=&type= [GET-IMG]: "the API returns the requested image file directly" (raw
 * bytes; the Content-Type is inferred from the bytes). "If the requested image type does not exist in the
 * submission, an error may be returned": here an unknown submission and an empty slot both answer 400
 * invalid_submission (inferred, as PUT /submission/image answers an unknown submission).
 */
export function getImage(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const id = request.query.get('submission_id');
	const type = request.query.get('type');
	if (!id || !type) return MISSING_DATA;
	if (!isSlot(type)) return INVALID_IMAGE_TYPE;
	const bytes = state.submissions.get(id)?.images[type];
	if (!bytes) return INVALID_SUBMISSION;
	return { status: 200, body: bytes, headers: { 'content-type': imageTypeOf(bytes) ?? 'application/octet-stream' } };
}
