import type { Context } from '../context';
import { deleted, notFound, notJson, ok, parseJson } from '../errors';
import { listAnswer } from '../lists';
import type { Route } from './types';

// [Node SDK LiveVideos.list(clientId); PHP LiveVideoTest testListLiveVideo]
const LIVE_VIDEO_FILTERS = ['clientId'];

export const liveVideoRoutes: Route = (context, request, [collection, id, ...rest]) => {
	if (collection !== 'liveVideos' || rest.length) return undefined;
	const { method } = request;
	// [Node SDK index.js LiveVideos] get GET /liveVideos/{id}, delete DELETE /liveVideos/{id}, list GET /liveVideos?clientId=.
	// The recording itself only arrives through ComplyCube's SDKs; tests seed one with emulator.addLiveVideo(clientId).
	if (method === 'GET' && !id) return listAnswer(context.store.liveVideos.values(), request.query, LIVE_VIDEO_FILTERS);
	// [PHP LiveVideoTest testCreateLiveVideo] a raw POST /liveVideos {clientId} answers {id, clientId, language, challenges[]}:
	// the challenge session a video is then recorded against (not in the Node SDK or the API reference).
	if (method === 'POST' && !id) return createLiveVideo(context, parseJson(request.body));
	if (!id) return undefined;
	const video = context.store.liveVideos.get(id);
	if (method === 'GET') return video ? ok(video) : notFound('live video', id);
	if (method === 'DELETE') {
		// [PHP LiveVideoTest testDeleteLivePhoto (sic): delete, then GET is refused]
		if (!video) return notFound('live video', id);
		context.store.liveVideos.delete(id);
		return deleted();
	}
	return undefined;
};

function createLiveVideo(context: Context, body: Record<string, unknown> | undefined) {
	if (!body) return notJson();
	if (typeof body.clientId !== 'string' || !context.store.clients.has(body.clientId)) return notFound('client', body.clientId, 'clientId');
	const id = context.store.addLiveVideo(body.clientId);
	return ok(context.store.liveVideos.get(id)!);
}
