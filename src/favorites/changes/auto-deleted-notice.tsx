// "N favorites went away because their files were deleted", until dismissed for that count.
import { useState } from 'react'
import { useI18n } from '../../lib/i18n'
import { readPref, writePref } from '../../lib/prefs'
import { Button } from '../../ui/controls'
import '../../lib/messages/en-later'

const KEY = 'koodrive.autoDeletedDismissed'

/**
 * Shown while the count differs from the one last dismissed (kept for the session, so a reload
 * keeps it dismissed and a new count brings it back). Derived on every render, never frozen at
 * the count the first render saw, which is 0 before the first page arrives.
 */
export function AutoDeletedNotice({ count }: { count: number }) {
  const { t } = useI18n()
  const [dismissedCount, setDismissedCount] = useState(() => readPref(KEY, 'session'))
  if (count <= 0 || dismissedCount === String(count)) return null
  return (
    <div
      role="note"
      className={
        'absolute inset-x-4 top-3 z-20 flex items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 shadow-md ' +
        'px-4 py-2 text-sm text-amber-950 ' +
        'dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100'
      }
    >
      <p className="flex-1">{t('autoDeleted', { count })}</p>
      <Button
        onClick={() => {
          writePref(KEY, String(count), 'session')
          setDismissedCount(String(count))
        }}
      >
        {t('dismiss')}
      </Button>
    </div>
  )
}
