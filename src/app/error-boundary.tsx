// The last resort: whatever breaks below shows a way out instead of a blank page.
import { Component, type ErrorInfo, type ReactNode } from 'react'

interface State {
  error?: Error
}

export class ErrorBoundary extends Component<{ children: ReactNode; fallback: (error: Error) => ReactNode }, State> {
  override state: State = {}
  static getDerivedStateFromError(error: Error): State {
    return { error }
  }
  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('KooDrive Favorites crashed:', error.message, info.componentStack)
  }
  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children
  }
}
