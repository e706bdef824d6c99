/**
 * Build-time half of the practice engine (server components, scripts, tests):
 * the bank parser/validator and the markdown + KaTeX renderer. Never import this
 * from a client component.
 */
export {
  parseQuestionFile,
  parseQuestionBank,
  parseAuthorNumber,
  formatBankError,
  QUESTION_ID_PATTERN,
  type BankError,
  type ParseOptions,
  type ParseResult,
} from './parseQuestions';
export { renderMarkdown, renderInlineMarkdown } from './markdown';
export {
  GENERATORS,
  MAX_DRAWS,
  drawQuestion,
  generateQuestion,
  buildQuestion,
  type GeneratorInfo,
  type GeneratedDraw,
} from '@/lib/practice/generators';
