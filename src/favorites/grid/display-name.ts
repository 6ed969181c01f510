// File names are shown as text, with bidi controls taken out so a name cannot disguise itself
// ("invoice\u202Egpj.exe" would read "invoiceexe.jpg").
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

export function displayName(name: string): string {
  return name.replace(BIDI_CONTROLS, '')
}
