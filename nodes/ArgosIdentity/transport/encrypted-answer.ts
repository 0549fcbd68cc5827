import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import { redact, secretValues } from '../../shared/http/redact';
import { ServiceError } from '../../shared/http/service-error';
import type { ServiceContext } from '../../shared/http/service-request';
import { decryptArgosJson, decryptionMismatch, encryptionSettings, isEncryptedBody, MODULE_NAMES, type EncryptionSettings } from './encryption';
import { ARGOS_SECRET_FIELDS } from './index';

const WHERE = "the Argos dashboard's Security Settings → Data Protection";

/** The credential's Secure Data Transmission settings, with the secrets to hide in what a decrypted answer reveals. */
export async function argosEncryption(ctx: ServiceContext): Promise<EncryptionSettings> {
	const credentials = await ctx.getCredentials('argosIdentityApi');
	return { ...encryptionSettings(credentials), secrets: secretValues(credentials, ARGOS_SECRET_FIELDS) };
}

/** The error for a ciphertext the credential cannot open, naming the credential field to change. */
function undecryptable(node: INode, settings: EncryptionSettings, cipherText: string, itemIndex: number | undefined, what: string): NodeOperationError {
	const mismatch = decryptionMismatch(cipherText, settings);
	if (mismatch.wrong === 'module') {
		return new NodeOperationError(
			node,
			`${what} is encrypted with ${MODULE_NAMES[mismatch.actual]}, but the credential's Encryption Module is ${MODULE_NAMES[settings.module]}`,
			{
				itemIndex,
				description: `Set the Argos Identity credential's Encryption Module to ${MODULE_NAMES[mismatch.actual]}, the module chosen in ${WHERE}.`,
			},
		);
	}
	return new NodeOperationError(node, `${what} is encrypted, and the credential's keys do not decrypt it`, {
		itemIndex,
		description: `The project's Secure Data Transmission is on. Argos encrypts with the project's API key, or with the dedicated secretKey when one was issued: put that key in the credential's Encryption Secret Key, and check its Encryption Module (now ${MODULE_NAMES[settings.module]}) against ${WHERE}.`,
	});
}

/**
 * The body as JSON: decrypted when Argos sent it encrypted ({"data": "…"}), as is otherwise. The request path
 * redacted the ciphertext, which hides nothing: the decrypted answer is redacted here.
 */
export function openAnswer(
	node: INode,
	settings: EncryptionSettings,
	body: unknown,
	itemIndex: number | undefined,
	what = "Argos Identity's answer",
): IDataObject {
	if (!isEncryptedBody(body)) return body as IDataObject;
	const decrypted = decryptArgosJson(body.data, settings.keys, settings.module);
	if (!decrypted) throw undecryptable(node, settings, body.data, itemIndex, what);
	return redact(decrypted as IDataObject, settings.secrets ?? []);
}

/**
 * Argos's refusal of a request it could not decrypt ([PATCH-SUB] "Decryption is Failed. Please check the
 * api-key.") as an error naming the credential field to change; any other error is returned as is.
 */
export function explainRefusal(node: INode, settings: EncryptionSettings, error: unknown, itemIndex: number | undefined): unknown {
	if (!(error instanceof ServiceError) || error.status !== 400 || !/decrypt/i.test(error.serviceMessage)) return error;
	const argosSaid = `Argos answered (HTTP ${error.status}): ${error.serviceMessage}`;
	if (!settings.on) {
		return new NodeOperationError(node, 'Argos Identity expects this request encrypted (Secure Data Transmission), and the credential sends it plain', {
			itemIndex,
			description: `Turn on Secure Data Transmission in the Argos Identity credential and choose the Encryption Module set in ${WHERE}. ${argosSaid}`,
		});
	}
	return new NodeOperationError(node, `Argos Identity could not decrypt the request the credential encrypted with ${MODULE_NAMES[settings.module]}`, {
		itemIndex,
		description: `Check the credential's Encryption Module against ${WHERE}, and its Encryption Secret Key (empty: the API key is used). ${argosSaid}`,
	});
}
