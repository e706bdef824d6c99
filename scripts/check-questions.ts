/**
 * Validates the question bank: `npx tsx scripts/check-questions.ts`.
 * Prints every error as `file:line: message`, then counts by factor, level and
 * type; exits 1 if there is any error.
 */
import { checkQuestionBank } from '../content/questions';
import { drawQuestion, GENERATORS } from '../lib/practice/generators';
import { formatBankError } from '@/content/build/parseQuestions';

function countBy<T>(items: readonly T[], key: (x: T) => string): string {
  const m = new Map<string, number>();
  for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

const { questions, errors } = checkQuestionBank();
for (const e of errors) console.error(formatBankError(e));
console.log(`${questions.length} valid question${questions.length === 1 ? '' : 's'}`);
if (questions.length > 0) {
  console.log(`  by factor: ${countBy(questions, (q) => q.factor)}`);
  console.log(`  by level:  ${countBy(questions, (q) => q.level)}`);
  console.log(`  by type:   ${countBy(questions, (q) => q.type)}`);
  console.log(
    `  by file:   ${countBy(questions, (q) => q.location?.file.replace(/^content\/questions\//, '') ?? '?')}`,
  );
}

// Parametric templates: every one must produce a question for a spread of seeds.
let generatorErrors = 0;
for (const g of GENERATORS) {
  let rejected = 0;
  let failed = 0;
  for (let i = 0; i < 50; i++) {
    try {
      rejected += drawQuestion(g.id, `check-${i}`).rejected;
    } catch (e) {
      failed++;
      console.error(`lib/practice/generators.ts: template ${g.id}, seed check-${i}: ${(e as Error).message}`);
    }
  }
  generatorErrors += failed;
  console.log(
    `  generator ${g.id}: ${50 - failed}/50 seeds OK (${(rejected / 50).toFixed(1)} infeasible draws rejected per question)`,
  );
}
const total = errors.length + generatorErrors;
if (total > 0) {
  console.error(`\n${total} error${total === 1 ? '' : 's'} in the question bank`);
  process.exit(1);
}
