// The search field against a URL that renders late (the router renders in a transition): the
// field's `value` is what the URL held at the last render, which may be behind the keys.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { SearchField } from '../../../src/favorites/search/search-field'
import { I18nProvider } from '../../../src/lib/i18n'

function renderField(value = '') {
  const onSearch = vi.fn()
  const view = render(
    <I18nProvider initial="en">
      <SearchField value={value} onSearch={onSearch} />
    </I18nProvider>,
  )
  const rerender = (next: string) =>
    view.rerender(
      <I18nProvider initial="en">
        <SearchField value={next} onSearch={onSearch} />
      </I18nProvider>,
    )
  return { onSearch, rerender, field: screen.getByRole('searchbox', { name: 'Search favorites by name' }) }
}

describe('SearchField', () => {
  it('keeps what was typed when the URL catches up with an earlier key', async () => {
    const { field, rerender } = renderField()
    await userEvent.type(field, 'report')
    rerender('rep')
    expect(field).toHaveValue('report')
    rerender('report')
    expect(field).toHaveValue('report')
  })

  it('follows a URL it did not write (Back, Forward, or a Clear elsewhere)', async () => {
    const { field, rerender } = renderField('photo')
    expect(field).toHaveValue('photo')
    await userEvent.type(field, 's')
    rerender('photos')
    rerender('')
    expect(field).toHaveValue('')
    rerender('photo')
    expect(field).toHaveValue('photo')
  })

  it('clears with Esc while the URL has not yet rendered the query', async () => {
    const { field, onSearch } = renderField()
    await userEvent.type(field, 'report')
    await userEvent.keyboard('{Escape}')
    expect(onSearch).toHaveBeenLastCalledWith('')
    expect(field).toHaveValue('')
  })
})
