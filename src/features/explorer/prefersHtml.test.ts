import { describe, expect, it } from 'vitest';
import { prefersHtml } from './prefersHtml.js';

describe('prefersHtml', () => {
  it.each([
    ['text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8', true],
    ['text/html', true],
    ['text/*;q=0.9, application/json;q=0.5', true],
    ['application/json;q=0.9, text/html;q=0.9', true],
  ])('serves the page for %s', (accept, expected) => {
    expect(prefersHtml(accept)).toBe(expected);
  });

  it.each([
    ['application/graphql-response+json, application/json'],
    ['application/json'],
    ['*/*'],
    ['application/json, text/html;q=0.5'],
    ['text/html;q=0'],
    [''],
  ])('leaves %s to GraphQL', (accept) => {
    expect(prefersHtml(accept)).toBe(false);
  });

  it('leaves a request without an Accept header to GraphQL', () => {
    expect(prefersHtml(undefined)).toBe(false);
  });
});
