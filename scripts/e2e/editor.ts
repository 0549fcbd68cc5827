import type { ChildProcess } from 'node:child_process';

import type { FrameLocator, Page } from 'playwright-core';

import type { N8nInstance } from './n8n-instance';

/** The owner account created on a fresh editor, so nobody has to fill in the set-up form. */
export const EDITOR_OWNER = {
	email: 'owner@identity-uploads.test',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Identity-Uploads-1',
};

export interface RunningEditor {
	url: string;
	process: ChildProcess;
	/** What n8n printed so far (stdout and stderr). */
	log(): string;
	stop(): Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited (${child.exitCode}) while starting:\n${log().slice(-3000)}`);
		try {
			if ((await fetch(`${url}/healthz/readiness`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`n8n was not ready at ${url}/healthz/readiness within ${timeoutMs / 1000} s:\n${log().slice(-3000)}`);
}

/** /healthz answers before the REST routes exist: until then the set-up answers 404. */
async function setUpOwner(url: string, owner: typeof EDITOR_OWNER) {
	for (let attempt = 0; ; attempt++) {
		const answer = await fetch(`${url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(owner),
		});
		if (answer.ok) return;
		if (answer.status !== 404 || attempt >= 120) {
			throw new Error(`Owner set-up answered ${answer.status}: ${(await answer.text()).slice(0, 500)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** `n8n start` on loopback, waits until it answers, and sets up the owner account (EDITOR_OWNER unless given). */
export async function startEditor(instance: N8nInstance, port: number, owner = EDITOR_OWNER): Promise<RunningEditor> {
	const child = instance.start(port);
	let log = '';
	child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
	const url = `http://localhost:${port}`;
	const stop = async () => {
		if (child.exitCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
	};
	try {
		await waitForHealth(url, child, () => log, 120_000);
		await setUpOwner(url, owner);
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, process: child, log: () => log, stop };
}

/** Where the node details view's close control is: n8n 2's close button, n8n 1's "Back to canvas". */
export const NDV_CLOSE = '[data-test-id="ndv-close-button"], [data-test-id="back-to-canvas"]';

/**
 * The part of an execution's page that holds its canvas: the page itself (n8n 2), or the workflow
 * preview's iframe (n8n 1.x shows a past execution in an iframe). Found by looking for the node in
 * both; locators for the canvas and the node details view go through the answer.
 */
export async function executionCanvas(page: Page, nodeName: string, timeoutMs = 60_000): Promise<Page | FrameLocator> {
	const selector = `[data-test-id="canvas-node"][data-node-name="${nodeName}"]`;
	const preview = page.locator('iframe').first().contentFrame();
	return await Promise.any([
		page
			.locator(selector)
			.waitFor({ timeout: timeoutMs })
			.then(() => page),
		preview
			.locator(selector)
			.waitFor({ timeout: timeoutMs })
			.then(() => preview),
	]).catch(() => {
		throw new Error(`The execution's canvas showed no node "${nodeName}" within ${timeoutMs / 1000} s, neither in the page nor in a preview iframe`);
	});
}
