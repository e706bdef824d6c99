import type { Metadata } from 'next';
import { SiteSearch } from '@/components/islands/widgets';

export const metadata: Metadata = {
  title: 'Search',
  description: 'Search the lessons, the question bank, the glossary and the sources.',
};

export default function SearchPage() {
  return (
    <div className="prose">
      <h1>Search</h1>
      <p className="lede">
        Lessons (by section), practice questions, glossary terms and sources. The index is built with the site and loads
        when you use the field.
      </p>
      <SiteSearch />
    </div>
  );
}
