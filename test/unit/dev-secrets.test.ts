import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// n8n's own rule for an owner's password (n8n-core's dependency, what /rest/owner/setup validates with).
import { passwordSchema } from '@n8n/api-types';

import { DEV_SECRETS_FILE, devSecrets } from '../../scripts/dev-secrets';

let folders: string[] = [];
const userFolder = () => {
	const folder = mkdtempSync(path.join(tmpdir(), 'identity-uploads-dev-secrets-'));
	folders.push(folder);
	return folder;
};
afterEach(() => {
	for (const folder of folders) rmSync(folder, { recursive: true, force: true });
	folders = [];
});

const mode = (file: string) => statSync(file).mode & 0o777;

test('the first run in a user folder generates both secrets and saves them there, readable by the user only', () => {
	const folder = userFolder();
	const { secrets, file, created } = devSecrets(folder);
	expect(created).toBe(true);
	expect(file).toBe(path.join(folder, DEV_SECRETS_FILE));
	expect(mode(file)).toBe(0o600);
	expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(secrets);
	expect(passwordSchema.safeParse(secrets.ownerPassword)).toMatchObject({ success: true });
	expect(secrets.ownerPassword).not.toBe('Identity-Uploads-1');
	expect(secrets.encryptionKey.length).toBeGreaterThanOrEqual(40);
});

test('the next run in the same folder reuses them; another folder gets its own', () => {
	const folder = userFolder();
	const first = devSecrets(folder).secrets;
	expect(devSecrets(folder)).toMatchObject({ secrets: first, created: false });
	const other = devSecrets(userFolder()).secrets;
	expect(other.ownerPassword).not.toBe(first.ownerPassword);
	expect(other.encryptionKey).not.toBe(first.encryptionKey);
});

test('a saved file others could read is put back to 0600 when reused', () => {
	const folder = userFolder();
	const { file } = devSecrets(folder);
	chmodSync(file, 0o644);
	devSecrets(folder);
	expect(mode(file)).toBe(0o600);
});

test('a damaged file is named, with what to do, rather than replaced by new secrets', () => {
	const folder = userFolder();
	const file = path.join(folder, DEV_SECRETS_FILE);
	writeFileSync(file, JSON.stringify({ ownerPassword: 'x' }), { mode: 0o600 });
	expect(() => devSecrets(folder)).toThrow(`${file} lacks ownerPassword or encryptionKey: delete it, or the whole user folder, and run npm run dev again`);
});
