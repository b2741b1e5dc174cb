// @vitest-environment jsdom
// jsdom for its localStorage: loading the demo also sets the current trip in the persisted settings store.
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppDatabase, setDb } from '../../../renderer/db/database';
import { type ExportProgress, runExportJob } from '../../../renderer/export/exportJob';
import type { ExportFormat } from '../../../renderer/export/fileName';
import { buildExport, exportTrip, isAbortError } from '../../../renderer/export/runExport';
import { handleWorkerRequest } from '../../../renderer/export/workerHandler';
import type { WorkerMessage, WorkerRequest } from '../../../renderer/export/workerProtocol';
import { loadDemoTrip } from '../../../renderer/features/demo/loadDemoTrip';
import { type SaveFileRequest, setPlatformForTesting } from '../../../renderer/platform';
import { createWebPlatform } from '../../../renderer/platform/webPlatform';
import { parseBackup } from '../../../shared/backup/format';
import { readDocx } from './readBack';

const TODAY = '2026-11-22';
let db: AppDatabase;
let tripId: string;

beforeEach(async () => {
  db = new AppDatabase(`test-${crypto.randomUUID()}`);
  setDb(db);
  tripId = await loadDemoTrip({ today: TODAY });
});
afterEach(() => {
  vi.unstubAllGlobals();
  setPlatformForTesting(undefined);
});

const job = (format: ExportFormat) => ({
  tripId,
  format,
  lang: 'zh-CN' as const,
  today: TODAY,
  exportedAt: '2026-11-22T08:00:00.000Z',
});

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK"

describe('the export job, run on this thread', () => {
  it('builds each format from the database, with progress from reading to done', async () => {
    for (const format of ['docx', 'xlsx', 'csv', 'json'] as const) {
      const progress: ExportProgress[] = [];
      const built = await runExportJob(job(format), db, (p) => progress.push(p));
      expect(built.format).toBe(format);
      expect(progress[0]).toEqual({ phase: 'reading', percent: 5 });
      expect(progress.at(-1)).toEqual({ phase: 'done', percent: 100 });
      const percents = progress.map((p) => p.percent);
      expect(percents, format).toEqual([...percents].sort((a, b) => a - b));
      if (format === 'json') {
        const parsed = parseBackup(new TextDecoder().decode(built.bytes));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.backup.trip.id).toBe(tripId);
        expect(built.fileName).toBe('璧山区专家服务活动-备份-2025-06-25.json');
      } else {
        expect(isZip(built.bytes), format).toBe(true);
        expect(progress.map((p) => p.phase)).toContain('computing');
      }
    }
  });

  it('gives a Word file with the demo’s figures and the default name', async () => {
    const built = await runExportJob(job('docx'), db, () => undefined);
    expect(built.fileName).toBe('璧山区专家服务活动-工作总结-2025-06-25.docx');
    expect(built.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const doc = await readDocx(built.bytes);
    expect(doc.text).toContain('技术指导5次、学术讲座8场、座谈交流13次');
  });

  it('says the trip is missing when it is not on the device', async () => {
    await expect(
      runExportJob({ ...job('docx'), tripId: crypto.randomUUID() }, db, () => undefined),
    ).rejects.toMatchObject({
      code: 'trip-missing',
    });
    await expect(
      runExportJob({ ...job('json'), tripId: crypto.randomUUID() }, db, () => undefined),
    ).rejects.toMatchObject({
      code: 'trip-missing',
    });
  });
});

