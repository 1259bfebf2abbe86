// Where the guides come from: the markdown of each language (a chunk of its own, fetched when the Help
// screen first shows that language) and the pictures of docs/images, bundled as files of the build
// (served by the app's protocol in the desktop app and by the host in serve mode; no network).
import { parseGuide, type Guide } from './guide';

export type GuideLanguage = 'es' | 'en';

const sources: Record<GuideLanguage, () => Promise<string>> = {
  en: () => import('@docs/user-guide.md?raw').then((m) => m.default),
  es: () => import('@docs/guia-usuario.md?raw').then((m) => m.default),
};

/** docs/images file name → the address of its copy in the build. */
export const imageUrls: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(import.meta.glob<string>('@docs/images/*.png', { eager: true, query: '?url', import: 'default' })).map(([path, url]) => [
    path.slice(path.lastIndexOf('/') + 1),
    url,
  ]),
);

const loaded = new Map<GuideLanguage, Promise<Guide>>();

/** The guide in `language`, read once per session; a failed load (a dropped connection) may be retried. */
export function loadGuide(language: GuideLanguage): Promise<Guide> {
  let guide = loaded.get(language);
  if (!guide) {
    guide = sources[language]().then(parseGuide);
    guide.catch(() => loaded.delete(language));
    loaded.set(language, guide);
  }
  return guide;
}

export function guideLanguage(language: string | undefined): GuideLanguage {
  return language?.toLowerCase().startsWith('es') ? 'es' : 'en';
}
