import type { ApiErrorEntry } from "./apiError";

export interface RecordCount {
  totalRecordsFound: number;
  /** 1-based, as MediaValet reports it: offset 0 is record 1. */
  startingRecord: number;
  recordsReturned: number;
}

/** MediaValet's response envelope as it appears on the wire (camelCase, warnings and errors at the top). */
export interface Envelope<T> {
  apiVersion: string;
  warnings: string[];
  errors: ApiErrorEntry[];
  payload: T | null;
  meta: { metaInformation: Record<string, unknown>; createdAt: string };
  recordCount?: RecordCount;
}

export interface EnvelopeContext {
  apiVersion: string;
  /** Epoch milliseconds when the request arrived. */
  startedAt: number;
}

export function envelope<T>(
  context: EnvelopeContext,
  payload: T | null,
  extras: { recordCount?: RecordCount | undefined; errors?: ApiErrorEntry[] } = {},
): Envelope<T> {
  const now = Date.now();
  return {
    apiVersion: context.apiVersion,
    warnings: [],
    errors: extras.errors ?? [],
    payload,
    meta: {
      metaInformation: { ElapsedTimeInMS: now - context.startedAt },
      createdAt: new Date(now).toISOString(),
    },
    ...(extras.recordCount ? { recordCount: extras.recordCount } : {}),
  };
}
