import type { EmulatorRequest, EmulatorResponse } from '../../emulator-server';
import type { Context } from '../context';

/** segments are the decoded path parts after /v1, e.g. ['documents', '<id>', 'upload', 'front']. */
export type Route = (context: Context, request: EmulatorRequest, segments: string[]) => EmulatorResponse | undefined;
