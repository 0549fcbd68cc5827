import { startArgosEmulator, type ArgosEmulator } from './argos';
import { startComplyCubeEmulator, type ComplyCubeEmulator } from './complycube';

export interface Emulators {
	complyCube: ComplyCubeEmulator;
	argos: ArgosEmulator;
	/** Credential data for each credential type, pointing at these emulators. */
	credentials: Record<string, Record<string, string>>;
	close(): Promise<void>;
}

export interface EmulatorPorts {
	complyCube?: number;
	argos?: number;
}

/** Starts every service emulator on loopback (any free port unless given). */
export async function startEmulators(ports: EmulatorPorts = {}): Promise<Emulators> {
	const complyCube = await startComplyCubeEmulator({ port: ports.complyCube });
	const argos = await startArgosEmulator({ port: ports.argos });
	return {
		complyCube,
		argos,
		credentials: {
			complyCubeApi: { apiKey: complyCube.apiKey, baseUrl: complyCube.baseUrl },
			argosIdentityApi: { apiKey: argos.apiKey, baseUrl: argos.baseUrl },
		},
		close: async () => {
			await Promise.all([complyCube.close(), argos.close()]);
		},
	};
}
