import { Children, cloneElement, Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';
import { planSlides, slideLabel, type SlideItem } from './model/slides';
import { DeckController } from '../islands/widgets';
import { PresentNotes, Slide } from './markers';
import { QUIZ_TITLE, quizIds } from '../quiz/Quiz';
import { QuizAnswerKey } from './QuizAnswerKey';
import './present.css';

/** What the deck needs to know about its lesson. */
export interface DeckLesson {
  slug: string;
  title: string;
  summary: string;
  order: number;
  minutes: number;
}

/**
 * Renders a lesson's MDX as slides: used as the MDX `wrapper` on /present pages
 * (see ./presentComponents.tsx). MDX hands the wrapper one element, the content
 * function; calling it yields the lesson's top-level elements, which are classified
 * (heading, <Slide /> marker, quiz, <Notes>, anything else), split by
 * components/present/model `planSlides`, and rendered as
 * `<section data-slide aria-roledescription="slide" aria-label="n of N: title">`.
 * Slide 1 is the title slide. Every slide but the first is `hidden` in the HTML
 * (shown again by a <noscript> style), and the deck-controller island shows the
 * current one, handles keys, the hash, fullscreen, sync and the presenter view.
 * A quiz slide carries its answer key in its notes (./QuizAnswerKey.tsx), so the
 * presenter sees the answer and explanation while the room thinks.
 *
 * `quizType` is the component the MDX `Quiz` tag renders on this page, so its
 * elements can be recognized as quiz blocks.
 */
export function Deck({ lesson, quizType, children }: { lesson: DeckLesson; quizType: unknown; children?: ReactNode }) {
  const nodes = oneQuestionPerSlide(topLevelNodes(children), quizType);
  const items = nodes.map((n) => classify(n, quizType));
  const plan = planSlides(items);
  const slideCount = plan.slides.length + 1;
  const titles = [lesson.title, ...plan.slides.map((s) => s.title)];

  return (
    <div className="pv-deck" data-deck={lesson.slug} data-current="1">
      <noscript dangerouslySetInnerHTML={{ __html: '<style>.pv-slide[hidden]{display:block!important}</style>' }} />
      <header className="pv-bar">
        <h1 className="pv-running">{lesson.title}</h1>
        <a className="pv-bar-link" href={`/lessons/${lesson.slug}`}>
          Read as a lesson
        </a>
      </header>
      <div className="pv-stage">
        <section
          className="pv-slide pv-title-slide"
          data-slide
          aria-roledescription="slide"
          aria-label={slideLabel(1, slideCount, lesson.title)}
        >
          <p className="pv-eyebrow">
            Lesson {lesson.order} · {lesson.minutes} min read
          </p>
          <h2 className="pv-heading pv-title" tabIndex={-1} data-slide-heading>
            {lesson.title}
          </h2>
          <p className="lede">{lesson.summary}</p>
          <p className="pv-keys">
            Move with <kbd>→</kbd> <kbd>←</kbd>, <kbd>Space</kbd> or <kbd>Page&nbsp;Down</kbd>; <kbd>F</kbd> for full
            screen.
          </p>
          {plan.titleSlideItems.map((i) => nodes[i])}
        </section>
        {plan.slides.map((slide, s) => (
          <section
            key={s}
            className="pv-slide"
            data-slide
            aria-roledescription="slide"
            aria-label={slideLabel(s + 2, slideCount, slide.title)}
            hidden
          >
            {slide.headingSource === 'generated' ? (
              <h2 className="pv-heading" tabIndex={-1} data-slide-heading>
                {slide.title}
              </h2>
            ) : null}
            {slide.items.map((i) => {
              const node = nodes[i]!;
              const item = items[i]!;
              if (item.kind === 'marker') return null;
              if (
                i === slide.headingItem &&
                item.kind === 'heading' &&
                isValidElement<{ id?: string; children?: ReactNode }>(node)
              ) {
                return (
                  <Fragment key={i}>
                    {slide.sectionTitle ? <p className="pv-kicker">{slide.sectionTitle}</p> : null}
                    <h2 className="pv-heading" id={node.props.id} tabIndex={-1} data-slide-heading>
                      {node.props.children}
                    </h2>
                  </Fragment>
                );
              }
              if (
                item.kind === 'block' &&
                isValidElement<{ ids?: unknown }>(node) &&
                typeof node.props.ids === 'string'
              ) {
                // A quiz slide: the answer key goes to the presenter's notes (hidden here, shown in the presenter view).
                return (
                  <Fragment key={i}>
                    {node}
                    <PresentNotes>
                      <QuizAnswerKey ids={node.props.ids} />
                    </PresentNotes>
                  </Fragment>
                );
              }
              return <Fragment key={i}>{node}</Fragment>;
            })}
          </section>
        ))}
      </div>
      <DeckController slug={lesson.slug} slideCount={slideCount} titles={titles} />
    </div>
  );
}

/**
 * The lesson's top-level elements. The MDX wrapper receives a single element whose
 * type is the compiled content function (`_createMdxContent`); calling it gives the
 * fragment of top-level elements. Blank text between blocks is dropped.
 */
function topLevelNodes(children: ReactNode): ReactNode[] {
  let tree: ReactNode = children;
  const only = Children.toArray(children);
  if (only.length === 1 && isValidElement(only[0]) && typeof only[0].type === 'function') {
    const content = only[0] as ReactElement<Record<string, unknown>>;
    tree = (content.type as (p: unknown) => ReactNode)(content.props);
  }
  const out: ReactNode[] = [];
  const walk = (node: ReactNode) => {
    for (const child of Children.toArray(node)) {
      if (isValidElement<{ children?: ReactNode }>(child) && child.type === Fragment) walk(child.props.children);
      else if (typeof child === 'string' && child.trim() === '') continue;
      else out.push(child);
    }
  };
  walk(tree);
  return out;
}

/**
 * A quiz of several questions becomes one quiz per question, so each gets its own
 * slide ("Check yourself (2 of 4)") and the room sees one question at a time,
 * numbered within the whole quiz.
 */
function oneQuestionPerSlide(nodes: ReactNode[], quizType: unknown): ReactNode[] {
  return nodes.flatMap((node) => {
    if (
      !isValidElement<{ ids?: unknown; title?: unknown }>(node) ||
      node.type !== quizType ||
      typeof node.props.ids !== 'string'
    )
      return [node];
    const ids = quizIds(node.props.ids);
    if (ids.length < 2) return [node];
    const title = typeof node.props.title === 'string' ? node.props.title : QUIZ_TITLE;
    return ids.map((id, k) =>
      cloneElement(node, {
        key: `${id}-${k}`,
        ids: id,
        title: `${title} (${k + 1} of ${ids.length})`,
        numbering: { first: k + 1, total: ids.length },
      } as Record<string, unknown>),
    );
  });
}

function classify(node: ReactNode, quizType: unknown): SlideItem {
  if (!isValidElement<Record<string, unknown>>(node)) return { kind: 'content' };
  const props = node.props;
  if (node.type === 'h2' || node.type === 'h3') {
    return { kind: 'heading', level: node.type === 'h2' ? 2 : 3, title: textOf(props.children as ReactNode) };
  }
  if (node.type === Slide) return { kind: 'marker', title: typeof props.title === 'string' ? props.title : null };
  if (node.type === PresentNotes) return { kind: 'notes' };
  if (node.type === quizType)
    return { kind: 'block', title: typeof props.title === 'string' ? props.title : QUIZ_TITLE };
  return { kind: 'content' };
}

/** The text of a heading's children (strings and the text inside inline elements). */
function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}
