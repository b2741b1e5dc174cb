import Dexie, { type Table } from 'dexie';
import type { RecordTable } from '../../shared/schemas';
import type { BlobRow, BlobUploadRow } from '../attachments/types';
import { schemaVersions } from './schemaVersions';
import type {
  DraftRow,
  HeldRow,
  MetaRow,
  OutboxEntry,
  QuarantineEntry,
  SearchQueueRow,
  SearchRow,
  Stored,
} from './types';

export class AppDatabase extends Dexie {
  trips!: Table<Stored<'trips'>, string>;
  experts!: Table<Stored<'experts'>, string>;
  tripMembers!: Table<Stored<'tripMembers'>, string>;
  hosts!: Table<Stored<'hosts'>, string>;
  needs!: Table<Stored<'needs'>, string>;
  visits!: Table<Stored<'visits'>, string>;
  problems!: Table<Stored<'problems'>, string>;
  recommendations!: Table<Stored<'recommendations'>, string>;
  agreements!: Table<Stored<'agreements'>, string>;
  followUps!: Table<Stored<'followUps'>, string>;
  comments!: Table<Stored<'comments'>, string>;
  merges!: Table<Stored<'merges'>, string>;
  conflicts!: Table<Stored<'conflicts'>, string>;
  attachments!: Table<Stored<'attachments'>, string>;
  /** Attachment bytes by SHA-256 (renderer/attachments/); not synced records. */
  blobs!: Table<BlobRow, string>;
  /** Blobs still to upload, per trip (renderer/attachments/sync/ drains it). */
  blobUploads!: Table<BlobUploadRow, string>;
  outbox!: Table<OutboxEntry, number>;
  meta!: Table<MetaRow, string>;
  drafts!: Table<DraftRow, string>;
  search!: Table<SearchRow, string>;
  quarantine!: Table<QuarantineEntry, string>;
  held!: Table<HeldRow, string>;
  searchQueue!: Table<SearchQueueRow, string>;

  constructor(name = 'expert-trips') {
    super(name);
    for (const v of schemaVersions) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }

  /** Typed access to a record table by name. */
  records<T extends RecordTable>(table: T): Table<Stored<T>, string> {
    return this.table(table) as Table<Stored<T>, string>;
  }
}

let instance: AppDatabase | null = null;

export function getDb(): AppDatabase {
  instance ??= new AppDatabase();
  return instance;
}

/** Tests and the "reset" action swap the database; the old one is closed. */
export function setDb(db: AppDatabase): void {
  if (instance && instance !== db) instance.close();
  instance = db;
}
