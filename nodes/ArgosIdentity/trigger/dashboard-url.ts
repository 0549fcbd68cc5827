import type { IDataObject, IHookFunctions } from 'n8n-workflow';

/*
 * Argos takes one Webhook URL per project, typed into its dashboard (Settings → General → Access Management)
 * [WH]: no API registers, lists or deletes one. So the trigger's webhook lifecycle registers nothing at Argos:
 * it records which URL the user was told to paste, tells them on activation (n8n's log), and forgets it on
 * deactivation. "Exists" means: this URL was already handed over, so a restart of n8n says nothing new,
 * while a changed URL (another WEBHOOK_URL) is announced again.
 */

/** What the trigger keeps in the workflow's static data between activation and deactivation. */
export interface DashboardWebhook extends IDataObject {
	/** The production URL the user was told to paste in the Argos dashboard. */
	dashboardUrl?: string;
}

const WHERE = 'Argos dashboard → Settings → General → Access Management → Webhook URL';

export async function dashboardUrlRecorded(this: IHookFunctions): Promise<boolean> {
	const data = this.getWorkflowStaticData('node') as DashboardWebhook;
	return data.dashboardUrl !== undefined && data.dashboardUrl === this.getNodeWebhookUrl('default');
}

export async function recordDashboardUrl(this: IHookFunctions): Promise<boolean> {
	const url = String(this.getNodeWebhookUrl('default'));
	const credentials = await this.getCredentials('argosIdentityApi');
	const hasToken = String(credentials.webhookToken ?? '').trim() !== '';
	const name = this.getNode().name;
	// The token itself is never written to the log: the user has it in the credential.
	this.logger.info(
		`Argos Identity Trigger "${name}" is active. Argos sends only to the URL set in its dashboard: paste ${url}${hasToken ? '?token=<the Webhook Token of the credential>' : ''} in the ${WHERE}, and save.`,
	);
	const encrypted = this.getNodeParameter('encryptedPayload', false) as boolean;
	const acceptsAnyone = this.getNodeParameter('acceptUnauthenticated', false) as boolean;
	if (!hasToken && !encrypted && !acceptsAnyone) {
		this.logger.warn(
			`Argos Identity Trigger "${name}" will refuse (403) every delivery that is not encrypted with the credential's key: set a Webhook Token in the credential (and add ?token=… to the dashboard URL), or turn on the project's webhook encryption.`,
		);
	}
	(this.getWorkflowStaticData('node') as DashboardWebhook).dashboardUrl = url;
	return true;
}

export async function forgetDashboardUrl(this: IHookFunctions): Promise<boolean> {
	const data = this.getWorkflowStaticData('node') as DashboardWebhook;
	if (data.dashboardUrl) {
		this.logger.info(
			`Argos Identity Trigger "${this.getNode().name}" is inactive. Argos keeps sending to ${data.dashboardUrl} until it is removed in the ${WHERE}.`,
		);
	}
	delete data.dashboardUrl;
	return true;
}
