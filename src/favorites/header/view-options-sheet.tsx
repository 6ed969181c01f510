// The view options in a sheet, for screens too narrow to show them on the header's line.
import { useI18n } from '../../lib/i18n'
import { Button } from '../../ui/controls'
import { Dialog } from '../../ui/dialog'
import { ViewOptions, type HeaderProps } from './favorites-header'
import '../../lib/messages/en-later'

export function ViewOptionsSheet({ onClose, onShortcuts, ...props }: Omit<HeaderProps, 'onSearch'> & { onClose: () => void }) {
  const { t } = useI18n()
  return (
    <Dialog
      aria-labelledby="view-options-title"
      onClose={onClose}
      className="mx-auto mt-auto mb-0 w-full max-w-md rounded-t-2xl p-4 pb-[max(1rem,env(safe-area-inset-bottom))] sm:mb-auto sm:rounded-2xl"
    >
      <h2 id="view-options-title" className="mb-3 text-base font-semibold">
        {t('viewOptions')}
      </h2>
      <div className="flex flex-col gap-3 [&>label]:justify-between">
        <ViewOptions
          {...props}
          onShortcuts={() => {
            onClose()
            onShortcuts()
          }}
          inSheet
        />
      </div>
      <div className="mt-4 flex justify-end">
        <Button onClick={onClose}>{t('close')}</Button>
      </div>
    </Dialog>
  )
}
