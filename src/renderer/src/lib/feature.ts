import type { QueryClient } from '@tanstack/react-query';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ChannelPermission } from '@shared/contract/define';

/**
 * A screen's code, loaded when it is first shown (or ahead of time by `preload`): each screen is a chunk
 * of its own, so the sign-in form and the shell never wait for the code of screens nobody opened.
 */
export interface LazyPage {
  Component: LazyExoticComponent<ComponentType>;
  /** Starts loading the screen's code (once); resolves when it is ready to render. */
  preload: () => Promise<unknown>;
}

/** `lazyPage(() => import('./items/ItemsPage'), 'ItemsPage')`: the named export of a page module, loaded on demand. */
export function lazyPage<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K): LazyPage {
  let loading: Promise<M> | undefined;
  const preload = () =>
    (loading ??= load().catch((error: unknown) => {
      // A failed load (the host restarted with a new build, a dropped connection) may be retried.
      loading = undefined;
      throw error;
    }));
  return { Component: lazy(async () => ({ default: (await preload())[name] })), preload };
}

/** A screen a feature contributes to the shell: its route, its navigation entry and who may see it. */
export interface FeatureRoute {
  /** Hash-router path, e.g. "/stock/items" (may contain :params for detail screens). */
  path: string;
  page: LazyPage;
  /** i18n key of the navigation label; routes without one are not listed in the navigation. */
  navLabelKey?: string;
  navIcon?: ComponentType<{ size?: number | string; stroke?: number }>;
  /** Navigation group: inventory, purchasing, catalog, admin. */
  navGroup?: 'inventory' | 'purchasing' | 'catalog' | 'admin';
  permission: ChannelPermission;
  /**
   * Starts the queries the screen makes when opened without address parameters (from the navigation,
   * or as the home screen after sign-in), so they travel while its code and first render run. They must
   * be the very queries the screen makes (same key and input, e.g. a shared constant for the first page):
   * a different one is fetched for nothing.
   */
  prefetch?: (client: QueryClient) => void;
}
