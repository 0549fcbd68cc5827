import type { IExecuteFunctions } from 'n8n-workflow';

import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { optionalText } from '../../../shared/parameters/parameters';

/**
 * A page address Crafter puts in an e-mail (Create's Verification URL, Reset Password's Reset Password URL).
 * Crafter appends "?tokenId=<token>" (or "&tokenId=…") itself (VerificationServiceImpl.createVerificationUrl),
 * and sends whatever it is given; a link the person cannot open is refused here, before the e-mail goes out.
 */
export function linkUrlOf(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string | undefined {
	const text = optionalText(ctx, name, itemIndex);
	if (text === undefined) return undefined;
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
		throw new InputRefusal(
			`${label} is not a web address`,
			`Set ${label} to the full address of your page that reads the tokenId parameter, e.g. https://shop.example.com/verify; Crafter adds ?tokenId=… to it.`,
		);
	}
	return text;
}
