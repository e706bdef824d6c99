import type { Metadata } from 'next';
import 'katex/dist/katex.min.css';
import { CheatSheet } from '@/components/cheatsheet/CheatSheet';

export const metadata: Metadata = {
  title: 'Cheat sheet',
  description:
    'One printable page for Llama-3.1-70B at 4 or 8 bits: formulas, weight memory by format, KV cache, decode ceilings, a GPU table, the decision tree and the follow-up questions to rehearse.',
};

export default function CheatSheetPage() {
  return <CheatSheet />;
}
