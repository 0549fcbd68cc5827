import {
	COMPLYCUBE_DEMO_CLIENT_ID,
	COMPLYCUBE_DEMO_CUSTOM_LIST_ID,
	COMPLYCUBE_DEMO_DOCUMENT_ID,
	COMPLYCUBE_DEMO_LIVE_VIDEO_ID,
	COMPLYCUBE_WORKFLOW_TEMPLATES,
} from './complycube';
import { ARGOS_ADMIN_EMAIL, ARGOS_PROJECT_ID, ARGOS_SEEDED_SUBMISSION_IDS, ARGOS_WORKLIST_ID } from './argos';
import {
	attributeLabel,
	CRAFTER_ALL_TENANTS_TOKEN,
	CRAFTER_SEEDED_PROFILE_IDS,
	CRAFTER_SEEDED_TICKET,
	CRAFTER_SEEDED_USERNAMES,
	CRAFTER_TENANT,
	CRAFTER_VERIFYING_TENANT,
	SEEDED_TENANTS,
} from './crafter';
import { startEmulators } from './all';

/** `npm run emulators`: the three services on fixed loopback ports, for trying the nodes in your own n8n. */
async function main() {
	const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
	const emulators = await startEmulators({
		complyCube: port('COMPLYCUBE_PORT', 5801),
		argos: port('ARGOS_PORT', 5802),
		crafter: port('CRAFTER_PORT', 5803),
		mail: port('MAIL_PORT', 5804),
		// For local testing: webhooks may point at http:// receivers on this machine.
		complyCubeOptions: { allowHttpWebhooks: true },
	});
	const { complyCubeApi, argosIdentityApi, crafterProfileApi } = emulators.credentials;
	console.log(`ComplyCube      Base URL ${complyCubeApi.baseUrl}  API Key ${complyCubeApi.apiKey}`);
	console.log(`                demo client ${COMPLYCUBE_DEMO_CLIENT_ID}, document ${COMPLYCUBE_DEMO_DOCUMENT_ID}`);
	for (const template of COMPLYCUBE_WORKFLOW_TEMPLATES) {
		console.log(`                workflow template ${template.id} ${template.name}${template.active ? '' : ' (inactive)'}`);
	}
	console.log(`                demo live video ${COMPLYCUBE_DEMO_LIVE_VIDEO_ID} (Live Video → Get)`);
	console.log(`                custom list ${COMPLYCUBE_DEMO_CUSTOM_LIST_ID} Blocked customers (Custom List → Add Entity)`);
	console.log(`                address search: 350 Fifth, 10118, US (Address → Search)`);
	console.log(`                company search: CLEDARA or registration number 11455373 in GB (Company → Search)`);
	console.log(`Argos Identity  Base URL ${argosIdentityApi.baseUrl}  API Key ${argosIdentityApi.apiKey}`);
	console.log(`                submissions ${ARGOS_SEEDED_SUBMISSION_IDS.join(', ')}, admin ${ARGOS_ADMIN_EMAIL}`);
	console.log(
		`                Liveform ${emulators.argos.liveformUrl} (Verification Link → Liveform URL), project ${ARGOS_PROJECT_ID}, AML worklist ${ARGOS_WORKLIST_ID}`,
	);
	console.log(`Crafter Profile Base URL ${crafterProfileApi.baseUrl}  Access Token ID ${crafterProfileApi.accessTokenId}`);
	console.log(`                profiles ${CRAFTER_SEEDED_PROFILE_IDS.join(', ')}`);
	console.log(
		`                usernames ${CRAFTER_SEEDED_USERNAMES.join(', ')} (tenant ${CRAFTER_TENANT}), ticket ${CRAFTER_SEEDED_TICKET} (${CRAFTER_SEEDED_USERNAMES[0]})`,
	);
	console.log(
		`                attributes ${SEEDED_TENANTS[0].attributeDefinitions.map(attributeLabel).join(', ')}; access token for every tenant ${CRAFTER_ALL_TENANTS_TOKEN}`,
	);
	console.log(`                tenant ${CRAFTER_VERIFYING_TENANT} verifies new profiles: Create with a Verification URL e-mails the link to the mail sink`);
	console.log(`Mail sink       SMTP ${emulators.mail.host}:${emulators.mail.port}, no authentication, no TLS: each message is printed below`);
	console.log('Ctrl-C stops them.');
	emulators.mail.onMessage = (mail) => console.log(`\n✉ to ${mail.to.join(', ')}: ${mail.subject}\n${mail.text.replace(/\r/g, '').replace(/^/gm, '    ')}`);
	process.once('SIGINT', () => void emulators.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
