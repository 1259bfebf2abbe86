// The table's box fits the window: its header, horizontal scroll bar and pager stay on screen.
import { describe, expect, it } from 'vitest';
import { fitHeight } from './useFitHeight';

describe('fitHeight', () => {
  it.each([
    // table top, window height → the box reaches the window's bottom (16 px of page padding kept)
    [300, 900, 584],
    [200, 720, 504],
    [384, 720, 320],
  ])('a table starting at %i px in a %i px window takes %i px', (top, windowHeight, height) => {
    expect(fitHeight(top, windowHeight, 56)).toBe(height);
  });

  it.each([
    // too little room below the table's top: it takes the window below the app header, and the page scrolls once to show it whole
    [428, 720, 632],
    [600, 900, 812],
    [2000, 900, 812],
  ])('a table starting at %i px in a %i px window that leaves too little room takes %i px', (top, windowHeight, height) => {
    expect(fitHeight(top, windowHeight, 56)).toBe(height);
  });

  it('is never shorter than a readable table, even in a tiny window', () => {
    expect(fitHeight(100, 300, 56)).toBe(320);
    expect(fitHeight(0, 0, 56)).toBe(320);
  });

  it('always fits inside the window when the window can hold a readable table', () => {
    for (let windowHeight = 420; windowHeight <= 1600; windowHeight += 37) {
      // A table starts below the app header.
      for (let top = 56; top <= 3000; top += 53) {
        const height = fitHeight(top, windowHeight, 56);
        expect(height).toBeGreaterThanOrEqual(320);
        expect(height).toBeLessThanOrEqual(windowHeight - 56);
      }
    }
  });
});
