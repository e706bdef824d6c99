import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from './questions';
import { createInterview } from '@/lib/practice/interview';

/**
 * Issue 14's missing topics each have an open senior question with a rubric, and the
 * mock interview (lib/practice `createInterview`: seniors first, one factor at a time)
 * really draws each of them as a follow-up for some learner.
 */
const TOPIC_FOLLOW_UPS: Record<string, string> = {
  'KV cache below 8 bits': 'kv-low-bit-open',
  parallelism: 'parallelism-open',
  'MoE quantization': 'moe-quant-open',
  'evaluation methodology': 'eval-validate-open',
  'cost under SLOs (goodput)': 'goodput-slo-open',
};

describe('mock-interview follow-ups for the missing topics', () => {
  const bank = loadQuestionBank();

  it.each(Object.entries(TOPIC_FOLLOW_UPS))(
    '%s: %s is an open senior question with a rubric and is drawn for some seed',
    (_topic, id) => {
      const q = bank.find((x) => x.id === id);
      expect(q, `${id} is not in the bank`).toBeDefined();
      expect(q!.type).toBe('open');
      expect(q!.level).toBe('senior');
      if (q!.type === 'open') expect(q!.rubric.length).toBeGreaterThanOrEqual(4);
      let drawnAt: string | null = null;
      for (let i = 0; i < 400 && drawnAt === null; i++) {
        const seed = `learner-${i}`;
        const session = createInterview(bank, { seed, now: new Date(0), followUps: 6 });
        if (session.items.slice(1).some((item) => item.questionId === id)) drawnAt = seed;
      }
      expect(drawnAt, `${id} was never drawn in 400 interviews`).not.toBeNull();
    },
  );
});
