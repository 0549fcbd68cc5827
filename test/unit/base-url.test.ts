import { ArgosIdentityApi } from '../../credentials/ArgosIdentityApi.credentials';
import { ComplyCubeApi } from '../../credentials/ComplyCubeApi.credentials';
import { CrafterProfileApi } from '../../credentials/CrafterProfileApi.credentials';
import { checkedBaseUrl, isLoopback } from '../../nodes/shared/http/base-url';
import { InputRefusal } from '../../nodes/shared/parameters/input-refusal';

describe('an http:// Base URL to another machine is refused before sending: the key would travel in clear text', () => {
	test.each([
		'http://api.complycube.com/v1',
		'http://10.0.0.5:8080/crafter-profile',
		'http://[2001:db8::1]/v3',
		'http://128.0.0.1/v1',
		'http://localhost.example.com/v1',
		'http://0.0.0.0:8080/x',
	])('%s', (url) => {
		expect(() => checkedBaseUrl(url, 'ComplyCube')).toThrow(InputRefusal);
		try {
			checkedBaseUrl(url, 'ComplyCube');
		} catch (error) {
			const refusal = error as InputRefusal;
			expect(refusal.message).toMatch(/^Base URL '.+' uses http:\/\/ to .+, so the credential's key would travel in clear text$/);
			expect(refusal.description).toContain('change Base URL to the https:// address');
			expect(refusal.description).toContain('turn on Allow Unencrypted HTTP in the credential');
		}
	});

	test('unless the credential allows it', () => {
		expect(checkedBaseUrl('http://crafter.internal:8080/crafter-profile/', 'Crafter Profile', true)).toBe('http://crafter.internal:8080/crafter-profile');
	});

	test.each([
		'http://localhost:8080/crafter-profile',
		'http://127.0.0.1:4010/v1',
		'http://127.1.2.3/v1',
		'http://127.1/v1',
		'http://[::1]:3000/v3',
		'http://LOCALHOST/v1',
		'http://[::ffff:127.0.0.1]/v1',
		'https://api.complycube.com/v1',
	])('%s is sent as it is (this machine, or https://)', (url) => {
		expect(() => checkedBaseUrl(url, 'ComplyCube')).not.toThrow();
	});

	test('loopback hosts as URL gives them', () => {
		expect(['localhost', '127.0.0.1', '127.255.255.254', '[::1]', '::1'].every(isLoopback)).toBe(true);
		expect(['localhost.evil.com', '127.0.0.1.nip.io', '[::2]', '0.0.0.0', '10.0.0.1'].some(isLoopback)).toBe(false);
	});
});

test.each([
	['complyCubeApi', new ComplyCubeApi()],
	['argosIdentityApi', new ArgosIdentityApi()],
	['crafterProfileApi', new CrafterProfileApi()],
] as const)('%s has Allow Unencrypted HTTP, off by default, right after Base URL, with a warning', (_name, credential) => {
	const names = credential.properties.map((property) => property.name);
	expect(names.indexOf('allowUnencryptedHttp')).toBe(names.indexOf('baseUrl') + 1);
	const field = credential.properties.find((property) => property.name === 'allowUnencryptedHttp')!;
	expect(field).toMatchObject({ displayName: 'Allow Unencrypted HTTP', type: 'boolean', default: false });
	expect(field.description).toMatch(/^Whether .*Warning: .*clear text/);
});
