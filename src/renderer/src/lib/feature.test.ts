// lazyPage: a screen whose code is loaded renders at once, without a round through its Suspense fallback.
import { createElement, Suspense, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyPage } from './feature';

function pageModule(text: string) {
  let loads = 0;
  const load = async (): Promise<{ Page: ComponentType }> => {
    loads += 1;
    return { Page: () => createElement('p', null, text) };
  };
  return { load, loads: () => loads };
}

/** What the server renderer writes, without React's Suspense boundary markers (<!--$-->…<!--/$-->). */
const render = (Component: ComponentType) =>
  renderToString(createElement(Suspense, { fallback: createElement('i', null, 'loading') }, createElement(Component))).replace(/<!--.*?-->/g, '');

describe('lazyPage', () => {
  it('renders a preloaded screen on its first render, not its fallback', async () => {
    const module = pageModule('ready');
    const page = lazyPage(module.load, 'Page');
    await page.preload();
    expect(render(page.Component)).toBe('<p>ready</p>');
    expect(module.loads()).toBe(1);
  });

  it('shows the fallback while the code is not loaded, then the screen, loading the code once', async () => {
    const module = pageModule('later');
    const page = lazyPage(module.load, 'Page');
    // (renderToString shows a suspended boundary's fallback, with a note that the browser finishes it.)
    expect(render(page.Component)).toContain('<i>loading</i>');
    await page.preload();
    expect(render(page.Component)).toBe('<p>later</p>');
    expect(module.loads()).toBe(1);
  });

  it('loads again after a failed load', async () => {
    let fail = true;
    const page = lazyPage(async () => {
      if (fail) throw new Error('offline');
      return { Page: () => createElement('p', null, 'back') };
    }, 'Page');
    await expect(page.preload()).rejects.toThrow('offline');
    fail = false;
    await page.preload();
    expect(render(page.Component)).toBe('<p>back</p>');
  });
});
