import { startArgosEmulator, type ArgosEmulator } from './argos';
import { startComplyCubeEmulator, type ComplyCubeEmulator, type ComplyCubeEmulatorOptions } from './complycube';
import { startCrafterEmulator, type CrafterEmulator } from './crafter';

export interface Emulators {
	complyCube: ComplyCubeEmulator;
	argos: ArgosEmulator;
	crafter: CrafterEmulator;
	/** Credential data for each credential type, pointing at these emulators. */
	credentials: Record<string, Record<string, string>>;
	close(): Promise<void>;
}

export interface EmulatorPorts {
	complyCube?: number;
	argos?: number;
	crafter?: number;
	/** Options for the ComplyCube emulator (its port still comes from `complyCube`); default as before. */
	complyCubeOptions?: ComplyCubeEmulatorOptions;
}

/** Starts every service emulator on loopback (any free port unless given). */
export async function startEmulators(ports: EmulatorPorts = {}): Promise<Emulators> {
	const complyCube = await startComplyCubeEmulator({ ...ports.complyCubeOptions, port: ports.complyCube ?? ports.complyCubeOptions?.port });
	const argos = await startArgosEmulator({ port: ports.argos });
	const crafter = await startCrafterEmulator({ port: ports.crafter });
	return {
		complyCube,
		argos,
		crafter,
		credentials: {
			complyCubeApi: { apiKey: complyCube.apiKey, baseUrl: complyCube.baseUrl },
			argosIdentityApi: { apiKey: argos.apiKey, baseUrl: argos.baseUrl },
			crafterProfileApi: { baseUrl: crafter.baseUrl, accessTokenId: crafter.accessToken },
		},
		close: async () => {
			await Promise.all([complyCube.close(), argos.close(), crafter.close()]);
		},
	};
}
