import type { Metadata } from 'next';
import 'katex/dist/katex.min.css';
import { Interview } from '@/components/islands/widgets';
import { loadQuestionBank } from '@/content/questions';
import { compactQuestion } from '@/lib/practice/compact';
import { interviewQuestions } from '@/components/interview/model/interviewView';
import type { OpenQuestion } from '@/lib/practice/types';

export const metadata: Metadata = {
  title: 'Mock interview',
  description:
    'A timed mock interview: “4-bit or 8-bit for a 70B model?”, then senior follow-ups on precision, memory, method, speed and cost. Answer aloud, grade yourself against a rubric, get a scorecard per factor.',
};

export default function InterviewPage() {
  // Only what createInterview can draw, without markdown sources, keeps the island props small.
  const questions = interviewQuestions(loadQuestionBank()).map((q) => compactQuestion(q) as OpenQuestion);
  return (
    <>
      <div className="prose">
        <h1>Mock interview</h1>
        <p className="lede">
          The question interviewers ask — should a 70B model run at 4-bit or 8-bit? — then follow-ups, against the
          clock. Answer as you would in the room, then tick the rubric points you made and compare with a model answer.
        </p>
      </div>
      <Interview questions={questions} />
    </>
  );
}
