// The button style set: a variant or size replaces the base's classes instead of stacking on them.
import { render, screen } from '@testing-library/react'
import { expect, it } from 'vitest'
import { Button, buttonClass } from '../../src/ui/controls'

/** Utilities that set the same CSS property; two of one group in a class list means one loses. */
const GROUPS: Record<string, RegExp> = {
  'padding-x': /^(px|p)-/,
  'padding-y': /^(py|p)-/,
  height: /^(h|size)-/,
  width: /^(w|size)-/,
  background: /^bg-(?!opacity)/,
}
const conflicts = (classes: string) =>
  Object.entries(GROUPS).flatMap(([group, re]) => {
    const hits = classes.split(/\s+/).filter((c) => !c.includes(':') && re.test(c))
    return hits.length > 1 ? [`${group}: ${hits.join(' ')}`] : []
  })

it('gives every variant and size one value per property', () => {
  for (const variant of ['primary', 'secondary', 'ghost'] as const) {
    for (const size of ['md', 'lg', 'icon'] as const) expect(conflicts(buttonClass({ variant, size }))).toEqual([])
  }
})

it('makes an icon button square without the text padding, and keeps placement classes', () => {
  render(
    <Button size="icon" aria-label="Keyboard shortcuts" className="ml-auto">
      ?
    </Button>,
  )
  const button = screen.getByRole('button', { name: 'Keyboard shortcuts' })
  expect(button.className.split(' ')).toEqual(expect.arrayContaining(['size-9', 'p-0', 'ml-auto']))
  expect(button.className).not.toMatch(/\bpx-3\b/)
  expect(button).toHaveAttribute('type', 'button')
})

it('styles links that look like buttons with the same set', () => {
  render(
    <a className={buttonClass()} href="https://example.com/file">
      Open
    </a>,
  )
  expect(screen.getByRole('link', { name: 'Open' }).className).toBe(buttonClass())
})
