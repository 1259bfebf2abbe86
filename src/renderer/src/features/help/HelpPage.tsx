// Help: the user guide in the language the app speaks (docs/user-guide.md, docs/guia-usuario.md), with
// its table of contents beside it. A section is in the address (`/help?section=receiving`), so the
// contents, the guide's own #links and the browser's Back all move within it; switching the language
// keeps the reader at the same section of the other guide (both have the same sections, in order).
import { Anchor, Box, Flex, Paper, Stack, Text } from '@mantine/core';
import { use, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '@renderer/lib/PageHeader';
import { sameSectionIn, type Guide } from './guide';
import { guideLanguage, imageUrls, loadGuide } from './guides';
import { GuideView, headingElementId, sectionSearch } from './GuideView';

/** Below the shell's header, with a little air: where a heading lands when jumped to. */
const BELOW_HEADER = 'calc(var(--app-shell-header-height, 56px) + var(--mantine-spacing-md))';

// Beside the guide (a wide window) the contents stay in view while the guide scrolls; above it (a
// narrow one) they scroll away with the page, in a box of their own.
const guideCss = `
.guide-heading { scroll-margin-top: ${BELOW_HEADER}; }
.guide-contents { flex-shrink: 0; overflow-y: auto; max-height: 40dvh; }
@media (min-width: 62em) {
  .guide-contents { position: sticky; top: ${BELOW_HEADER}; max-height: calc(100dvh - ${BELOW_HEADER} - var(--mantine-spacing-md)); }
}`;

/** Stops the current jump's pinning (see scrollToSection), if any. */
let unpin = () => {};

/**
 * Scrolls `section`'s heading to the top and gives it focus. Pictures above it load (lazily) as the page
 * moves past them and push it down, so it is held there while they do: until the reader scrolls, types
 * or clicks, or a few seconds pass.
 */
function scrollToSection(section: string): void {
  unpin();
  const heading = document.getElementById(headingElementId(section));
  if (!heading) return;
  heading.scrollIntoView({ block: 'start' });
  // Focus follows the reader (a screen reader reads on from there; Tab continues from there).
  heading.focus({ preventScroll: true });
  const article = heading.closest('article');
  if (!article || typeof ResizeObserver === 'undefined') return;
  const observer = new ResizeObserver(() => heading.scrollIntoView({ block: 'start' }));
  observer.observe(article);
  const events = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
    for (const event of events) window.removeEventListener(event, stop, true);
    if (unpin === stop) unpin = () => {};
  };
  const timer = window.setTimeout(stop, 4000);
  for (const event of events) window.addEventListener(event, stop, true);
  unpin = stop;
}

export function HelpPage() {
  const { t, i18n } = useTranslation('common');
  const guide = use(loadGuide(guideLanguage(i18n.resolvedLanguage ?? i18n.language)));
  const [params, setParams] = useSearchParams();
  const section = params.get('section') ?? '';
  const previous = useRef<Guide | undefined>(undefined);

  useEffect(() => {
    if (!section) return;
    const same = sameSectionIn(guide, previous.current, section);
    if (same !== undefined && same !== section) {
      setParams({ section: same }, { replace: true });
      return;
    }
    scrollToSection(section);
  }, [guide, section, setParams]);

  useEffect(() => {
    previous.current = guide;
  }, [guide]);

  useEffect(() => () => unpin(), []);

  // A link to the section already in the address does not change it; scroll there all the same.
  const onSectionClick = useCallback(
    (target: string) => {
      if (target === section) scrollToSection(target);
    },
    [section],
  );

  return (
    <Stack gap="md" data-testid="help-page">
      <style>{guideCss}</style>
      <PageHeader title={guide.title} />
      <Flex direction={{ base: 'column', md: 'row' }} gap="lg" align="flex-start">
        <Paper
          component="nav"
          aria-label={t('help.contents')}
          withBorder
          p="sm"
          w={{ base: '100%', md: 260 }}
          className="guide-contents"
          data-testid="help-contents"
        >
          <Text fw={700} size="sm" mb={6}>
            {t('help.contents')}
          </Text>
          <Stack gap={2}>
            {guide.toc.map((entry) => (
              <Anchor
                key={entry.id}
                component={Link}
                to={{ search: sectionSearch(entry.id) }}
                onClick={() => onSectionClick(entry.id)}
                size="sm"
                pl={entry.depth === 3 ? 'md' : 0}
                fw={entry.depth === 2 ? 600 : 400}
                c={entry.id === section ? undefined : 'var(--mantine-color-text)'}
                aria-current={entry.id === section ? 'location' : undefined}
                data-testid={`help-toc-${entry.id}`}
              >
                {entry.text}
              </Anchor>
            ))}
          </Stack>
        </Paper>
        <Box component="article" maw={900} miw={0} style={{ flex: 1 }} data-testid="help-guide">
          <Stack gap="sm">
            <GuideView blocks={guide.blocks} images={imageUrls} onSectionClick={onSectionClick} />
          </Stack>
        </Box>
      </Flex>
    </Stack>
  );
}
