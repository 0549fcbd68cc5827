import { EVENT_OPTIONS, isSelected } from '../../../nodes/ComplyCube/trigger/events';

test('each workflowSession.* option says ComplyCube has not confirmed the name; All Events still takes them', () => {
	const sessionOptions = EVENT_OPTIONS.filter((option) => String(option.value).startsWith('workflowSession.'));
	expect(sessionOptions).toHaveLength(4);
	for (const option of sessionOptions) expect(option.description).toContain('Not confirmed by ComplyCube');
	for (const option of EVENT_OPTIONS.filter((candidate) => !String(candidate.value).startsWith('workflowSession.'))) {
		expect(option.description ?? '').not.toContain('Not confirmed');
	}
	expect(isSelected(['*'], 'workflowSession.completed.clear')).toBe(true);
	expect(isSelected(['*'], 'workflow_session.completed')).toBe(true);
});
