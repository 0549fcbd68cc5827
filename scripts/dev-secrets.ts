import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `npm run dev`'s n8n owner password and N8N_ENCRYPTION_KEY: random for each user folder, never fixed values. */
export interface DevSecrets {
	ownerPassword: string;
	encryptionKey: string;
}

export const DEV_SECRETS_FILE = 'dev-secrets.json';

/**
 * n8n's owner set-up asks for 8 to 64 characters with at least one number and one capital letter;
 * the fixed `N8n-` prefix gives both, whatever the 120 random bits after it are.
 */
const newPassword = () => `N8n-${randomBytes(15).toString('base64url')}`;
const newEncryptionKey = () => randomBytes(32).toString('base64url');

function read(file: string): DevSecrets {
	const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecrets>;
	if (typeof saved.ownerPassword !== 'string' || !saved.ownerPassword || typeof saved.encryptionKey !== 'string' || !saved.encryptionKey) {
		throw new Error(`${file} lacks ownerPassword or encryptionKey: delete it, or the whole user folder, and run npm run dev again`);
	}
	return { ownerPassword: saved.ownerPassword, encryptionKey: saved.encryptionKey };
}

/**
 * The user folder's secrets: read from `<userFolder>/dev-secrets.json` when it is there (its mode put
 * back to 0600), otherwise generated and saved there with mode 0600, readable by this user only.
 * The encryption key must stay the same for a user folder: n8n refuses to start when it differs
 * from the one its config file in that folder was written with.
 */
export function devSecrets(userFolder: string): { secrets: DevSecrets; file: string; created: boolean } {
	const file = path.join(userFolder, DEV_SECRETS_FILE);
	if (existsSync(file)) {
		chmodSync(file, 0o600);
		return { secrets: read(file), file, created: false };
	}
	const secrets: DevSecrets = { ownerPassword: newPassword(), encryptionKey: newEncryptionKey() };
	// 'wx': never over a file that appeared meanwhile; the mode applies as the file is created (a umask only removes bits).
	writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
	return { secrets, file, created: true };
}
