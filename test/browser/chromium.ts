/**
 * The Chromium the browser tests drive (through playwright-core, which downloads no browser).
 *
 * Looks for `$CHROMIUM_PATH`, then Debian's `/usr/bin/chromium`. When there is none and this is a
 * Debian machine where we are root (the project's machines and CI), installs Debian's `chromium`
 * package (`apt-get update`, then `apt-get install -y chromium`). Anywhere else it fails with what
 * to do: a browser test that silently skips proves nothing.
 *
 *   npx tsx test/browser/chromium.ts     # prints the path, installing Chromium first if needed
 */
import { execFileSync } from 'node:child_process'
import console from 'node:console'
import { existsSync } from 'node:fs'
import process from 'node:process'
import type { LaunchOptions } from 'playwright-core'

const candidates = (): ReadonlyArray<string> =>
  [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => p !== undefined && p !== '')

const found = (): string | undefined => candidates().find((p) => existsSync(p))

/** The path of a Chromium executable, installing Debian's package first when needed. */
export const chromiumPath = (): string => {
  const present = found()
  if (present !== undefined) return present
  const root = typeof process.getuid === 'function' && process.getuid() === 0
  if (!root || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      'Chromium is not installed (looked for $CHROMIUM_PATH, /usr/bin/chromium). Install it ' +
        '(Debian/Ubuntu: `apt-get install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    )
  }
  console.error('chromium: not installed; installing Debian package chromium (apt-get update && apt-get install -y chromium)…')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env })
  execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env })
  const installed = found()
  if (installed === undefined) throw new Error('apt-get installed chromium, but /usr/bin/chromium is not there')
  return installed
}

/**
 * Launch options for playwright-core's `chromium.launch`: headless, no sandbox (the tests run as
 * root), and none of Chromium's background network traffic (the machines have a closed network).
 */
export const launchOptions = (executablePath: string): LaunchOptions => ({
  executablePath,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) console.log(chromiumPath())
