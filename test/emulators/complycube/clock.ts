import { randomBytes } from 'node:crypto';
import { randomHexId } from '../signatures';

export const now = () => new Date().toISOString();
// [Docs examples, e.g. "5eb04fcd0f3e360008035eb1"] ids are 24 lowercase hex characters.
export const newId = () => randomHexId();
/** An opaque token for hosted-page and report-content URLs. */
export const newToken = (bytes = 24) => randomBytes(bytes).toString('hex');
