// `npm start`: the server for people. Reads the environment, serves the app and the API on one port.
import { ConfigError, readConfig } from './config'
import { startServer } from './app'

try {
  const config = readConfig()
  const running = await startServer(config)
  const files = running.app.store?.count()
  console.log(
    running.app.mode === 'demo'
      ? `KooDrive Favorites: ${running.url}  (demo library: ${files} favorites in ${config.dataDir})`
      : `KooDrive Favorites: ${running.url}  (proxy to ${config.apiUrl?.origin})`,
  )
  const stop = () => void running.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`)
    process.exit(2)
  }
  throw error
}
