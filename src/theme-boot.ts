// Imported first by main.tsx: the chosen theme is on <html> before the rest of the bundle runs.
import { applyTheme } from './lib/theme'

applyTheme()
