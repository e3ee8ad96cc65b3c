/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WebAssembly packages load their own files at run time: keep them out of the bundle.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    '@prisma/adapter-pg',
    'pg',
    '@node-rs/argon2',
    '@prisma/schema-engine-wasm',
  ],
  poweredByHeader: false,
  // a grab pack photo (up to 5 MB, checked again on the server) travels in a server action
  experimental: { serverActions: { bodySizeLimit: '6mb' } },
  // proxy.ts puts the security headers on pages and API answers; static files keep Next's immutable caching
  async headers() {
    return [
      {
        source: '/_next/static/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ]
  },
}

export default nextConfig