describe('buildExport', () => {
  it('runs in-thread where there is no Worker, and stops when cancelled', async () => {
    expect(typeof Worker).toBe('undefined');
    const built = await buildExport({ tripId, format: 'csv', lang: 'zh-CN', today: TODAY });
    const zip = await JSZip.loadAsync(built.bytes);
    expect(Object.keys(zip.files)).toContain('01-走访记录.csv');

    const abort = new AbortController();
    const phases: string[] = [];
    const cancelled = buildExport({
      tripId,
      format: 'xlsx',
      lang: 'zh-CN',
      signal: abort.signal,
      onProgress: (p) => {
        phases.push(p.phase);
        if (p.phase === 'computing') abort.abort();
      },
    });
    const error = await cancelled.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(phases).not.toContain('done');
  });

  /**
   * A stand-in for the browser's Worker that runs the real worker handler: the messages, the
   * transfer and terminate() are what the page sees from a real one (the real one runs in the e2e test).
   */
  class FakeWorker {
    static created: FakeWorker[] = [];
    onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    terminated = false;
    constructor(
      readonly url: URL,
      readonly options: WorkerOptions,
    ) {
      FakeWorker.created.push(this);
    }
    postMessage(request: WorkerRequest) {
      void handleWorkerRequest(request, (message) => {
        if (!this.terminated) this.onmessage?.({ data: message } as MessageEvent<WorkerMessage>);
      });
    }
    terminate() {
      this.terminated = true;
    }
  }

  it('runs in a module worker on the same database when there is one', async () => {
    FakeWorker.created = [];
    vi.stubGlobal('Worker', FakeWorker);
    const progress: string[] = [];
    const built = await buildExport({
      tripId,
      format: 'docx',
      lang: 'en',
      today: TODAY,
      onProgress: (p) => progress.push(p.phase),
    });
    const [worker] = FakeWorker.created;
    expect(worker?.options).toEqual({ type: 'module' });
    expect(worker?.url.pathname).toMatch(/export\.worker\.ts$/);
    expect(worker?.terminated).toBe(true);
    expect(progress).toEqual(expect.arrayContaining(['reading', 'computing', 'building', 'done']));
    expect(built.fileName).toBe('璧山区 expert trip-report-2025-06-25.docx');
    expect((await readDocx(built.bytes)).text).toContain('1. Overview');
  });

  it('terminates the worker when cancelled', async () => {
    FakeWorker.created = [];
    vi.stubGlobal('Worker', FakeWorker);
    const abort = new AbortController();
    const run = buildExport({
      tripId,
      format: 'xlsx',
      lang: 'zh-CN',
      signal: abort.signal,
      onProgress: (p) => p.phase === 'reading' && abort.abort(),
    });
    expect(isAbortError(await run.catch((e: unknown) => e))).toBe(true);
    expect(FakeWorker.created[0]?.terminated).toBe(true);
  });

  it('falls back to this thread when the worker cannot start', async () => {
    class BrokenWorker extends FakeWorker {
      override postMessage() {
        setTimeout(() =>
          this.onerror?.({ message: 'blocked', preventDefault: () => undefined } as ErrorEvent),
        );
      }
    }
    vi.stubGlobal('Worker', BrokenWorker);
    const built = await buildExport({ tripId, format: 'json', lang: 'zh-CN', today: TODAY });
    expect(JSON.parse(new TextDecoder().decode(built.bytes)).trip.id).toBe(tripId);
  });
});

describe('exportTrip', () => {
  it('builds, then saves through the platform under the default name', async () => {
    const requests: SaveFileRequest[] = [];
    setPlatformForTesting({
      ...createWebPlatform(),
      kind: 'electron',
      saveFile: async (request) => {
        requests.push(request);
        return { saved: true, path: '/home/organiser/Documents/总结.docx' };
      },
    });
    const outcome = await exportTrip({ tripId, format: 'docx', lang: 'zh-CN', today: TODAY });
    expect(outcome).toEqual({
      saved: true,
      fileName: '总结.docx',
      path: '/home/organiser/Documents/总结.docx',
    });
    expect(requests[0]?.suggestedName).toBe('璧山区专家服务活动-工作总结-2025-06-25.docx');
    expect(isZip(requests[0]?.data as Uint8Array)).toBe(true);
  });

  it('reports a cancelled save dialog as not saved, without an error', async () => {
    setPlatformForTesting({ ...createWebPlatform(), saveFile: async () => ({ saved: false }) });
    await expect(exportTrip({ tripId, format: 'json', lang: 'zh-CN', today: TODAY })).resolves.toEqual({
      saved: false,
    });
  });

  it('hands the web build a download of the same bytes', async () => {
    const downloads: { blob: Blob; name: string }[] = [];
    setPlatformForTesting(createWebPlatform({ download: (blob, name) => downloads.push({ blob, name }) }));
    const outcome = await exportTrip({ tripId, format: 'csv', lang: 'zh-CN', today: TODAY });
    expect(outcome).toEqual({ saved: true, fileName: '璧山区专家服务活动-数据表-2025-06-25.zip' });
    expect(downloads[0]?.name).toBe('璧山区专家服务活动-数据表-2025-06-25.zip');
    expect(downloads[0]?.blob.type).toBe('application/zip');
    const blob = downloads[0]?.blob ?? new Blob();
    const zip = await JSZip.loadAsync(new Uint8Array(await blob.arrayBuffer()));
    expect(Object.keys(zip.files)).toHaveLength(8);
  });
});
