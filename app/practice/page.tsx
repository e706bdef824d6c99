import type { Metadata } from 'next';
import 'katex/dist/katex.min.css';
import { PracticeApp } from '@/components/islands/widgets';

export const metadata: Metadata = {
  title: 'Practice',
  description:
    'Drill the question bank on 4-bit versus 8-bit for a 70B model with spaced repetition (FSRS): filters by factor and level, generated numeric questions, a mistakes deck, progress per factor, keyboard shortcuts, and export/import of your progress.',
};

export default function PracticePage() {
  return (
    <>
      <div className="prose">
        <h1>Practice</h1>
        <p className="lede">
          Answer questions from the bank and grade how well you knew each one; spaced repetition brings it back just
          before you would forget it. Your progress stays in this browser (export it to move it).
        </p>
      </div>
      <PracticeApp bankUrl="/practice/bank.json" />
    </>
  );
}
