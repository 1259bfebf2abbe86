import type { QueryClient } from '@tanstack/react-query';
import { createElement, lazy, useState, type ComponentType } from 'react';
import type { ChannelPermission } from '@shared/contract/define';
import type { Module } from '@shared/contract/modules';

/**
 * A screen's code, loaded when it is first shown (or ahead of time by `preload`): each screen is a chunk
 * of its own, so the sign-in form and the shell never wait for the code of screens nobody opened.
 */
export interface LazyPage {
  Component: ComponentType;
  /** Starts loading the screen's code (once); resolves when it is ready to render. */
  preload: () => Promise<unknown>;
}

/** `lazyPage(() => import('./items/ItemsPage'), 'ItemsPage')`: the named export of a page module, loaded on demand. */
export function lazyPage<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K): LazyPage {
  let loading: Promise<M> | undefined;
  let loaded: ComponentType | undefined;
  const preload = () =>
    (loading ??= load().then(
      (module) => {
        loaded = module[name];
        return module;
      },
      (error: unknown) => {
        // A failed load (the host restarted with a new build, a dropped connection) may be retried.
        loading = undefined;
        throw error;
      },
    ));
  const Lazy: ComponentType = lazy<ComponentType>(async () => ({ default: (await preload())[name] }));
  // React.lazy suspends on its first render even when the code is already loaded (preloaded while the
  // user typed, or while idle): the screen then rendered twice, with its Suspense fallback committed in
  // between. A loaded screen renders at once; each mount keeps the component it started with, so it
  // is never swapped (and remounted) when the code arrives.
  function Component() {
    const [page] = useState<{ component: ComponentType }>(() => ({ component: loaded ?? Lazy }));
    return createElement(page.component);
  }
  Component.displayName = `Page(${name})`;
  return { Component, preload };
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
  navGroup?: 'inventory' | 'purchasing' | 'sales' | 'catalog' | 'admin';
  permission: ChannelPermission;
  /** The module the screen belongs to (Admin › Activations): hidden while it is switched off. */
  module?: Module;
  /** A procurement queue: its navigation entry shows how many items wait in it (purchasing.queueCounts). */
  queue?: 'approvals' | 'fulfillment' | 'receiving' | 'delivery';
  /**
   * Starts the queries the screen makes when opened without address parameters (from the navigation,
   * or as the home screen after sign-in), so they travel while its code and first render run. They must
   * be the very queries the screen makes (same key and input, e.g. a shared constant for the first page):
   * a different one is fetched for nothing.
   */
  prefetch?: (client: QueryClient) => void;
}
