'use client';

import { useState } from 'react';
import { prefixed } from '@/components/ui/prefixed';
import { downloadText } from './storage';
import './unreadable-notice.css';

const styles = prefixed('un');

/** File name of the backup a learner downloads from the notice. */
export const OLD_DATA_FILE_NAME = 'quant-70b-progress-old.json';

export interface UnreadableNoticeProps {
  /** Why the saved progress could not be read (from `readProgress`). */
  notice: string;
  /** The saved text, offered as a download; also what `onReplace` agrees to overwrite. */
  discarded: string;
  /** True once the learner chose to replace the old data. */
  replaced: boolean;
  /** The learner confirmed: the page may now overwrite `discarded` (pass it as `replaceUnreadable`). */
  onReplace: () => void;
  /** What replacing does on this page, e.g. "Start saving again from here". */
  replaceLabel?: string;
}

/**
 * The banner for saved progress that could not be read whole: it says what happened,
 * offers the old data as a download, and keeps it in storage until the learner
 * explicitly chooses to replace it (a confirmation step, like "Reset progress").
 * Shared by /practice and /interview so both ask the same way.
 */
export function UnreadableNotice({
  notice,
  discarded,
  replaced,
  onReplace,
  replaceLabel = 'Replace the saved data…',
}: UnreadableNoticeProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <div role="status" className={styles.notice}>
      <p>{notice}</p>
      <p>
        {replaced
          ? 'You chose to replace the old data: new progress is saved from now on.'
          : 'Until you choose, the old data stays in this browser untouched and nothing new is saved over it.'}
      </p>
      <div className={styles.buttons}>
        <button type="button" className={styles.secondary} onClick={() => downloadText(OLD_DATA_FILE_NAME, discarded)}>
          Download the old data
        </button>
        {replaced || confirming ? null : (
          <button type="button" className={styles.secondary} onClick={() => setConfirming(true)}>
            {replaceLabel}
          </button>
        )}
      </div>
      {confirming && !replaced ? (
        <div className={styles.confirm} role="group" aria-label="Confirm replacing the old data">
          <p>
            Replace the saved data that could not be read? It cannot be recovered afterwards unless you downloaded it.
          </p>
          <div className={styles.buttons}>
            <button
              type="button"
              className={styles.danger}
              onClick={() => {
                setConfirming(false);
                onReplace();
              }}
            >
              Yes, replace the old data
            </button>
            <button type="button" className={styles.secondary} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
