'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { prefixed } from '@/components/ui/prefixed';
import { buildProblemReport, type ReportedAnswer, type ReportedOutcome } from './model/report';
import type { Question } from '@/lib/practice/types';

const s = prefixed('qc');

/**
 * "Report a problem with this question": a native toggle button that opens a small
 * form (what is wrong, and the prefilled report to review), with "Copy report" and
 * "Download report" buttons. Nothing is sent: the learner pastes or attaches the
 * report in an issue of the project's GitHub repository (README, "Report a problem").
 * The report text comes from components/practice/model/report `buildProblemReport`.
 */
export function ReportProblem({
  question,
  answer,
  outcome,
}: {
  question: Question;
  answer: ReportedAnswer;
  outcome: ReportedOutcome;
}) {
  const base = `qc-report-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const ids = { panel: `${base}-panel`, note: `${base}-note`, preview: `${base}-preview`, help: `${base}-help` };
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const previewRef = useRef<HTMLTextAreaElement>(null);
  const focusNote = useRef(false);

  useEffect(() => {
    if (open && focusNote.current) {
      noteRef.current?.focus();
      focusNote.current = false;
    }
  }, [open]);

  const page = typeof window === 'undefined' ? undefined : `${window.location.pathname}${window.location.search}`;
  const report = buildProblemReport({ question, answer, outcome, note, page });

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(report.body);
      setStatus('Report copied. Paste it into a new issue of the project on GitHub.');
    } catch {
      previewRef.current?.focus();
      previewRef.current?.select();
      setStatus('Could not copy automatically: the report is selected, press Ctrl+C (⌘C on a Mac).');
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([report.body], { type: 'text/markdown;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = report.fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setStatus(`Downloaded ${report.fileName}. Attach it to a new issue of the project on GitHub.`);
  };

  return (
    <div className={s.report}>
      <button
        type="button"
        className={s.reportToggle}
        aria-expanded={open}
        aria-controls={open ? ids.panel : undefined}
        onClick={() => {
          focusNote.current = !open;
          setOpen(!open);
          setStatus('');
        }}
      >
        Report a problem with this question
      </button>
      {open ? (
        <div id={ids.panel} className={s.reportPanel}>
          <label htmlFor={ids.note} className={s.fieldLabel}>
            What is wrong?
          </label>
          <textarea
            id={ids.note}
            ref={noteRef}
            className={s.textarea}
            rows={3}
            value={note}
            aria-describedby={ids.help}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setStatus('');
            }}
          />
          <p id={ids.help} className={s.note}>
            Nothing is sent from this page. Copy or download the report, then open an issue in the project&apos;s GitHub
            repository and paste or attach it.
          </p>
          <label htmlFor={ids.preview} className={s.fieldLabel}>
            Your report
          </label>
          <textarea id={ids.preview} ref={previewRef} className={s.textarea} rows={8} readOnly value={report.body} />
          <div className={s.actions}>
            <button type="button" className={s.secondary} onClick={() => void copy()}>
              Copy report
            </button>
            <button type="button" className={s.secondary} onClick={download}>
              Download report (.md)
            </button>
          </div>
          <p className={s.reportStatus} role="status">
            {status}
          </p>
        </div>
      ) : null}
    </div>
  );
}
