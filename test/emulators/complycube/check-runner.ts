import { CHECK_OUTCOMES, SCREENING_TYPES, type CheckOutcome } from './constants';
import { newId, now } from './clock';
import type { Context } from './context';
import { emit } from './event-delivery';
import type { ComplyCubeCheck } from './store';

// [Node SDK EventVerifier.d.ts payload {id, status, outcome?, createdAt, updatedAt}] what a check event carries.
export function checkEventPayload(check: ComplyCubeCheck): Record<string, unknown> {
	return {
		id: check.id,
		clientId: check.clientId,
		type: check.type,
		status: check.status,
		...(check.result ? { outcome: check.result.outcome } : {}),
		createdAt: check.createdAt,
		updatedAt: check.updatedAt,
	};
}

/** Stores a new pending check, announces it and schedules its completion. */
export function startCheck(context: Context, check: ComplyCubeCheck, outcome: CheckOutcome = context.store.checkOutcome): ComplyCubeCheck {
	context.store.checks.set(check.id, check);
	// [Docs webhooks Event Types] check.pending: "A check has been created and is in pending state."
	emit(context, 'check.pending', 'check', checkEventPayload(check));
	// [Docs checks "All checks are asynchronous"; status pending on initiation, complete upon completion]
	const timer = context.work.after(context.options.checkDelayMs, () => completeCheck(context, check.id));
	context.checkTimers.set(check.id, { timer, outcome });
	return check;
}

/** Completes a check now (clearing its timer), with the given outcome or the one chosen at creation. */
export function completeCheck(context: Context, checkId: string, outcome?: string): void {
	const check = context.store.checks.get(checkId);
	if (!check) throw new Error(`No check ${checkId}`);
	const pending = context.checkTimers.get(checkId);
	context.work.cancel(pending?.timer);
	context.checkTimers.delete(checkId);
	const final = outcome ?? pending?.outcome ?? context.store.checkOutcome;
	if (!CHECK_OUTCOMES.includes(final as CheckOutcome)) throw new Error(`Unknown outcome ${final}`);
	check.status = 'complete';
	check.result = resultFor(check, final as CheckOutcome);
	check.updatedAt = now();
	// [Docs webhooks Event Types] check.completed (any outcome) and check.completed.<outcome>.
	emit(context, 'check.completed', 'check', checkEventPayload(check));
	emit(context, `check.completed.${final}`, 'check', checkEventPayload(check));
	context.onCheckCompleted(check);
}

/** A small result per check type; the real breakdowns are much richer (inferred shape, documented outcome values). */
function resultFor(check: ComplyCubeCheck, outcome: CheckOutcome): { outcome: string; breakdown: Record<string, unknown> } {
	if (SCREENING_TYPES.has(check.type)) {
		// [PHP CheckTest testValidateCheckById] a screening result lists breakdown.matches, each with an id to validate.
		const matches = outcome === 'clear' ? [] : [{ id: newId(), entityName: check.entityName, score: 92, listType: 'pep', validated: false }];
		return { outcome, breakdown: { summary: { pep: { level1: matches.length } }, matches } };
	}
	if (check.type === 'document_check' || check.type === 'identity_check') {
		const breakdown: Record<string, unknown> = {
			extractedData: { documentDetails: { documentType: check.documentType ?? 'passport' } },
			authenticityAnalysis: { outcome },
		};
		if (check.type === 'identity_check') breakdown.faceAnalysis = { outcome, faceSimilarity: outcome === 'clear' ? 'match' : 'no_match' };
		return { outcome, breakdown };
	}
	return { outcome, breakdown: {} };
}

/** The worst of several outcomes: rejected > attention > clear (inferred ordering). */
export function worstOutcome(outcomes: string[], fallback: string): string {
	if (outcomes.includes('rejected')) return 'rejected';
	if (outcomes.includes('match_confirmed')) return 'attention';
	if (outcomes.includes('attention')) return 'attention';
	return outcomes.length ? 'clear' : fallback;
}
