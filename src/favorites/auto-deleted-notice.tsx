// "N favorites went away because their files were deleted", once per session until dismissed.
import { useState } from 'react'
import { useI18n } from '../app/i18n'
import { Button } from '../ui/controls'

const KEY = 'koodrive.autoDeletedDismissed'

export function AutoDeletedNotice({ count }: { count: number }) {
  const { t } = useI18n()
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(KEY) === String(count))
  if (count <= 0 || dismissed) return null
  return (
    <div role="note" className="mx-4 mt-3 flex items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <p className="flex-1">{count === 1 ? t('autoDeletedOne') : t('autoDeleted', { count })}</p>
      <Button
        onClick={() => {
          sessionStorage.setItem(KEY, String(count))
          setDismissed(true)
        }}
      >
        {t('dismiss')}
      </Button>
    </div>
  )
}
