import { startArgosEmulator, type ArgosEmulator, type ArgosEmulatorOptions } from './argos';
import { startComplyCubeEmulator, type ComplyCubeEmulator, type ComplyCubeEmulatorOptions } from './complycube';
import { startCrafterEmulator, type CrafterEmulator } from './crafter';
import { startMailSink, type MailSink } from './mail-sink';

export interface Emulators {
	complyCube: ComplyCubeEmulator;
	argos: ArgosEmulator;
	crafter: CrafterEmulator;
	/** Where the examples' Send Email nodes and Crafter's verification e-mails deliver: nothing leaves the machine. */
	mail: MailSink;
	/** Credential data for each credential type, pointing at these emulators (and n8n's SMTP credential at the mail sink). */
	credentials: Record<string, Record<string, string | number | boolean>>;
	close(): Promise<void>;
}

export interface EmulatorPorts {
	complyCube?: number;
	argos?: number;
	crafter?: number;
	mail?: number;
	/** Options for the ComplyCube emulator (its port still comes from `complyCube`); default as before. */
	complyCubeOptions?: ComplyCubeEmulatorOptions;
	/** Options for the Argos emulator (its port still comes from `argos`). */
	argosOptions?: ArgosEmulatorOptions;
}

/** Starts every service emulator on loopback (any free port unless given). */
export async function startEmulators(ports: EmulatorPorts = {}): Promise<Emulators> {
	const complyCube = await startComplyCubeEmulator({ ...ports.complyCubeOptions, port: ports.complyCube ?? ports.complyCubeOptions?.port });
	const argos = await startArgosEmulator({ ...ports.argosOptions, port: ports.argos ?? ports.argosOptions?.port });
	// The mail sink first: Crafter sends its verification and reset e-mails there.
	const mail = await startMailSink(ports.mail);
	const crafter = await startCrafterEmulator({ port: ports.crafter, smtp: { host: mail.host, port: mail.port } });
	return {
		complyCube,
		argos,
		crafter,
		mail,
		credentials: {
			complyCubeApi: { apiKey: complyCube.apiKey, baseUrl: complyCube.baseUrl },
			argosIdentityApi: { apiKey: argos.apiKey, baseUrl: argos.baseUrl },
			crafterProfileApi: { baseUrl: crafter.baseUrl, accessTokenId: crafter.accessToken },
			// n8n's SMTP credential: no user or password means no authentication; the sink offers no TLS.
			smtp: { host: mail.host, port: mail.port, secure: false, disableStartTls: true, user: '', password: '' },
		},
		close: async () => {
			// Crafter's e-mails still under way reach the sink before it closes.
			await Promise.all([complyCube.close(), argos.close(), crafter.close()]);
			await mail.close();
		},
	};
}
