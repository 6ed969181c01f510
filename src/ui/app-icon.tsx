// The star icon (public/icon.svg) drawn inline: as an <img> it was one more request and a
// separate SVG document for Chromium to build on the main thread during start-up.
export function AppIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 512 512" aria-hidden="true" className={className}>
      <rect width="512" height="512" rx="112" fill="#1d4ed8" />
      <path fill="#fde047" d="M256 86l50 110 120 13-90 81 26 118-106-61-106 61 26-118-90-81 120-13z" />
    </svg>
  )
}
