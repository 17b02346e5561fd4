/** 导出: download the user's data in four formats, or import a backup / JSON-LD file. */
import { useState } from 'preact/hooks';
import { t, tn } from '../i18n';
import { userMessage } from '../common/errors';
import { downloadBlob } from '../common/download';
import type { ExportFormat, ImportSummary, SkippedRecord } from './data';
import { exportSkippedText } from '../common/storage-messages';

export interface ExportTabProps {
  exportData: (format: ExportFormat) => Promise<{ blob: Blob; filename: string; skipped?: SkippedRecord[] }>;
  importData: (file: File, onProgress: (fraction: number) => void) => Promise<ImportSummary>;
  /** Injected for tests; defaults to a Blob + <a download> click. */
  download?: (blob: Blob, filename: string) => void;
}

const FORMATS: ExportFormat[] = ['markdown', 'csv', 'jsonld', 'backup'];

type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: number; name: string }
  | { phase: 'done'; summary: ImportSummary }
  | { phase: 'error'; message: string; detail: string };

export function ExportTab({ exportData, importData, download = downloadBlob }: ExportTabProps) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [exportError, setExportError] = useState<string>();
  const [exportNotice, setExportNotice] = useState<string>();
  const [imp, setImp] = useState<ImportState>({ phase: 'idle' });

  const doExport = async (format: ExportFormat) => {
    setBusy(format);
    setExportError(undefined);
    setExportNotice(undefined);
    try {
      const { blob, filename, skipped = [] } = await exportData(format);
      download(blob, filename);
      // Records that cannot be written are left out, never silently: the reader is told which.
      setExportNotice(exportSkippedText(skipped) || undefined);
    } catch (err) {
      setExportError(userMessage(err).text);
    } finally {
      setBusy(null);
    }
  };

  const doImport = async (file: File) => {
    setImp({ phase: 'running', progress: 0, name: file.name });
    try {
      const summary = await importData(file, (p) => setImp({ phase: 'running', progress: Math.max(0, Math.min(1, p)), name: file.name }));
      setImp({ phase: 'done', summary });
    } catch (err) {
      const { text, detail } = userMessage(err);
      setImp({ phase: 'error', message: text, detail });
    }
  };

  return (
    <div class="stack-lg">
      <section class="stack">
        <h3>{t('panel.export.title')}</h3>
        <ul class="list formats">
          {FORMATS.map((f) => (
            <li key={f} class="item">
              <div class="row">
                <div class="grow">
                  <strong>{t(`panel.export.${f}`)}</strong>
                  <p class="small muted">{t(`panel.export.${f}Help`)}</p>
                </div>
                <button type="button" class="btn" disabled={busy !== null} onClick={() => void doExport(f)}>
                  {busy === f ? t('common.working') : t('panel.export.download')}
                </button>
              </div>
            </li>
          ))}
        </ul>
        {exportError && (
          <p class="error small" role="alert">
            {exportError}
          </p>
        )}
        {exportNotice && (
          <p class="error small pre-line" role="alert">
            {exportNotice}
          </p>
        )}
      </section>

      <section class="stack">
        <h3>{t('panel.import.title')}</h3>
        <p class="small muted">{t('panel.import.help')}</p>
        {/* The browser's own file button would speak the browser's language ("Choose File"): ours speaks the reader's. */}
        <label class={`btn file-pick${imp.phase === 'running' ? ' disabled' : ''}`}>
          {t('panel.import.chooseButton')}
          <input
            type="file"
            class="visually-hidden"
            accept=".json,.jsonld,application/json,application/ld+json"
            aria-label={t('panel.import.choose')}
            disabled={imp.phase === 'running'}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              if (file) void doImport(file);
              input.value = ''; // choosing the same file again must fire again
            }}
          />
        </label>
        {imp.phase === 'running' && (
          <div class="stack">
            <progress max={1} value={imp.progress} aria-label={t('panel.import.progress')} />
            <span class="small muted">{`${imp.name} · ${Math.round(imp.progress * 100)}%`}</span>
          </div>
        )}
        {imp.phase === 'done' && (
          <p class="ok small pre-line" role="status">
            {[
              t('panel.import.done', [
                tn('panel.import.reports', imp.summary.reports),
                tn('panel.import.highlights', imp.summary.annotations),
                tn('panel.import.pledges', imp.summary.pledges),
              ]),
              ...(imp.summary.updated ? [tn('panel.import.updated', imp.summary.updated)] : []),
              ...(imp.summary.skipped ? [tn('panel.import.skipped', imp.summary.skipped)] : []),
            ].join('\n')}
          </p>
        )}
        {imp.phase === 'error' && (
          // The technical detail (English, from the parser) is for the curious, on hover; the sentence is the reader's language.
          <p class="error small pre-line" role="alert" title={imp.detail}>
            {`${t('panel.import.failed')} ${imp.message}`}
          </p>
        )}
      </section>
    </div>
  );
}
