// The in-memory world with the indexes the operations need, so no call sorts or scans more than
// it must: imports by id, imports per Region kept newest-first as they are created, sessions by
// access key, and management events per Region newest-first.
import type {
  EventDataStoreRecord,
  ImportRecord,
  ManagementEventRecord,
  PersistedState,
  StsSession,
} from "./types.ts";

/** What ListImports orders by. */
export type ImportSortKey = Pick<ImportRecord, "createdMs" | "id">;

/** Newest first; ties broken by id so the order is total and stable across restarts. */
export function compareNewestFirst(a: ImportSortKey, b: ImportSortKey): number {
  if (a.createdMs !== b.createdMs) return b.createdMs - a.createdMs;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function insertSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const other = list[mid];
    if (other !== undefined && compare(other, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}

const eventsNewestFirst = (a: ManagementEventRecord, b: ManagementEventRecord): number =>
  b.eventMs - a.eventMs || (a.eventId < b.eventId ? 1 : a.eventId > b.eventId ? -1 : 0);

/** Holds the Lake's state; every mutation goes through a method that calls `onChange`. */
export class LakeState {
  readonly seededMs: number;
  readonly seedEndMs: number;
  readonly tokenSecret: string;
  private readonly stores: EventDataStoreRecord[];
  private readonly importsById = new Map<string, ImportRecord>();
  private readonly importsByRegion = new Map<string, ImportRecord[]>();
  private readonly sessions = new Map<string, StsSession>();
  private readonly eventsByRegion = new Map<string, ManagementEventRecord[]>();
  onChange: () => void = () => {};

  constructor(data: PersistedState) {
    this.seededMs = data.seededMs;
    this.seedEndMs = data.seedEndMs;
    this.tokenSecret = data.tokenSecret;
    this.stores = data.stores;
    const sorted = [...data.imports].sort(compareNewestFirst);
    for (const record of sorted) {
      this.importsById.set(record.id, record);
      this.regionList(this.importsByRegion, record.region).push(record);
    }
    for (const session of data.sessions) this.sessions.set(session.accessKeyId, session);
    for (const event of [...data.events].sort(eventsNewestFirst)) {
      this.regionList(this.eventsByRegion, event.region).push(event);
    }
  }

  private regionList<T>(map: Map<string, T[]>, region: string): T[] {
    let list = map.get(region);
    if (!list) {
      list = [];
      map.set(region, list);
    }
    return list;
  }

  /** Marks the state dirty so the persister writes it (debounced). */
  changed(): void {
    this.onChange();
  }

  storesIn(region: string): EventDataStoreRecord[] {
    return this.stores.filter((store) => store.region === region);
  }

  allStores(): readonly EventDataStoreRecord[] {
    return this.stores;
  }

  /** Imports of one Region, newest first. The array is the live index: do not mutate it. */
  importsIn(region: string): readonly ImportRecord[] {
    return this.importsByRegion.get(region) ?? [];
  }

  allImports(): IterableIterator<ImportRecord> {
    return this.importsById.values();
  }

  /** The import with this id in this Region (Regions are separate worlds). */
  getImport(region: string, id: string): ImportRecord | undefined {
    const record = this.importsById.get(id);
    return record && record.region === region ? record : undefined;
  }

  addImport(record: ImportRecord): void {
    this.importsById.set(record.id, record);
    insertSorted(this.regionList(this.importsByRegion, record.region), record, compareNewestFirst);
    this.changed();
  }

  getSession(accessKeyId: string): StsSession | undefined {
    return this.sessions.get(accessKeyId);
  }

  addSession(session: StsSession): void {
    this.sessions.set(session.accessKeyId, session);
    this.changed();
  }

  /** Management events of one Region, newest first (live index). */
  eventsIn(region: string): readonly ManagementEventRecord[] {
    return this.eventsByRegion.get(region) ?? [];
  }

  addEvent(event: ManagementEventRecord): void {
    insertSorted(this.regionList(this.eventsByRegion, event.region), event, eventsNewestFirst);
    this.changed();
  }

  /** A plain copy for the state file; sessions that expired over a day ago are dropped. */
  snapshot(now: number): PersistedState {
    const dayAgo = now - 24 * 60 * 60 * 1000;
    return {
      version: 1,
      seededMs: this.seededMs,
      seedEndMs: this.seedEndMs,
      tokenSecret: this.tokenSecret,
      stores: this.stores,
      imports: [...this.importsById.values()],
      sessions: [...this.sessions.values()].filter((s) => s.expiresMs > dayAgo),
      events: [...this.eventsByRegion.values()].flat(),
    };
  }
}
