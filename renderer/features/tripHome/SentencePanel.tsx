import { useRef, useState } from 'react';
import type { Lang } from '../../../shared/enums';
import { reportSentence, type TripFigures } from '../../../shared/report';
import { Panel } from '../../components/layout';
import { SegmentButton, Segmented } from '../../components/Segmented';
import { useT } from '../../i18n/useT';
import { copyText, selectContents } from './copyText';

type CopyState = 'idle' | 'copied' | 'manual';

/**
 * The summary sentence in the province's wording. Its language can differ from the interface's:
 * the report goes to the province in Chinese even when the organiser reads the app in English.
 */
export function SentencePanel({ figures, days }: { figures: TripFigures; days: number }) {
  const t = useT();
  const [lang, setLang] = useState<Lang>(t.lang);
  // Remembers which text the note is about: a new figure or language makes "copied" stale.
  const [lastCopy, setLastCopy] = useState<{ text: string; state: CopyState } | null>(null);
  const textRef = useRef<HTMLParagraphElement>(null);
  const sentence = reportSentence(figures, lang, { days });
  const copy: CopyState = lastCopy?.text === sentence ? lastCopy.state : 'idle';

  const onCopy = async () => {
    if (await copyText(sentence)) {
      setLastCopy({ text: sentence, state: 'copied' });
    } else {
      if (textRef.current) selectContents(textRef.current);
      setLastCopy({ text: sentence, state: 'manual' });
    }
  };

  return (
    <Panel
      title={t('tripHome.sentence.title')}
      className="trip-home__sentence"
      actions={
        <div className="trip-home__sentence-actions">
          <Segmented label={t('tripHome.sentence.language')}>
            {(['zh-CN', 'en'] as const).map((l) => (
              <SegmentButton key={l} on={lang === l} onClick={() => setLang(l)}>
                {l === 'zh-CN' ? '中文' : 'English'}
              </SegmentButton>
            ))}
          </Segmented>
          <button type="button" className="btn btn--small btn--primary" onClick={onCopy}>
            {t('tripHome.sentence.copy')}
          </button>
        </div>
      }
    >
      <p ref={textRef} className="trip-home__sentence-text" data-testid="report-sentence" lang={lang}>
        {sentence}
      </p>
      <p className="muted trip-home__sentence-hint" role="status">
        {copy === 'copied'
          ? t('tripHome.sentence.copied')
          : copy === 'manual'
            ? t('tripHome.sentence.copyManually')
            : t('tripHome.sentence.hint')}
      </p>
    </Panel>
  );
}
