import * as v8 from 'v8';
import type { PageRecordBody } from '../service/parse/pageRecord';
import type { PageCodec } from '../service/parse/storedPageSummary';
import { decodePageHeader } from './pageHeaderCodec';

/** The transport's codec of page records' blobs: V8's serializer, which keeps typed arrays and `undefined` as they are. */
export const V8_PAGE_CODEC: PageCodec = Object.freeze({
	encode: (body: PageRecordBody): Uint8Array => v8.serialize(body),
	decode: (blob: Uint8Array): PageRecordBody => v8.deserialize(blob) as PageRecordBody,
	/** The persisted index's headers (pageHeaderCodec.ts). */
	decodeHeader: decodePageHeader,
});
