// The header's search: `/` focuses it, Esc clears it and returns to the grid. On a phone it is an
// icon that opens the field over the header line; left with a query, the field closes to the icon
// and the query (the file type and the view options show again), and a tap opens it again.
import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../../lib/i18n'
import { cn } from '../../ui/cn'
import { Button, Icon } from '../../ui/controls'

/** The grid's one tab stop (its active cell), where Esc sends the focus. */
const focusGrid = () => document.querySelector<HTMLElement>('[role=grid] [tabindex="0"]')?.focus()

export function SearchField({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useI18n()
  // Typed text shows at once; the URL follows, and its renders can lag behind the keys (the router
  // renders in a transition). A value this field asked for and has not seen yet is its own echo and
  // leaves the text alone; any other (Back, Forward, the no-match screen's Clear) replaces it.
  const [text, setText] = useState(value)
  const [urlValue, setUrlValue] = useState(value)
  const [asked, setAsked] = useState<readonly string[]>([])
  if (urlValue !== value) {
    setUrlValue(value)
    const echo = asked.lastIndexOf(value)
    setAsked(echo < 0 ? [] : asked.slice(echo + 1))
    if (echo < 0) setText(value)
  } else if (asked.length > 0 && asked[asked.length - 1] === value) setAsked([]) // typed back to where the URL is
  const [open, setOpen] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  // Esc or Clear: the grid gets the focus once the cleared search is in the URL and rendered.
  const refocus = useRef(false)
  useEffect(() => {
    if (value === '' && text === '' && refocus.current) {
      refocus.current = false
      focusGrid()
    }
  }, [value, text])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return
      if ((e.target as Element).closest?.('input, textarea, select, [contenteditable], [role=dialog]')) return
      e.preventDefault()
      setOpen(true)
      input.current?.focus()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])
  // The phone's field is shown by the render that opened it: focus it then.
  useEffect(() => {
    if (open) input.current?.focus()
  }, [open])

  const change = (q: string) => {
    setText(q)
    setAsked((a) => [...a, q])
    onSearch(q)
  }
  const clear = () => {
    setOpen(false)
    if (text === '' && value === '') return focusGrid()
    refocus.current = true
    change('')
  }
  return (
    <div role="search" className="contents">
      {!open && (
        <Button
          size={text ? 'md' : 'icon'}
          className="min-w-0 sm:hidden"
          aria-label={text ? `${t('search')}: ${text}` : t('search')}
          title={t('search')}
          onClick={() => setOpen(true)}
        >
          <Icon name="search" className="size-5 shrink-0" />
          {text && <span className="max-w-20 truncate">{text}</span>}
        </Button>
      )}
      <div
        className={cn(
          'relative flex items-center',
          open ? 'max-sm:absolute max-sm:inset-0 max-sm:z-10 max-sm:bg-white max-sm:px-4 max-sm:dark:bg-slate-900' : 'max-sm:hidden',
        )}
        // Closes when the focus leaves the field and its Clear button (the phone's overlay).
        onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}
      >
        <Icon name="search" className="pointer-events-none absolute left-2.5 size-4 text-slate-500 max-sm:left-6.5 dark:text-slate-400" />
        <input
          ref={input}
          type="search"
          aria-label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          enterKeyHint="search"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return
            e.preventDefault()
            clear()
          }}
          className={
            'h-9 w-full rounded-md border border-slate-300 bg-white pr-2 pl-8 text-sm text-slate-900 ' +
            'placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-blue-600 sm:w-48 2xl:w-64 ' +
            'dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400 ' +
            '[&::-webkit-search-cancel-button]:appearance-none'
          }
        />
        {text !== '' && (
          <Button size="icon" variant="ghost" className="ml-1" aria-label={t('clearSearch')} title={t('clearSearch')} onClick={clear}>
            <Icon name="close" className="size-4" />
          </Button>
        )}
      </div>
    </div>
  )
}
