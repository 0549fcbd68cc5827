/** The Liveform's public address, as the node writes it into links [QS-TOKEN]. */
const LIVEFORM_HOST = 'https://form.argosidentity.com/';

export interface LiveformFiles {
	idType: string;
	idImage: { bytes: Buffer; fileName: string; mimeType: string };
	selfieImage: { bytes: Buffer; fileName: string; mimeType: string };
}

/** A link on form.argosidentity.com, sent to the emulator's Liveform instead (the same page, served locally). */
export const localLiveformUrl = (link: string, liveformUrl: string) => link.replace(LIVEFORM_HOST, liveformUrl);

/**
 * The applicant's browser on the emulator's hosted Liveform: opens the link, then submits the form with an ID
 * and a selfie, as a browser's multipart post. The new submission's ID; an error when the link was refused.
 */
export async function completeLiveform(link: string, liveformUrl: string, files: LiveformFiles): Promise<string> {
	const page = await fetch(localLiveformUrl(link, liveformUrl));
	const text = await page.text();
	const session = /name="session" value="([^"]*)"/.exec(text)?.[1];
	if (page.status !== 200 || session === undefined) throw new Error(`The Liveform refused the link (${page.url}): ${text.replace(/<[^>]+>/g, ' ').trim()}`);
	const form = new FormData();
	form.append('session', session.replace(/&#38;/g, '&'));
	form.append('idType', files.idType);
	for (const slot of ['idImage', 'selfieImage'] as const)
		form.append(slot, new Blob([files[slot].bytes], { type: files[slot].mimeType }), files[slot].fileName);
	const answer = await fetch(new URL('submit', liveformUrl), { method: 'POST', body: form });
	const id = /data-submission-id="([^"]+)"/.exec(await answer.text())?.[1];
	if (!id) throw new Error(`The Liveform did not take the submission (HTTP ${answer.status})`);
	return id;
}
